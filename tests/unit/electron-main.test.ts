/**
 * The main process's Electron wiring (ipc.ts, protocol.ts, security.ts, auto-lock.ts) with
 * `electron` replaced by small fakes: Electron cannot start on the build machines, but the
 * handlers these modules register are plain functions, and are called here the way
 * Electron would call them. The Electron smoke test (tests/electron) covers the real thing.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fakes = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    registerSchemesAsPrivileged: vi.fn(),
    openExternal: vi.fn(async () => undefined),
    // Events, plus the idle state auto-lock.ts polls ('locked' when the OS screen is locked).
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleState: vi.fn((_thresholdSeconds: number): string => 'active') }),
    app: { isPackaged: false },
  };
});

vi.mock('electron', () => ({
  app: fakes.app,
  ipcMain: {
    handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
      if (fakes.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fakes.handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => fakes.handlers.delete(channel),
  },
  protocol: { registerSchemesAsPrivileged: fakes.registerSchemesAsPrivileged },
  shell: { openExternal: fakes.openExternal },
  powerMonitor: fakes.powerMonitor,
}));

import { startAutoLock, IDLE_CHECK_INTERVAL_MS } from '../../electron/main/auto-lock';
import { registerIpc } from '../../electron/main/ipc';
import { CONTENT_SECURITY_POLICY, IPC_EVENT, IPC_INVOKE } from '../../electron/main/policy';
import { registerAppScheme, serveRenderer } from '../../electron/main/protocol';
import { hardenSession, hardenWebContents } from '../../electron/main/security';
import type { TenangApp } from '../../services/tenang-app';

type Listener = (...args: unknown[]) => unknown;

function fakeTenangApp() {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const app = {
    dispatch: vi.fn(async (channel: string) => ({ ok: true as const, value: { channel } })),
    onEvent: vi.fn((l: (event: string, payload: unknown) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
    checkIdle: vi.fn(async () => undefined),
    lock: vi.fn(async () => undefined),
    flushDrafts: vi.fn(async () => undefined),
    close: vi.fn(async () => undefined),
  };
  return { app, emit: (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
}

function fakeWindow(url = 'app://tenang/index.html') {
  const mainFrame = { processId: 7, routingId: 3 };
  const webContents = { id: 11, mainFrame, isDestroyed: () => false, getURL: vi.fn(() => url), send: vi.fn() };
  return { isDestroyed: () => false, webContents };
}

function invokeEvent(overrides: { senderId?: number; frame?: Record<string, unknown> | null } = {}) {
  const frame =
    overrides.frame === null
      ? null
      : { url: 'app://tenang/index.html', origin: 'app://tenang', parent: null, detached: false, processId: 7, routingId: 3, ...overrides.frame };
  return { sender: { id: overrides.senderId ?? 11 }, senderFrame: frame };
}

describe('ipc.ts: one handler, sender check first', () => {
  let stop: () => void;
  let tenang: ReturnType<typeof fakeTenangApp>;
  let win: ReturnType<typeof fakeWindow>;
  const invoke = (event: unknown, channel: unknown, input: unknown) => fakes.handlers.get(IPC_INVOKE)!(event, channel, input);

  beforeEach(() => {
    tenang = fakeTenangApp();
    win = fakeWindow();
    stop = registerIpc(tenang.app as unknown as TenangApp, () => win as never);
  });
  afterEach(() => stop());

  it('registers exactly one invoke handler', () => {
    expect([...fakes.handlers.keys()]).toEqual([IPC_INVOKE]);
  });

  it('dispatches a contract channel from our main frame', async () => {
    await expect(invoke(invokeEvent(), 'app.status', {})).resolves.toEqual({ ok: true, value: { channel: 'app.status' } });
    expect(tenang.app.dispatch).toHaveBeenCalledWith('app.status', {});
  });

  it.each([
    ['no frame (navigated or destroyed)', invokeEvent({ frame: null })],
    ['a detached frame', invokeEvent({ frame: { detached: true } })],
    ['another webContents', invokeEvent({ senderId: 12 })],
    ['an iframe', invokeEvent({ frame: { parent: {}, routingId: 4 } })],
    ['another frame of our process', invokeEvent({ frame: { routingId: 99 } })],
    ['a remote page', invokeEvent({ frame: { url: 'https://example.org/', origin: 'https://example.org' } })],
    ['another app:// host', invokeEvent({ frame: { url: 'app://evil/index.html', origin: 'app://evil' } })],
    ['a dev server', invokeEvent({ frame: { url: 'http://localhost:5173/', origin: 'http://localhost:5173' } })],
    ['a file:// page', invokeEvent({ frame: { url: 'file:///tmp/x.html', origin: 'file://' } })],
  ])('refuses %s with UNTRUSTED_SENDER, without dispatching', async (_name, event) => {
    await expect(invoke(event, 'app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(tenang.app.dispatch).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is gone', async () => {
    stop();
    stop = registerIpc(tenang.app as unknown as TenangApp, () => null);
    await expect(invoke(invokeEvent(), 'app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
  });

  it.each([['nope'], ['__proto__'], ['constructor'], [42], [null], [{ toString: () => 'app.status' }]])(
    'refuses a channel outside the contract (%s) with UNKNOWN_CHANNEL',
    async (channel) => {
      await expect(invoke(invokeEvent(), channel, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
      expect(tenang.app.dispatch).not.toHaveBeenCalled();
    },
  );

  it('turns a throwing dispatcher into INTERNAL without echoing anything', async () => {
    tenang.app.dispatch.mockRejectedValueOnce(new Error('secret client words'));
    const reply = await invoke(invokeEvent(), 'app.status', { note: 'secret client words' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toContain('secret');
  });

  it('forwards events to our window only while it shows app://tenang', () => {
    tenang.emit('session.locked', { reason: 'idle' });
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENT, 'session.locked', { reason: 'idle' });
    win.webContents.send.mockClear();
    win.webContents.getURL.mockReturnValue('https://example.org/');
    tenang.emit('session.locked', { reason: 'idle' });
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it('unregisters the handler and the event forwarding', () => {
    stop();
    expect(fakes.handlers.has(IPC_INVOKE)).toBe(false);
    tenang.emit('session.locked', { reason: 'idle' });
    expect(win.webContents.send).not.toHaveBeenCalled();
    stop = () => undefined;
  });
});

describe('protocol.ts: app://tenang serves out/renderer only', () => {
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(() => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'tenang-protocol-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tenang</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(path.join(base, 'secret.txt'), 'secret');
    const session = { protocol: { handle: (_scheme: string, fn: typeof handler) => (handler = fn) } };
    serveRenderer(session as never, root);
  });
  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it('registers app:// as standard, secure and fetch-capable, nothing more', () => {
    registerAppScheme();
    expect(fakes.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves files with their type and the CSP header', async () => {
    const index = await handler(new Request('app://tenang/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>Tenang</title>');

    const js = await handler(new Request('app://tenang/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await handler(new Request('app://tenang/assets/app.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for anything that is not a file of the build', async () => {
    expect((await handler(new Request('app://tenang/admin/users'))).status).toBe(404);
    expect((await handler(new Request('app://tenang/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://tenang/assets'))).status).toBe(404); // a folder
  });

  it.each([
    'app://tenang/../secret.txt',
    'app://tenang/..%2fsecret.txt',
    'app://tenang/%2e%2e%2fsecret.txt',
    'app://tenang/%2e%2e/secret.txt',
    'app://tenang/assets/..%5c..%5csecret.txt',
    'app://evil/index.html',
  ])('never serves anything outside the folder: %s', async (url) => {
    const res = await handler(new Request(url));
    expect(await res.text()).not.toContain('secret');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler(new Request('app://tenang/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('security.ts: session and webContents rules', () => {
  function fakeSession() {
    const ses = Object.assign(new EventEmitter(), {
      permissionRequest: undefined as undefined | Listener,
      permissionCheck: undefined as undefined | Listener,
      deviceCheck: undefined as undefined | Listener,
      displayMedia: undefined as undefined | Listener,
      beforeRequest: undefined as undefined | Listener,
      spellChecker: true,
      proxy: undefined as unknown,
      setPermissionRequestHandler(fn: Listener) {
        this.permissionRequest = fn;
      },
      setPermissionCheckHandler(fn: Listener) {
        this.permissionCheck = fn;
      },
      setDevicePermissionHandler(fn: Listener) {
        this.deviceCheck = fn;
      },
      setDisplayMediaRequestHandler(fn: Listener) {
        this.displayMedia = fn;
      },
      webRequest: {
        onBeforeRequest: (fn: Listener) => {
          ses.beforeRequest = fn;
        },
      },
      setSpellCheckerEnabled(on: boolean) {
        this.spellChecker = on;
      },
      async setProxy(config: unknown) {
        this.proxy = config;
      },
    });
    return ses;
  }

  it('denies every permission request and check', async () => {
    const ses = fakeSession();
    await hardenSession(ses as never, { allowDevTools: false });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen']) {
      const callback = vi.fn();
      ses.permissionRequest!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheck!(null, permission, 'app://tenang', {})).toBe(false);
    }
    expect(ses.deviceCheck!({})).toBe(false);
    const media = vi.fn();
    ses.displayMedia!({}, media);
    expect(media).toHaveBeenCalledWith(null);
    expect(ses.spellChecker).toBe(false);
    expect(ses.proxy).toEqual({ mode: 'direct' });
  });

  it('refuses HID, serial and USB device pickers', async () => {
    const ses = fakeSession();
    await hardenSession(ses as never, { allowDevTools: false });
    const event = { preventDefault: vi.fn() };
    const cb = vi.fn();
    ses.emit('select-hid-device', event, {}, cb);
    ses.emit('select-serial-port', event, [], {}, cb);
    ses.emit('select-usb-device', event, {}, cb);
    expect(event.preventDefault).toHaveBeenCalledTimes(3);
    expect(cb.mock.calls).toEqual([[''], [''], []]);
  });

  it('cancels every request that is not app://tenang', async () => {
    const ses = fakeSession();
    await hardenSession(ses as never, { allowDevTools: false });
    const decide = (url: string) => {
      const callback = vi.fn();
      ses.beforeRequest!({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide('app://tenang/assets/app.js')).toEqual({ cancel: false });
    for (const url of ['https://example.org/', 'http://localhost:5173/', 'ws://localhost/', 'file:///etc/passwd', 'devtools://devtools/x']) {
      expect(decide(url)).toEqual({ cancel: true });
    }
  });

  it('allows only downloads of what the page generated', async () => {
    const ses = fakeSession();
    await hardenSession(ses as never, { allowDevTools: false });
    const download = (url: string) => {
      const event = { preventDefault: vi.fn() };
      ses.emit('will-download', event, { getURL: () => url });
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(download('blob:app://tenang/1234')).toBe(true);
    expect(download('https://example.org/setup.exe')).toBe(false);
  });

  function fakeContents() {
    return Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | ((details: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
        this.openHandler = fn;
      },
      closeDevTools: vi.fn(),
    });
  }

  it('blocks navigation, redirects and frame navigation away from app://tenang', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const [url, allowed] of [
        ['app://tenang/index.html#/unlock', true],
        ['https://example.org/', false],
        ['http://localhost:5173/', false],
        ['file:///etc/passwd', false],
        ['app://evil/', false],
        ['javascript:alert(1)', false],
      ] as const) {
        const event = { url, preventDefault: vi.fn() };
        contents.emit(eventName, event);
        expect(event.preventDefault.mock.calls.length === 0, `${eventName} ${url}`).toBe(allowed);
      }
    }
  });

  it('never opens a window and opens no external link (the allowlist is empty)', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    for (const url of ['https://example.org/', 'app://tenang/index.html', 'about:blank', 'file:///etc/passwd']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(fakes.openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview>', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('closes DevTools in a packaged build', () => {
    fakes.app.isPackaged = true;
    try {
      const contents = fakeContents();
      hardenWebContents(contents as never);
      contents.emit('devtools-opened');
      expect(contents.closeDevTools).toHaveBeenCalled();
    } finally {
      fakes.app.isPackaged = false;
    }
  });
});

describe('auto-lock.ts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks the idle deadline every 15 seconds and locks on OS lock and suspend', async () => {
    const { app } = fakeTenangApp();
    const stop = startAutoLock(app as unknown as TenangApp);
    expect(IDLE_CHECK_INTERVAL_MS).toBe(15_000);
    await vi.advanceTimersByTimeAsync(45_000);
    expect(app.checkIdle).toHaveBeenCalledTimes(3);

    fakes.powerMonitor.emit('lock-screen');
    fakes.powerMonitor.emit('suspend');
    await vi.advanceTimersByTimeAsync(0);
    // The window is asked to save what is being typed before each lock it did not ask for.
    expect(app.flushDrafts).toHaveBeenCalledTimes(2);
    expect(app.flushDrafts.mock.invocationCallOrder[0]!).toBeLessThan(app.lock.mock.invocationCallOrder[0]!);
    expect(app.lock.mock.calls).toEqual([['os_lock'], ['suspend']]);

    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    fakes.powerMonitor.emit('suspend');
    expect(app.checkIdle).toHaveBeenCalledTimes(3);
    expect(app.lock).toHaveBeenCalledTimes(2);
  });

  it('locks once with os_lock when the polled idle state says the OS screen is locked (Linux has no lock-screen event)', async () => {
    const { app } = fakeTenangApp();
    const stop = startAutoLock(app as unknown as TenangApp);
    try {
      await vi.advanceTimersByTimeAsync(15_000);
      expect(fakes.powerMonitor.getSystemIdleState).toHaveBeenCalledWith(expect.any(Number));
      expect(fakes.powerMonitor.getSystemIdleState.mock.calls[0]![0]).toBeGreaterThan(0);
      expect(app.lock).not.toHaveBeenCalled();

      fakes.powerMonitor.getSystemIdleState.mockReturnValue('locked');
      await vi.advanceTimersByTimeAsync(15_000);
      expect(app.lock.mock.calls).toEqual([['os_lock']]);
      // Still locked at the next checks: the same locked period, no second lock.
      await vi.advanceTimersByTimeAsync(45_000);
      expect(app.lock).toHaveBeenCalledTimes(1);
      expect(app.checkIdle).toHaveBeenCalledTimes(5);

      // The OS screen is unlocked, then locked again: a new period locks again.
      fakes.powerMonitor.getSystemIdleState.mockReturnValue('active');
      await vi.advanceTimersByTimeAsync(15_000);
      fakes.powerMonitor.getSystemIdleState.mockReturnValue('locked');
      await vi.advanceTimersByTimeAsync(15_000);
      expect(app.lock.mock.calls).toEqual([['os_lock'], ['os_lock']]);

      // A 'lock-screen' event (macOS, Windows) then the poll seeing 'locked': one lock.
      fakes.powerMonitor.getSystemIdleState.mockReturnValue('active');
      await vi.advanceTimersByTimeAsync(15_000);
      fakes.powerMonitor.emit('lock-screen');
      fakes.powerMonitor.getSystemIdleState.mockReturnValue('locked');
      await vi.advanceTimersByTimeAsync(15_000);
      expect(app.lock).toHaveBeenCalledTimes(3);
    } finally {
      stop();
      fakes.powerMonitor.getSystemIdleState.mockReset();
      fakes.powerMonitor.getSystemIdleState.mockReturnValue('active');
    }
  });

  it('survives a failing lock or idle check', async () => {
    const { app } = fakeTenangApp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    app.lock.mockRejectedValue(new Error('db gone'));
    app.checkIdle.mockRejectedValue(new Error('db gone'));
    fakes.powerMonitor.getSystemIdleState.mockImplementationOnce(() => {
      throw new Error('no idle state');
    });
    const stop = startAutoLock(app as unknown as TenangApp);
    fakes.powerMonitor.emit('suspend');
    await vi.advanceTimersByTimeAsync(15_000);
    // A failing idle-state read does not stop the clinic's idle check.
    expect(app.checkIdle).toHaveBeenCalledTimes(1);
    stop();
    expect(error.mock.calls.flat().join(' ')).not.toContain('db gone');
    expect(error.mock.calls.flat().join(' ')).not.toContain('no idle state');
    error.mockRestore();
  });
});
