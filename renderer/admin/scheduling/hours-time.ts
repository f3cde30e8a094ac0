/**
 * Working hours travel as minutes after the clinic's local midnight; the form shows them as
 * <input type="time"> values ("08:00"). An end of "00:00" means midnight at the end of the day.
 */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 480 → "08:00"; 1440 (the end of the day) → "00:00". */
export function minutesToTime(minutes: number): string {
  const inDay = ((minutes % 1440) + 1440) % 1440;
  return `${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}`;
}

/** "08:00" → 480; an end of "00:00" → 1440; anything else (an empty field) → NaN. */
export function timeToMinutes(value: string, asEnd: boolean): number {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!match) return Number.NaN;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return asEnd && minutes === 0 ? 1440 : minutes;
}

/** The weekday numbers the contract uses, Monday first (1 = Monday … 7 = Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const ROOM_CAPACITY = { min: 1, max: 500 } as const;
