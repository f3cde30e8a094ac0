import { DateTime } from 'luxon';
import { fakerID_ID as faker } from '@faker-js/faker';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { signIn } from '../bridge/sign-in';
import { COUNSELLOR, agencyWithContract, dispatchOk, setUpClinic } from '../bridge/clinic';
import { invokeFromPage } from '../bridge/install-bridge';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { TenangApp } from '../../services/tenang-app';
import type { ChannelInput } from '../../shared/contract/channels';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('clients');

async function openClients(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
}

const SARI = { username: 'sari', displayName: 'Sari Wulandari', passphrase: 'teh manis di sore yang cerah' };
const ZONE = 'Asia/Jakarta';
const today = () => testNowIn(ZONE).toISODate()!;
const enDate = (date: string) => DateTime.fromISO(date).setLocale('en-GB').toLocaleString(DateTime.DATE_MED);
const idDate = (date: string) => DateTime.fromISO(date).setLocale('id-ID').toLocaleString(DateTime.DATE_MED);

type NewClient = Extract<ChannelInput<'referrals.create'>['client'], { mode: 'new' }>;
type ClientRef = NewClient | { mode: 'existing'; clientId: number };

/** A self-referral received today; returns the referral as created. */
async function intake(app: TenangApp, agencyId: number, client: ClientRef, overrides: Partial<ChannelInput<'referrals.create'>> = {}) {
  const created = await dispatchOk(app, 'referrals.create', {
    agencyId,
    receivedDate: today(),
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['workload_stress'],
    client,
    ...overrides,
  });
  if (created.outcome !== 'created') throw new Error('the referral looked like a duplicate');
  return created.referral;
}

/** Triage, waitlist and assign: the referral's client gets a case with the counsellor. */
async function assign(app: TenangApp, referralId: number, counsellorId: number): Promise<void> {
  await dispatchOk(app, 'referrals.move', { id: referralId, to: 'triaged' });
  await dispatchOk(app, 'referrals.move', { id: referralId, to: 'waitlisted' });
  await dispatchOk(app, 'referrals.assign', { id: referralId, counsellorId });
}

const SITI: NewClient = {
  mode: 'new',
  givenName: 'Siti',
  familyName: 'Rahayu',
  preferredName: 'Ayu',
  dateOfBirth: '1988-04-12',
  gender: 'female',
  email: 'siti.rahayu@example.id',
  phone: '0812 1111 2222',
  jobRole: 'frontline_service',
  preferredLanguage: 'id',
  emergencyContactName: 'Bambang Rahayu',
  emergencyContactPhone: '0813 3333 4444',
};

