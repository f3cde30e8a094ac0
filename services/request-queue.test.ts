import { describe, expect, it } from 'vitest';
import { RequestQueue } from './request-queue';

/** A promise the test settles by hand, so no ordering below depends on timing. */
function gate<T = void>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('the request queue', () => {
  it('runs requests one at a time, in the order they came', async () => {
    const queue = new RequestQueue();
    const log: string[] = [];
    const first = gate();
    const started = gate();
    const a = queue.run(async () => {
      log.push('a starts');
      started.open();
      await first.promise;
      log.push('a ends');
    });
    const b = queue.run(async () => {
      log.push('b runs');
    });
    await started.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
  });

  it('lets later requests run while one gives way, and resumes it after them', async () => {
    const queue = new RequestQueue();
    const log: string[] = [];
    const elsewhere = gate<number>();
    const slow = queue.run(async (giveWayWhile) => {
      log.push('slow starts');
      const value = await giveWayWhile(() => elsewhere.promise);
      log.push(`slow resumes with ${value}`);
      return value;
    });
    const quick = queue.run(async () => {
      log.push('quick runs');
    });
    await quick;
    expect(log).toEqual(['slow starts', 'quick runs']);
    // Something that came while the slow one waited is answered before it resumes.
    const meanwhile = queue.run(async () => {
      log.push('meanwhile runs');
    });
    elsewhere.open(7);
    expect(await slow).toBe(7);
    await meanwhile;
    expect(log).toEqual(['slow starts', 'quick runs', 'meanwhile runs', 'slow resumes with 7']);
  });

  it('keeps serving after a request fails, and after work elsewhere fails', async () => {
    const queue = new RequestQueue();
    await expect(queue.run(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(queue.run((giveWayWhile) => giveWayWhile(async () => Promise.reject(new Error('worker failed'))))).rejects.toThrow('worker failed');
    expect(await queue.run(async () => 'still here')).toBe('still here');
  });
});
