import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPeriod, monthsBetween, parsePeriod, periodsShareAMonth } from './period';

describe('report periods', () => {
  it('reads a month, a quarter, a year and a custom range of whole months', () => {
    expect(parsePeriod('2026-07')).toEqual({ kind: 'month', from: '2026-07', to: '2026-07' });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', from: '2026-07', to: '2026-09' });
    expect(parsePeriod('2026-q4')).toEqual({ kind: 'quarter', from: '2026-10', to: '2026-12' });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', from: '2026-01', to: '2026-12' });
    expect(parsePeriod('2026-11..2027-02')).toEqual({ kind: 'range', from: '2026-11', to: '2027-02' });
  });

  it('refuses days, impossible months, backwards and over-long ranges', () => {
    for (const text of ['2026-07-01', '2026-13', '2026-00', '2026-Q5', '26', '2026-09..2026-07', '2026-01..2028-02', 'last year', '']) {
      expect(parsePeriod(text), text).toBeNull();
    }
    expect(parsePeriod('2025-01..2026-12')).not.toBeNull();
  });

  it('lists the months of a period across a new year', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-07', '2026-07')).toEqual(['2026-07']);
  });

  it('writes every period back the way it reads it', () => {
    const months = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    const texts = fc.oneof(
      months,
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
      fc.integer({ min: 2000, max: 2099 }).map(String),
      fc.tuple(months, months).filter(([a, b]) => a <= b && monthsBetween(a, b).length <= 24).map(([a, b]) => `${a}..${b}`),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const period = parsePeriod(text)!;
        expect(parsePeriod(formatPeriod(period))).toEqual(period);
        expect(monthsBetween(period.from, period.to).at(-1)).toBe(period.to);
      }),
      { seed: 1312, numRuns: 300 },
    );
  });

  it('tells when two periods share a month', () => {
    expect(periodsShareAMonth(parsePeriod('2026-Q3')!, parsePeriod('2026')!)).toBe(true);
    expect(periodsShareAMonth(parsePeriod('2026-Q3')!, parsePeriod('2026-10')!)).toBe(false);
  });
});
