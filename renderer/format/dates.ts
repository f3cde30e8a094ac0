import { DateTime } from 'luxon';
import type { Language } from '../../shared/settings';

const LOCALES: Record<Language, string> = { en: 'en-GB', id: 'id-ID' };

export function localeFor(language: Language): string {
  return LOCALES[language];
}

function inZone(iso: string, zone: string, language: Language): DateTime | null {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) return null;
  return parsed.setZone(zone).setLocale(localeFor(language));
}

/** "28 Nov 2026, 16:05:09" / "28 Nov 2026 16.05.09", in the clinic's time zone. */
export function formatDateTime(iso: string, zone: string, language: Language): string {
  return inZone(iso, zone, language)?.toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS) ?? iso;
}

/** "28 Nov 2026", in the clinic's time zone. */
export function formatDate(iso: string, zone: string, language: Language): string {
  return inZone(iso, zone, language)?.toLocaleString(DateTime.DATE_MED) ?? iso;
}

/** "16:05", in the clinic's time zone. */
export function formatTime(iso: string, zone: string, language: Language): string {
  return inZone(iso, zone, language)?.toLocaleString(DateTime.TIME_SIMPLE) ?? iso;
}

/** The zone's short name now, for labels ("WIB", "GMT+7"). */
export function zoneAbbreviation(zone: string, language: Language): string {
  const now = DateTime.now().setZone(zone).setLocale(localeFor(language));
  return now.isValid ? now.toFormat('ZZZZ') : zone;
}

/** A calendar date (YYYY-MM-DD, no time or zone) as "1 Dec 2026" / "1 Des 2026". */
export function formatCalendarDate(date: string, language: Language): string {
  const parsed = DateTime.fromISO(date, { zone: 'UTC' });
  return parsed.isValid ? parsed.setLocale(localeFor(language)).toLocaleString(DateTime.DATE_MED) : date;
}

/** Today's date (YYYY-MM-DD) in the clinic's time zone. */
export function todayIn(zone: string): string {
  const now = DateTime.now().setZone(zone);
  return (now.isValid ? now : DateTime.now()).toISODate() ?? '';
}

/** The last day of a period that starts on `start` and runs a year (2026-12-01 → 2027-11-30). */
export function oneYearFrom(start: string): string {
  const parsed = DateTime.fromISO(start, { zone: 'UTC' });
  return parsed.isValid ? (parsed.plus({ years: 1 }).minus({ days: 1 }).toISODate() ?? start) : start;
}

/** A month (YYYY-MM) as "July 2026" / "Juli 2026": reports never date anything more finely. */
export function formatMonth(month: string, language: Language): string {
  const parsed = DateTime.fromISO(`${month}-01`, { zone: 'UTC' });
  return parsed.isValid ? parsed.setLocale(localeFor(language)).toFormat('LLLL yyyy') : month;
}

/** A month's name (1–12) on its own: "July" / "Juli". */
export function formatMonthName(month: number, language: Language): string {
  return DateTime.fromObject({ year: 2000, month, day: 1 }, { zone: 'UTC' }).setLocale(localeFor(language)).toFormat('LLLL');
}

/** A report's months as "July–September 2026", "December 2026–February 2027" or "July 2026". */
export function formatMonthRange(from: string, to: string, language: Language): string {
  if (from === to) return formatMonth(from, language);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${formatMonthName(Number(from.slice(5)), language)}–${formatMonth(to, language)}`;
  return `${formatMonth(from, language)}–${formatMonth(to, language)}`;
}
