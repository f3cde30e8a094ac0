import { DateTime } from 'luxon';
import type { Language } from '../../../shared/settings';
import { localeFor } from '../../format/dates';

/**
 * "2 Dec 2026, 09:30": a clinic wall-clock time (`YYYY-MM-DDTHH:mm`, as questionnaires and
 * sessions carry it) read in the clinic's zone, never in the computer's.
 */
export function wallClockText(wallClock: string, zone: string, language: Language): string {
  const at = DateTime.fromISO(wallClock, { zone });
  return at.isValid ? at.setLocale(localeFor(language)).toFormat('d LLL yyyy, HH:mm') : wallClock;
}

/** "2 Dec 2026": the day of a clinic wall-clock time. */
export function wallClockDate(wallClock: string, zone: string, language: Language): string {
  const at = DateTime.fromISO(wallClock, { zone });
  return at.isValid ? at.setLocale(localeFor(language)).toFormat('d LLL yyyy') : wallClock;
}

/** The clinic's wall-clock "now" as the contract takes it (`YYYY-MM-DDTHH:mm`). */
export function clinicNow(zone: string): string {
  return DateTime.now().setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");
}
