import { useEffect } from 'react';
import { call } from '../api/client';

export const ACTIVITY_REPORT_INTERVAL_MS = 30_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Tells the app the person is still here, so the idle auto-lock waits. At most one
 * `session.activity` call per 30 seconds: the first input in a quiet spell reports at once,
 * input during the following 30 seconds is reported once when they are over.
 * (Every request the UI makes also counts as activity in the dispatcher.)
 */
export function useActivityReporter(): void {
  useEffect(() => {
    let lastReport = Number.NEGATIVE_INFINITY;
    let trailing: number | null = null;

    const report = () => {
      lastReport = Date.now();
      trailing = null;
      call('session.activity', {}).catch(() => {
        // A locked session answers NOT_SIGNED_IN; the lock event takes the person to unlock.
      });
    };

    const onInput = () => {
      const since = Date.now() - lastReport;
      if (since >= ACTIVITY_REPORT_INTERVAL_MS) report();
      else if (trailing === null) trailing = window.setTimeout(report, ACTIVITY_REPORT_INTERVAL_MS - since);
    };

    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      if (trailing !== null) window.clearTimeout(trailing);
    };
  }, []);
}
