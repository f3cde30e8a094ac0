import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { ADMIN, CLINIC, COUNSELLOR, agencyWithContract, asUser, clientWithCase, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';

/**
 * Issue 11: a workshop's attendees behind the caseload wall. The admin names two clients
 * who came, one of them another counsellor's; the facilitating counsellor sees their own
 * client by name and the other only as "and 1 other", in English and in Bahasa Indonesia,
 * and saving the attendance keeps the client they cannot see.
 */

const screenshot = screenshotsFor('trust');
const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' };

/** The session's block in the calendar grid. */
const sessionBlock = (page: Page, id: number) => page.locator(`.tenang-calendar .ec-event:has([data-session-id="${id}"])`);

async function openWorkshopNextWeek(page: Page, id: number, calendarOf?: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^(Calendar|Kalender)$/ }).click();
  if (calendarOf) await page.getByLabel('Calendar of').selectOption({ label: calendarOf });
  await page.getByRole('button', { name: /^(Next week|Minggu berikutnya)$/ }).click();
  await sessionBlock(page, id).first().click();
}

test('a counsellor sees only their own client among a workshop’s attendees, and the others as a number', async ({ page, app, clock }) => {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const citraId = (await dispatchOk(app, 'users.create', { username: CITRA.username, displayName: CITRA.displayName, role: 'counsellor', newPassphrase: CITRA.passphrase, confirmPassphrase: CITRA.passphrase })).id;
  await dispatchOk(app, 'availability.setHours', { userId: counsellorId!, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })) });
  const aula = await dispatchOk(app, 'rooms.create', { name: 'Aula Serbaguna', capacity: 30 });
  const agency = await agencyWithContract(app, 'Dinas Pemadam Kebakaran Kota Surabaya', 'emergency_services');
  const rina = await clientWithCase(app, agency.id, counsellorId!, 'Rina', 'Wijaya');
  const agus = await clientWithCase(app, agency.id, citraId, 'Agus', 'Prasetyo');
  // Monday of next week, by the app's clock: a working day, always ahead.
  const monday = DateTime.fromMillis(clock.now(), { zone: CLINIC.timeZone }).startOf('week').plus({ weeks: 1 });
  const booked = await dispatchOk(app, 'sessions.book', {
    agencyId: agency.id,
    counsellorId: counsellorId!,
    sessionType: 'group_workshop',
    modality: 'in_person',
    roomId: aula.id,
    topic: 'resilience',
    capacity: 20,
    localStart: `${monday.toISODate()}T13:00`,
    durationMinutes: 120,
  });
  if (booked.outcome !== 'booked') throw new Error('the workshop was not booked');
  const workshop = booked.sessions[0]!;

  // The admin names who came: Budi's client Rina, and Agus, who is Citra's.
  await page.goto('/');
  await openWorkshopNextWeek(page, workshop.id, COUNSELLOR.displayName);
  let dialog = page.getByRole('dialog', { name: 'Session: Group session or workshop' });
  await dialog.getByRole('button', { name: 'Record attendance' }).click();
  await dialog.getByLabel('Named clients').check();
  await dialog.getByRole('checkbox', { name: new RegExp(rina.code) }).check();
  await dialog.getByRole('checkbox', { name: new RegExp(agus.code) }).check();
  await dialog.getByRole('button', { name: 'Save attendance' }).click();
  await expect(dialog.getByTestId('session-notice')).toHaveText('Attendance has been recorded.');
  await expect(dialog.getByTestId('session-attendees')).toContainText(`${rina.code} Rina Wijaya`);
  await expect(dialog.getByTestId('session-attendees')).toContainText(`${agus.code} Agus Prasetyo`);
  await expect(dialog.getByTestId('session-other-attendees')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Lock' }).click();

  // Budi facilitates the workshop: Rina by name, Agus only as a number.
  await signIn(page, COUNSELLOR);
  await openWorkshopNextWeek(page, workshop.id);
  dialog = page.getByRole('dialog', { name: 'Session: Group session or workshop' });
  const attendees = dialog.getByTestId('session-attendees');
  await expect(attendees).toContainText(`${rina.code} Rina Wijaya`);
  await expect(dialog.getByTestId('session-other-attendees')).toHaveText('and 1 other');
  await expect(attendees).toContainText('Clients outside your caseload are counted, not named.');
  await expect(dialog.getByTestId('session-attendance')).toHaveText('Attendance2 named clients');
  for (const hidden of [agus.code, 'Agus', 'Prasetyo']) await expect(dialog).not.toContainText(hidden);
  await screenshot(page, 'attendance-en', { viewport: true });

  // Saving the attendance: the search finds only Budi's clients, and Agus stays on the list.
  await dialog.getByRole('button', { name: 'Record attendance' }).click();
  await expect(dialog.getByLabel('Named clients')).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: new RegExp(rina.code) })).toBeChecked();
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await expect(dialog.getByTestId('attendance-others-kept')).toHaveText('1 other attendee, outside your caseload, stays on the list.');
  await screenshot(page, 'attendance-form-en', { viewport: true });
  await dialog.getByRole('button', { name: 'Save attendance' }).click();
  await expect(dialog.getByTestId('session-notice')).toHaveText('Attendance has been recorded.');
  await expect(dialog.getByTestId('session-other-attendees')).toHaveText('and 1 other');
  const seen = await dispatchOk(app, 'sessions.get', { id: workshop.id });
  expect(seen.attendees.map((a) => a.code)).toEqual([rina.code]);
  expect(seen.otherAttendees).toBe(1);

  // In Bahasa Indonesia.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await sessionBlock(page, workshop.id).first().click();
  dialog = page.getByRole('dialog', { name: 'Sesi: Sesi kelompok atau lokakarya' });
  await expect(dialog.getByTestId('session-other-attendees')).toHaveText('dan 1 lainnya');
  await expect(dialog.getByTestId('session-attendees')).toContainText('Klien di luar beban kasus Anda hanya dihitung, tanpa nama.');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'attendance-id', { viewport: true });

  // The admin still has both names.
  const asAdmin = await asUser(app, ADMIN, () => dispatchOk(app, 'sessions.get', { id: workshop.id }));
  expect(asAdmin.attendees.map((a) => a.code).sort()).toEqual([rina.code, agus.code].sort());
});
