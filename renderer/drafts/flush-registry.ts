/**
 * Typing that must reach the vault before the app locks. An editor that saves as it is
 * typed (a case note) registers a flush while it is open; the Lock button awaits
 * `flushAll()` before it locks, so the last seconds of typing are never lost. A flush that
 * fails or hangs never keeps the app from locking: each is waited for at most
 * FLUSH_TIMEOUT_MS, and its failure is swallowed (the editor shows it).
 */

export type Flush = () => Promise<void>;

export const FLUSH_TIMEOUT_MS = 3000;

const flushes = new Set<Flush>();

/** Adds a flush; call the returned function to remove it (when the editor closes). */
export function registerFlush(fn: Flush): () => void {
  flushes.add(fn);
  return () => {
    flushes.delete(fn);
  };
}

/** Runs every registered flush at once (their requests are sent before this returns a promise) and waits for them, within the time limit. */
export async function flushAll(): Promise<void> {
  const running = [...flushes].map((fn) => {
    try {
      return fn().catch(() => undefined);
    } catch {
      return Promise.resolve();
    }
  });
  if (running.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.all(running).then(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
