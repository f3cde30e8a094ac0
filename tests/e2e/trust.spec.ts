import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { ADMIN, COUNSELLOR, setUpClinic } from '../bridge/clinic';
import { screenshotsFor } from '../bridge/screens';
import { passTime, stopTime } from '../bridge/test-clock';
import { untranslatedOnPage } from '../bridge/visible-text';
import { throughTheWizard } from '../bridge/setup-wizard';
import { RECOVERY_KEY_CLIPBOARD_MS, parseRecoveryKey } from '../../shared/recovery-key';
import { VaultFolder } from '../../db/vault/vault-folder';

/** Issue 11's smaller holes: the copied recovery key, and a user without a recorded key. */
const screens = screenshotsFor('trust');

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('a copied recovery key leaves the clipboard after a minute, though the wizard has moved on', async ({ page, clock }) => {
  // The page's timers run on Playwright's clock (the fixture installs it); the clipboard may be read, as a browser allows.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const key = await throughTheWizard(page);
  // Time stands still from here and moves only by passTime: the minute is the page's, not the machine's.
  await stopTime(page, clock);

  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByTestId('copy-note')).toHaveText(
    'Copied. The clipboard is cleared in 60 seconds, unless you copy something else first. Paste the key only somewhere safe.',
  );
  expect(await clipboardText(page)).toBe(key);
  await screens(page, 'copy-key-en');

  // Moving on to the app does not cancel the clearing.
  await page.getByLabel('I have stored the recovery key safely.').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
  await passTime(page, clock, RECOVERY_KEY_CLIPBOARD_MS - 1_000);
  expect(await clipboardText(page)).toBe(key);
  await passTime(page, clock, 1_000);
  await expect.poll(() => clipboardText(page)).toBe('');
});

test('something copied after the key is left on the clipboard (in Bahasa Indonesia)', async ({ page, clock }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const key = await throughTheWizard(page);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await stopTime(page, clock);

  await page.getByRole('button', { name: 'Salin' }).click();
  await expect(page.getByTestId('copy-note')).toHaveText(
    'Tersalin. Papan klip dikosongkan dalam 60 detik, kecuali Anda menyalin hal lain lebih dulu. Tempelkan kunci hanya di tempat yang aman.',
  );
  expect(await clipboardText(page)).toBe(key);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screens(page, 'copy-key-id');

  // The user pastes the key into their password manager, then copies something of their own.
  await page.evaluate(() => navigator.clipboard.writeText('0812-3456-7890'));
  await passTime(page, clock, RECOVERY_KEY_CLIPBOARD_MS);
  await expect(page.getByTestId('copy-note')).toHaveText('Anda sudah menyalin hal lain, jadi papan klip dibiarkan apa adanya.');
  expect(await clipboardText(page)).toBe('0812-3456-7890');

  // Copied again: the key is gone a minute later, and the screen says so. The minute starts
  // once the copy has landed (the note says so), not at the click.
  await page.getByRole('button', { name: 'Salin' }).click();
  await expect(page.getByTestId('copy-note')).toHaveText(/^Tersalin\./);
  await passTime(page, clock, RECOVERY_KEY_CLIPBOARD_MS);
  await expect(page.getByTestId('copy-note')).toHaveText('Kunci pemulihan sudah dihapus dari papan klip.');
  expect(await clipboardText(page)).toBe('');
});

test('a user whose key the vault does not record is told how to get back in', async ({ page, app, vaultDir }) => {
  const { recoveryKey } = await setUpClinic(app, { counsellor: true, locked: true });
  // As a vault from before schema 2 left its users: slots in the keyring, no keys recorded.
  const raw = await new VaultFolder(vaultDir).open(Buffer.from(parseRecoveryKey(recoveryKey)!, 'hex'), { create: false });
  await raw.query('UPDATE user_account SET slot_public_key = NULL');
  await raw.destroy();

  await page.goto('/');
  await page.getByLabel('Who is signing in?').selectOption(COUNSELLOR.username);
  await page.getByLabel('Passphrase', { exact: true }).fill(COUNSELLOR.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Tenang cannot trust the key of this account: none is recorded in the vault for it. Ask a clinic admin to reset your passphrase (Admin → Users), then sign in with the new one.',
  );
  await screens(page, 'unrecorded-key-en');

  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByLabel('Siapa yang masuk?').selectOption(ADMIN.username);
  await page.getByLabel('Frasa sandi', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Tenang tidak dapat memercayai kunci akun ini: tidak ada kunci yang tercatat untuknya di brankas. Pilih “Lupa frasa sandi?” dan buat frasa sandi baru dengan kunci pemulihan, atau minta admin lain mengatur ulang frasa sandi Anda.',
  );
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screens(page, 'unrecorded-key-id');
});
