import { test, expect } from '../bridge/fixtures';
import { signIn } from '../bridge/sign-in';
import { ADMIN, COUNSELLOR, dispatch, dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { invokeFromPage } from '../bridge/install-bridge';

test('an admin adds a counsellor, who signs in and sees no admin screens; the server refuses them too', async ({ page, app }) => {
  await setUpClinic(app);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'People who use Tenang' })).toBeVisible();
  const table = page.getByTestId('users-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);

  // A taken username comes back from the server under the Username field.
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a user' }) });
  await form.getByLabel('Full name').fill('Someone Else');
  await form.getByLabel('Username').fill(ADMIN.username);
  await form.getByLabel('First passphrase').fill(COUNSELLOR.passphrase);
  await form.getByLabel('Type the passphrase again').fill(COUNSELLOR.passphrase);
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('#add-user-username-error')).toHaveText('That username is already in use. Choose another one.');

  await form.getByLabel('Full name').fill(COUNSELLOR.displayName);
  await form.getByLabel('Username').fill(COUNSELLOR.username);
  await expect(form.getByLabel('Role')).toHaveValue('counsellor');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId('users-notice')).toHaveText(`${COUNSELLOR.displayName} has been added.`);
  const row = table.locator(`tr[data-username="${COUNSELLOR.username}"]`);
  await expect(row).toContainText(COUNSELLOR.displayName);
  await expect(row).toContainText('Counsellor');
  await expect(row).toContainText('Active');
  // The form is empty again and its draft is gone.
  await expect(form.getByLabel('Username')).toHaveValue('');
  expect((await dispatchOk(app, 'drafts.get', { formKey: 'admin.users.create' })).payload).toBeNull();
  await screenshot(page, 'admin-users');

  const listed = (await dispatchOk(app, 'users.list', {})).users.find((user) => user.username === COUNSELLOR.username);
  expect(listed).toMatchObject({ role: 'counsellor', active: true, canUnlock: true, displayName: COUNSELLOR.displayName });

  // Sign in as the counsellor.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, COUNSELLOR);
  await expect(page.getByTestId('signed-in-role')).toHaveText('Counsellor');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Referrals', 'Calendar', 'Clients']) await expect(nav.getByRole('link', { name: item })).toBeVisible();
  // Agency reports and Admin are for admins.
  for (const item of ['Reports', 'Admin']) await expect(nav.getByRole('link', { name: item })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await screenshot(page, 'counsellor-shell');

  // Hidden is not enough: the dispatcher refuses the counsellor's admin calls.
  for (const channel of ['users.list', 'audit.list', 'audit.verify', 'reports.register'] as const) {
    const refused = await invokeFromPage(page, channel, {});
    expect(refused, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  const settingsChange = await invokeFromPage(page, 'settings.update', { autoLockMinutes: 120 });
  expect(settingsChange).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // Their own account page works.
  await page.getByRole('link', { name: /Budi Santoso/ }).click();
  await expect(page.getByRole('heading', { name: 'My account' })).toBeVisible();
  await screenshot(page, 'account');

  // The refusals are in the audit log for the admin to see.
  await app.lock('manual');
  await dispatchOk(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  const denied = await dispatchOk(app, 'audit.list', { action: 'access.denied' });
  expect(denied.entries.map((entry) => entry.recordId).sort()).toEqual(['audit.list', 'audit.verify', 'reports.register', 'settings.update', 'users.list']);
  expect((await dispatchOk(app, 'settings.get', {})).autoLockMinutes).toBe(10);
});

test('an admin disables a user after confirming, and resets a passphrase', async ({ page, app }) => {
  await setUpClinic(app, { counsellor: true });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  const row = page.getByTestId('users-table').locator(`tr[data-username="${COUNSELLOR.username}"]`);

  // Reset the counsellor's passphrase.
  await row.getByRole('button', { name: /Reset passphrase/ }).click();
  const resetDialog = page.getByRole('dialog', { name: `New passphrase for ${COUNSELLOR.displayName}` });
  await expect(resetDialog).toBeVisible();
  await resetDialog.getByLabel('New passphrase').fill('short');
  await resetDialog.getByRole('button', { name: 'Set new passphrase' }).click();
  await expect(resetDialog.locator('#reset-new-passphrase-error')).toHaveText('New passphrase must be at least 12 characters long.');
  await resetDialog.getByLabel('New passphrase').fill('mangrove tide under lanterns');
  await resetDialog.getByLabel('Type the passphrase again').fill('mangrove tide under lanterns');
  await screenshot(page, 'admin-users-reset-dialog', { viewport: true });
  await resetDialog.getByRole('button', { name: 'Set new passphrase' }).click();
  await expect(page.getByTestId('users-notice')).toHaveText(`${COUNSELLOR.displayName} has a new passphrase.`);
  await expect(resetDialog).toHaveCount(0);

  // Disable asks first; Cancel changes nothing.
  await row.getByRole('button', { name: /Disable/ }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${COUNSELLOR.displayName}?` });
  await expect(confirm).toContainText('will no longer be able to unlock Tenang');
  await screenshot(page, 'admin-users-disable-dialog', { viewport: true });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await dispatchOk(app, 'users.list', {})).users.find((u) => u.username === COUNSELLOR.username)?.active).toBe(true);

  await row.getByRole('button', { name: /Disable/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable user' }).click();
  await expect(page.getByTestId('users-notice')).toHaveText(`${COUNSELLOR.displayName} has been disabled.`);
  await expect(row).toContainText('Disabled');
  await expect(row.getByRole('button')).toHaveCount(0);
  // The admin can neither disable themselves nor reset their own passphrase from here (that
  // is My account, which asks for the current one): their own row has no action at all.
  const ownRow = page.getByTestId('users-table').locator(`tr[data-username="${ADMIN.username}"]`);
  await expect(ownRow).toContainText(ADMIN.displayName);
  await expect(ownRow.getByRole('button', { name: /Disable/ })).toHaveCount(0);
  await expect(ownRow.getByRole('button', { name: /Reset passphrase/ })).toHaveCount(0);
  await expect(ownRow.getByRole('button')).toHaveCount(0);

  // The disabled counsellor can no longer sign in, with the old or the reset passphrase.
  await app.lock('manual');
  const attempt = await dispatch(app, 'session.unlock', { username: COUNSELLOR.username, passphrase: 'mangrove tide under lanterns' });
  expect(attempt.ok).toBe(false);
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
  await expect(page.getByRole('option', { name: new RegExp(COUNSELLOR.displayName) })).toHaveCount(0);
});
