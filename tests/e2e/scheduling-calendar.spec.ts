import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { CLINIC, COUNSELLOR, agencyWithContract, clientWithCase, dispatch, dispatchOk, setUpClinic, waitlistedReferral } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';
import type { TenangApp } from '../../services/tenang-app';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('scheduling');
const ZONE = CLINIC.timeZone;

/** Monday of next week in the clinic, and the days after it: always working days, always ahead. */
const today = () => testNowIn(ZONE).startOf('day');
const nextMonday = () => today().startOf('week').plus({ weeks: 1 });
const at = (day: DateTime, time: string) => `${day.toISODate()}T${time}`;
const ms = (day: DateTime, time: string) => DateTime.fromISO(at(day, time), { zone: ZONE }).toMillis();
const enDay = (day: DateTime) => day.setLocale('en-GB').toFormat('ccc d LLL');

interface Clinic {
  counsellorId: number;
  agencyId: number;
  melati: number;
  aula: number;
}

/** What every journey needs: Budi with Monday–Friday hours, two rooms, an agency with a contract (6 sessions, warn). */
async function seedClinic(app: TenangApp): Promise<Clinic> {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  await dispatchOk(app, 'availability.setHours', { userId: counsellorId!, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })) });
  const melati = await dispatchOk(app, 'rooms.create', { name: 'Ruang Melati', capacity: 2 });
  const aula = await dispatchOk(app, 'rooms.create', { name: 'Aula Serbaguna', capacity: 30 });
  const agency = await agencyWithContract(app, 'Dinas Pemadam Kebakaran Kota Surabaya', 'emergency_services');
  return { counsellorId: counsellorId!, agencyId: agency.id, melati: melati.id, aula: aula.id };
}

/** A referral for a new client, triaged and on the waitlist. */
const waitlisted = (app: TenangApp, clinic: Clinic, givenName: string, familyName: string) => waitlistedReferral(app, clinic.agencyId, givenName, familyName, { urgency: 'urgent' });

/** A client with an open case with Budi. */
const clientWithBudi = (app: TenangApp, clinic: Clinic, givenName: string, familyName: string) => clientWithCase(app, clinic.agencyId, clinic.counsellorId, givenName, familyName);

async function bookThroughBridge(app: TenangApp, clinic: Clinic, caseId: number, localStart: string, extra: Record<string, unknown> = {}) {
  const result = await dispatchOk(app, 'sessions.book', {
    caseId,
    counsellorId: clinic.counsellorId,
    sessionType: 'counselling',
    modality: 'in_person',
    roomId: clinic.melati,
    localStart,
    durationMinutes: 50,
    ...extra,
  });
  if (result.outcome !== 'booked') throw new Error(`not booked: ${JSON.stringify(result)}`);
  return result.sessions[0]!;
}

async function openCalendar(page: Page, counsellor?: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  if (counsellor) await page.getByLabel('Calendar of').selectOption({ label: counsellor });
}

/** The session's block in the calendar grid. */
const sessionBlock = (page: Page, id: number) => page.locator(`.tenang-calendar .ec-event:has([data-session-id="${id}"])`);

