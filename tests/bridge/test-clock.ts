import type { Page } from '@playwright/test';
import type { Clock } from '../../services/tenang-app';
import { TEST_NOW_MS } from '../helpers/test-now';

/**
 * The services' clock in a journey: it starts at the suite's fixed "now" and then runs at
 * the pace of real time (measured with the monotonic clock, so a machine whose wall clock
 * is set elsewhere, or jumps, changes nothing), until the test stops it.
 */
export interface TestClock extends Clock {
  advance(ms: number): void;
  /** From now on time stands still at `atMs` (no earlier than now), and moves only by `advance`. */
  stopAt(atMs: number): void;
}

export function createTestClock(startMs = TEST_NOW_MS): TestClock {
  const startedAt = performance.now();
  let offset = 0;
  let stoppedAt: number | null = null;
  const running = () => Math.floor(startMs + (performance.now() - startedAt) + offset);
  return {
    now: () => (stoppedAt === null ? running() : stoppedAt + offset),
    advance: (ms) => {
      offset += ms;
    },
    stopAt: (atMs) => {
      if (atMs < running()) throw new Error('A clock cannot stop in its past.');
      stoppedAt = atMs - offset;
    },
  };
}

/**
 * Time passes for the app and for the page alike: the services' clock moves forward, and so
 * does Playwright's clock in the page, firing the page's timers that fall due on the way.
 */
export async function passTime(page: Page, clock: TestClock, ms: number): Promise<void> {
  clock.advance(ms);
  await page.clock.fastForward(ms);
}

/**
 * Stops time for the app and the page together, a second ahead of both (their clocks differ
 * by the moments the page took to start): from here on only `passTime` moves it, so what a
 * journey sees never depends on how fast the machine runs it.
 */
export async function stopTime(page: Page, clock: TestClock): Promise<number> {
  const pageNow = await page.evaluate(() => Date.now());
  const at = Math.max(pageNow, clock.now()) + 1000;
  clock.stopAt(at);
  await page.clock.pauseAt(at);
  return at;
}
