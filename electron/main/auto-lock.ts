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

/** Lock without letting a failure escape into an unhandled rejection (and without logging data). */
export function lockQuietly(app: TenangApp, reason: LockReason): Promise<void> {
  return app.lock(reason).catch(() => {
    console.error(`[tenang] locking (${reason}) failed`);
  });
}

export function startAutoLock(app: TenangApp): () => void {
  const timer = setInterval(() => {
    app.checkIdle().catch(() => console.error('[tenang] idle check failed'));
  }, IDLE_CHECK_INTERVAL_MS);

  const onLockScreen = (): void => void lockQuietly(app, 'os_lock');
  const onSuspend = (): void => void lockQuietly(app, 'suspend');
  powerMonitor.on('lock-screen', onLockScreen);
  powerMonitor.on('suspend', onSuspend);

  return () => {
    clearInterval(timer);
    powerMonitor.off('lock-screen', onLockScreen);
    powerMonitor.off('suspend', onSuspend);
  };
}
