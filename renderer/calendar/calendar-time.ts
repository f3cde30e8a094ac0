import { DateTime } from 'luxon';
import type { Language } from '../../shared/settings';
import { localeFor } from '../format/dates';

/**
 * Times between the clinic's zone and the calendar component. Sessions come from the
 * service as UTC instants and go to it as the clinic's wall-clock (`YYYY-MM-DDTHH:mm`).
 * The calendar component knows no IANA zones: it is given Dates whose *local* getters
 * read the clinic's wall-clock, and its Dates are read back the same way. The browser's
 * own zone never decides what time a session is.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** A UTC instant as a Date whose local getters show the clinic's wall-clock. */
export function wallDate(ms: number, zone: string): Date {
  const at = DateTime.fromMillis(ms, { zone });
  return new Date(at.year, at.month - 1, at.day, at.hour, at.minute);
}

/** The wall-clock a calendar Date shows, as the contract's `YYYY-MM-DDTHH:mm`. */
export function localStartOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The UTC instant of the wall-clock a calendar Date shows, read in the clinic's zone. */
export function wallDateToMs(date: Date, zone: string): number {
  return DateTime.fromObject(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() },
    { zone },
  ).toMillis();
}

/** A UTC instant as the contract's wall-clock start in the clinic's zone. */
export function localStartAt(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The contract's wall-clock start, read in the clinic's zone, as a UTC instant. */
export function localStartToMs(localStart: string, zone: string): number {
  return DateTime.fromISO(localStart, { zone }).toMillis();
}

/** The date (`YYYY-MM-DD`) and time (`HH:mm`) fields of a form, for a UTC instant. */
export function dateAndTime(ms: number, zone: string): { date: string; time: string } {
  const at = DateTime.fromMillis(ms, { zone });
  return { date: at.toFormat('yyyy-LL-dd'), time: at.toFormat('HH:mm') };
}

/** Minutes between two instants (a session's length). */
export function minutesBetween(startMs: number, endMs: number): number {
  return Math.round((endMs - startMs) / 60_000);
}

/** Midnight of a calendar date in the clinic's zone, as a UTC instant. */
export function startOfDayMs(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).startOf('day').toMillis();
}

function at(ms: number, zone: string, language: Language): DateTime {
  return DateTime.fromMillis(ms, { zone }).setLocale(localeFor(language));
}

/** "10:00" / "10.00" in the clinic's zone, always 24-hour as clinics write appointments. */
export function timeText(ms: number, zone: string, language: Language): string {
  return at(ms, zone, language).toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "Tue 9 Dec" / "Sel 9 Des", in the clinic's zone. */
export function shortDayText(ms: number, zone: string, language: Language): string {
  return at(ms, zone, language).toFormat('ccc d LLL');
}

/** "Tuesday 9 December 2026" / "Selasa 9 Desember 2026", in the clinic's zone. */
export function longDayText(ms: number, zone: string, language: Language): string {
  return at(ms, zone, language).toFormat('cccc d LLLL yyyy');
}

/** "Tue 9 Dec 10:00". */
export function shortDateTimeText(ms: number, zone: string, language: Language): string {
  return `${shortDayText(ms, zone, language)} ${timeText(ms, zone, language)}`;
}

/** "09:30–10:20". */
export function spanText(startMs: number, endMs: number, zone: string, language: Language): string {
  return `${timeText(startMs, zone, language)}–${timeText(endMs, zone, language)}`;
}
