import { holdsRecoveryKey } from '../shared/recovery-key';

/**
 * The operating system's clipboard, where the door has one: Electron's main process
 * (the page itself may not read the clipboard: every permission request is refused).
 * The CLI and the test bridge have none. On Linux the primary selection (text merely
 * selected, as the page's fallback copy leaves the key) is a second board.
 */
export interface ClipboardBoard {
  readText(): Promise<string>;
  clear(): void | Promise<void>;
}
export interface SystemClipboard {
  readonly boards: readonly ClipboardBoard[];
}

export type ClipboardOutcome = 'cleared' | 'kept' | 'unavailable';

/**
 * Clear each board that still holds this recovery key; leave any that holds something
 * the user copied since. Nothing is audited: no record is read or changed, and the
 * wizard may have locked by the time the minute is up.
 */
export async function clearRecoveryKeyFromClipboard(clipboard: SystemClipboard | null, recoveryKey: string): Promise<ClipboardOutcome> {
  if (!clipboard) return 'unavailable';
  let cleared = false;
  for (const board of clipboard.boards) {
    if (holdsRecoveryKey(await board.readText(), recoveryKey)) {
      await board.clear();
      cleared = true;
    }
  }
  return cleared ? 'cleared' : 'kept';
}
