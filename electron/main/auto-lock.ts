/**
 * When the vault locks by itself: after the clinic's idle time, when the OS session locks,
 * when the machine suspends. Locking closes the database and drops the key (the service
 * does that and emits `session.locked`, which ipc.ts forwards to the window).
 */
import { powerMonitor } from 'electron';
import type { LockReason } from '../../shared/audit-actions';
import type { TenangApp } from '../../services/tenang-app';

/** How often the idle deadline is checked. The deadline itself is the clinic's setting. */
export const IDLE_CHECK_INTERVAL_MS = 15_000;

/**
 * The threshold passed to getSystemIdleState. It only separates 'idle' from 'active', which
 * we do not use (the clinic's idle deadline is the app's own); 'locked' does not depend on it.
 */
const OS_IDLE_THRESHOLD_SECONDS = Math.ceil(IDLE_CHECK_INTERVAL_MS / 1000);

/** Lock without letting a failure escape into an unhandled rejection (and without logging data). */
export function lockQuietly(app: TenangApp, reason: LockReason): Promise<void> {
  return app.lock(reason).catch(() => {
    console.error(`[tenang] locking (${reason}) failed`);
  });
}

/** A lock the window did not ask for (OS lock, suspend, the menu): let it save what is being typed first. */
export async function flushThenLock(app: TenangApp, reason: LockReason): Promise<void> {
  await app.flushDrafts().catch(() => console.error('[tenang] asking the window to save drafts failed'));
  await lockQuietly(app, reason);
}

export function startAutoLock(app: TenangApp): () => void {
  // True while the OS screen is known to be locked, so one locked period locks the vault
  // once, not on every check (lock() would be a no-op, but each call is needless noise).
  let osLocked = false;

  /**
   * 'lock-screen' fires only on macOS and Windows. Polling the idle state also catches an OS
   * screen lock on Linux, where the desktop reports it ('locked'); elsewhere it is a second,
   * harmless path to the same lock.
   */
  const pollOsLock = (): void => {
    let state: string;
    try {
      state = powerMonitor.getSystemIdleState(OS_IDLE_THRESHOLD_SECONDS);
    } catch {
      console.error('[tenang] reading the OS idle state failed');
      return;
    }
    if (state !== 'locked') {
      osLocked = false;
      return;
    }
    if (osLocked) return;
    osLocked = true;
    void flushThenLock(app, 'os_lock');
  };

  const timer = setInterval(() => {
    pollOsLock();
    app.checkIdle().catch(() => console.error('[tenang] idle check failed'));
  }, IDLE_CHECK_INTERVAL_MS);

  const onLockScreen = (): void => {
    // The poll that follows will see 'locked' too: this period is already handled.
    osLocked = true;
    void flushThenLock(app, 'os_lock');
  };
  const onSuspend = (): void => void flushThenLock(app, 'suspend');
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);

  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', onLockScreen);
    powerMonitor.off('suspend', onSuspend);
  };
}
