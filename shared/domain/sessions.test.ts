import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { allowanceVerdict, canMoveSession, contractYearOf, countsTowardAllowance } from './sessions';

describe('contract years', () => {
  it('cut a contract at the anniversaries of its start, the last year cut short by its end', () => {
    const contract = { startDate: '2026-04-01', endDate: '2028-01-31' };
    expect(contractYearOf('2026-04-01', contract)).toEqual({ startDate: '2026-04-01', endDate: '2027-03-31' });
    expect(contractYearOf('2027-03-31', contract)).toEqual({ startDate: '2026-04-01', endDate: '2027-03-31' });
    expect(contractYearOf('2027-04-01', contract)).toEqual({ startDate: '2027-04-01', endDate: '2028-01-31' });
    expect(contractYearOf('2026-03-31', contract)).toBeNull();
    expect(contractYearOf('2028-02-01', contract)).toBeNull();
  });

  it('leave no day between two years, even from 29 February', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.constantFrom('2024-02-29', '2026-01-01', '2026-12-31'), (offset, startDate) => {
        const contract = { startDate, endDate: '2040-12-31' };
        const date = DateTime.fromISO(startDate).plus({ days: offset }).toISODate()!;
        const year = contractYearOf(date, contract)!;
        expect(year.startDate <= date && date <= year.endDate).toBe(true);
        const next = contractYearOf(DateTime.fromISO(year.endDate).plus({ days: 1 }).toISODate()!, contract);
        expect(next?.startDate).toBe(DateTime.fromISO(year.endDate).plus({ days: 1 }).toISODate());
      }),
    );
  });
});

describe('session rules', () => {
  it('count counselling sessions, no-shows and late cancellations toward the allowance, never workshops or cancellations', () => {
    expect(countsTowardAllowance('counselling', 'did_not_attend')).toBe(true);
    expect(countsTowardAllowance('intake_assessment', 'late_cancellation')).toBe(true);
    expect(countsTowardAllowance('counselling', 'cancelled_by_clinic')).toBe(false);
    expect(countsTowardAllowance('group_workshop', 'attended')).toBe(false);
  });

  it('let a scheduled session end in any way, correct an outcome, and never reopen a cancellation', () => {
    expect(canMoveSession('scheduled', 'did_not_attend')).toBe(true);
    expect(canMoveSession('did_not_attend', 'attended')).toBe(true);
    expect(canMoveSession('cancelled_by_client', 'scheduled')).toBe(false);
    expect(canMoveSession('attended', 'scheduled')).toBe(false);
  });

  it('warn or refuse past the allowance', () => {
    expect(allowanceVerdict(5, 1, 6, 'deny')).toBe('within');
    expect(allowanceVerdict(6, 1, 6, 'warn')).toBe('needs_reason');
    expect(allowanceVerdict(4, 3, 6, 'deny')).toBe('refused');
  });
});
