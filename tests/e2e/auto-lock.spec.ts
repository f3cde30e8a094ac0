import { test, expect } from '../bridge/fixtures';
import { ADMIN, dispatch, dispatchOk, setUpClinic } from '../bridge/clinic';
import { screenshot } from '../bridge/screens';
import { passTime, stopTime } from '../bridge/test-clock';

const TEN_MINUTES = 10 * 60_000;

test('idle auto-lock returns to unlock with the reason; the Add-user draft survives, passphrases do not', async ({ page, app, clock }) => {
  await setUpClinic(app);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a user' }) });
  await expect(form.getByTestId('draft-status')).toHaveText('');

  await form.getByLabel('Full name').fill('Citra Wulandari');
  await form.getByLabel('Username').fill('citra');
  await form.getByLabel('Role').selectOption('admin');
  await form.getByLabel('First passphrase').fill('a secret that must never be kept');
  await form.getByLabel('Type the passphrase again').fill('a secret that must never be kept');
  await expect(form.getByTestId('draft-status')).toHaveText(/^Draft saved \d{1,2}[:.]\d{2}$/);

  // What the vault holds: the fields, never the passphrases.
  const saved = await dispatchOk(app, 'drafts.get', { formKey: 'admin.users.create' });
  expect(saved.payload).toEqual({ displayName: 'Citra Wulandari', username: 'citra', role: 'admin' });

  // Not idle yet: nothing happens.
  clock.advance(TEN_MINUTES - 60_000);
  await app.checkIdle();
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('unlocked');

  // Past the configured 10 minutes without activity: the app locks itself.
  clock.advance(2 * 60_000);
  await app.checkIdle();
  await expect(page.getByRole('heading', { name: 'Unlock Tenang' })).toBeVisible();
  await expect(page.getByTestId('lock-note')).toHaveText(
    'Tenang locked itself because nobody used it for a while. Sign in again to continue where you left off.',
  );
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('locked');
  const refused = await dispatch(app, 'drafts.get', { formKey: 'admin.users.create' });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_SIGNED_IN');
  await screenshot(page, 'locked-idle');

  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();

  // Back where they were, with what they typed — except the passphrases.
  await expect(form.getByTestId('draft-status')).toHaveText(/^Draft from .+ restored$/);
  await expect(form.getByLabel('Full name')).toHaveValue('Citra Wulandari');
  await expect(form.getByLabel('Username')).toHaveValue('citra');
  await expect(form.getByLabel('Role')).toHaveValue('admin');
  await expect(form.getByLabel('First passphrase')).toHaveValue('');
  await expect(form.getByLabel('Type the passphrase again')).toHaveValue('');
  await screenshot(page, 'draft-restored');

  // Submitting the form discards the draft.
  await form.getByLabel('First passphrase').fill('harbour lights over still water');
  await form.getByLabel('Type the passphrase again').fill('harbour lights over still water');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId('users-notice')).toHaveText('Citra Wulandari has been added.');
  expect((await dispatchOk(app, 'drafts.get', { formKey: 'admin.users.create' })).payload).toBeNull();
});

test('input in the app postpones the idle lock: session.activity, at most once per 30 s', async ({ page, app, clock, pageCalls }) => {
  await setUpClinic(app);
  await page.goto('/');
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.displayName);
  const activityCalls = () => pageCalls.filter((channel) => channel === 'session.activity').length;
  expect(activityCalls()).toBe(0);

  // Nine quiet minutes, then the person presses keys and scrolls, all within one moment of
  // the page's clock (stopped): the reporter tells the app once, not again within 30 s.
  await stopTime(page, clock);
  await passTime(page, clock, TEN_MINUTES - 60_000);
  await page.keyboard.press('Tab');
  await expect.poll(activityCalls).toBe(1);
  await page.keyboard.press('Tab');
  await page.mouse.wheel(0, 200);
  await page.mouse.click(700, 500);
  await page.waitForTimeout(1_000);
  expect(activityCalls()).toBe(1);

  // Eleven minutes after sign-in but two after the input: still unlocked.
  await passTime(page, clock, 2 * 60_000);
  await app.checkIdle();
  expect((await dispatchOk(app, 'app.status', {})).vault).toBe('unlocked');
  await expect(page.getByTestId('signed-in-name')).toBeVisible();

  // Ten more quiet minutes: locked.
  await passTime(page, clock, TEN_MINUTES);
  await app.checkIdle();
  await expect(page.getByTestId('lock-note')).toContainText('nobody used it for a while');
});

test('locks for the OS and for suspend show their own reasons', async ({ page, app }) => {
  await setUpClinic(app);
  await page.goto('/');
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  await app.lock('os_lock');
  await expect(page.getByTestId('lock-note')).toHaveText('Tenang locked itself because this computer was locked.');

  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('signed-in-name')).toBeVisible();
  await app.lock('suspend');
  await expect(page.getByTestId('lock-note')).toHaveText('Tenang locked itself because this computer went to sleep.');
});
