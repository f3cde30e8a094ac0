import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canMoveReferral, formatClientCode, nextStatuses, parseClientCode, REFERRAL_STATUSES, type ReferralStatus } from './referrals';

const ORDER: Record<ReferralStatus, number> = { new: 0, triaged: 1, waitlisted: 2, assigned: 3, first_session_booked: 4, closed: 5 };

describe('the referral life cycle', () => {
  it('walks the forward path one step at a time', () => {
    expect(canMoveReferral('new', 'triaged')).toBe(true);
    expect(canMoveReferral('triaged', 'waitlisted')).toBe(true);
    expect(canMoveReferral('waitlisted', 'assigned')).toBe(true);
    expect(canMoveReferral('assigned', 'first_session_booked')).toBe(true);
    expect(canMoveReferral('new', 'assigned')).toBe(false);
  });

  it('never moves backwards, never leaves closed, and can close from any open status', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REFERRAL_STATUSES), fc.constantFrom(...REFERRAL_STATUSES), (from, to) => {
        if (canMoveReferral(from, to)) expect(ORDER[to]).toBeGreaterThan(ORDER[from]);
        if (from === 'closed') expect(canMoveReferral(from, to)).toBe(false);
        else expect(canMoveReferral(from, 'closed')).toBe(true);
      }),
    );
    expect(nextStatuses('closed')).toEqual([]);
  });
});

describe('client codes', () => {
  it('round-trip and refuse anything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 999_999 }), (year, sequence) => {
        expect(parseClientCode(formatClientCode(year, sequence))).toEqual({ year, sequence });
      }),
    );
    expect(formatClientCode(2026, 123)).toBe('TN-2026-000123');
    expect(parseClientCode('tn-2026-000123')).toEqual({ year: 2026, sequence: 123 });
    expect(parseClientCode('TN-2026-000000')).toBeNull();
    expect(parseClientCode('TN-26-000001')).toBeNull();
    expect(() => formatClientCode(2026, 0)).toThrow();
  });
});
