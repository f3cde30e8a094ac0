import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) an instant falls on in the clinic's time zone. */
export function clinicDate(instant: string, timeZone: string): string {
  const date = DateTime.fromISO(instant, { zone: timeZone }).toISODate();
  if (!date) throw new Error('not an ISO instant');
  return date;
}
