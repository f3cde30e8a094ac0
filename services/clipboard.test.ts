import { afterEach, describe, expect, it } from 'vitest';
import { createTenangApp } from './tenang-app';
import { expectOk, manualClock, setUpClinic, tempVaultDir } from '../tests/helpers/vault-fixture';
import { formatRecoveryKey } from '../shared/recovery-key';
import type { SystemClipboard } from './clipboard';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A system clipboard with two boards (like Linux's clipboard and primary selection). */
function fakeClipboard(texts: string[]): SystemClipboard & { texts: string[] } {
  const state = { texts };
  return {
    texts: state.texts,
    boards: state.texts.map((_, i) => ({
      readText: async () => state.texts[i]!,
      clear: () => {
        state.texts[i] = '';
      },
    })),
  };
}

function app(clipboard?: SystemClipboard) {
  const temp = tempVaultDir();
  const tenang = createTenangApp({ vaultDir: temp.dir, clock: manualClock(), ...(clipboard ? { clipboard } : {}) });
  cleanups.push(async () => {
    await tenang.close();
    temp.cleanup();
  });
  return tenang;
}

const KEY = formatRecoveryKey('3c'.repeat(32));

describe('clipboard.clearRecoveryKey', () => {
  it('clears each board that still holds the key (however it was spaced) and leaves what was copied since', async () => {
    const clipboard = fakeClipboard([KEY.replaceAll('-', ' '), 'a phone number copied since']);
    const tenang = app(clipboard);
    expect(expectOk(await tenang.dispatch('clipboard.clearRecoveryKey', { recoveryKey: KEY }))).toEqual({ outcome: 'cleared' });
    expect(clipboard.texts).toEqual(['', 'a phone number copied since']);
    expect(expectOk(await tenang.dispatch('clipboard.clearRecoveryKey', { recoveryKey: KEY }))).toEqual({ outcome: 'kept' });
  });

  it('works while locked (the wizard may have locked in that minute), and answers "unavailable" without a clipboard', async () => {
    const clipboard = fakeClipboard([KEY]);
    const locked = app(clipboard);
    await setUpClinic(locked);
    await locked.dispatch('session.lock', {});
    expect(expectOk(await locked.dispatch('clipboard.clearRecoveryKey', { recoveryKey: KEY }))).toEqual({ outcome: 'cleared' });
    expect(expectOk(await app().dispatch('clipboard.clearRecoveryKey', { recoveryKey: KEY }))).toEqual({ outcome: 'unavailable' });
  });

  it('takes only a recovery key: it is no way to read the clipboard', async () => {
    const clipboard = fakeClipboard(['anything']);
    const tenang = app(clipboard);
    for (const recoveryKey of ['anything', '', 'a'.repeat(300)]) {
      const refused = await tenang.dispatch('clipboard.clearRecoveryKey', { recoveryKey });
      expect(refused.ok ? 'answered' : refused.error.code).toBe('VALIDATION');
    }
    expect(clipboard.texts).toEqual(['anything']);
  });
});
