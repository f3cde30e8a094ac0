import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { elapsedOnClock, firstAppointmentDueAt, firstAppointmentTimeliness, referralClockStart, DEFAULT_WORKING_DAYS } from './first-appointment';

const jakarta = { timeZone: 'Asia/Jakarta', workingDays: DEFAULT_WORKING_DAYS };

describe('time-to-first-appointment deadlines', () => {
  it('same day ends at midnight in the clinic zone', () => {
    // 2026-11-27 15:00 in Jakarta (UTC+7) is 08:00 UTC; midnight there is 17:00 UTC.
    expect(firstAppointmentDueAt('2026-11-27T08:00:00.000Z', { unit: 'same_day', amount: 0 }, jakarta)).toBe('2026-11-27T17:00:00.000Z');
  });

  it('hours are elapsed hours', () => {
    expect(firstAppointmentDueAt('2026-11-27T08:00:00.000Z', { unit: 'hours', amount: 48 }, jakarta)).toBe('2026-11-29T08:00:00.000Z');
  });

  it('business days skip the weekend and the clinic’s holidays', () => {
    // Friday 27 November 2026: five working days later is Friday 4 December, due at its end.
    expect(firstAppointmentDueAt('2026-11-27T03:00:00.000Z', { unit: 'business_days', amount: 5 }, jakarta)).toBe('2026-12-04T17:00:00.000Z');
    const withHoliday = { ...jakarta, holidays: new Set(['2026-12-01']) };
    expect(firstAppointmentDueAt('2026-11-27T03:00:00.000Z', { unit: 'business_days', amount: 5 }, withHoliday)).toBe('2026-12-07T17:00:00.000Z');
    // A clinic open Monday to Saturday.
    expect(firstAppointmentDueAt('2026-11-27T03:00:00.000Z', { unit: 'business_days', amount: 1 }, { ...jakarta, workingDays: [1, 2, 3, 4, 5, 6] })).toBe('2026-11-28T17:00:00.000Z');
  });

  it('keeps business-day deadlines at local midnight across a DST change', () => {
    // Sydney moves to daylight time on Sunday 4 October 2026.
    const sydney = { timeZone: 'Australia/Sydney', workingDays: DEFAULT_WORKING_DAYS };
    expect(firstAppointmentDueAt('2026-10-01T23:00:00.000Z', { unit: 'business_days', amount: 2 }, sydney)).toBe('2026-10-06T13:00:00.000Z');
  });

  it('never falls before the referral was received, and more days never come sooner', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 30 }), (at, n) => {
        const iso = at.toISOString();
        const due = firstAppointmentDueAt(iso, { unit: 'business_days', amount: n }, jakarta);
        const later = firstAppointmentDueAt(iso, { unit: 'business_days', amount: n + 1 }, jakarta);
        expect(due > iso).toBe(true);
        expect(later > due).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('when a referral’s clock starts', () => {
  it('at entry when entered on the day received, else at the start of that day', () => {
    expect(referralClockStart('2026-11-27', '2026-11-27T08:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-27T08:00:00.000Z');
    expect(referralClockStart('2026-11-25', '2026-11-27T08:00:00.000Z', 'Asia/Jakarta')).toBe('2026-11-24T17:00:00.000Z');
  });
});

describe('time to first appointment', () => {
  const clock = { clockStartedAt: '2026-11-27T02:00:00.000Z', firstAppointmentDueAt: '2026-12-03T17:00:00.000Z', clockStoppedAt: null };

  it('is met or missed once the first attended session stopped the clock', () => {
    expect(firstAppointmentTimeliness({ ...clock, clockStoppedAt: '2026-12-03T16:59:59.000Z' }, Date.parse('2027-01-01T00:00:00Z'))).toBe('met');
    expect(firstAppointmentTimeliness({ ...clock, clockStoppedAt: '2026-12-03T17:00:01.000Z' }, Date.parse('2026-11-28T00:00:00Z'))).toBe('missed');
  });

  it('runs on track, then at risk in the last quarter, then missed', () => {
    expect(firstAppointmentTimeliness(clock, Date.parse('2026-11-28T00:00:00Z'))).toBe('on_track');
    expect(firstAppointmentTimeliness(clock, Date.parse('2026-12-02T12:00:00Z'))).toBe('at_risk');
    expect(firstAppointmentTimeliness(clock, Date.parse('2026-12-03T17:00:01Z'))).toBe('missed');
  });

  it('counts elapsed working days after the start day, skipping weekends and holidays, and plain hours', () => {
    const calendar = { timeZone: 'Asia/Jakarta', workingDays: DEFAULT_WORKING_DAYS, holidays: new Set(['2026-12-01']) };
    // Friday 27 November 09:00 to Wednesday 2 December 09:00 in Jakarta: Mon 30 Nov and Wed 2 Dec count.
    expect(elapsedOnClock('2026-11-27T02:00:00.000Z', '2026-12-02T02:00:00.000Z', calendar)).toEqual({ workingDays: 2, hours: 120 });
    expect(elapsedOnClock('2026-11-27T02:00:00.000Z', '2026-11-27T10:00:00.000Z', calendar)).toEqual({ workingDays: 0, hours: 8 });
  });
});
