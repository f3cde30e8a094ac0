import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { DateTime } from 'luxon';
import { test, expect } from '../bridge/fixtures';
import { ADMIN, COUNSELLOR, dispatch, dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { applyDataKey } from '../../db/vault/sqlcipher';
import { parseRecoveryKey } from '../../shared/recovery-key';
import type { Page } from '@playwright/test';

async function openAdminTab(page: Page, tab: 'Users' | 'Settings' | 'Audit log'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: tab }).click();
}

test('the audit log lists entries in the clinic time zone, filters and pages them, and verifies the chain', async ({ page, app }) => {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  // A failed sign-in, then the admin back in, and enough settings changes for two pages.
  await app.lock('manual');
  expect((await dispatch(app, 'session.unlock', { username: COUNSELLOR.username, passphrase: 'wrong passphrase here' })).ok).toBe(false);
  await dispatchOk(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  for (let i = 0; i < 26; i++) await dispatchOk(app, 'settings.update', { autoLockMinutes: 10 + (i % 2) + 1 });
  await dispatchOk(app, 'settings.update', { autoLockMinutes: 10 });

  await page.goto('/');
  await openAdminTab(page, 'Audit log');
  const all = await dispatchOk(app, 'audit.list', { limit: 500 });
  const verification = await dispatchOk(app, 'audit.verify', {});
  expect(verification.valid).toBe(true);
  await expect(page.getByTestId('audit-verify')).toHaveText(new RegExp(`Verified: all ${verification.checked} entries are intact and in order\\.`));

  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await expect(page.getByTestId('audit-range')).toHaveText(`1–25 of ${all.total}`);
  // Newest first, time written in the clinic's zone (Asia/Jakarta) the en-GB way.
  const newest = all.entries[0]!;
  const expectedTime = DateTime.fromISO(newest.at).setZone('Asia/Jakarta').setLocale('en-GB').toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS);
  await expect(rows.first()).toContainText(expectedTime);
  await expect(rows.first()).toContainText('Settings changed');
  await expect(page.getByText('Times are shown in the clinic\'s time zone (Asia/Jakarta).')).toBeVisible();
  await screenshot(page, 'admin-audit');

  await page.getByRole('button', { name: 'Older' }).click();
  await expect(page.getByTestId('audit-range')).toHaveText(`26–${Math.min(50, all.total)} of ${all.total}`);
  await expect(rows.last()).toContainText('Vault created');

  // Filter by action: only the failed sign-in, by the counsellor's name.
  await page.getByLabel('Action').selectOption({ label: 'Sign-in failed' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Sign-in failed');
  await expect(rows.first()).toContainText('Failed');
  await expect(page.getByTestId('audit-range')).toHaveText('1–1 of 1');

  // Filter by record: the counsellor's account, added by the admin.
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('Action').selectOption({ label: 'User added' });
  await page.getByLabel('Record type').selectOption({ label: 'User account' });
  await page.getByLabel('Record ID').fill(String(counsellorId));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(ADMIN.username);
  await expect(rows.first()).toContainText(`User account ${counsellorId}`);
  await expect(rows.first()).toContainText('Role: Counsellor');

  // Filter by user: what the admin did includes adding users; the counsellor did nothing but fail.
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('User', { exact: true }).selectOption({ label: `${COUNSELLOR.displayName} (${COUNSELLOR.username})` });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const byCounsellor = await dispatchOk(app, 'audit.list', { actorUserId: counsellorId! });
  await expect(page.getByTestId('audit-range')).toHaveText(`1–${byCounsellor.total} of ${byCounsellor.total}`);

  // Dates: nothing before the vault existed; everything from today (clinic time) on.
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('To').fill('2020-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByLabel('From').fill('2020-01-02');
  await expect(page.getByText('The From date must not be after the To date.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply filters' })).toBeDisabled();
});

test('the audit screen says where the chain breaks when an entry was edited', async ({ page, app, vaultDir }) => {
  const { recoveryKey } = await setUpClinic(app, { counsellor: true });
  await app.lock('manual');
  // Someone with the key edits entry 2 behind Tenang's back (dropping the trigger that refuses updates).
  const db = new Database(join(vaultDir, 'tenang.db'));
  applyDataKey(db, parseRecoveryKey(recoveryKey)!);
  const updateGuards = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry' AND sql LIKE '%BEFORE UPDATE%'").all() as { name: string }[];
  expect(updateGuards.length).toBeGreaterThan(0);
  for (const { name } of updateGuards) db.exec(`DROP TRIGGER "${name}"`);
  expect(db.prepare("UPDATE audit_entry SET outcome = 'failure' WHERE seq = 2").run().changes).toBe(1);
  db.close();

  await dispatchOk(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  const verification = await dispatchOk(app, 'audit.verify', {});
  expect(verification.valid).toBe(false);
  await page.goto('/');
  await openAdminTab(page, 'Audit log');
  await expect(page.getByTestId('audit-verify')).toHaveText(new RegExp(`entry ${verification.problem!.seq} `));
  await expect(page.getByTestId('audit-verify')).toContainText('The audit log does not verify');
  await screenshot(page, 'admin-audit-broken');
});

test('settings: the admin changes clinic name, language, time zone and auto-lock; the draft is kept meanwhile', async ({ page, app }) => {
  await setUpClinic(app);
  await page.goto('/');
  await openAdminTab(page, 'Settings');
  const name = page.getByLabel('Clinic name');
  await expect(name).toHaveValue('Klinik Konseling Harapan');
  await expect(page.getByLabel('Lock after this many idle minutes')).toHaveValue('10');

  await page.getByLabel('Lock after this many idle minutes').fill('500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-auto-lock-error')).toHaveText('Lock after this many idle minutes must be at most 120.');
  await name.fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-clinic-name-error')).toHaveText('Clinic name is required.');
  await screenshot(page, 'admin-settings-errors');
  expect((await dispatchOk(app, 'settings.get', {})).autoLockMinutes).toBe(10);

  await name.fill('Klinik Harapan Sejahtera');
  await page.getByLabel('Lock after this many idle minutes').fill('15');
  await page.getByLabel('Clinic time zone').selectOption('Asia/Makassar');
  await expect
    .poll(async () => (await dispatchOk(app, 'drafts.get', { formKey: 'admin.settings' })).payload)
    .toMatchObject({ clinicName: 'Klinik Harapan Sejahtera', autoLockMinutes: 15, timeZone: 'Asia/Makassar' });
  await expect(page.getByTestId('draft-status')).toHaveText(/Draft saved/);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-saved')).toHaveText('Settings saved.');
  await screenshot(page, 'admin-settings');

  expect(await dispatchOk(app, 'settings.get', {})).toEqual({ clinicName: 'Klinik Harapan Sejahtera', language: 'en', timeZone: 'Asia/Makassar', autoLockMinutes: 15, workingDays: [1, 2, 3, 4, 5] });
  expect((await dispatchOk(app, 'drafts.get', { formKey: 'admin.settings' })).payload).toBeNull();
  await expect(page.getByTestId('clinic-name')).toHaveText('Klinik Harapan Sejahtera');
});

test('my account: change your own passphrase', async ({ page, app }) => {
  await setUpClinic(app);
  await page.goto('/');
  await page.getByRole('link', { name: /Ayu Lestari/ }).click();
  await page.getByLabel('Current passphrase').fill('not my passphrase at all');
  await page.getByLabel('New passphrase').fill('evening rain on the terrace');
  await page.getByLabel('Type the passphrase again').fill('evening rain on the terrace');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.locator('#account-current-passphrase-error')).toHaveText('That passphrase is not right. Check it and try again.');

  await page.getByLabel('Current passphrase').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Your passphrase has been changed.')).toBeVisible();
  await expect(page.getByLabel('Current passphrase')).toHaveValue('');

  await app.lock('manual');
  const old = await dispatch(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  expect(old.ok ? 'ok' : old.error.code).toBe('WRONG_PASSPHRASE');
  await dispatchOk(app, 'session.unlock', { username: ADMIN.username, passphrase: 'evening rain on the terrace' });
});
