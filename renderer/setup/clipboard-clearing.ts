import { RECOVERY_KEY_CLIPBOARD_MS, holdsRecoveryKey } from '../../shared/recovery-key';
import { call } from '../api/client';

/**
 * A copied recovery key leaves the clipboard after RECOVERY_KEY_CLIPBOARD_MS, unless the
 * user has copied something else meanwhile. The timer lives here, outside any screen:
 * ticking "I have stored it" and moving on must not cancel it.
 */
export type ClearingOutcome = 'cleared' | 'kept' | 'unavailable';

let pending: ReturnType<typeof setTimeout> | null = null;

/** (Re)start the minute; copying again starts it afresh. `onDone` hears how it ended. */
export function clearClipboardLater(recoveryKey: string, onDone: (outcome: ClearingOutcome) => void): void {
  if (pending !== null) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = null;
    void clearIfStillTheKey(recoveryKey).then(onDone);
  }, RECOVERY_KEY_CLIPBOARD_MS);
}

/**
 * The desktop app's main process first: it may read the system clipboard (and Linux's
 * primary selection) whether or not the window has focus, which it rarely has a minute
 * later, while the page may not (every permission is refused). Where there is no main
 * process (a browser, the test bridge) the page's own clipboard API, if it is granted.
 * When neither can read the clipboard, it is left as it is: we cannot tell the key from
 * something the user copied since, and that is theirs.
 */
async function clearIfStillTheKey(recoveryKey: string): Promise<ClearingOutcome> {
  try {
    const { outcome } = await call('clipboard.clearRecoveryKey', { recoveryKey });
    if (outcome !== 'unavailable') return outcome;
  } catch {
    // The app's clipboard failed; try the page's.
  }
  try {
    if (!holdsRecoveryKey(await navigator.clipboard.readText(), recoveryKey)) return 'kept';
    await navigator.clipboard.writeText('');
    return 'cleared';
  } catch {
    return 'unavailable';
  }
}
