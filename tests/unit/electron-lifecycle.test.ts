/**
 * The main process's lifecycle (electron/main/index.ts) against a fake `electron`, with the
 * real services over a real vault in a temp folder. Checks the order of things Electron
 * is strict about (privileged scheme and sandbox before ready), what the window is created
 * with, that the IPC handler answers through the real dispatcher, and that quitting waits
 * for the vault to close. The Electron smoke test (tests/electron) covers the real thing.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fake as fakes, removeSignalListenersSince, until } from '../electron/fake-electron';

vi.mock('electron', async () => (await import('../electron/fake-electron')).fake.module);

const base = mkdtempSync(path.join(os.tmpdir(), 'tenang-lifecycle-'));
const signalListeners = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };

beforeAll(async () => {
  fakes.app.paths.appData = path.join(base, 'appData');
  vi.stubEnv('TENANG_VAULT', path.join(base, 'vault'));
  await import('../../electron/main/index');
});
afterAll(() => {
  vi.unstubAllEnvs();
  removeSignalListenersSince(signalListeners);
  rmSync(base, { recursive: true, force: true });
});

describe('before ready', () => {
  it('registers app://, enables the sandbox and pins userData before taking the single-instance lock', () => {
    expect(fakes.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'setPath:userData', 'requestSingleInstanceLock']);
    expect(fakes.app.paths.userData).toBe(path.join(base, 'appData', 'Tenang-dev')); // not packaged
  });
});

describe('after ready', () => {
  beforeAll(async () => {
    fakes.resolveReady();
    await until(() => fakes.windows.length === 1 && fakes.windows[0]!.webContents.url !== '', 'the window');
  });

  it('hardens an in-memory session and the default session, and serves app:// in ours', () => {
    expect([...fakes.sessions.keys()]).toEqual(['tenang']); // no "persist:" prefix
    for (const ses of [fakes.sessions.get('tenang')!, fakes.defaultSession]) {
      expect(ses.handlers.permissionRequest).toBeTypeOf('function');
      expect(ses.handlers.permissionCheck).toBeTypeOf('function');
      expect(ses.handlers.beforeRequest).toBeTypeOf('function');
      expect(ses.handlers.spellChecker).toBe(false);
      expect(ses.handlers.proxy).toEqual({ mode: 'direct' });
    }
    expect(fakes.sessions.get('tenang')!.handlers['protocol:app']).toBeTypeOf('function');
    expect(fakes.defaultSession.handlers['protocol:app']).toBeUndefined();
  });

  it('creates one window with the hardened preferences and loads app://tenang', () => {
    const win = fakes.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      session: fakes.sessions.get('tenang'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: true, // not packaged
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.contentProtection).toBe(true);
    expect(win.webContents.url).toBe('app://tenang/index.html');
    expect(fakes.menus).toHaveLength(1);
    expect(fakes.errorBoxes).toEqual([]);
  });

  it('answers the renderer through the real dispatcher', async () => {
    const handler = fakes.ipcHandlers.get('tenang:invoke')!;
    const trusted = {
      sender: { id: 1 },
      senderFrame: { url: 'app://tenang/index.html', origin: 'app://tenang', parent: null, detached: false, processId: 5, routingId: 1 },
    };
    await expect(handler(trusted, 'app.status', {})).resolves.toMatchObject({ ok: true, value: { vault: 'uninitialised', users: [] } });
    await expect(handler({ ...trusted, sender: { id: 2 } }, 'app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
  });

  it('hardens every webContents created later', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    fakes.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('reloads the window after a renderer crash', async () => {
    const win = fakes.windows[0]!;
    const before = win.webContents.loads;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await until(() => win.webContents.loads === before + 1, 'the reload');
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(win.webContents.loads).toBe(before + 1);
  });

  it('asks the page to save the note being typed before the window closes, then closes it', async () => {
    const handler = fakes.ipcHandlers.get('tenang:invoke')!;
    const trusted = {
      sender: { id: 1 },
      senderFrame: { url: 'app://tenang/index.html', origin: 'app://tenang', parent: null, detached: false, processId: 5, routingId: 1 },
    };
    const passphrase = 'lembayung senja di pelabuhan';
    const setup = { clinicName: 'Klinik', language: 'en', timeZone: 'Asia/Jakarta', username: 'ayu', displayName: 'Ayu', newPassphrase: passphrase, confirmPassphrase: passphrase };
    await expect(handler(trusted, 'vault.setup', setup)).resolves.toMatchObject({ ok: true });
    const win = fakes.windows[0]!;
    win.webContents.sent.length = 0;
    win.close();
    expect(win.isDestroyed()).toBe(false); // held open while the page saves
    expect(win.webContents.sent).toEqual([['tenang:event', 'drafts.flush', {}]]);
    await until(() => win.isDestroyed(), 'the window to close after the flush');
  });

  it('holds the quit until the vault is closed, then quits', async () => {
    let quitDone = false;
    fakes.app.once('did-quit', () => (quitDone = true));
    fakes.app.quit();
    expect(quitDone).toBe(false); // before-quit prevented while the vault closes
    await until(() => quitDone, 'the quit after close');
    expect(fakes.app.quits).toBe(2);
    expect(fakes.ipcHandlers.has('tenang:invoke')).toBe(false);
  });
});
