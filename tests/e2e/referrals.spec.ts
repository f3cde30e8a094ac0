import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { passTime } from '../bridge/test-clock';
import { screenshotsFor } from '../bridge/screens';
import { signIn } from '../bridge/sign-in';
import { ADMIN, COUNSELLOR, dispatchOk, setUpClinic } from '../bridge/clinic';
import { invokeFromPage } from '../bridge/install-bridge';
import { untranslatedOnPage } from '../bridge/visible-text';
import { DEFAULT_TARGETS } from '../../shared/domain/agencies';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('referrals');

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByLabel('Who is signing in?')).toBeVisible();
}

const OTHER_COUNSELLOR = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const HOUR = 3_600_000;
const ZONE = 'Asia/Jakarta';

test('a formal referral is taken in, waits with its countdown, is assigned, and only its counsellor sees it', async ({ page, app, clock }) => {
  test.setTimeout(240_000);
  await setUpClinic(app, { counsellor: true });
  await dispatchOk(app, 'users.create', {
    username: OTHER_COUNSELLOR.username,
    displayName: OTHER_COUNSELLOR.displayName,
    role: 'counsellor',
    newPassphrase: OTHER_COUNSELLOR.passphrase,
    confirmPassphrase: OTHER_COUNSELLOR.passphrase,
  });

  // An agency with a contract in force (the agencies journey covers their screens).
  const today = testNowIn(ZONE).toISODate()!;
  const agency = await dispatchOk(app, 'agencies.create', { name: 'Dinas Pemadam Kebakaran Kota Surabaya', sector: 'emergency_services' });
  const start = DateTime.fromISO(today).minus({ months: 2 });
  await dispatchOk(app, 'contracts.create', {
    agencyId: agency.id,
    startDate: start.toISODate()!,
    endDate: start.plus({ years: 1 }).minus({ days: 1 }).toISODate()!,
    coveredHeadcount: 850,
    sessionAllowance: 6,
    allowancePolicy: 'warn',
    targets: DEFAULT_TARGETS,
    minCellSize: 5,
    reportingFrequency: 'quarterly',
  });
  // Rina came once before (a closed self-referral): the duplicate guard should find her.
  const earlier = await dispatchOk(app, 'referrals.create', {
    agencyId: agency.id,
    receivedDate: DateTime.fromISO(today).minus({ days: 40 }).toISODate()!,
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['workload_stress'],
    client: { mode: 'new', givenName: 'Rina', familyName: 'Wijaya', dateOfBirth: '1987-04-12' },
  });
  if (earlier.outcome !== 'created') throw new Error('the earlier referral was not created');
  const rinaCode = earlier.referral.clientCode;
  await dispatchOk(app, 'referrals.move', { id: earlier.referral.id, to: 'closed', closureReason: 'completed' });
  // Someone else already waiting, routinely, to show the board's order.
  await dispatchOk(app, 'referrals.create', {
    agencyId: agency.id,
    receivedDate: today,
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['burnout'],
    client: { mode: 'new', givenName: 'Agus', familyName: 'Prasetyo' },
  });

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  const tabs = page.getByRole('navigation', { name: 'Referral sections' });
  await expect(tabs.getByRole('link')).toHaveText(['Waitlist', 'New referral', 'All referrals', 'Import']);
  await tabs.getByRole('link', { name: 'New referral' }).click();

  const intake = page.locator('section.intake');
  await expect(intake.getByRole('heading', { name: 'New referral' })).toBeVisible();
  await expect(intake.getByLabel('Date received')).toHaveValue(today);
  await expect(intake.getByTestId('formal-referral-fields')).toHaveCount(0);

  // Saving an empty form: each problem under its field, in words, before anything is sent.
  await intake.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.locator('#intake-agency-error')).toHaveText('Agency is required.');
  await expect(page.locator('#intake-type-error')).toHaveText('Referral type is required.');
  await expect(page.locator('#intake-urgency-error')).toHaveText('Urgency is required.');
  await expect(page.locator('#intake-issues-error')).toHaveText('Choose at least one presenting issue.');
  await expect(page.locator('#intake-given-name-error')).toHaveText('Given name is required.');
  await screenshot(page, 'validation');

  await intake.getByLabel('Agency', { exact: true }).selectOption({ label: agency.name });
  await intake.getByLabel('Referral type').selectOption('formal_management');
  await expect(intake.getByTestId('formal-referral-fields')).toBeVisible();
  await intake.getByRole('radio', { name: 'Urgent' }).check();
  await intake.getByRole('checkbox', { name: 'Workload and work stress' }).check();
  await intake.getByRole('checkbox', { name: 'Conflict with the public or service users' }).check();
  await intake.getByLabel('Reason for referral').fill('Two heated complaints from residents this month; her station chief asks for support.');
  await intake.getByLabel('Referrer’s name').fill('Bambang Hartono');
  await intake.getByLabel('Referrer’s contact').fill('+62 31 532 1100');
  await intake.getByRole('radio', { name: 'Attendance only' }).check();

  // Nothing typed is lost to a lock: the draft comes back after signing in again.
  await expect(intake.getByTestId('draft-status')).toHaveText(/^Draft saved /);
  await lock(page);
  await signIn(page, ADMIN);
  await expect(intake.getByTestId('draft-status')).toHaveText(/^Draft from .+ restored$/);
  await expect(intake.getByLabel('Referrer’s name')).toHaveValue('Bambang Hartono');
  await expect(intake.getByRole('radio', { name: 'Attendance only' })).toBeChecked();
  await expect(intake.getByRole('radio', { name: 'Urgent' })).toBeChecked();
  await expect(intake.getByRole('checkbox', { name: 'Conflict with the public or service users' })).toBeChecked();

  // The new client looks like Rina: warned as soon as her birth date is entered.
  await intake.getByLabel('Given name').fill('Rina');
  await intake.getByLabel('Family name').fill('Wijaya');
  await intake.getByLabel('Date of birth').fill('1987-04-12');
  await intake.getByLabel('Email').focus();
  const warning = intake.getByTestId('duplicate-warning');
  await expect(warning).toContainText('This may be a client the agency already has');
  await expect(warning).toContainText(rinaCode);
  await expect(warning).toContainText('Rina Wijaya');

  // A consent level without its dates is refused by the contract's rule, under each date.
  await intake.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.locator('#intake-consent-date-error')).toHaveText('Give the date consent was given.');
  await expect(page.locator('#intake-consent-expiry-error')).toHaveText('Give the date consent expires.');
  const consentExpiry = DateTime.fromISO(today).plus({ months: 6 }).toISODate()!;
  await intake.getByLabel('Consent given on').fill(today);
  await intake.getByLabel('Consent expires on').fill(consentExpiry);
  await screenshot(page, 'intake-duplicate');

  // Saving anyway: the service refuses to register her twice and the warning asks again.
  await intake.getByRole('button', { name: 'Save referral' }).click();
  await expect(warning).toHaveAttribute('role', 'alert');
  await expect(warning.getByRole('heading')).toBeFocused();
  await warning.getByRole('button', { name: `Use this client ${rinaCode}` }).click();

  // Saved for the existing client, and on the waitlist with its countdown.
  const notice = page.getByTestId('intake-notice');
  await expect(notice).toHaveText(`The referral for Rina Wijaya (${rinaCode}) has been saved and is waiting for triage below.`);
  await expect(tabs.getByRole('link', { name: 'Waitlist' })).toHaveAttribute('aria-current', 'page');
  expect((await dispatchOk(app, 'clients.search', { query: 'Rina' })).total).toBe(1);
  expect((await dispatchOk(app, 'drafts.get', { formKey: 'referrals.intake' })).payload).toBeNull();
  const created = (await dispatchOk(app, 'referrals.list', { status: 'new' })).referrals.find((r) => r.clientCode === rinaCode)!;
  expect(created).toMatchObject({
    referralType: 'formal_management',
    urgency: 'urgent',
    presentingIssues: ['workload_stress', 'conflict_with_public'],
    referrerName: 'Bambang Hartono',
    consentLevel: 'attendance',
    consentDate: today,
    consentExpiry,
    contractId: expect.any(Number),
  });

  const board = page.getByTestId('waitlist-table');
  const rows = board.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(rinaCode);
  await expect(rows.nth(0).locator('[data-urgency]')).toHaveText('Urgent');
  await expect(rows.nth(1)).toContainText('Agus Prasetyo');
  const rinaRow = board.locator(`tr[data-referral-id="${created.id}"]`);
  const countdown = rinaRow.getByTestId('time-left');
  // 48 hours from intake, counted in whole minutes.
  await expect(countdown.locator('.time-left__text')).toHaveText(/^(2 days|1 day 23 h) left$/);
  await expect(countdown).toHaveAttribute('data-overdue', 'false');
  await screenshot(page, 'waitlist');

  // A day later the countdown has moved; past 48 hours the row is overdue, said in words and red.
  await passTime(page, clock, 24 * HOUR);
  await expect(countdown.locator('.time-left__text')).toHaveText(/^(1 day|23 h \d+ min) left$/);
  await passTime(page, clock, 25 * HOUR);
  await expect(countdown.locator('.time-left__text')).toHaveText(/^!?Overdue by 1 h( \d+ min)?$/);
  await expect(countdown).toHaveAttribute('data-overdue', 'true');
  await expect(countdown.locator('.time-left__text')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await screenshot(page, 'waitlist-overdue');

  // Filters: by urgency.
  await page.getByLabel('Urgency', { exact: true }).selectOption('emergency');
  await expect(page.getByText('No waiting referral matches these filters.')).toBeVisible();
  await page.getByLabel('Urgency', { exact: true }).selectOption('urgent');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Urgency', { exact: true }).selectOption('');
  await expect(rows).toHaveCount(2);

  // Triage, waitlist, assign: each through its dialog, each logged.
  await rinaRow.getByRole('button', { name: `Triage ${rinaCode}` }).click();
  const triage = page.getByRole('dialog', { name: `Triage ${rinaCode}` });
  await triage.getByLabel('Note').fill('Spoke with the station chief; urgency confirmed.');
  await triage.getByRole('button', { name: 'Mark as triaged' }).click();
  await expect(page.getByTestId('referral-action-notice')).toHaveText(`${rinaCode}: status changed to Triaged.`);
  await rinaRow.getByRole('button', { name: `Waitlist ${rinaCode}` }).click();
  await page.getByRole('dialog', { name: `Put ${rinaCode} on the waitlist` }).getByRole('button', { name: 'Put on the waitlist' }).click();
  await expect(page.getByTestId('referral-action-notice')).toHaveText(`${rinaCode}: status changed to Waitlisted.`);
  await rinaRow.getByRole('button', { name: `Assign ${rinaCode}` }).click();
  const assign = page.getByRole('dialog', { name: `Assign ${rinaCode} to a counsellor` });
  await expect(assign.getByLabel('Counsellor').locator('option')).toHaveText(['Choose a counsellor', COUNSELLOR.displayName, OTHER_COUNSELLOR.displayName]);
  await assign.getByRole('button', { name: 'Assign and open case' }).click();
  await expect(assign.locator('#assign-counsellor-error')).toHaveText('Counsellor is required.');
  await assign.getByLabel('Counsellor').selectOption({ label: COUNSELLOR.displayName });
  await screenshot(page, 'assign', { viewport: true });
  await assign.getByRole('button', { name: 'Assign and open case' }).click();
  await expect(page.getByTestId('referral-action-notice')).toHaveText(`${rinaCode} is assigned to ${COUNSELLOR.displayName}, and a case is open.`);
  await expect(rows).toHaveCount(1);
  await expect(rinaRow).toHaveCount(0);

  // Its details and history, in All referrals.
  await tabs.getByRole('link', { name: 'All referrals' }).click();
  const listRow = page.getByTestId('referrals-table').locator(`tr[data-referral-id="${created.id}"]`);
  await expect(listRow).toContainText('Assigned');
  await expect(listRow).toContainText(COUNSELLOR.displayName);
  await screenshot(page, 'all-referrals');
  await listRow.getByRole('button', { name: `Details ${rinaCode}` }).click();
  const details = page.getByRole('dialog', { name: `Referral of ${rinaCode}` });
  await expect(details.getByTestId('referral-details')).toContainText('Attendance only');
  await expect(details.getByTestId('referral-details')).toContainText('Bambang Hartono');
  const history = details.getByTestId('status-history').locator('tbody tr');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('Taken in as New');
  await expect(history.nth(1)).toContainText('New → Triaged');
  await expect(history.nth(1)).toContainText('Spoke with the station chief; urgency confirmed.');
  await expect(history.nth(3)).toContainText('Waitlisted → Assigned');
  await expect(history.nth(3)).toContainText(ADMIN.displayName);
  await screenshot(page, 'details', { viewport: true });
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toHaveCount(0);
  const changes = (await dispatchOk(app, 'audit.list', { action: 'referral.status_change', recordId: String(created.id) })).entries;
  expect(changes).toHaveLength(2);

  // Budi, the counsellor it went to, lands on Home and finds it and the case under Referrals.
  await lock(page);
  await signIn(page, COUNSELLOR);
  await expect(page.getByTestId('home-page')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByRole('navigation', { name: 'Referral sections' })).toHaveCount(0);
  const mine = page.getByTestId('my-referrals');
  await expect(mine.locator('tbody tr')).toHaveCount(1);
  await expect(mine).toContainText(rinaCode);
  await expect(mine).toContainText('Assigned');
  const cases = page.getByTestId('my-cases');
  await expect(cases.locator('tbody tr')).toHaveCount(1);
  await expect(cases).toContainText('Rina Wijaya');
  await expect(cases).toContainText('0 of 6');
  await expect(cases).toContainText('Open');
  await screenshot(page, 'counsellor-assigned');

  // Citra, another counsellor, sees none of it, and the services tell her nothing either.
  await lock(page);
  await signIn(page, OTHER_COUNSELLOR);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await expect(page.getByText('No referrals are assigned to you yet.')).toBeVisible();
  await expect(page.getByText('You have no cases yet.')).toBeVisible();
  await expect(page.getByText(rinaCode)).toHaveCount(0);
  expect(await invokeFromPage(page, 'clients.search', { query: '' })).toEqual({ ok: true, value: { clients: [], total: 0 } });
  expect(await invokeFromPage(page, 'referrals.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await invokeFromPage(page, 'referrals.waitlist', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await screenshot(page, 'counsellor-other');

  // In Bahasa Indonesia: the waitlist with its countdowns and the intake form. Two more
  // referrals by the app's (moved) clock: an emergency today, a routine one long overdue.
  await lock(page);
  await signIn(page, ADMIN);
  const appToday = DateTime.fromMillis(clock.now()).setZone(ZONE);
  for (const [urgency, received, givenName] of [
    ['emergency', appToday, 'Yusuf'],
    ['routine', appToday.minus({ days: 12 }), 'Maria'],
  ] as const) {
    await dispatchOk(app, 'referrals.create', {
      agencyId: agency.id,
      receivedDate: received.toISODate()!,
      referralType: urgency === 'emergency' ? 'critical_incident' : 'informal',
      urgency,
      presentingIssues: [urgency === 'emergency' ? 'critical_incident_trauma' : 'work_life_balance'],
      client: { mode: 'new', givenName, familyName: 'Santoso' },
    });
  }
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('navigation', { name: 'Referral sections' }).or(page.getByRole('navigation', { name: 'Bagian rujukan' })).waitFor();
  const idTabs = page.getByRole('navigation', { name: 'Bagian rujukan' });
  await idTabs.getByRole('link', { name: 'Daftar tunggu' }).click();
  await expect(page.getByRole('heading', { name: 'Daftar tunggu' })).toBeVisible();
  const idRows = page.getByTestId('waitlist-table').locator('tbody tr');
  await expect(idRows).toHaveCount(3);
  await expect(idRows.nth(0).locator('[data-urgency]')).toHaveText('Darurat');
  await expect(idRows.nth(0).locator('.time-left__text')).toHaveText(/^Sisa \d+ (jam|menit)/);
  await expect(idRows.nth(1)).toContainText('Maria Santoso');
  await expect(idRows.nth(1).locator('.time-left__text')).toHaveText(/^!?Terlambat \d+ hari/);
  await expect(idRows.nth(2)).toContainText('Agus Prasetyo');
  await expect(idRows.nth(2).locator('.time-left__text')).toHaveText(/^Sisa \d+ hari( \d+ jam)?$/);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'id-waitlist');
  await idTabs.getByRole('link', { name: 'Rujukan baru' }).click();
  await page.locator('section.intake').getByLabel('Jenis rujukan').selectOption('formal_management');
  await page.locator('section.intake').getByRole('radio', { name: 'Kehadiran saja' }).check();
  await page.locator('section.intake').getByRole('button', { name: 'Simpan rujukan' }).click();
  await expect(page.locator('#intake-urgency-error')).toHaveText('Tingkat urgensi wajib diisi.');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'id-intake');
});

