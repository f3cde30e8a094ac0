/**
 * A small stand-in for the `electron` module, enough for electron/main/index.ts to run its
 * whole lifecycle under Vitest (Electron itself cannot start on the build machines). Used
 * by tests/unit/electron-lifecycle*.test.ts through `vi.mock('electron', …)`.
 *
 * Each test file gets its own instance (Vitest isolates modules per file).
 */
import { EventEmitter } from 'node:events';

type Fn = (...args: unknown[]) => unknown;

export class FakeSession extends EventEmitter {
  handlers: Record<string, unknown> = {};
  constructor(readonly partition: string) {
    super();
  }
  protocol = { handle: (scheme: string, fn: unknown) => (this.handlers[`protocol:${scheme}`] = fn) };
  webRequest = { onBeforeRequest: (fn: unknown) => (this.handlers.beforeRequest = fn) };
  setPermissionRequestHandler = (fn: unknown) => (this.handlers.permissionRequest = fn);
  setPermissionCheckHandler = (fn: unknown) => (this.handlers.permissionCheck = fn);
  setDevicePermissionHandler = (fn: unknown) => (this.handlers.device = fn);
  setDisplayMediaRequestHandler = (fn: unknown) => (this.handlers.displayMedia = fn);
  setSpellCheckerEnabled = (on: boolean) => (this.handlers.spellChecker = on);
  setProxy = async (config: unknown) => {
    this.handlers.proxy = config;
  };
}

export class FakeWebContents extends EventEmitter {
  id = 1;
  mainFrame = { processId: 5, routingId: 1 };
  url = '';
  loads = 0;
  sent: unknown[][] = [];
  destroyed = false;
  isDestroyed = () => this.destroyed;
  getURL = () => this.url;
  send = (...args: unknown[]) => this.sent.push(args);
}

export function createFakeElectron() {
  const calls: string[] = [];
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const sessions = new Map<string, FakeSession>();
  const defaultSession = new FakeSession('<default>');
  const windows: FakeWindow[] = [];
  const ipcHandlers = new Map<string, Fn>();
  const errorBoxes: string[][] = [];
  const menus: unknown[] = [];
  // Events, plus the idle state that electron/main/auto-lock.ts polls for an OS screen lock.
  const powerMonitor = Object.assign(new EventEmitter(), {
    idleState: 'active' as 'active' | 'idle' | 'locked' | 'unknown',
    getSystemIdleState: (_thresholdSeconds: number) => powerMonitor.idleState,
  });

  class FakeWindow extends EventEmitter {
    destroyed = false;
    contentProtection = false;
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      calls.push('new BrowserWindow');
    }
    setContentProtection(on: boolean) {
      this.contentProtection = on;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    /** Like Electron: emits 'close' (which may be prevented), then destroys the window and emits 'closed'. */
    close() {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('close', event);
      if (event.defaultPrevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
    restore() {}
    focus() {}
    show() {}
    async loadURL(url: string) {
      this.webContents.url = url;
      this.webContents.loads++;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    commandLine: { hasSwitch: (_name: string) => false },
    paths: { appData: '', userData: '' } as Record<string, string>,
    quits: 0,
    exits: [] as number[],
    enableSandbox: () => calls.push('enableSandbox'),
    getPath: (name: string) => app.paths[name] ?? '',
    setPath: (name: string, value: string) => {
      calls.push(`setPath:${name}`);
      app.paths[name] = value;
    },
    setAppUserModelId: () => undefined,
    requestSingleInstanceLock: () => {
      calls.push('requestSingleInstanceLock');
      return true;
    },
    whenReady: () => ready,
    /** Like Electron: emits before-quit, and quits (emits 'did-quit') unless it was prevented. */
    quit: () => {
      app.quits++;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.emit('did-quit');
    },
    exit: (code: number) => {
      app.exits.push(code);
    },
  });

  const module = {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: (m: unknown) => menus.push(m) },
    dialog: { showErrorBox: (...args: string[]) => errorBoxes.push(args) },
    ipcMain: {
      handle: (channel: string, fn: Fn) => ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    powerMonitor,
    protocol: { registerSchemesAsPrivileged: () => calls.push('registerSchemesAsPrivileged') },
    session: {
      fromPartition: (p: string) => {
        if (!sessions.has(p)) sessions.set(p, new FakeSession(p));
        return sessions.get(p);
      },
      defaultSession,
    },
    shell: { openExternal: async () => undefined, openPath: async () => '' },
    clipboard: { readText: async () => '', clear: () => undefined },
  };

  return { module, calls, resolveReady, sessions, defaultSession, windows, app, ipcHandlers, errorBoxes, menus, powerMonitor };
}

/** The instance the mocked `electron` module and the test share. */
export const fake = createFakeElectron();

/** Poll until `check` holds (the lifecycle runs on promises the test cannot await directly). */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** index.ts adds SIGINT/SIGTERM listeners that call app.quit(); remove those added since `before`. */
export function removeSignalListenersSince(before: { SIGINT: number; SIGTERM: number }): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(signal).slice(before[signal])) process.off(signal, l);
  }
}
