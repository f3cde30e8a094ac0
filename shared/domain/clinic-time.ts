import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) an instant falls on in the clinic's time zone. */
export function clinicDate(instant: string, timeZone: string): string {
  const date = DateTime.fromISO(instant, { zone: timeZone }).toISODate();
  if (!date) throw new Error('not an ISO instant');
  return date;
}

/** The clinic's wall-clock time (`YYYY-MM-DDTHH:mm`, as forms take it and as it sorts) at an instant. */
export function clinicWallClock(instantMs: number, timeZone: string): string {
  return DateTime.fromMillis(instantMs, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
