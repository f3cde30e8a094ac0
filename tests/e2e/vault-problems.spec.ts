import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { ADMIN, dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { applyDataKey } from '../../db/vault/sqlcipher';
import { parseRecoveryKey } from '../../shared/recovery-key';

async function unlockAsAdmin(page: Page): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('a damaged vault file gets its own screen, is not opened, and is not changed', async ({ page, app, vaultDir }) => {
  await setUpClinic(app, { locked: true });
  const databasePath = join(vaultDir, 'tenang.db');
  // Overwrite one page in the middle of the file, as a failing disk might.
  const bytes = readFileSync(databasePath);
  expect(bytes.length).toBeGreaterThan(4 * 4096);
  bytes.fill(0x41, 2 * 4096, 3 * 4096);
  writeFileSync(databasePath, bytes);
  const damaged = readFileSync(databasePath);

  await page.goto('/');
  await unlockAsAdmin(page);
  await expect(page.getByTestId('vault-problem-title')).toHaveText('The vault file is damaged');
  await expect(page.getByRole('alert')).toContainText('It was not opened, so nothing in it was changed.');
  await expect(page.getByText('Restore the vault folder from your most recent backup')).toBeVisible();
  await screenshot(page, 'vault-damaged');
  expect(readFileSync(databasePath).equals(damaged)).toBe(true);
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('locked');

  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByTestId('vault-problem-title')).toHaveText('Berkas vault rusak');
  await screenshot(page, 'id-vault-damaged');
  await page.getByRole('button', { name: 'Kembali ke halaman masuk' }).click();
  await expect(page.getByLabel('Frasa sandi', { exact: true })).toBeVisible();
});

test('a vault from a newer Tenang is refused with its own screen and left as it was', async ({ page, app, vaultDir }) => {
  const { recoveryKey } = await setUpClinic(app, { locked: true });
  const databasePath = join(vaultDir, 'tenang.db');
  const db = new Database(databasePath);
  applyDataKey(db, parseRecoveryKey(recoveryKey)!);
  db.pragma('user_version = 999');
  db.close();
  const before = readFileSync(databasePath);
  const modified = statSync(databasePath).mtimeMs;

  await page.goto('/');
  await unlockAsAdmin(page);
  await expect(page.getByTestId('vault-problem-title')).toHaveText('This vault needs a newer Tenang');
  await expect(page.getByText('Install the latest version of Tenang on this computer')).toBeVisible();
  await screenshot(page, 'vault-too-new');
  expect(readFileSync(databasePath).equals(before)).toBe(true);
  expect(statSync(databasePath).mtimeMs).toBe(modified);

  await page.getByRole('button', { name: 'Back to sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
});
