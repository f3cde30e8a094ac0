import { test, expect } from '../bridge/fixtures';
import { throughTheWizard } from '../bridge/setup-wizard';
import { ADMIN, dispatchOk } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { formatRecoveryKey, parseRecoveryKey } from '../../shared/recovery-key';

test('first run: the setup wizard creates the vault, shows the recovery key once, then opens the app', async ({ page, app }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Tenang' })).toBeVisible();
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('uninitialised');
  await expect(page.getByLabel('Clinic time zone')).toHaveValue('Asia/Jakarta');
  await screenshot(page, 'setup-clinic');

  // Errors are translated, under their field, and name it.
  await page.getByRole('button', { name: 'Next' }).click();
  const clinicName = page.getByLabel('Clinic name');
  await expect(clinicName).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#setup-clinic-name-error')).toHaveText('Clinic name is required.');
  await expect(clinicName).toHaveAttribute('aria-describedby', /setup-clinic-name-error/);
  await screenshot(page, 'setup-clinic-error');

  await clinicName.fill('Klinik Konseling Harapan');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'The first administrator' })).toBeVisible();

  await page.getByLabel('Full name').fill(ADMIN.displayName);
  await page.getByLabel('Username').fill(ADMIN.username);
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await passphrase.fill('password1234');
  await page.getByLabel('Type the passphrase again').fill('something else entirely');
  await page.getByRole('button', { name: 'Create the vault' }).click();
  // The contract's policy, in words: a common password, and a confirmation that differs.
  await expect(page.locator('#setup-new-passphrase-error')).toHaveText(/Passphrase is on a list of commonly used passwords/);
  await expect(page.locator('#setup-confirm-passphrase-error')).toHaveText(/The two passphrases are not the same/);
  await expect(page.getByText('Strength: too weak')).toBeVisible();
  await screenshot(page, 'setup-admin-errors');
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('uninitialised');

  await passphrase.fill(ADMIN.passphrase);
  await page.getByLabel('Type the passphrase again').fill(ADMIN.passphrase);
  await expect(page.getByText(/Strength: (strong|very strong)/)).toBeVisible();
  await expect(page.locator('#setup-new-passphrase-error')).toHaveCount(0);
  await screenshot(page, 'setup-admin');
  await page.getByRole('button', { name: 'Create the vault' }).click();

  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const groups = (await page.locator('.recovery-key__group').allTextContents()).map((group) => group.replace('-', '').trim());
  const shownKey = groups.join('-');
  const hex = parseRecoveryKey(shownKey);
  expect(hex, `recovery key on screen: ${shownKey}`).not.toBeNull();
  expect(shownKey).toBe(formatRecoveryKey(hex!));
  expect(groups).toHaveLength(8);
  // The vault exists and the admin is signed in already.
  const status = await dispatchOk(app, 'app.status', {});
  expect(status.vault).toBe('unlocked');
  expect(status.session?.user.username).toBe(ADMIN.username);
  await screenshot(page, 'recovery-key');

  // Copy puts exactly the key, as shown, on the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByText('Copied. The clipboard is cleared in 60 seconds')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shownKey);

  // Printing shows the key and its instructions, not the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Continue' })).toBeHidden();
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await screenshot(page, 'recovery-key-print');
  await page.emulateMedia({ media: 'screen' });

  const proceed = page.getByRole('button', { name: 'Continue' });
  await expect(proceed).toBeDisabled();
  await page.getByLabel('I have stored the recovery key safely.').check();
  await expect(proceed).toBeEnabled();
  await proceed.click();

  await expect(page.getByTestId('clinic-name')).toHaveText('Klinik Konseling Harapan');
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('signed-in-role')).toHaveText('Clinic admin');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Referrals', 'Calendar', 'Clients', 'Reports', 'Admin']) await expect(nav.getByRole('link', { name: item })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Referrals', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Referral sections' })).toBeVisible();
  await screenshot(page, 'shell-referrals');

  // The key is gone from the page once the person moved on, and was never stored.
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }));
  expect(stored.toLowerCase()).not.toContain(hex!.slice(0, 16));

  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  await screenshot(page, 'shell-calendar');
});

test('a lock while the recovery key is on screen keeps the key until it is stored, then asks to sign in', async ({ page, app }) => {
  await throughTheWizard(page);

  await app.lock('idle');
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('locked');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('recovery-key')).toBeVisible();

  await page.getByLabel('I have stored the recovery key safely.').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
  await expect(page.getByTestId('lock-note')).toContainText('nobody used it for a while');
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
});
