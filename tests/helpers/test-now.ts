import { DateTime } from 'luxon';

/**
 * The one "now" every test runs at, so that no test depends on the day, the time of day or
 * the time zone of the machine it runs on: Wednesday 2 December 2026, 09:30 in Jakarta
 * (the test clinic's zone), a working day in the middle of a month and a week.
 *
 * `TENANG_TEST_NOW` (an ISO instant) moves the whole suite to another moment, to prove that
 * tests compute their expectations from this value instead of assuming it.
 */
export const TEST_NOW_MS: number = parseTestNow(process.env.TENANG_TEST_NOW ?? '2026-12-02T02:30:00.000Z');

function parseTestNow(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`TENANG_TEST_NOW is not an ISO instant: ${iso}`);
  return ms;
}

/**
 * Where the service and CLI tests' clocks start unless a test sets its own: Saturday
 * 28 November 2026, 09:00 in Jakarta. Those tests write absolute dates around it, so it does
 * not move with TENANG_TEST_NOW.
 */
export const SERVICE_TESTS_NOW_MS = Date.parse('2026-11-28T02:00:00.000Z');

/** The test "now" as a date-time in a zone (the clinic's, usually). */
export function testNowIn(zone: string): DateTime {
  return DateTime.fromMillis(TEST_NOW_MS, { zone });
}
