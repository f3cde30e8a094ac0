import { describe, expect, it } from 'vitest';
import { delayAfterFailures, msUntilNextAttempt, MAX_DELAY_MS } from './unlock-throttle';

describe('unlock throttle', () => {
  it('allows two mistakes, then doubles the wait up to a cap', () => {
    expect([0, 1, 2].map(delayAfterFailures)).toEqual([0, 0, 0]);
    expect(delayAfterFailures(3)).toBe(5_000);
    expect(delayAfterFailures(4)).toBe(10_000);
    expect(delayAfterFailures(5)).toBe(20_000);
    expect(delayAfterFailures(50)).toBe(MAX_DELAY_MS);
  });

  it('counts down from the last failure, and a clock set backwards never lengthens the wait', () => {
    expect(msUntilNextAttempt(3, 1_000_000, 1_002_000)).toBe(3_000);
    expect(msUntilNextAttempt(3, 1_000_000, 1_010_000)).toBe(0);
    expect(msUntilNextAttempt(3, 2_000_000, 1_000_000)).toBe(5_000);
    expect(msUntilNextAttempt(3, null, 5)).toBe(0);
  });
});
