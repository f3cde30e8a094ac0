/**
 * How long a user must wait after failed unlocks. Two free mistakes, then the wait
 * doubles from 5 seconds up to 15 minutes. The state lives in the keyring so a restart
 * does not reset it; this file is only the rule.
 */
export const FREE_FAILURES = 2;
export const FIRST_DELAY_MS = 5_000;
export const MAX_DELAY_MS = 15 * 60_000;

export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  const doublings = failures - FREE_FAILURES - 1;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(doublings, 30));
}

/** Milliseconds until the next attempt is allowed (0 when it is allowed now). */
export function msUntilNextAttempt(failures: number, lastFailureAtMs: number | null, nowMs: number): number {
  if (lastFailureAtMs === null) return 0;
  const delay = delayAfterFailures(failures);
  // A clock set backwards must not lock a user out for longer than the rule says.
  const since = Math.max(0, nowMs - Math.min(lastFailureAtMs, nowMs));
  return Math.max(0, delay - since);
}