test('clients: search, filter, open a record, edit it, close a case; counsellors see only their own', async ({ page, app }) => {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  await dispatchOk(app, 'users.create', {
    username: SARI.username,
    displayName: SARI.displayName,
    role: 'counsellor',
    newPassphrase: SARI.passphrase,
    confirmPassphrase: SARI.passphrase,
  });
  const education = await agencyWithContract(app, 'Dinas Pendidikan Kota Bandung', 'education', testNowIn(ZONE).startOf('year'));
  const health = await agencyWithContract(app, 'RSUD Kota Bogor', 'health', testNowIn(ZONE).startOf('year'));

  // Siti came twice: both referrals assigned to Budi, so she has two cases with him.
  const first = await intake(app, education.id, SITI, { urgency: 'urgent', presentingIssues: ['workload_stress', 'burnout'] });
  await assign(app, first.id, counsellorId!);
  const second = await intake(app, education.id, { mode: 'existing', clientId: first.clientId }, { referralType: 'critical_incident', presentingIssues: ['critical_incident_trauma'] });
  await assign(app, second.id, counsellorId!);
  // Agus waits on the list (no counsellor); Zoë's accented name is found by "zoe".
  const agus = await intake(app, health.id, { mode: 'new', givenName: 'Agus', familyName: 'Prasetyo', dateOfBirth: '1979-09-30' });
  await dispatchOk(app, 'referrals.move', { id: agus.id, to: 'triaged' });
  const zoe = await intake(app, health.id, { mode: 'new', givenName: 'Zoë', familyName: 'Anggraini' });
  expect(first.clientCode).toMatch(/^TN-\d{4}-\d{6}$/);

  await page.goto('/');
  await openClients(page);
  const count = page.getByTestId('client-count');
  const list = page.getByRole('list', { name: 'Clients' });
  await expect(count).toHaveText('3 clients');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  const sitiRow = list.locator(`[data-client-id="${first.clientId}"]`);
  await expect(sitiRow).toContainText(first.clientCode);
  await expect(sitiRow).toContainText('Siti Rahayu (Ayu)');
  await expect(sitiRow).toContainText(enDate('1988-04-12'));
  await expect(sitiRow).toContainText('Dinas Pendidikan Kota Bandung');
  await screenshot(page, 'list');

  // Search by name (case and accents do not matter), by client code, and filter by agency.
  const search = page.getByLabel('Search by name or client code');
  await search.fill('RAHAYU');
  await expect(count).toHaveText('1 client found');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(sitiRow).toBeVisible();
  await search.fill('zoe');
  await expect(count).toHaveText('1 client found');
  await expect(list.locator(`[data-client-id="${zoe.clientId}"]`)).toContainText('Zoë Anggraini');
  await search.fill(agus.clientCode);
  await expect(count).toHaveText('1 client found');
  await expect(list.locator(`[data-client-id="${agus.clientId}"]`)).toContainText('Agus Prasetyo');
  await search.fill('Nobody Here');
  await expect(page.getByTestId('clients-empty')).toContainText('No clients match this search.');
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect(count).toHaveText('3 clients');
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'RSUD Kota Bogor' });
  await expect(count).toHaveText('2 clients found');
  await expect(sitiRow).toHaveCount(0);
  await page.getByLabel('Agency', { exact: true }).selectOption({ label: 'All agencies' });
  await expect(count).toHaveText('3 clients');

  // Siti's record: who she is, her two cases and two referrals. Opening it is audited.
  await sitiRow.click();
  const name = page.getByRole('heading', { name: 'Siti Rahayu (Ayu)', level: 1 });
  await expect(name).toBeFocused();
  await expect(page.getByTestId('client-code')).toHaveText(first.clientCode);
  const age = Math.floor(DateTime.fromISO(today()).diff(DateTime.fromISO('1988-04-12'), 'years').years);
  await expect(page.getByTestId('client-birth')).toContainText(`${enDate('1988-04-12')} (age ${age})`);
  await expect(page.getByTestId('client-gender')).toContainText('Female');
  await expect(page.getByTestId('client-job-role')).toContainText('Frontline service');
  await expect(page.getByTestId('client-language')).toContainText('Bahasa Indonesia');
  await expect(page.getByTestId('client-phone')).toContainText('0812 1111 2222');
  await expect(page.getByTestId('client-emergency')).toContainText('Bambang Rahayu');
  const cases = page.getByTestId('cases-table').locator('tbody tr');
  await expect(cases).toHaveCount(2);
  await expect(cases.first()).toContainText('Budi Santoso');
  await expect(cases.first()).toContainText('0 of 6');
  await expect(cases.first()).toContainText('Open');
  await expect(page.getByTestId('cases-table')).toContainText('Workload and work stress');
  await expect(page.getByTestId('cases-table')).toContainText('Critical incident or trauma exposure');
  const referrals = page.getByTestId('referrals-table').locator('tbody tr');
  await expect(referrals).toHaveCount(2);
  await expect(page.getByTestId('referrals-table').locator(`tr[data-referral-id="${second.id}"]`)).toContainText('Critical-incident referral');
  await expect(page.getByTestId('referrals-table').locator(`tr[data-referral-id="${first.id}"]`)).toContainText('Urgent');
  await expect(referrals.first()).toContainText('Assigned');
  await expect(referrals.first()).toContainText('Budi Santoso');
  await screenshot(page, 'detail');
  const views = (await dispatchOk(app, 'audit.list', { action: 'client.view', recordId: String(first.clientId) })).entries;
  expect(views.length).toBeGreaterThanOrEqual(1);

  // Edit the phone: a malformed number is refused under the field first.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit the details of Siti Rahayu' });
  await expect(dialog.getByLabel('Given name')).toHaveValue('Siti');
  await expect(dialog.getByLabel('Date of birth')).toHaveValue('1988-04-12');
  await dialog.getByLabel('Phone', { exact: true }).fill('call me after 5');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.locator('#edit-client-phone-error')).toHaveText('Phone must be a phone number: digits, spaces, +, ( ) or -, 6 to 30 characters.');
  await screenshot(page, 'edit-error', { viewport: true });
  await dialog.getByLabel('Phone', { exact: true }).fill('+62 812 3456 7890');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('client-notice')).toHaveText("The client's details have been saved.");
  await expect(page.getByTestId('client-phone')).toContainText('+62 812 3456 7890');
  const updates = (await dispatchOk(app, 'audit.list', { action: 'client.update' })).entries;
  expect(updates).toHaveLength(1);
  expect(updates[0]).toMatchObject({ recordId: String(first.clientId), detail: { changed: 'phone' } });
  expect((await dispatchOk(app, 'drafts.get', { formKey: `clients.edit:${first.clientId}` })).payload).toBeNull();

  // Close the first case: a reason is required.
  const firstCaseId = (await dispatchOk(app, 'referrals.get', { id: first.id })).referral.caseId!;
  const caseRow = page.getByTestId('cases-table').locator(`tr[data-case-id="${firstCaseId}"]`);
  await caseRow.getByRole('button', { name: /^Close case/ }).click();
  const closeDialog = page.getByRole('dialog', { name: `Close the case opened ${enDate(today())}` });
  await expect(closeDialog.getByLabel('Closing date')).toHaveValue(today());
  await closeDialog.getByRole('button', { name: 'Close case' }).click();
  await expect(closeDialog.locator('#close-case-reason-error')).toHaveText('Reason for closing is required.');
  await closeDialog.getByLabel('Reason for closing').selectOption('completed');
  await screenshot(page, 'close-case', { viewport: true });
  await closeDialog.getByRole('button', { name: 'Close case' }).click();
  await expect(closeDialog).toHaveCount(0);
  await expect(page.getByTestId('client-notice')).toHaveText('The case has been closed.');
  await expect(caseRow).toContainText(`Closed ${enDate(today())}`);
  await expect(caseRow).toContainText('Completed');
  await expect(caseRow.getByRole('button')).toHaveCount(0);
  expect((await dispatchOk(app, 'cases.list', {})).cases.find((c) => c.id === firstCaseId)).toMatchObject({ closedDate: today(), closureReason: 'completed' });

  // Back to the list, at the row that was opened.
  await page.getByRole('button', { name: 'All clients' }).click();
  await expect(count).toHaveText('3 clients');
  await expect(sitiRow).toBeFocused();

  // Budi sees only Siti, and the service refuses him Agus as if Agus did not exist.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, COUNSELLOR);
  await openClients(page);
  await expect(count).toHaveText('1 client');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(sitiRow).toContainText('Siti Rahayu (Ayu)');
  await search.fill('Agus');
  await expect(page.getByTestId('clients-empty')).toContainText('No clients match this search.');
  expect(await invokeFromPage(page, 'clients.get', { id: agus.clientId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await sitiRow.click();
  await expect(name).toBeVisible();
  await expect(page.getByTestId('cases-table').getByRole('button', { name: /^Close case/ })).toHaveCount(1);

  // In Bahasa Indonesia: the record, then the list.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Kasus', level: 2 })).toBeVisible();
  await expect(page.getByTestId('client-birth')).toContainText(`${idDate('1988-04-12')} (usia ${age} tahun)`);
  await expect(caseRow).toContainText(`Ditutup ${idDate(today())}`);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'id-detail');
  await page.getByRole('button', { name: 'Semua klien' }).click();
  await expect(count).toHaveText('1 klien');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'id-list');
  await page.getByRole('button', { name: 'English' }).click();

  // Sari has no clients at all.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, SARI);
  await openClients(page);
  await expect(page.getByTestId('clients-empty')).toHaveText(
    'No clients are assigned to you yet. A client appears here once a referral for them is assigned to you.',
  );
  await expect(page.getByLabel('Search by name or client code')).toHaveCount(0);
  expect(await invokeFromPage(page, 'clients.search', { query: '', offset: 0, limit: 100 })).toMatchObject({ ok: true, value: { clients: [], total: 0 } });
  await screenshot(page, 'counsellor-empty');
});