test('a referral for a client found by search; closing one asks why', async ({ page, app }) => {
  await setUpClinic(app);
  const today = testNowIn(ZONE).toISODate()!;
  const agency = await dispatchOk(app, 'agencies.create', { name: 'Dinas Sosial Kabupaten Sleman', sector: 'social_services' });
  const other = await dispatchOk(app, 'agencies.create', { name: 'RSUD Kota Yogyakarta', sector: 'health' });
  const earlier = await dispatchOk(app, 'referrals.create', {
    agencyId: agency.id,
    receivedDate: today,
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['grief_loss'],
    client: { mode: 'new', givenName: 'Dewi', familyName: 'Kartika', preferredName: 'Tika', dateOfBirth: '1990-08-17' },
  });
  if (earlier.outcome !== 'created') throw new Error('the earlier referral was not created');
  await dispatchOk(app, 'referrals.move', { id: earlier.referral.id, to: 'closed', closureReason: 'completed' });
  const code = earlier.referral.clientCode;

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Referral sections' }).getByRole('link', { name: 'New referral' }).click();
  const intake = page.locator('section.intake');
  await intake.getByRole('radio', { name: 'Yes: find the client' }).check();
  await expect(intake.getByText('Choose the agency first: only its clients are listed.')).toBeVisible();

  // Only the chosen agency's clients are offered.
  await intake.getByLabel('Agency', { exact: true }).selectOption({ label: other.name });
  await expect(intake.getByText('No client of this agency matches.')).toBeVisible();
  await intake.getByLabel('Agency', { exact: true }).selectOption({ label: agency.name });
  await intake.getByLabel('Find by name or client code').fill('tika');
  await intake.getByLabel('Referral type').selectOption('informal');
  await intake.getByRole('radio', { name: 'Routine' }).check();
  await intake.getByRole('checkbox', { name: 'Family and relationships' }).check();

  // Not yet chosen: said under the search.
  await intake.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.locator('#intake-client-search-error')).toHaveText('Client is required.');
  const results = intake.getByTestId('client-results');
  await expect(results.locator('li')).toHaveCount(1);
  await expect(results).toContainText(`${code}Dewi Kartika (Tika)born 17 Aug 1990`);
  await results.getByRole('button', { name: `Choose ${code}` }).click();
  await expect(intake.getByTestId('picked-client')).toContainText(code);
  await screenshot(page, 'intake-existing');
  await intake.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByTestId('intake-notice')).toHaveText(`The referral for Dewi Kartika (${code}) has been saved and is waiting for triage below.`);
  expect((await dispatchOk(app, 'clients.search', { query: '' })).total).toBe(1);

  // Closing needs a reason, and the board empties.
  const row = page.getByTestId('waitlist-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: `Close ${code}` }).click();
  const dialog = page.getByRole('dialog', { name: `Close the referral of ${code}` });
  await dialog.getByRole('button', { name: 'Close referral' }).click();
  await expect(dialog.locator('#move-reason-error')).toHaveText('Choose why the referral is closed.');
  await dialog.getByLabel('Reason for closing').selectOption('declined');
  await dialog.getByLabel('Note').fill('Prefers a counsellor closer to home.');
  await screenshot(page, 'close', { viewport: true });
  await dialog.getByRole('button', { name: 'Close referral' }).click();
  await expect(page.getByTestId('referral-action-notice')).toHaveText(`The referral of ${code} is closed (Declined).`);
  await expect(page.getByText('Nobody is waiting. New referrals appear here.')).toBeVisible();
  await screenshot(page, 'waitlist-empty');
});
