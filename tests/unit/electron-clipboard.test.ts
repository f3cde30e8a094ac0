import { describe, expect, it, vi } from 'vitest';
import { systemClipboard } from '../../electron/main/clipboard';
import { clearRecoveryKeyFromClipboard } from '../../services/clipboard';
import { formatRecoveryKey } from '../../shared/recovery-key';

/** Electron's clipboard module, faked: an async clipboard with, on Linux, the primary selection. */
function board(text: string) {
  const state = { text };
  return { state, readText: vi.fn(async () => state.text), clear: vi.fn(() => void (state.text = '')) };
}

describe('the main process clipboard', () => {
  const key = formatRecoveryKey('ab'.repeat(32));

  it('reads and clears the clipboard and, on Linux, the primary selection', async () => {
    const selection = board(key);
    const clipboard = Object.assign(board('copied since'), { selection });
    expect(await clearRecoveryKeyFromClipboard(systemClipboard(clipboard), key)).toBe('cleared');
    expect([clipboard.state.text, selection.state.text]).toEqual(['copied since', '']);
    expect(clipboard.clear).not.toHaveBeenCalled();
  });

  it('has one board where there is no selection (Windows, macOS)', async () => {
    const clipboard = board(key);
    expect(systemClipboard(clipboard).boards).toHaveLength(1);
    expect(await clearRecoveryKeyFromClipboard(systemClipboard(clipboard), key)).toBe('cleared');
    expect(clipboard.state.text).toBe('');
  });
});
