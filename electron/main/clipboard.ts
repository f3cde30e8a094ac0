/**
 * The system clipboard for the dispatcher (services/clipboard.ts), read and cleared here
 * in the main process. The page cannot read the clipboard itself (every permission
 * request is refused: Electron security checklist item 5), and does not need to: the
 * one thing it asks, over the contract channel `clipboard.clearRecoveryKey`, is to clear
 * a recovery key it copied, if the clipboard still holds it.
 */
import type { Clipboard } from 'electron';
import type { ClipboardBoard, SystemClipboard } from '../../services/clipboard';

type Board = Pick<Clipboard, 'readText' | 'clear'>;

export function systemClipboard(clipboard: Board & { readonly selection?: Board | undefined }): SystemClipboard {
  // On Linux, `selection` is the primary selection: the key merely selected on the page.
  const boards: ClipboardBoard[] = [clipboard, ...(clipboard.selection ? [clipboard.selection] : [])].map((board) => ({
    readText: () => board.readText(),
    clear: () => board.clear(),
  }));
  return { boards };
}
