import { DateTime } from 'luxon';
import { test, expect } from '../bridge/fixtures';
import { screenshotsFor } from '../bridge/screens';
import { CLINIC, COUNSELLOR, dispatchOk, setUpClinic } from '../bridge/clinic';
import { signIn } from '../bridge/sign-in';
import { untranslatedOnPage } from '../bridge/visible-text';
import { testNowIn } from '../helpers/test-now';

const screenshot = screenshotsFor('scheduling');

test('an admin sets up rooms, a clinic holiday, and a counsellor’s weekly hours and leave', async ({ page, app }) => {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const today = testNowIn(CLINIC.timeZone).startOf('day');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Rooms & hours' }).click();
  await expect(page.getByRole('heading', { name: 'Rooms', exact: true })).toBeVisible();
  await expect(page.getByText('No rooms yet. Add the first one below.')).toBeVisible();

  // Rooms: an empty name is refused under the field before anything is sent.
  const rooms = page.getByTestId('rooms');
  const addRoom = page.getByTestId('add-room');
  await addRoom.getByLabel('Capacity').fill('2');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(page.locator('#add-room-name-error')).toHaveText('Room name is required.');
  await screenshot(page, 'validation');
  expect((await dispatchOk(app, 'rooms.list', {})).rooms).toEqual([]);

  await addRoom.getByLabel('Room name').fill('Ruang Melati');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByTestId('rooms-notice')).toHaveText('Ruang Melati has been added.');
  const [room] = (await dispatchOk(app, 'rooms.list', {})).rooms;
  expect(room).toMatchObject({ name: 'Ruang Melati', capacity: 2, active: true });
  const row = page.getByTestId('rooms-table').locator(`tr[data-room-id="${room!.id}"]`);
  await expect(row).toContainText('2 people');
  await expect(row).toContainText('Active');
  await expect(addRoom.getByLabel('Room name')).toHaveValue('');

  // Edit its capacity.
  await row.getByRole('button', { name: /Edit/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Ruang Melati' });
  await expect(dialog.getByLabel('Capacity')).toHaveValue('2');
  await dialog.getByLabel('Capacity').fill('3');
  await screenshot(page, 'edit-room', { viewport: true });
  await dialog.getByRole('button', { name: 'Save room' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('rooms-notice')).toHaveText('Ruang Melati has been saved.');
  await expect(row).toContainText('3 people');
  expect((await dispatchOk(app, 'rooms.list', {})).rooms).toMatchObject([{ id: room!.id, capacity: 3, active: true }]);

  // The same name again (whatever its case) is refused under the name.
  await addRoom.getByLabel('Room name').fill('ruang melati');
  await addRoom.getByLabel('Capacity').fill('8');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(page.locator('#add-room-name-error')).toHaveText('There is already a room with this name.');
  await expect(rooms.locator('tbody tr')).toHaveCount(1);
  expect((await dispatchOk(app, 'rooms.list', {})).rooms).toHaveLength(1);
  await addRoom.getByLabel('Room name').fill('Aula');
  await addRoom.getByLabel('Capacity').fill('30');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByTestId('rooms-notice')).toHaveText('Aula has been added.');
  await expect(rooms.locator('tbody tr')).toHaveCount(2);

  // A clinic holiday.
  const holidays = page.getByTestId('holidays');
  await expect(holidays).toContainText('skip these days');
  await expect(holidays).toContainText('No upcoming holidays.');
  const holidayDate = today.plus({ days: 30 }).toISODate()!;
  await holidays.getByLabel('Date').fill(holidayDate);
  await holidays.getByLabel('Name of the holiday').fill('Hari Raya Nyepi');
  await holidays.getByRole('button', { name: 'Add holiday' }).click();
  const holidayText = DateTime.fromISO(holidayDate).setLocale('en-GB').toLocaleString(DateTime.DATE_MED);
  await expect(page.getByTestId('holidays-notice')).toHaveText(`${holidayText} (Hari Raya Nyepi) is now a clinic holiday.`);
  await expect(holidays.locator(`tr[data-holiday-date="${holidayDate}"]`)).toContainText('Hari Raya Nyepi');
  expect((await dispatchOk(app, 'holidays.list', {})).holidays).toEqual([{ date: holidayDate, name: 'Hari Raya Nyepi' }]);

  // Budi's week: times are the clinic's wall clock, said with its zone.
  const hours = page.getByTestId('counsellor-hours');
  await expect(page.getByTestId('hours-zone')).toContainText('Asia/Jakarta');
  await expect(hours.getByLabel('Counsellor')).toHaveValue(String(counsellorId));
  await expect(hours.locator('[data-weekday="1"]')).toContainText('Not working');
  await hours.getByRole('button', { name: 'Add hours Monday' }).click();
  await expect(hours.getByLabel('Monday, hours 1: from')).toHaveValue('09:00');
  await hours.getByLabel('Monday, hours 1: from').fill('08:00');
  await hours.getByLabel('Monday, hours 1: until').fill('16:00');
  // A second Monday block that overlaps the first is refused where it is, and nothing is saved.
  await hours.getByRole('button', { name: 'Add hours Monday' }).click();
  await hours.getByLabel('Monday, hours 2: from').fill('15:00');
  await hours.getByLabel('Monday, hours 2: until').fill('18:00');
  await hours.getByRole('button', { name: 'Save working hours' }).click();
  await expect(hours.locator('[data-weekday="1"] [data-block="2"] .field__error')).toHaveText('These hours overlap other hours of the same day.');
  await expect(hours.getByLabel('Monday, hours 2: from')).toBeFocused();
  expect((await dispatchOk(app, 'availability.get', { userId: counsellorId! })).hours).toEqual([]);
  await screenshot(page, 'overlap');

  await hours.getByRole('button', { name: 'Remove Monday, hours 2' }).click();
  for (const day of ['Tuesday', 'Wednesday', 'Thursday', 'Friday']) {
    await hours.getByRole('button', { name: `Add hours ${day}` }).click();
    await hours.getByLabel(`${day}, hours 1: from`).fill('08:00');
    await hours.getByLabel(`${day}, hours 1: until`).fill('16:00');
  }
  await expect(hours).toContainText('Changes not saved yet.');
  await hours.getByRole('button', { name: 'Save working hours' }).click();
  await expect(page.getByTestId('hours-saved')).toHaveText('The working hours of Budi Santoso have been saved.');
  const saved = await dispatchOk(app, 'availability.get', { userId: counsellorId! });
  expect([...saved.hours].sort((a, b) => a.weekday - b.weekday)).toEqual(
    [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 16 * 60 })),
  );
  await expect(hours.locator('[data-weekday="6"]')).toContainText('Not working');

  // Leave: a week from now, five days.
  const leave = page.getByTestId('leave');
  await expect(leave).toContainText('No leave recorded.');
  const leaveStart = today.plus({ days: 7 }).toISODate()!;
  const leaveEnd = today.plus({ days: 11 }).toISODate()!;
  await leave.getByLabel('First day of leave').fill(leaveEnd);
  await leave.getByLabel('Last day of leave').fill(leaveStart);
  await leave.getByRole('button', { name: 'Add leave' }).click();
  await expect(page.locator('#add-leave-end-error')).toHaveText('Last day of leave must not be before the first day.');
  await leave.getByLabel('First day of leave').fill(leaveStart);
  await leave.getByLabel('Last day of leave').fill(leaveEnd);
  await leave.getByLabel('Note').fill('Cuti tahunan');
  await leave.getByRole('button', { name: 'Add leave' }).click();
  const enDate = (iso: string, locale = 'en-GB') => DateTime.fromISO(iso).setLocale(locale).toLocaleString(DateTime.DATE_MED);
  await expect(page.getByTestId('leave-notice')).toHaveText(`Leave ${enDate(leaveStart)} – ${enDate(leaveEnd)} has been recorded.`);
  await expect(leave.getByTestId('leave-table')).toContainText('Cuti tahunan');
  const after = await dispatchOk(app, 'availability.get', { userId: counsellorId! });
  expect(after.leave).toMatchObject([{ userId: counsellorId, startDate: leaveStart, endDate: leaveEnd, note: 'Cuti tahunan' }]);
  expect(after.hours).toHaveLength(5);
  await screenshot(page, 'set-up');

  // The same date twice is refused under the date.
  await holidays.getByLabel('Date').fill(holidayDate);
  await holidays.getByLabel('Name of the holiday').fill('Again');
  await holidays.getByRole('button', { name: 'Add holiday' }).click();
  await expect(page.locator('#add-holiday-date-error')).toHaveText('This date is already a clinic holiday.');
  expect((await dispatchOk(app, 'holidays.list', {})).holidays).toHaveLength(1);

  // The audit log has the changes.
  for (const action of ['room.create', 'room.update', 'holiday.add', 'availability.update', 'leave.add'] as const) {
    expect((await dispatchOk(app, 'audit.list', { action })).entries.length, action).toBeGreaterThan(0);
  }

  // Everything is in Bahasa Indonesia after the switch, weekday names and dates included.
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Ruang', exact: true })).toBeVisible();
  await expect(hours.locator('[data-weekday="1"] legend')).toHaveText('Senin');
  await expect(page.getByTestId('leave-notice')).toHaveText(`Cuti ${enDate(leaveStart, 'id-ID')} sampai ${enDate(leaveEnd, 'id-ID')} telah dicatat.`);
  await expect(row).toContainText('3 orang');
  await expect(page.locator('#add-holiday-date-error')).toHaveText('Tanggal ini sudah menjadi hari libur klinik.');
  await expect.poll(() => untranslatedOnPage(page)).toEqual([]);
  await screenshot(page, 'id');
  await page.getByRole('button', { name: 'English' }).click();

  // Removing the leave and the holiday.
  await leave.getByRole('button', { name: /^Remove/ }).click();
  await expect(leave).toContainText('No leave recorded.');
  await holidays.getByRole('button', { name: /^Remove/ }).click();
  await expect(holidays).toContainText('No upcoming holidays.');
  expect((await dispatchOk(app, 'holidays.list', {})).holidays).toEqual([]);
  expect((await dispatchOk(app, 'availability.get', { userId: counsellorId! })).leave).toEqual([]);
});

