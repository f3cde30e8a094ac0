import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contractInForce, isCalendarDate, periodsOverlap } from './agencies';

const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { startDate: a, endDate: b } : { startDate: b, endDate: a }));

describe('contract periods', () => {
  it('overlap exactly when some day lies in both (checked day by day)', () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const days = (p: { startDate: string; endDate: string }) => {
          const out = new Set<string>();
          for (let t = Date.parse(p.startDate); t <= Date.parse(p.endDate); t += 86_400_000) out.add(new Date(t).toISOString().slice(0, 10));
          return out;
        };
        const inB = days(b);
        const shared = [...days(a)].some((d) => inB.has(d));
        expect(periodsOverlap(a, b)).toBe(shared);
        expect(periodsOverlap(b, a)).toBe(shared);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the contract in force on a date, both end days included', () => {
    const contracts = [
      { id: 1, startDate: '2025-01-01', endDate: '2025-12-31' },
      { id: 2, startDate: '2026-01-01', endDate: '2026-12-31' },
    ];
    expect(contractInForce(contracts, '2025-12-31')?.id).toBe(1);
    expect(contractInForce(contracts, '2026-01-01')?.id).toBe(2);
    expect(contractInForce(contracts, '2027-01-01')).toBeUndefined();
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });
});
