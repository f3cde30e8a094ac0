import { DateTime } from 'luxon';
import type { FirstAppointmentTarget } from './agencies';

/** ISO weekdays (1 = Monday … 7 = Sunday) on which the clinic works. */
export type WorkingDays = readonly number[];
export const DEFAULT_WORKING_DAYS: WorkingDays = [1, 2, 3, 4, 5];

export interface ClinicCalendar {
  timeZone: string;
  workingDays: WorkingDays;
  /** Closed dates (YYYY-MM-DD) on top of the weekly pattern; scheduling fills these in. */
  holidays?: ReadonlySet<string>;
}

/**
 * When a referral received at `receivedAt` must have had its first appointment, by its
 * contract's target (issue 3): `same_day` ends at midnight of the day received in the
 * clinic's zone; `hours` is plain elapsed time; `business_days` ends at midnight after
 * the Nth working day following the day received (the day itself does not count).
 */
export function firstAppointmentDueAt(receivedAt: string, target: FirstAppointmentTarget, calendar: ClinicCalendar): string {
  const receivedMs = Date.parse(receivedAt);
  if (Number.isNaN(receivedMs)) throw new Error('receivedAt is not an ISO instant');
  if (target.unit === 'hours') return new Date(receivedMs + target.amount * 3_600_000).toISOString();
  const day = DateTime.fromMillis(receivedMs, { zone: calendar.timeZone }).toISODate()!;
  // Same-day and working-day deadlines depend only on the day received: a waitlist of
  // thousands works each day out once.
  const holidays = calendar.holidays ? [...calendar.holidays].join(',') : '';
  const key = `${calendar.timeZone}|${calendar.workingDays.join('')}|${holidays}|${target.unit}|${target.amount}|${day}`;
  const known = dueByDay.get(key);
  if (known) return known;
  const due = dueAfterDay(day, target, calendar);
  if (dueByDay.size > 10_000) dueByDay.clear();
  dueByDay.set(key, due);
  return due;
}

const dueByDay = new Map<string, string>();

function dueAfterDay(receivedDay: string, target: FirstAppointmentTarget, calendar: ClinicCalendar): string {
  let day = DateTime.fromISO(receivedDay, { zone: calendar.timeZone }).startOf('day');
  if (target.unit === 'business_days') {
    if (!calendar.workingDays.some((d) => d >= 1 && d <= 7)) throw new Error('the clinic has no working days');
    let counted = 0;
    while (counted < target.amount) {
      day = day.plus({ days: 1 });
      if (isWorkingDay(day, calendar)) counted += 1;
    }
  }
  return day.plus({ days: 1 }).toUTC().toISO()!;
}

function isWorkingDay(day: DateTime, calendar: ClinicCalendar): boolean {
  return calendar.workingDays.includes(day.weekday) && !calendar.holidays?.has(day.toISODate()!);
}

/**
 * The instant a referral's clock starts: the moment it was entered when that is on the
 * day received, otherwise the start of the day received in the clinic's zone (a referral
 * entered late was still waiting from that day).
 */
export function referralClockStart(receivedDate: string, enteredAt: string, timeZone: string): string {
  const entered = DateTime.fromISO(enteredAt, { zone: timeZone });
  if (entered.toISODate() === receivedDate) return entered.toUTC().toISO()!;
  return DateTime.fromISO(receivedDate, { zone: timeZone }).startOf('day').toUTC().toISO()!;
}

/**
 * How a referral stands against its first-appointment target (issue 4): met or missed
 * once the first attended session stopped the clock; while it runs, missed past the due
 * time, at risk in the last quarter of the time allowed, on track before that.
 */
export type Timeliness = 'met' | 'missed' | 'at_risk' | 'on_track';

export function firstAppointmentTimeliness(clock: { clockStartedAt: string; firstAppointmentDueAt: string; clockStoppedAt: string | null }, nowMs: number): Timeliness {
  const startMs = Date.parse(clock.clockStartedAt);
  const dueMs = Date.parse(clock.firstAppointmentDueAt);
  if (clock.clockStoppedAt !== null) return Date.parse(clock.clockStoppedAt) <= dueMs ? 'met' : 'missed';
  if (nowMs > dueMs) return 'missed';
  return dueMs - nowMs <= (dueMs - startMs) / 4 ? 'at_risk' : 'on_track';
}

/**
 * Time on a referral's clock, from its start to `untilIso` (the stop, or now), as the
 * clinic counts it: working days after the day the clock started (the rule deadlines
 * use), and plain hours.
 */
export function elapsedOnClock(startedAtIso: string, untilIso: string, calendar: ClinicCalendar): { workingDays: number; hours: number } {
  const start = DateTime.fromISO(startedAtIso, { zone: calendar.timeZone });
  const until = DateTime.fromISO(untilIso, { zone: calendar.timeZone });
  let workingDays = 0;
  for (let day = start.startOf('day').plus({ days: 1 }); day <= until && workingDays < 10_000; day = day.plus({ days: 1 })) {
    if (isWorkingDay(day, calendar)) workingDays += 1;
  }
  return { workingDays, hours: Math.max(0, Math.floor(until.diff(start, 'hours').hours)) };
}