test('a counsellor sees and keeps their own hours and leave under My account, and nobody else’s', async ({ page, app }) => {
  const { counsellorId } = await setUpClinic(app, { counsellor: true });
  const week = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
  await dispatchOk(app, 'availability.setHours', { userId: counsellorId!, hours: week });
  await app.lock('manual');
  await page.goto('/');
  await signIn(page, COUNSELLOR);
  await page.getByTestId('signed-in-name').click();
  const hours = page.getByTestId('counsellor-hours');
  await expect(hours).toBeVisible();
  await expect(hours.getByLabel('Counsellor')).toHaveCount(0);
  await expect(hours.locator('[data-weekday="1"]')).toBeVisible();

  const leave = page.getByTestId('leave');
  const start = testNowIn(CLINIC.timeZone).plus({ days: 14 }).toISODate()!;
  await leave.getByLabel('First day of leave').fill(start);
  await leave.getByLabel('Last day of leave').fill(start);
  await leave.getByRole('button', { name: 'Add leave' }).click();
  await expect(page.getByTestId('leave-notice')).toBeVisible();
  await screenshot(page, 'my-hours');
  const mine = await dispatchOk(app, 'availability.get', { userId: counsellorId! });
  expect(mine.leave).toMatchObject([{ startDate: start, endDate: start }]);
  expect(mine.hours).toHaveLength(5);
  // The admin's list of users stays closed to a counsellor.
  expect((await app.dispatch('users.list', {})).ok).toBe(false);
});