test('the client list keeps a small window of rows in the page while scrolling through 600 clients', async ({ page, app, pageCalls }) => {
  // 600 intakes, each appending to the audit chain, take a good part of the usual 90 s on a busy machine.
  test.setTimeout(180_000);
  await setUpClinic(app);
  const agency = await dispatchOk(app, 'agencies.create', { name: 'Dinas Kesehatan Kota Surabaya', sector: 'health' });
  faker.seed(2026);
  // Three pages of 200. Intake in batches: each one writes the audit chain, so one at a time is slow.
  const CLIENTS = 600;
  const names = Array.from({ length: CLIENTS }, () => ({ givenName: faker.person.firstName(), familyName: faker.person.lastName() }));
  for (let batch = 0; batch < CLIENTS; batch += 50) {
    await Promise.all(names.slice(batch, batch + 50).map((name) => intake(app, agency.id, { mode: 'new', ...name }, { allowDuplicate: true })));
  }
  const last = (await dispatchOk(app, 'clients.search', { query: '', offset: CLIENTS - 1, limit: 1 })).clients[0]!;
  const middle = (await dispatchOk(app, 'clients.search', { query: '', offset: 299, limit: 1 })).clients[0]!;

  await page.goto('/');
  await openClients(page);
  await expect(page.getByTestId('client-count')).toHaveText('600 clients');
  const viewport = page.getByTestId('client-list');
  const rows = viewport.locator('li');
  const loadedRow = (position: number) => viewport.locator(`li[aria-posinset="${position}"] button[data-client-id]`);
  await expect(loadedRow(1)).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(CLIENTS));
  await screenshot(page, 'many');

  // Jumping to the end loads the last page only, not the one in between.
  const searchesBefore = pageCalls.filter((channel) => channel === 'clients.search').length;
  await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(loadedRow(CLIENTS)).toContainText(last.code);
  expect(await rows.count()).toBeLessThan(40);
  const searchesAfter = pageCalls.filter((channel) => channel === 'clients.search').length;
  expect(searchesAfter - searchesBefore).toBe(1);

  // The keyboard: Home and End, arrows, Enter opens, Back returns to the same row.
  await loadedRow(CLIENTS).focus();
  await page.keyboard.press('Home');
  await expect(loadedRow(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(loadedRow(2)).toBeFocused();
  await page.keyboard.press('End');
  await expect(loadedRow(CLIENTS)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(loadedRow(CLIENTS - 1)).toBeFocused();
  expect(await rows.count()).toBeLessThan(40);

  // Scrolling with the wheel through the middle: rows arrive as their pages load.
  await viewport.evaluate((element) => element.scrollTo({ top: 0 }));
  await viewport.hover();
  for (let step = 0; step < 8; step += 1) await page.mouse.wheel(0, 1500);
  // Wheel scrolling is animated: let it come to rest before jumping elsewhere.
  const settledTop = async () => {
    const before = await viewport.evaluate((element) => element.scrollTop);
    await page.waitForTimeout(200);
    return before === (await viewport.evaluate((element) => element.scrollTop)) ? before : -1;
  };
  await expect.poll(settledTop).toBeGreaterThan(200 * 48);
  const firstInView = Math.floor((await viewport.evaluate((element) => element.scrollTop)) / 48) + 1;
  await expect(loadedRow(firstInView + 1)).toBeVisible();
  await viewport.evaluate((element, top) => element.scrollTo({ top }), 299 * 48);
  await expect(loadedRow(300)).toContainText(middle.code);
  expect(await rows.count()).toBeLessThan(40);

  await loadedRow(300).click();
  await expect(page.getByTestId('client-code')).toHaveText(middle.code);
  await page.getByRole('button', { name: 'All clients' }).click();
  await expect(loadedRow(300)).toBeFocused();
});
