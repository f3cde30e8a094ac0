// Loaded into child processes of the tests (`node --import`): the process's clock starts at
// the instant in TENANG_TEST_CLOCK_MS and runs on at the pace of real time, so a `tenang`
// command run by a test sees the same "now" as the test, whatever the machine's date.
// The app itself reads time only through services/clock.ts, which asks Date.now().
const start = Number(process.env.TENANG_TEST_CLOCK_MS);
if (!Number.isFinite(start)) throw new Error('clock-preload: TENANG_TEST_CLOCK_MS is not set');

const RealDate = Date;
const startedAt = performance.now();
const now = () => Math.floor(start + (performance.now() - startedAt));

class TestDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(now());
    else super(...args);
  }

  static now() {
    return now();
  }
}

globalThis.Date = TestDate;
