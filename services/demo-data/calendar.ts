import { DateTime } from 'luxon';
import { clinicWallClock } from '../../shared/domain/clinic-time';
import { isPublicHoliday } from './holidays';

/**
 * Days and instants for the demo data. A day is a whole number (days since 1970-01-01, a
 * calendar date, no time zone); an instant is UTC milliseconds. Whole numbers keep a
 * hundred thousand referrals cheap to generate; luxon is asked once per day for where
 * that day starts in the clinic's zone.
 */
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

const dates = new Map<number, string>();

/** YYYY-MM-DD of a day (remembered: the demo asks for the same few thousand days again and again). */
export function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Monday to Friday, but not a public holiday (the demo clinic closes on those, and so do its partner agencies). */
export function isWorkingDay(day: number): boolean {
  return weekday(day) <= 5 && !isPublicHoliday(day);
}

/** The day itself when it is a working day, else the next one. */
export function workingDayFrom(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d += 1;
  return d;
}

export function addWorkingDays(day: number, count: number): number {
  let d = day;
  for (let added = 0; added < count; ) {
    d += 1;
    if (isWorkingDay(d)) added += 1;
  }
  return d;
}

/** The same calendar day `months` months later (or earlier), clamped to the month's end. */
export function addMonths(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return Math.round(target.getTime() / DAY_MS);
}

export function firstOfMonth(day: number): number {
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
}

export function firstOfYear(year: number): number {
  return Math.round(Date.UTC(year, 0, 1) / DAY_MS);
}

/** A moment something happened: its day in the clinic's zone and its instant. */
export interface Moment {
  day: number;
  ms: number;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Where days start in the clinic's time zone, each asked of luxon once. */
export class ClinicDays {
  private readonly starts = new Map<number, number>();
  private readonly noonOffsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  startOf(day: number): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      start = DateTime.fromISO(dateOf(day), { zone: this.timeZone }).startOf('day').toMillis();
      this.starts.set(day, start);
    }
    return start;
  }

  /** The moment `minute` minutes after the day's local midnight (plus `extraMs`). */
  at(day: number, minute: number, extraMs = 0): Moment {
    return { day, ms: this.startOf(day) + minute * MINUTE_MS + extraMs };
  }

  /**
   * The instant a wall-clock time of the day shows in the clinic's zone, `minute` minutes
   * after local midnight: unlike at(), right on a day daylight saving begins or ends,
   * since the clocks change at night and office hours keep the day's midday offset.
   */
  wallClock(day: number, minute: number): number {
    let offset = this.noonOffsets.get(day);
    if (offset === undefined) {
      offset = DateTime.fromISO(`${dateOf(day)}T12:00`, { zone: this.timeZone }).offset;
      this.noonOffsets.set(day, offset);
    }
    return day * DAY_MS + (minute - offset) * MINUTE_MS;
  }

  private readonly hourOffsets = new Map<number, number>();

  /**
   * The clinic's wall-clock time at an instant, `YYYY-MM-DDTHH:mm`, exactly as
   * clinicWallClock (shared/domain/clinic-time.ts) gives it, with luxon asked once an hour
   * rather than once a call; an hour in which the offset changes is asked of luxon itself.
   */
  wallClockText(ms: number): string {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = this.hourOffsets.get(hour);
    if (offset === undefined) {
      const [atStart, atEnd] = [hour, hour + 1].map((h) => DateTime.fromMillis(h * HOUR_MS, { zone: this.timeZone }).offset);
      offset = atStart === atEnd ? atStart! : Number.NaN;
      this.hourOffsets.set(hour, offset);
    }
    if (Number.isNaN(offset)) return clinicWallClock(ms, this.timeZone);
    return new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 16);
  }

  /** Today's date in the clinic's zone at an instant. */
  today(nowMs: number): number {
    return dayOf(DateTime.fromMillis(nowMs, { zone: this.timeZone }).toISODate()!);
  }
}
