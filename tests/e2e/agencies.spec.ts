import { DateTime } from 'luxon';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { signIn } from '../bridge/sign-in';
import { ADMIN, COUNSELLOR, dispatchOk, setUpClinic } from '../bridge/clinic';
import { invokeFromPage } from '../bridge/install-bridge';
import { untranslatedOnPage } from '../bridge/visible-text';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('agencies');

const AGENCY = {
  name: 'Dinas Pendidikan Kota Bandung',
  contactName: 'Sri Wahyuni',
  contactEmail: 'sri.wahyuni@disdik.example.go.id',
  contactPhone: '+62 22 420 1234',
};

test('an admin adds an agency and a contract; overlapping periods are refused; counsellors cannot', async ({ page, app }) => {
  await setUpClinic(app, { counsellor: true });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Agencies' }).click();
  await expect(page.getByRole('heading', { name: 'Partner agencies' })).toBeVisible();
  await expect(page.getByText('No agencies yet. Add the first one below.')).toBeVisible();

  // An empty name is refused under the field, before anything is sent.
  const agencyForm = page.locator('section', { has: page.getByRole('heading', { name: 'Add an agency' }) });
  await agencyForm.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.locator('#add-agency-name-error')).toHaveText('Agency name is required.');
  await agencyForm.getByLabel('Contact email').fill('not an address');
  await agencyForm.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.locator('#add-agency-contact-email-error')).toHaveText('Contact email must be an email address, like name@example.org.');
  await screenshot(page, 'validation');
  expect((await dispatchOk(app, 'agencies.list', {})).agencies).toEqual([]);

  await agencyForm.getByLabel('Agency name').fill(AGENCY.name);
  await agencyForm.getByLabel('Sector').selectOption('education');
  await agencyForm.getByLabel('Contact person').fill(AGENCY.contactName);
  await agencyForm.getByLabel('Contact email').fill(AGENCY.contactEmail);
  await agencyForm.getByLabel('Contact phone').fill(AGENCY.contactPhone);
  await agencyForm.getByRole('button', { name: 'Add agency' }).click();
  await expect(page.getByTestId('agencies-notice')).toHaveText(`${AGENCY.name} has been added.`);
  const [agency] = (await dispatchOk(app, 'agencies.list', {})).agencies;
  expect(agency).toMatchObject({ ...AGENCY, sector: 'education', active: true });
  const row = page.getByTestId('agencies-table').locator(`tr[data-agency-id="${agency!.id}"]`);
  await expect(row).toContainText(AGENCY.name);
  await expect(row).toContainText('Education');
  await expect(row).toContainText(AGENCY.contactName);
  await expect(row).toContainText('Active');
  await expect(agencyForm.getByLabel('Agency name')).toHaveValue('');
  expect((await dispatchOk(app, 'drafts.get', { formKey: 'admin.agencies.create' })).payload).toBeNull();

  // The new agency is selected: no contracts yet, and the form starts from the usual terms.
  const contracts = page.getByTestId('contracts');
  await expect(contracts.getByRole('heading', { name: `Contracts of ${AGENCY.name}` })).toBeVisible();
  await expect(contracts).toContainText('This agency has no contracts yet.');
  const contractForm = page.locator('section', { has: page.getByRole('heading', { name: 'Add a contract' }) });
  const start = await contractForm.getByLabel('First day').inputValue();
  expect(start).toBe(testNowIn('Asia/Jakarta').toISODate());
  const end = DateTime.fromISO(start).plus({ years: 1 }).minus({ days: 1 }).toISODate()!;
  await expect(contractForm.getByLabel('Last day')).toHaveValue(end);
  await expect(contractForm.getByLabel('Sessions per person')).toHaveValue('6');
  await expect(contractForm.getByLabel('When the sessions run out')).toHaveValue('warn');
  await expect(contractForm.getByLabel('Smallest reported group')).toHaveValue('5');
  await expect(contractForm.getByLabel('Reports to the agency')).toHaveValue('quarterly');
  await expect(contractForm.getByLabel('Emergency', { exact: true })).toHaveValue('same_day');
  await expect(contractForm.getByLabel('Urgent', { exact: true })).toHaveValue('hours');
  await expect(contractForm.getByLabel('Urgent: number of hours')).toHaveValue('48');
  await expect(contractForm.getByLabel('Routine', { exact: true })).toHaveValue('business_days');
  await expect(contractForm.getByLabel('Routine: number of working days')).toHaveValue('5');

  // Covered staff has no default: leaving it empty is refused under the field.
  await contractForm.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.locator('#add-contract-headcount-error')).toHaveText('Covered staff is required.');
  await contractForm.getByLabel('Covered staff').fill('1200');
  await contractForm.getByRole('button', { name: 'Add contract' }).click();
  const period = `${DateTime.fromISO(start).setLocale('en-GB').toLocaleString(DateTime.DATE_MED)} – ${DateTime.fromISO(end).setLocale('en-GB').toLocaleString(DateTime.DATE_MED)}`;
  await expect(page.getByTestId('contracts-notice')).toHaveText(`The contract ${period} has been added.`);
  const contractRows = page.getByTestId('contracts-table').locator('tbody tr');
  await expect(contractRows).toHaveCount(1);
  await expect(contractRows.first()).toContainText(period);
  await expect(contractRows.first()).toContainText('In force');
  await expect(contractRows.first()).toContainText('1200 staff');
  await expect(contractRows.first()).toContainText('6 sessions');
  await expect(contractRows.first()).toContainText('Over the limit: ask for a reason');
  await expect(contractRows.first()).toContainText('Quarterly');
  await expect(contractRows.first()).toContainText('Groups of at least 5');
  await expect(contractRows.first().locator('[data-urgency="emergency"]')).toHaveText('Emergency: Same day');
  await expect(contractRows.first().locator('[data-urgency="urgent"]')).toHaveText('Urgent: Within 48 hours');
  await expect(contractRows.first().locator('[data-urgency="routine"]')).toHaveText('Routine: Within 5 working days');
  await screenshot(page, 'contract-added');

  // The same period again overlaps: refused, said under the first day, nothing added.
  await contractForm.getByLabel('Covered staff').fill('500');
  await contractForm.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.locator('#add-contract-start-error')).toHaveText(
    'This period overlaps another contract of this agency. Contracts of one agency may not overlap.',
  );
  await expect(contractRows).toHaveCount(1);
  expect((await dispatchOk(app, 'contracts.list', { agencyId: agency!.id })).contracts).toHaveLength(1);
  await screenshot(page, 'overlap');

  // Edit: the agency can be marked inactive.
  await row.getByRole('button', { name: /Edit/ }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${AGENCY.name}` });
  await expect(dialog.getByLabel('Agency name')).toHaveValue(AGENCY.name);
  await dialog.getByLabel(/^Active/).uncheck();
  await screenshot(page, 'edit-dialog', { viewport: true });
  await dialog.getByRole('button', { name: 'Save agency' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('agencies-notice')).toHaveText(`${AGENCY.name} has been saved.`);
  await expect(row).toContainText('Inactive');
  expect((await dispatchOk(app, 'agencies.list', {})).agencies[0]?.active).toBe(false);

  // Everything is in Bahasa Indonesia after the switch, dates included.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Instansi mitra' })).toBeVisible();
  const idPeriod = `${DateTime.fromISO(start).setLocale('id-ID').toLocaleString(DateTime.DATE_MED)} – ${DateTime.fromISO(end).setLocale('id-ID').toLocaleString(DateTime.DATE_MED)}`;
  await expect(contractRows.first()).toContainText(idPeriod);
  await expect(contractRows.first().locator('[data-urgency="urgent"]')).toHaveText('Mendesak: Dalam 48 jam');
  await expect(page.locator('#add-contract-start-error')).toHaveText(
    'Periode ini tumpang tindih dengan kontrak lain dari instansi ini. Kontrak satu instansi tidak boleh tumpang tindih.',
  );
  await expect(page.getByTestId('agencies-notice')).toHaveText(`${AGENCY.name} telah disimpan.`);
  await expect(page.getByTestId('contracts-notice')).toHaveText(`Kontrak ${idPeriod} telah ditambahkan.`);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'id');
  await page.getByRole('button', { name: 'English' }).click();

  // The audit log has the changes.
  for (const action of ['agency.create', 'agency.update', 'contract.create'] as const) {
    const { entries } = await dispatchOk(app, 'audit.list', { action });
    expect(entries, action).toHaveLength(1);
  }
  const created = (await dispatchOk(app, 'audit.list', { action: 'agency.create' })).entries[0]!;
  expect(created).toMatchObject({ recordType: 'agency', recordId: String(agency!.id) });
  expect((await dispatchOk(app, 'audit.list', { action: 'contract.create' })).entries[0]).toMatchObject({ recordType: 'contract' });

  // A contract's terms can be changed afterwards: here its covered staff.
  const enPeriod = (from: string, to: string) =>
    `${DateTime.fromISO(from).setLocale('en-GB').toLocaleString(DateTime.DATE_MED)} – ${DateTime.fromISO(to).setLocale('en-GB').toLocaleString(DateTime.DATE_MED)}`;
  const [first] = (await dispatchOk(app, 'contracts.list', { agencyId: agency!.id })).contracts;
  const firstRow = page.getByTestId('contracts-table').locator(`tr[data-contract-id="${first!.id}"]`);
  await firstRow.getByRole('button', { name: /Edit/ }).click();
  const contractDialog = page.getByRole('dialog', { name: `Edit the contract ${period}` });
  await expect(contractDialog.getByLabel('First day')).toHaveValue(start);
  await expect(contractDialog.getByLabel('Last day')).toHaveValue(end);
  await expect(contractDialog.getByLabel('Covered staff')).toHaveValue('1200');
  await expect(contractDialog.getByLabel('Urgent: number of hours')).toHaveValue('48');
  await contractDialog.getByLabel('Covered staff').fill('1350');
  await screenshot(page, 'edit-contract', { viewport: true });
  await contractDialog.getByRole('button', { name: 'Save contract' }).click();
  await expect(contractDialog).toHaveCount(0);
  await expect(page.getByTestId('contracts-notice')).toHaveText(`The contract ${period} has been saved.`);
  await expect(firstRow).toContainText('1350 staff');
  expect((await dispatchOk(app, 'contracts.list', { agencyId: agency!.id })).contracts).toMatchObject([
    { id: first!.id, startDate: start, endDate: end, coveredHeadcount: 1350, sessionAllowance: 6 },
  ]);

  // A second contract for the year after; moving its first day into the first one's period is refused, and nothing changes.
  const nextStart = DateTime.fromISO(end).plus({ days: 1 }).toISODate()!;
  const nextEnd = DateTime.fromISO(nextStart).plus({ years: 1 }).minus({ days: 1 }).toISODate()!;
  await contractForm.getByLabel('First day').fill(nextStart);
  await expect(contractForm.getByLabel('Last day')).toHaveValue(nextEnd);
  await contractForm.getByLabel('Covered staff').fill('500');
  await contractForm.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.getByTestId('contracts-notice')).toHaveText(`The contract ${enPeriod(nextStart, nextEnd)} has been added.`);
  await expect(contractRows).toHaveCount(2);
  const second = (await dispatchOk(app, 'contracts.list', { agencyId: agency!.id })).contracts.find((contract) => contract.id !== first!.id)!;
  const secondRow = page.getByTestId('contracts-table').locator(`tr[data-contract-id="${second.id}"]`);
  await secondRow.getByRole('button', { name: /Edit/ }).click();
  const secondDialog = page.getByRole('dialog', { name: `Edit the contract ${enPeriod(nextStart, nextEnd)}` });
  await secondDialog.getByLabel('First day').fill(end);
  await expect(secondDialog.getByLabel('Last day')).toHaveValue(nextEnd);
  await secondDialog.getByLabel('Covered staff').fill('800');
  await secondDialog.getByRole('button', { name: 'Save contract' }).click();
  await expect(secondDialog.locator('#edit-contract-start-error')).toHaveText(
    'This period overlaps another contract of this agency. Contracts of one agency may not overlap.',
  );
  await secondDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(secondDialog).toHaveCount(0);
  await expect(secondRow).toContainText(enPeriod(nextStart, nextEnd));
  await expect(secondRow).toContainText('500 staff');
  const after = (await dispatchOk(app, 'contracts.list', { agencyId: agency!.id })).contracts;
  expect(after.find((contract) => contract.id === second.id)).toMatchObject({ startDate: nextStart, endDate: nextEnd, coveredHeadcount: 500 });
  expect(after.find((contract) => contract.id === first!.id)).toMatchObject({ startDate: start, endDate: end, coveredHeadcount: 1350 });
  expect((await dispatchOk(app, 'audit.list', { action: 'contract.update' })).entries).toHaveLength(1);

  // A counsellor sees no Agencies tab, and the server refuses them too.
  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, COUNSELLOR);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Agencies' })).toHaveCount(0);
  const refused = await invokeFromPage(page, 'agencies.create', { name: 'Someone Else', sector: 'health' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await invokeFromPage(page, 'contracts.create', { agencyId: agency!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('a half-typed contract is kept as a draft of that agency across a lock', async ({ page, app }) => {
  await setUpClinic(app);
  const agency = await dispatchOk(app, 'agencies.create', { name: AGENCY.name, sector: 'education' });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Agencies' }).click();
  const contractForm = page.locator('section', { has: page.getByRole('heading', { name: 'Add a contract' }) });
  await contractForm.getByLabel('Covered staff').fill('640');
  await contractForm.getByLabel('Sessions per person').fill('8');
  await expect(contractForm.getByTestId('draft-status')).toHaveText(/^Draft saved/);
  expect((await dispatchOk(app, 'drafts.get', { formKey: `admin.contracts.create.${agency.id}` })).payload).toMatchObject({ coveredHeadcount: 640, sessionAllowance: 8 });

  await page.getByRole('button', { name: 'Lock' }).click();
  await signIn(page, ADMIN);
  await expect(contractForm.getByTestId('draft-status')).toHaveText(/restored$/);
  await expect(contractForm.getByLabel('Covered staff')).toHaveValue('640');
  await expect(contractForm.getByLabel('Sessions per person')).toHaveValue('8');

  await contractForm.getByRole('button', { name: 'Add contract' }).click();
  await expect(page.getByTestId('contracts-notice')).toContainText('has been added');
  expect((await dispatchOk(app, 'drafts.get', { formKey: `admin.contracts.create.${agency.id}` })).payload).toBeNull();
});
