import { DateTime } from 'luxon';

/**
 * Pure scheduling rules for the calendar (issue 4): time spans and their overlaps,
 * weekly and fortnightly series that keep their wall-clock time in the clinic's zone
 * across daylight-saving changes, and working hours. Instants are UTC milliseconds; the
 * clinic's IANA zone decides what "9:00 every Monday" means.
 */

/** A span of time, start included and end excluded: 09:00–10:00 and 10:00–11:00 do not overlap. */
export interface TimeSpan {
  startMs: number;
  endMs: number;
}

export function spansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

export const RECURRENCES = ['weekly', 'fortnightly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface SeriesRequest {
  /** The first occurrence's wall-clock start in the clinic's zone, `YYYY-MM-DDTHH:mm`. */
  firstLocalStart: string;
  durationMinutes: number;
  recurrence: Recurrence;
  /** How many occurrences, the first included. */
  count: number;
  timeZone: string;
}

/**
 * The occurrences of a series, each at the same wall-clock time in the clinic's zone. A
 * weekly 9:00 session in Sydney stays at 9:00 when daylight saving starts, so its UTC
 * instant moves by an hour; in Jakarta (no daylight saving) every step is exactly 7 days.
 * A wall-clock time that does not exist on some day (skipped by a DST change) moves
 * forward by the gap, as clocks do.
 */
export function seriesOccurrences(request: SeriesRequest): TimeSpan[] {
  if (!Number.isInteger(request.count) || request.count < 1 || request.count > 104) throw new Error('a series has 1 to 104 occurrences');
  if (!Number.isInteger(request.durationMinutes) || request.durationMinutes < 1) throw new Error('a session lasts at least a minute');
  const first = DateTime.fromISO(request.firstLocalStart, { zone: request.timeZone });
  if (!first.isValid) throw new Error('not a local date and time in a known zone');
  const weeks = request.recurrence === 'weekly' ? 1 : 2;
  return Array.from({ length: request.count }, (_, i) => {
    // Calendar arithmetic in the zone: plus({ weeks }) keeps the wall-clock time.
    const start = first.plus({ weeks: i * weeks });
    const startMs = start.toMillis();
    return { startMs, endMs: startMs + request.durationMinutes * 60_000 };
  });
}

/** Opening hours of one weekday: minutes after local midnight, start included, end excluded. */
export interface DayHours {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/**
 * Whether a session lies wholly inside one of the day's working-hours blocks, read in the
 * clinic's zone. A session that crosses local midnight is never inside working hours.
 */
export function withinWorkingHours(span: TimeSpan, hours: readonly DayHours[], timeZone: string): boolean {
  const start = DateTime.fromMillis(span.startMs, { zone: timeZone });
  const end = DateTime.fromMillis(span.endMs, { zone: timeZone });
  if (start.toISODate() !== end.minus({ milliseconds: 1 }).toISODate()) return false;
  const startMinute = start.hour * 60 + start.minute;
  const endMinute = startMinute + Math.round((span.endMs - span.startMs) / 60_000);
  return hours.some((block) => block.weekday === start.weekday && block.startMinute <= startMinute && endMinute <= block.endMinute);
}

/** The spans of `candidates` that overlap any of `existing` (a series reports every clash before anything is saved). */
export function clashes(candidates: readonly TimeSpan[], existing: readonly TimeSpan[]): Array<{ candidate: number; existing: number }> {
  const found: Array<{ candidate: number; existing: number }> = [];
  candidates.forEach((candidate, i) => {
    existing.forEach((other, j) => {
      if (spansOverlap(candidate, other)) found.push({ candidate: i, existing: j });
    });
  });
  return found;
}

/**
 * The occurrences of a booking (a single session is a series of one), and which of them
 * fall on a wall-clock time a DST change skips: those are refused, not silently moved,
 * so a counsellor never finds a session an hour off what they typed.
 */
export function bookingOccurrences(request: Omit<SeriesRequest, 'recurrence' | 'count'> & { repeat: { recurrence: Recurrence; count: number } | null }): { spans: TimeSpan[]; skippedTimes: number[] } {
  const spans = seriesOccurrences({ ...request, recurrence: request.repeat?.recurrence ?? 'weekly', count: request.repeat?.count ?? 1 });
  const wanted = request.firstLocalStart.slice(11, 16);
  const skippedTimes = spans.flatMap((span, i) => (DateTime.fromMillis(span.startMs, { zone: request.timeZone }).toFormat('HH:mm') === wanted ? [] : [i]));
  return { spans, skippedTimes };
}
