import { DateTime } from 'luxon';
import { monthsBetween } from './period';

/**
 * A report month as the clinic lives it: from midnight on its first day to midnight on the
 * first day of the next, in the clinic's time zone, as UTC milliseconds (how sessions keep
 * their start). A session at 00:30 on 1 July in Jakarta is July's, though it is still
 * 30 June in UTC.
 */
export interface ClinicMonth {
  /** YYYY-MM. */
  month: string;
  fromMs: number;
  /** Excluded. */
  toMs: number;
}

export function clinicMonths(from: string, to: string, timeZone: string): ClinicMonth[] {
  return monthsBetween(from, to).map((month) => {
    const start = DateTime.fromISO(`${month}-01`, { zone: timeZone }).startOf('day');
    if (!start.isValid) throw new Error(`not a month in a known time zone: ${month} ${timeZone}`);
    return { month, fromMs: start.toMillis(), toMs: start.plus({ months: 1 }).toMillis() };
  });
}

/** The month an instant falls in, among `months` (in order), or null when it falls in none. */
export function clinicMonthOf(instantMs: number, months: readonly ClinicMonth[]): string | null {
  return months.find((m) => instantMs >= m.fromMs && instantMs < m.toMs)?.month ?? null;
}

/** The first day of the month after `month`, YYYY-MM-DD: the excluded end of a range of calendar dates. */
export function firstDayAfter(month: string): string {
  return DateTime.fromISO(`${month}-01`).plus({ months: 1 }).toISODate()!;
}