test('a waitlisted referral is assigned and its first session booked, which moves it to “first session booked”', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const referral = await waitlisted(app, clinic, 'Rina', 'Wijaya');
  // Agus was assigned earlier and still waits for his first session.
  const agus = await clientWithBudi(app, clinic, 'Agus', 'Prasetyo');
  const monday = nextMonday();

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  await page.getByRole('navigation', { name: 'Referral sections' }).getByRole('link', { name: 'Waitlist' }).click();
  const awaiting = page.getByTestId('awaiting-first-session');
  await expect(awaiting).toContainText(agus.code);
  await expect(awaiting.getByRole('button', { name: `Book first session ${agus.code}` })).toBeVisible();
  await expect(awaiting).not.toContainText(referral.clientCode);
  const row = page.getByTestId('waitlist-table').locator(`tr[data-referral-id="${referral.id}"]`);
  await row.getByRole('button', { name: /^Assign/ }).click();
  const assign = page.getByRole('dialog');
  await assign.getByLabel('Counsellor').selectOption({ label: COUNSELLOR.displayName });
  await assign.getByRole('button', { name: /Assign/ }).click();
  await expect(page.getByTestId('referral-action-notice')).toContainText('is assigned to Budi Santoso');
  await expect(awaiting).toContainText(referral.clientCode);
  await screenshot(page, 'assigned');

  // The next step is offered at once.
  await page.getByTestId('first-session-prompt').getByRole('button', { name: `Book the first session for ${referral.clientCode}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Book the first session' });
  await expect(dialog.getByLabel('Session type')).toHaveValue('intake_assessment');
  await expect(dialog.getByTestId('booking-case')).toContainText(referral.clientCode);
  await expect(dialog.getByTestId('booking-case')).toContainText('Rina Wijaya');
  await expect(dialog.getByTestId('case-allowance')).toHaveText('Sessions used: 0 of 6');

  // Nothing chosen for the room: refused under the field, before anything is sent.
  await dialog.getByLabel('Date').fill(monday.toISODate()!);
  await dialog.getByLabel('Start time').fill('10:00');
  await dialog.getByRole('button', { name: 'Book session' }).click();
  await expect(page.locator('#book-room-error')).toHaveText('An in-person session needs a room.');
  await dialog.getByLabel('Room').selectOption({ label: 'Ruang Melati (2 people)' });
  await screenshot(page, 'book-first-session', { viewport: true });
  await dialog.getByRole('button', { name: 'Book session' }).click();

  await expect(page.getByTestId('first-session-notice')).toHaveText(
    `The first session of ${referral.clientCode} is booked for ${enDay(monday)} 10:00. The referral is now “First session booked”.`,
  );
  const after = await dispatchOk(app, 'referrals.get', { id: referral.id });
  expect(after.referral.status).toBe('first_session_booked');
  expect(after.history.at(-1)).toMatchObject({ fromStatus: 'assigned', toStatus: 'first_session_booked', changedBy: 'Ayu Lestari' });
  await expect(awaiting).not.toContainText(referral.clientCode);
  await expect(awaiting).toContainText(agus.code);
  const [session] = (await dispatchOk(app, 'sessions.list', { fromMs: ms(monday, '00:00'), toMs: ms(monday.plus({ days: 1 }), '00:00') })).sessions;
  expect(session).toMatchObject({ sessionType: 'intake_assessment', roomName: 'Ruang Melati', startMs: ms(monday, '10:00'), endMs: ms(monday, '10:50'), status: 'scheduled' });

  // All referrals shows the new status; its details no longer offer to book.
  await page.getByRole('navigation', { name: 'Referral sections' }).getByRole('link', { name: 'All referrals' }).click();
  const listed = page.getByTestId('referrals-table').locator(`tr[data-referral-id="${referral.id}"]`);
  await expect(listed).toContainText('First session booked');
  await listed.getByRole('button', { name: /Details/ }).click();
  await expect(page.getByTestId('referral-details')).toContainText('First session booked');
  await expect(page.getByTestId('first-session-prompt')).toHaveCount(0);
  await screenshot(page, 'first-session-booked', { viewport: true });
  await page.getByRole('button', { name: 'Close' }).click();

  // The calendar has it, in Budi's week and in the clinic's day.
  await openCalendar(page, COUNSELLOR.displayName);
  await page.getByRole('button', { name: 'Next week' }).click();
  const block = sessionBlock(page, session!.id);
  await expect(block).toContainText(referral.clientCode);
  await expect(block).toContainText('Ruang Melati · Intake assessment');
  await expect(block).toContainText('Scheduled');
  await screenshot(page, 'week');
  await page.getByRole('button', { name: 'Agenda' }).click();
  await expect(page.locator('.tenang-calendar .ec-list')).toContainText(referral.clientCode);
  await screenshot(page, 'agenda');
});

test('double-booking is refused with the time and room in the way, never the other client, occurrence by occurrence', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const agus = await clientWithBudi(app, clinic, 'Agus', 'Prasetyo');
  const monday = nextMonday();
  const second = monday.plus({ weeks: 1 });
  const taken = await bookThroughBridge(app, clinic, rina.caseId, at(second, '09:30'));

  await page.goto('/');
  await openCalendar(page, COUNSELLOR.displayName);
  await page.getByRole('button', { name: 'New session' }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.getByLabel('Case').selectOption({ label: `${agus.code} · ${agus.name} (counsellor: Budi Santoso)` });
  await dialog.getByLabel('Room').selectOption({ label: 'Ruang Melati (2 people)' });

  // One session on top of Rina's.
  await dialog.getByLabel('Date').fill(second.toISODate()!);
  await dialog.getByLabel('Start time').fill('09:45');
  await dialog.getByRole('button', { name: 'Book session' }).click();
  const conflict = dialog.getByTestId('schedule-conflict');
  await expect(conflict).toContainText('Nothing was booked: this time is not free.');
  await expect(conflict.locator('li')).toHaveText([`${enDay(second)} 09:45: the counsellor already has a session 09:30–10:20 in Ruang Melati`]);

  // A weekly series from next Monday: only its second occurrence is in the way, and nothing at all is booked.
  await dialog.getByLabel('Date').fill(monday.toISODate()!);
  await dialog.getByLabel('Start time').fill('10:00');
  await dialog.getByLabel('Repeat').selectOption('weekly');
  await dialog.getByLabel('Number of sessions').fill('4');
  await dialog.getByRole('button', { name: 'Book the sessions' }).click();
  await expect(conflict).toContainText('Nothing was booked: 1 of the sessions cannot be booked as asked.');
  await expect(conflict.locator('li')).toHaveText([`Occurrence 2, ${enDay(second)} 10:00: the counsellor already has a session 09:30–10:20 in Ruang Melati`]);
  for (const secret of [rina.code, 'Rina', 'Wijaya']) await expect(conflict).not.toContainText(secret);
  await screenshot(page, 'conflict', { viewport: true });
  const booked = await dispatchOk(app, 'sessions.list', { fromMs: ms(monday, '00:00'), toMs: ms(monday.plus({ weeks: 4 }), '00:00') });
  expect(booked.sessions.map((s) => s.id)).toEqual([taken.id]);

  // Fortnightly instead steps over it: all four are booked, and the calendar jumps to the first.
  await dialog.getByLabel('Repeat').selectOption('fortnightly');
  await dialog.getByRole('button', { name: 'Book the sessions' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('calendar-notice')).toHaveText(`4 sessions booked, the first on ${enDay(monday)} 10:00.`);
  const series = (await dispatchOk(app, 'sessions.list', { fromMs: ms(monday, '00:00'), toMs: ms(monday.plus({ weeks: 7 }), '00:00'), caseId: agus.caseId })).sessions;
  expect(series.map((s) => s.startMs)).toEqual([0, 2, 4, 6].map((weeks) => ms(monday.plus({ weeks }), '10:00')));
  expect(new Set(series.map((s) => s.seriesId)).size).toBe(1);
  // The week on screen is the first session's: its block is there (the title's wording
  // depends on whether the week crosses a month, so it proves less).
  await expect(sessionBlock(page, series[0]!.id)).toBeVisible();
  await expect(sessionBlock(page, series[1]!.id)).toHaveCount(0);

  // The clinic cancels the first one: a reason is required, kept, and the slot shows struck through.
  const first = sessionBlock(page, series[0]!.id);
  await first.click();
  const opened = page.getByRole('dialog', { name: `Session with ${agus.code}` });
  await expect(opened.getByRole('button', { name: 'Attended' })).toHaveCount(0);
  await opened.getByRole('button', { name: 'Cancelled by clinic' }).click();
  await opened.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(page.locator('#status-reason-error')).toHaveText('Give a reason.');
  await opened.getByLabel('Reason', { exact: true }).fill('Counsellor at a critical-incident call-out');
  await opened.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(opened.getByTestId('session-status')).toContainText('Cancelled by clinic');
  await expect(opened.getByTestId('session-status')).toContainText('Counsellor at a critical-incident call-out');
  await expect(opened.getByRole('button', { name: 'Reschedule' })).toHaveCount(0);
  await opened.getByRole('button', { name: 'Close' }).click();
  await expect(first).toHaveClass(/session-event--cancelled_by_clinic/);
  await expect(first).toContainText('Cancelled by clinic');
  await screenshot(page, 'cancelled');
  expect((await dispatchOk(app, 'sessions.get', { id: series[0]!.id })).session).toMatchObject({ status: 'cancelled_by_clinic', statusReason: 'Counsellor at a critical-incident call-out' });
});

test('outside working hours and past the allowance, booking asks for the reasons first and keeps them', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const monday = nextMonday();
  // Six weekly sessions already use the whole allowance for workload stress.
  await dispatchOk(app, 'sessions.book', {
    caseId: rina.caseId,
    counsellorId: clinic.counsellorId,
    sessionType: 'counselling',
    modality: 'phone',
    localStart: at(monday, '09:00'),
    durationMinutes: 50,
    repeat: { recurrence: 'weekly', count: 6 },
  });

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: new RegExp(rina.code) }).first().click();
  await expect(page.getByTestId('client-sessions').locator('tbody tr')).not.toHaveCount(0);
  await page.getByTestId('cases-table').getByRole('button', { name: /^Book session/ }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await expect(dialog.getByTestId('case-allowance')).toHaveText('Sessions used: 6 of 6');
  await dialog.getByLabel('Video').check();
  await dialog.getByLabel('Video link').fill('https://meet.example.org/tenang-rina');
  await dialog.getByLabel('Date').fill(monday.toISODate()!);
  await dialog.getByLabel('Start time').fill('18:00');
  await dialog.getByRole('button', { name: 'Book session' }).click();

  const confirm = page.getByRole('dialog', { name: 'Please confirm' });
  await expect(confirm.getByTestId('confirm-overrides').locator('li')).toHaveText([`${enDay(monday)} 18:00: outside the counsellor’s working hours`]);
  const yearStart = today().minus({ months: 2 });
  const enDate = (d: DateTime) => d.setLocale('en-GB').toLocaleString(DateTime.DATE_MED);
  await expect(confirm.getByTestId('confirm-allowance')).toHaveText(
    `6 of 6 sessions for Workload and work stress are used this contract year (${enDate(yearStart)} – ${enDate(yearStart.plus({ years: 1 }).minus({ days: 1 }))}). This booking adds one more.`,
  );
  await confirm.getByRole('button', { name: 'Confirm and book' }).click();
  await expect(page.locator('#book-override-reason-error')).toHaveText('Why book at this time? is required.');
  await expect(page.locator('#book-allowance-reason-error')).toHaveText('Why go beyond the allowance? is required.');
  await confirm.getByLabel('Why book at this time?').fill('Only time after her shift at the station');
  await confirm.getByLabel('Why go beyond the allowance?').fill('Supervisor agreed one extra session before the case review');
  await screenshot(page, 'confirm', { viewport: true });
  await confirm.getByRole('button', { name: 'Confirm and book' }).click();
  await expect(page.getByTestId('client-notice')).toHaveText('The session has been booked.');

  const sessions = (await dispatchOk(app, 'sessions.list', { fromMs: ms(monday, '00:00'), toMs: ms(monday.plus({ days: 1 }), '00:00'), caseId: rina.caseId })).sessions;
  const late = sessions.find((s) => s.startMs === ms(monday, '18:00'))!;
  expect(late).toMatchObject({ modality: 'video', videoLink: 'https://meet.example.org/tenang-rina', overrideReason: 'Only time after her shift at the station', allowanceReason: 'Supervisor agreed one extra session before the case review' });
  await expect(page.getByTestId('client-sessions').locator(`tr[data-session-id="${late.id}"]`)).toContainText('Video');
  await screenshot(page, 'client-sessions');
});

test('dragging a session in the week reschedules it through the same checks; the keyboard can do it too', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const agus = await clientWithBudi(app, clinic, 'Agus', 'Prasetyo');
  const monday = nextMonday();
  const tuesday = monday.plus({ days: 1 });
  const wednesday = monday.plus({ days: 2 });
  const session = await bookThroughBridge(app, clinic, rina.caseId, at(monday, '10:00'));
  const other = await bookThroughBridge(app, clinic, agus.caseId, at(wednesday, '10:00'));

  await page.goto('/');
  await openCalendar(page, COUNSELLOR.displayName);
  await page.getByRole('button', { name: 'Next week' }).click();
  const block = sessionBlock(page, session.id);
  await expect(block).toBeVisible();
  await block.scrollIntoViewIfNeeded();
  await screenshot(page, 'drag-before');

  /** Drags the block by whole columns (days) and half-hour slots. */
  const drag = async (days: number, slots: number) => {
    await block.scrollIntoViewIfNeeded();
    const box = (await block.boundingBox())!;
    const monCol = (await page.locator('.tenang-calendar .ec-body .ec-day').nth(0).boundingBox())!;
    const slot = 44;
    const x = box.x + box.width / 2;
    const y = box.y + 12;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 10, y + 10, { steps: 4 });
    await page.mouse.move(x + days * monCol.width, y + slots * slot, { steps: 12 });
    await page.mouse.up();
  };

  // Monday 10:00 → Tuesday 11:00.
  await drag(1, 2);
  await expect(page.getByTestId('calendar-notice')).toHaveText(`The session has been moved to ${enDay(tuesday)} 11:00.`);
  let loaded = await dispatchOk(app, 'sessions.get', { id: session.id });
  expect(loaded.session).toMatchObject({ startMs: ms(tuesday, '11:00'), endMs: ms(tuesday, '11:50'), roomName: 'Ruang Melati' });
  expect(loaded.history.map((h) => h.kind)).toEqual(['booked', 'rescheduled']);
  expect(loaded.history[1]).toMatchObject({ fromStartMs: ms(monday, '10:00'), toStartMs: ms(tuesday, '11:00'), changedBy: 'Ayu Lestari' });
  await screenshot(page, 'drag-after');

  // Onto Agus's session on Wednesday: refused, put back, and said with the time and room only.
  await drag(1, -2);

  const problems = page.getByTestId('drag-problems');
  await expect(problems).toContainText('The session was not moved and is back where it was:');
  await expect(problems.locator('li')).toHaveText([`${enDay(wednesday)} 10:00: the counsellor already has a session 10:00–10:50 in Ruang Melati`]);
  await expect(problems).not.toContainText(agus.code);
  expect((await dispatchOk(app, 'sessions.get', { id: session.id })).session.startMs).toBe(ms(tuesday, '11:00'));
  expect((await dispatchOk(app, 'sessions.get', { id: other.id })).session.startMs).toBe(ms(wednesday, '10:00'));
  await expect(block).toContainText('11:00–11:50');

  // The keyboard's way: focus the session, Enter, Reschedule.
  await block.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: `Session with ${rina.code}` });
  await expect(dialog.getByTestId('session-when')).toContainText('11:00–11:50');
  await dialog.getByRole('button', { name: 'Reschedule' }).click();
  await dialog.getByLabel('Start time').fill('14:00');
  await dialog.getByLabel('Room').selectOption({ label: 'Aula Serbaguna (30 people)' });
  await dialog.getByLabel('Reason (optional)').fill('Client asked for the afternoon');
  await dialog.getByRole('button', { name: 'Move the session' }).click();
  await expect(dialog.getByTestId('session-notice')).toHaveText('The session has been rescheduled.');
  await expect(dialog.getByTestId('session-when')).toContainText('14:00–14:50');
  await expect(dialog.getByTestId('session-history')).toContainText('Client asked for the afternoon');
  await screenshot(page, 'session-history', { viewport: true });
  loaded = await dispatchOk(app, 'sessions.get', { id: session.id });
  expect(loaded.session).toMatchObject({ startMs: ms(tuesday, '14:00'), roomName: 'Aula Serbaguna' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // To Saturday, outside Budi's hours: the same question as booking; putting it back changes nothing.
  const saturday = monday.plus({ days: 5 });
  await drag(4, 0);
  const confirm = page.getByRole('dialog', { name: `Move the session of ${rina.code}?` });
  await expect(confirm.getByTestId('confirm-overrides').locator('li')).toHaveText([`${enDay(saturday)} 14:00: outside the counsellor’s working hours`]);
  await confirm.getByRole('button', { name: 'Put it back' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(block).toContainText('14:00–14:50');
  expect((await dispatchOk(app, 'sessions.get', { id: session.id })).session.startMs).toBe(ms(tuesday, '14:00'));
  await drag(4, 0);
  await confirm.getByLabel('Why book at this time?').fill('Weekend session agreed with the client');
  await screenshot(page, 'drag-confirm', { viewport: true });
  await confirm.getByRole('button', { name: 'Confirm and move' }).click();
  await expect(page.getByTestId('calendar-notice')).toHaveText(`The session has been moved to ${enDay(saturday)} 14:00.`);
  expect((await dispatchOk(app, 'sessions.get', { id: session.id })).session).toMatchObject({ startMs: ms(saturday, '14:00'), overrideReason: 'Weekend session agreed with the client' });
});

test('a counsellor records a no-show, in Bahasa Indonesia', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  // Two days ago at 10:00 (maybe a weekend: booked with a reason).
  const day = today().minus({ days: 2 });
  const session = await bookThroughBridge(app, clinic, rina.caseId, at(day, '10:00'), { overrideReason: 'Catch-up session' });
  await app.lock('manual');

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await page.getByRole('navigation', { name: 'Utama' }).getByRole('link', { name: 'Kalender' }).click();
  await expect(page.getByLabel('Kalender milik')).toHaveCount(0);
  if (day < today().startOf('week')) await page.getByRole('button', { name: 'Minggu sebelumnya' }).click();
  const block = sessionBlock(page, session.id);
  await expect(block).toContainText(rina.code);
  await expect(block).toContainText('Terjadwal');
  await block.click();

  const dialog = page.getByRole('dialog', { name: `Sesi dengan ${rina.code}` });
  await expect(dialog.getByTestId('session-client')).toContainText('Rina Wijaya');
  await dialog.getByRole('button', { name: 'Tidak hadir' }).click();
  await expect(dialog.getByTestId('status-form')).toContainText('Ketidakhadiran tetap dihitung dalam jatah sesi.');
  await dialog.getByLabel('Catatan (opsional)').fill('Tidak dapat dihubungi lewat telepon');
  await dialog.getByRole('button', { name: 'Catat tidak hadir' }).click();
  await expect(dialog.getByTestId('session-notice')).toHaveText('Hasil sesi telah dicatat.');
  await expect(dialog.getByTestId('session-status')).toContainText('Tidak hadir');
  await expect(dialog.getByTestId('session-history')).toContainText('Diubah dari Terjadwal menjadi Tidak hadir');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'no-show-id', { viewport: true });
  await dialog.getByRole('button', { name: 'Tutup' }).click();
  await expect(block).toContainText('Tidak hadir');
  await expect(block).toHaveClass(/session-event--did_not_attend/);
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'week-id');

  const loaded = await dispatchOk(app, 'sessions.get', { id: session.id });
  expect(loaded.session).toMatchObject({ status: 'did_not_attend', statusReason: 'Tidak dapat dihubungi lewat telepon' });
  // A no-show still counts against the allowance.
  const [kase] = (await dispatchOk(app, 'cases.list', { openOnly: true })).cases;
  expect(kase!.sessionsUsed).toBe(1);
});

test('an admin books a stress-management workshop for an agency and records an anonymous head count', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const monday = nextMonday();

  await page.goto('/');
  await openCalendar(page);
  await expect(page.getByLabel('Calendar of')).toHaveValue('clinic');
  await page.getByRole('button', { name: 'New session' }).click();
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.getByLabel('Session type').selectOption('group_workshop');
  await expect(dialog.getByLabel('Case')).toHaveCount(0);
  // The contract's rules, said under their fields (its rules across fields once the facilitator is chosen).
  await dialog.getByRole('button', { name: 'Book session' }).click();
  await expect(page.locator('#book-counsellor-error')).toHaveText('Facilitator is required.');
  await dialog.getByLabel('Facilitator').selectOption({ label: COUNSELLOR.displayName });
  await dialog.getByRole('button', { name: 'Book session' }).click();
  await expect(page.locator('#book-agency-error')).toHaveText('Choose the agency.');
  await expect(page.locator('#book-topic-error')).toHaveText('Choose the workshop’s topic.');
  await expect(page.locator('#book-capacity-error')).toHaveText('Give the number of places.');
  await expect(page.locator('#book-room-error')).toHaveText('An in-person session needs a room.');
  await dialog.getByLabel('Agency').selectOption({ label: 'Dinas Pemadam Kebakaran Kota Surabaya' });
  await dialog.getByLabel('Topic').selectOption({ label: 'Stress management' });
  await dialog.getByLabel('Capacity').fill('25');
  await dialog.getByLabel('Room').selectOption({ label: 'Aula Serbaguna (30 people)' });
  await dialog.getByLabel('Date').fill(monday.toISODate()!);
  await dialog.getByLabel('Start time').fill('13:00');
  await dialog.getByLabel('Duration (minutes)').fill('120');
  await screenshot(page, 'workshop-booking', { viewport: true });
  await dialog.getByRole('button', { name: 'Book session' }).click();
  await expect(page.getByTestId('calendar-notice')).toHaveText(`Booked: Group session or workshop, ${enDay(monday)} 13:00.`);

  // The clinic's day shows it under Budi and under the hall.
  const [workshop] = (await dispatchOk(app, 'sessions.list', { fromMs: ms(monday, '00:00'), toMs: ms(monday.plus({ days: 1 }), '00:00') })).sessions;
  expect(workshop).toMatchObject({ sessionType: 'group_workshop', caseId: null, topic: 'stress_management', capacity: 25, roomId: clinic.aula, endMs: ms(monday, '15:00') });
  const blocks = sessionBlock(page, workshop!.id);
  await expect(blocks).toHaveCount(2);
  await expect(blocks.first()).toContainText('Stress management');
  await screenshot(page, 'clinic-view');

  // Dragged from the hall into the small room: the service refuses (25 people do not fit in 2 places) and it goes back.
  const hall = blocks.nth(1);
  await hall.scrollIntoViewIfNeeded();
  const box = (await hall.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + 22, { steps: 4 });
  await page.mouse.move(box.x + box.width * 1.5 + 8, box.y + 12, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByTestId('drag-refused')).toHaveText('The session was not moved and is back where it was: The group is larger than the room holds.');
  expect((await dispatchOk(app, 'sessions.get', { id: workshop!.id })).session.roomId).toBe(clinic.aula);
  await expect(blocks).toHaveCount(2);

  await blocks.first().click();
  const session = page.getByRole('dialog', { name: 'Session: Group session or workshop' });
  await session.getByRole('button', { name: 'Record attendance' }).click();
  await expect(session.getByLabel('Head count (anonymous)')).toBeChecked();
  await session.getByLabel('Number of people who came').fill('18');
  await session.getByRole('button', { name: 'Save attendance' }).click();
  await expect(session.getByTestId('session-notice')).toHaveText('Attendance has been recorded.');
  await expect(session.getByTestId('session-attendance')).toHaveText('Attendance18 people (head count)');
  await screenshot(page, 'workshop-attendance', { viewport: true });
  const loaded = await dispatchOk(app, 'sessions.get', { id: workshop!.id });
  expect(loaded.session.headCount).toBe(18);
  expect(loaded.attendees).toEqual([]);

  // The language switch changes the calendar at once: toolbar, columns, sessions.
  await session.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(blocks.first()).toContainText('Manajemen stres');
  await expect(page.locator('.tenang-calendar .resource-label__kind').first()).toHaveText('Konselor');
  await expect(page.getByRole('button', { name: 'Hari berikutnya' })).toBeVisible();
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'clinic-view-id');
});

test('a counsellor’s calendar exports as .ics with client codes, never names', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  const rina = await clientWithBudi(app, clinic, 'Rina', 'Wijaya');
  const monday = nextMonday();
  await bookThroughBridge(app, clinic, rina.caseId, at(monday, '10:00'));

  await page.goto('/');
  await openCalendar(page, COUNSELLOR.displayName);
  await page.getByRole('button', { name: 'Export .ics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export calendar (.ics)' });
  await expect(dialog.getByLabel('Include the clients’ initials')).not.toBeChecked();
  await expect(dialog).toContainText('Names are never exported');
  await screenshot(page, 'export', { viewport: true });

  const exportIcs = async () => {
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
  };
  const plain = await exportIcs();
  await expect(dialog.getByTestId('export-notice')).toContainText('1 session');
  expect(plain.name).toMatch(/\.ics$/);
  expect(plain.text).toContain('BEGIN:VCALENDAR');
  expect(plain.text).toContain(rina.code);
  for (const secret of ['Rina', 'Wijaya']) expect(plain.text).not.toContain(secret);

  await dialog.getByLabel('Include the clients’ initials').check();
  const initials = await exportIcs();
  expect(initials.text).toContain(rina.code);
  for (const secret of ['Rina', 'Wijaya']) expect(initials.text).not.toContain(secret);
  expect(initials.text).not.toBe(plain.text);
  // The export is in the audit log.
  expect((await dispatchOk(app, 'audit.list', { action: 'calendar.export' })).entries.length).toBe(2);
  expect((await dispatch(app, 'calendar.exportIcs', { counsellorId: clinic.counsellorId, fromDate: monday.toISODate()!, toDate: monday.minus({ days: 1 }).toISODate()! })).ok).toBe(false);
});

test('the first attended session stops the referral’s clock, and the referral shows the time it took against its target', async ({ page, app }) => {
  const clinic = await seedClinic(app);
  // Received a week ago (routine: first appointment within 5 working days), seen 3 days later.
  const received = today().minus({ days: 7 });
  const created = await dispatchOk(app, 'referrals.create', {
    agencyId: clinic.agencyId,
    receivedDate: received.toISODate()!,
    referralType: 'self',
    urgency: 'routine',
    presentingIssues: ['burnout'],
    client: { mode: 'new', givenName: 'Dewi', familyName: 'Kartika' },
  });
  if (created.outcome !== 'created') throw new Error('the referral was not created');
  const id = created.referral.id;
  await dispatchOk(app, 'referrals.move', { id, to: 'triaged' });
  await dispatchOk(app, 'referrals.move', { id, to: 'waitlisted' });
  const assigned = await dispatchOk(app, 'referrals.assign', { id, counsellorId: clinic.counsellorId });
  const seen = received.plus({ days: 3 });
  const session = await bookThroughBridge(app, clinic, assigned.caseId!, at(seen, '10:00'), { overrideReason: 'Recorded afterwards' });
  await app.lock('manual');

  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await openCalendar(page);
  if (seen < today().startOf('week')) await page.getByRole('button', { name: 'Previous week' }).click();
  await sessionBlock(page, session.id).click();
  const dialog = page.getByRole('dialog', { name: `Session with ${assigned.clientCode}` });
  await dialog.getByRole('button', { name: 'Attended' }).click();
  await dialog.getByRole('button', { name: 'Record attended' }).click();
  await expect(dialog.getByTestId('session-status')).toContainText('Attended');

  const { referral } = await dispatchOk(app, 'referrals.get', { id });
  expect(referral.clockStoppedAt).toBe(new Date(session.startMs).toISOString());
  const expected = Date.parse(referral.clockStoppedAt!) <= Date.parse(referral.firstAppointmentDueAt) ? 'Target met' : 'Target missed';
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
  const row = page.locator(`tr[data-referral-id="${id}"]`);
  await expect(row.getByTestId('timeliness')).toContainText(expected);
  await expect(row.getByTestId('timeliness')).toContainText(`working day`);
  await row.getByRole('button', { name: `Details ${assigned.clientCode}` }).click();
  const details = page.getByRole('dialog', { name: `Referral of ${assigned.clientCode}` });
  await expect(details.getByTestId('timeliness')).toContainText(expected);
  await expect(details.getByTestId('timeliness')).toContainText(`(${referral.clockElapsed!.hours} h)`);
  await screenshot(page, 'referral-clock-stopped', { viewport: true });
});
