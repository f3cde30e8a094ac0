/**
 * When the vault cannot be opened in a way the window could show (here: the SQLCipher
 * engine built for the wrong runtime), the main process shows one clear dialog, opens no
 * window, and exits non-zero. The dialog quotes no error message, only its code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, removeSignalListenersSince, until } from '../electron/fake-electron';

vi.mock('electron', async () => (await import('../electron/fake-electron')).fake.module);
vi.mock('../../electron/main/native-binding', () => ({
  resolveNativeBinding: () => undefined,
  assertNativeModuleLoads: () => {
    throw Object.assign(
      new Error("The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115."),
      { code: 'ERR_DLOPEN_FAILED' },
    );
  },
}));

const base = mkdtempSync(path.join(os.tmpdir(), 'tenang-lifecycle-fail-'));
const signalListeners = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  fake.app.paths.appData = path.join(base, 'appData');
  vi.stubEnv('TENANG_VAULT', path.join(base, 'vault'));
  await import('../../electron/main/index');
  fake.resolveReady();
  await until(() => fake.app.exits.length > 0, 'the exit');
});
afterAll(() => {
  vi.unstubAllEnvs();
  stderr.mockRestore();
  removeSignalListenersSince(signalListeners);
  rmSync(base, { recursive: true, force: true });
});

describe('a vault that cannot be opened at startup', () => {
  it('shows one clear dialog and exits with 1, without a window or IPC', () => {
    expect(fake.errorBoxes).toHaveLength(1);
    const [title, body] = fake.errorBoxes[0]!;
    expect(title).toBe('Tenang cannot start');
    expect(body).toMatch(/database engine could not be loaded/);
    expect(body).toMatch(/npm start/);
    expect(body).toContain('ERR_DLOPEN_FAILED');
    expect(body).not.toContain('NODE_MODULE_VERSION'); // the raw message is never shown
    expect(fake.app.exits).toEqual([1]);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('logs only the error class and code', () => {
    const logged = stderr.mock.calls.flat().join(' ');
    expect(logged).toContain('ERR_DLOPEN_FAILED');
    expect(logged).not.toContain('better_sqlite3.node');
  });
});
