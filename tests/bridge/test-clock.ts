import type { Clock } from '../../services/tenang-app';

/** Real time plus an offset the test can move forward (audit times still advance). */
export interface TestClock extends Clock {
  advance(ms: number): void;
}

export function createTestClock(): TestClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}
