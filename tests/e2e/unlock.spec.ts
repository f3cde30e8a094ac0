import { test, expect } from '../bridge/fixtures';
import { ADMIN, dispatch, dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { passTime, stopTime } from '../bridge/test-clock';
import type { Page } from '@playwright/test';

async function tryPassphrase(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

test('unlock: choose a user, enter the passphrase, arrive in the app', async ({ page, app }) => {
  await setUpClinic(app, { locked: true });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
  await expect(page.getByLabel('Who is signing in?')).toHaveValue(ADMIN.username);
  await expect(page.getByRole('option', { name: `${ADMIN.displayName} (${ADMIN.username})` })).toBeAttached();
  await screenshot(page, 'unlock');

  await tryPassphrase(page, ADMIN.passphrase);
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('failed-attempts')).toHaveCount(0);
  const status = await dispatchOk(app, 'app.status', {});
  expect(status.vault).toBe('unlocked');
  expect(status.session?.user.username).toBe(ADMIN.username);

  // Lock returns to the unlock screen and really locks the vault.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
  await expect(page.getByTestId('lock-note')).toHaveText('Tenang is locked. Sign in again to continue.');
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('locked');
  const refused = await dispatch(app, 'settings.get', {});
  expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_SIGNED_IN');
});

test('a wrong passphrase says so in plain words and changes nothing', async ({ page, app }) => {
  await setUpClinic(app, { locked: true });
  const before = await dispatchOk(app, 'app.status', {});
  await page.goto('/');

  await tryPassphrase(page, 'not the right passphrase');
  await expect(page.locator('#unlock-passphrase-error')).toHaveText('That passphrase is not right. Check it and try again.');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');
  await screenshot(page, 'unlock-wrong-passphrase');

  // Still locked, same users; the right passphrase still works and the slip is told once.
  const after = await dispatchOk(app, 'app.status', {});
  expect(after).toEqual(before);
  expect(after.vault).toBe('locked');
  await tryPassphrase(page, ADMIN.passphrase);
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('failed-attempts')).toContainText('once since you last signed in');
  await screenshot(page, 'failed-attempts-notice');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('failed-attempts')).toHaveCount(0);
});

test('repeated failures add a delay: the button waits, and so does the server', async ({ page, app, clock }) => {
  await setUpClinic(app, { locked: true });
  await page.goto('/');
  const unlock = page.getByRole('button', { name: 'Unlock' });
  // Time stands still for the app and the page: the wait is exactly what the rules say.
  await stopTime(page, clock);

  // Two free mistakes; the third starts a wait of 5 seconds.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await expect(unlock).toBeEnabled();
    await tryPassphrase(page, `wrong passphrase number ${attempt}`);
    await expect(page.locator('#unlock-passphrase-error')).toHaveText('That passphrase is not right. Check it and try again.');
    if (attempt < 3) await expect(page.getByTestId('unlock-wait')).toHaveCount(0);
  }
  const wait = page.getByTestId('unlock-wait');
  await expect(wait).toHaveText(/please wait 0:05 before trying again/);
  await expect(unlock).toBeDisabled();
  await screenshot(page, 'unlock-delay');

  // Even the right passphrase is refused until the wait is over, without being checked.
  const early = await dispatch(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  expect(early.ok ? 'ok' : early.error).toMatchObject({ code: 'LOCKED_OUT', retryAfterMs: 5000 });

  // Four seconds on, the page still counts down; at five the button comes back and the right passphrase works.
  await passTime(page, clock, 4000);
  await expect(wait).toHaveText(/please wait 0:01 before trying again/);
  await expect(unlock).toBeDisabled();
  await passTime(page, clock, 1000);
  await expect(unlock).toBeEnabled();
  await expect(wait).toHaveCount(0);
  await tryPassphrase(page, ADMIN.passphrase);
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
  await expect(page.getByTestId('failed-attempts')).toContainText('3 times');
});

test('forgot passphrase: the recovery key sets a new one and signs in', async ({ page, app }) => {
  const { recoveryKey } = await setUpClinic(app, { locked: true });
  await page.goto('/');
  await page.getByRole('button', { name: 'Forgot your passphrase? Use the recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in with the recovery key' })).toBeVisible();

  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Recovery key').fill('0'.repeat(64));
  await page.getByLabel('New passphrase').fill('sunrise over the quiet harbour');
  await page.getByLabel('Type the passphrase again').fill('sunrise over the quiet harbour');
  await page.getByRole('button', { name: 'Set passphrase and sign in' }).click();
  await expect(page.locator('#recover-key-error')).toHaveText(/That recovery key does not open this vault/);
  await screenshot(page, 'recover-wrong-key');

  await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Set passphrase and sign in' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);

  // The new passphrase is the one that works now.
  await app.lock('manual');
  const old = await dispatch(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  expect(old.ok ? 'ok' : old.error.code).toBe('WRONG_PASSPHRASE');
  await dispatchOk(app, 'session.unlock', { username: ADMIN.username, passphrase: 'sunrise over the quiet harbour' });
});

test('an unreadable keyring offers only the recovery path, with the reason', async ({ page, app, vaultDir }) => {
  const { recoveryKey } = await setUpClinic(app, { locked: true });
  const { readdirSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const keyring = readdirSync(vaultDir).find((name) => /keyring/i.test(name));
  expect(keyring, `files in the vault: ${readdirSync(vaultDir).join(', ')}`).toBeDefined();
  writeFileSync(join(vaultDir, keyring!), 'not a keyring');
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('keyring_unreadable');

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in with the recovery key' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('missing or damaged');
  await expect(page.getByRole('button', { name: 'Back to sign in' })).toHaveCount(0);
  await expect(page.getByLabel('Who is signing in?')).toHaveCount(0);
  await screenshot(page, 'recover-keyring-unreadable');

  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Recovery key').fill(recoveryKey);
  await page.getByLabel('New passphrase').fill('sunrise over the quiet harbour');
  await page.getByLabel('Type the passphrase again').fill('sunrise over the quiet harbour');
  await page.getByRole('button', { name: 'Set passphrase and sign in' }).click();
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
});
