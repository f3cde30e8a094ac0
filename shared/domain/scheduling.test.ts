import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { bookingOccurrences, clashes, seriesOccurrences, spansOverlap, withinWorkingHours, type TimeSpan } from './scheduling';

const localTimes = (spans: TimeSpan[], zone: string) => spans.map((s) => DateTime.fromMillis(s.startMs, { zone }).toFormat('ccc yyyy-MM-dd HH:mm'));

describe('series across daylight-saving changes', () => {
  it('keeps a weekly Sydney session at 9:00 when daylight saving starts (4 October 2026)', () => {
    const spans = seriesOccurrences({ firstLocalStart: '2026-09-21T09:00', durationMinutes: 50, recurrence: 'weekly', count: 4, timeZone: 'Australia/Sydney' });
    expect(localTimes(spans, 'Australia/Sydney')).toEqual(['Mon 2026-09-21 09:00', 'Mon 2026-09-28 09:00', 'Mon 2026-10-05 09:00', 'Mon 2026-10-12 09:00']);
    // UTC moves by an hour across the change: 23:00Z before, 22:00Z after.
    expect(spans.map((s) => new Date(s.startMs).toISOString().slice(11, 16))).toEqual(['23:00', '23:00', '22:00', '22:00']);
    expect(spans[0]!.endMs - spans[0]!.startMs).toBe(50 * 60_000);
  });

  it('steps exactly 7 or 14 days in Jakarta, which has no daylight saving', () => {
    const weekly = seriesOccurrences({ firstLocalStart: '2026-12-01T14:30', durationMinutes: 60, recurrence: 'weekly', count: 6, timeZone: 'Asia/Jakarta' });
    const fortnightly = seriesOccurrences({ firstLocalStart: '2026-12-01T14:30', durationMinutes: 60, recurrence: 'fortnightly', count: 3, timeZone: 'Asia/Jakarta' });
    for (let i = 1; i < weekly.length; i++) expect(weekly[i]!.startMs - weekly[i - 1]!.startMs).toBe(7 * 86_400_000);
    expect(fortnightly.map((s) => new Date(s.startMs).toISOString())).toEqual(['2026-12-01T07:30:00.000Z', '2026-12-15T07:30:00.000Z', '2026-12-29T07:30:00.000Z']);
  });

  it('moves a wall-clock time the DST change skips forward by the gap', () => {
    // 02:30 does not exist in Sydney on 4 October 2026 (02:00 → 03:00).
    const [, skipped] = seriesOccurrences({ firstLocalStart: '2026-09-27T02:30', durationMinutes: 30, recurrence: 'weekly', count: 2, timeZone: 'Australia/Sydney' });
    expect(DateTime.fromMillis(skipped!.startMs, { zone: 'Australia/Sydney' }).toFormat('yyyy-MM-dd HH:mm')).toBe('2026-10-04 03:30');
  });

  it('always gives increasing occurrences at the same local time of day, in any zone (property)', () => {
    const zones = ['Asia/Jakarta', 'Australia/Sydney', 'Europe/London', 'America/New_York', 'Asia/Makassar'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 8, max: 18 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.constantFrom('weekly' as const, 'fortnightly' as const),
        fc.integer({ min: 1, max: 30 }),
        (zone, day, hour, minute, recurrence, count) => {
          const local = `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const spans = seriesOccurrences({ firstLocalStart: local, durationMinutes: 50, recurrence, count, timeZone: zone });
          expect(spans).toHaveLength(count);
          for (let i = 1; i < spans.length; i++) expect(spans[i]!.startMs).toBeGreaterThan(spans[i - 1]!.startMs);
          // Office hours are never skipped by a DST change, so every occurrence keeps the wall-clock time.
          expect(new Set(spans.map((s) => DateTime.fromMillis(s.startMs, { zone }).toFormat('HH:mm')))).toEqual(new Set([local.slice(11)]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a series it cannot make', () => {
    expect(() => seriesOccurrences({ firstLocalStart: '2026-12-01T09:00', durationMinutes: 50, recurrence: 'weekly', count: 0, timeZone: 'Asia/Jakarta' })).toThrow();
    expect(() => seriesOccurrences({ firstLocalStart: 'tomorrow', durationMinutes: 50, recurrence: 'weekly', count: 2, timeZone: 'Asia/Jakarta' })).toThrow();
  });
});

describe('overlaps and working hours', () => {
  const at = (iso: string) => Date.parse(iso);
  const span = (from: string, to: string): TimeSpan => ({ startMs: at(from), endMs: at(to) });

  it('treats back-to-back sessions as free and any shared minute as a clash', () => {
    expect(spansOverlap(span('2026-12-01T02:00Z', '2026-12-01T03:00Z'), span('2026-12-01T03:00Z', '2026-12-01T04:00Z'))).toBe(false);
    expect(spansOverlap(span('2026-12-01T02:00Z', '2026-12-01T03:00Z'), span('2026-12-01T02:59Z', '2026-12-01T04:00Z'))).toBe(true);
    expect(clashes([span('2026-12-01T02:00Z', '2026-12-01T03:00Z'), span('2026-12-08T02:00Z', '2026-12-08T03:00Z')], [span('2026-12-08T02:30Z', '2026-12-08T03:30Z')])).toEqual([{ candidate: 1, existing: 0 }]);
  });

  it('overlap is symmetric and matches a minute-by-minute check (property)', () => {
    const minuteSpan = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 60 })).map(([s, d]) => ({ startMs: s * 60_000, endMs: (s + d) * 60_000 }));
    fc.assert(
      fc.property(minuteSpan, minuteSpan, (a, b) => {
        let shared = false;
        for (let m = a.startMs; m < a.endMs; m += 60_000) if (m >= b.startMs && m < b.endMs) shared = true;
        expect(spansOverlap(a, b)).toBe(shared);
        expect(spansOverlap(b, a)).toBe(shared);
      }),
    );
  });

  it('reads working hours in the clinic zone', () => {
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 16 * 60 }));
    // Tuesday 1 December 2026, 09:00–09:50 in Jakarta is 02:00–02:50 UTC.
    expect(withinWorkingHours(span('2026-12-01T02:00Z', '2026-12-01T02:50Z'), hours, 'Asia/Jakarta')).toBe(true);
    expect(withinWorkingHours(span('2026-12-01T08:30Z', '2026-12-01T09:20Z'), hours, 'Asia/Jakarta')).toBe(false);
    // Saturday.
    expect(withinWorkingHours(span('2026-12-05T02:00Z', '2026-12-05T02:50Z'), hours, 'Asia/Jakarta')).toBe(false);
    // Ending exactly at closing time is inside.
    expect(withinWorkingHours(span('2026-12-01T08:00Z', '2026-12-01T09:00Z'), hours, 'Asia/Jakarta')).toBe(true);
  });
});

describe('bookingOccurrences', () => {
  it('flags an occurrence on a wall-clock time that a DST change skips, instead of moving it', () => {
    // Sydney skips 02:00–03:00 on Sunday 4 October 2026.
    const { spans, skippedTimes } = bookingOccurrences({ firstLocalStart: '2026-09-27T02:30', durationMinutes: 30, timeZone: 'Australia/Sydney', repeat: { recurrence: 'weekly', count: 3 } });
    expect(spans).toHaveLength(3);
    expect(skippedTimes).toEqual([1]);
  });

  it('books a single session as a series of one', () => {
    const { spans, skippedTimes } = bookingOccurrences({ firstLocalStart: '2026-12-01T09:00', durationMinutes: 50, timeZone: 'Asia/Jakarta', repeat: null });
    expect(spans).toEqual([{ startMs: Date.UTC(2026, 11, 1, 2), endMs: Date.UTC(2026, 11, 1, 2, 50) }]);
    expect(skippedTimes).toEqual([]);
  });
});
