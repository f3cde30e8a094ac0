/**
 * The Electron main process: app lifecycle only. Each concern lives in its own file:
 * policy.ts (pure security decisions), protocol.ts (app://), security.ts (session and
 * webContents hardening), window.ts, ipc.ts, auto-lock.ts, native-binding.ts, menu.ts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, clipboard, dialog, Menu, session, shell, type BrowserWindow, type Session } from 'electron';
import { createTenangApp, type TenangApp } from '../../services/tenang-app';
import { useReportWorkerScript } from '../../services/reports/report-worker';
import type { LockReason } from '../../shared/audit-actions';
import { flushThenLock, lockQuietly, startAutoLock } from './auto-lock';
import { systemClipboard } from './clipboard';
import { registerIpc } from './ipc';
import { resolveVaultDir } from './locations';
import { buildMenu } from './menu';
import { assertNativeModuleLoads, resolveNativeBinding } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { describeStartupError } from './startup-error';
import { createMainWindow, loadApp } from './window';

// out/main/index.js → out/renderer, out/preload, out/main/report-worker.js (also inside app.asar when packaged).
const HERE = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(HERE, '../renderer');
const PRELOAD_PATH = path.join(HERE, '../preload/index.cjs');
/** The report worker, bundled beside this file (electron.vite.config.ts). */
const REPORT_WORKER_PATH = path.join(HERE, 'report-worker.js');
const PROJECT_ROOT = path.join(HERE, '../..');
/** In-memory partition (no `persist:`): Chromium writes no profile data for the page to disk. */
const PARTITION = 'tenang';
/** Give the vault this long to write its last audit entry and close on quit. */
const CLOSE_TIMEOUT_MS = 10_000;
/** The lock reason recorded when the renderer crashed: the vault locks before the window reloads. */
const RENDERER_GONE_LOCK_REASON: LockReason = 'renderer_gone';
const MAX_RENDERER_RESTARTS = 3;
const RENDERER_RESTART_WINDOW_MS = 60_000;

// --- Before `ready` --------------------------------------------------------------------
useReportWorkerScript(REPORT_WORKER_PATH);
// Checklist 18: app:// must be privileged before the app is ready.
registerAppScheme();
// Checklist 4: sandbox every renderer, whatever a webPreferences block might say.
app.enableSandbox();
// A predictable profile folder: "Tenang" for the installed app, "Tenang-dev" for `npm start`,
// so a development build (which has DevTools) never opens an installed clinic's vault by
// default. TENANG_VAULT overrides the vault location in both.
app.setPath('userData', path.join(app.getPath('appData'), app.isPackaged ? 'Tenang' : 'Tenang-dev'));
if (process.platform === 'win32') app.setAppUserModelId('org.tenang.desktop');

let mainWindow: BrowserWindow | null = null;
let tenangApp: TenangApp | null = null;
let stopAutoLock: (() => void) | null = null;
let stopIpc: (() => void) | null = null;
let appSession: Session | null = null;
let shutdown: 'running' | 'closing' | 'closed' = 'running';
const rendererCrashes: number[] = [];

function fatal(err: unknown, vaultDir: string): void {
  const text = describeStartupError(err, { vaultDir, isPackaged: app.isPackaged });
  // Only the error's class and code go to the log: never a message that could quote data.
  const code = (err as { code?: unknown } | null)?.code;
  console.error(`[tenang] startup failed: ${err instanceof Error ? err.name : typeof err}${typeof code === 'string' ? ` (${code})` : ''}`);
  dialog.showErrorBox(text.title, `${text.message}\n\n${text.detail}`);
}

/** Opens a document copy with the OS's default program; shell.openPath answers with an error text, never throws. */
async function openWithSystemViewer(filePath: string): Promise<void> {
  const failure = await shell.openPath(filePath);
  if (failure) throw new Error('the system viewer did not open the document');
}

/** The save dialog's file type for each kind of file the app writes, by the suggested name's extension. */
const SAVE_FILTERS: Record<string, Electron.FileFilter> = { json: { name: 'JSON', extensions: ['json'] }, pdf: { name: 'PDF', extensions: ['pdf'] }, csv: { name: 'CSV', extensions: ['csv'] } };

/**
 * Where to save a file the app writes (the full export, a report, a letter): the system's save
 * dialog, which asks before replacing a file. Null when the person cancels or no window is open.
 */
async function chooseSavePath(suggestedName: string): Promise<string | null> {
  if (!mainWindow) return null;
  const filter = SAVE_FILTERS[path.extname(suggestedName).slice(1).toLowerCase()];
  const choice = await dialog.showSaveDialog(mainWindow, { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: filter ? [filter] : [], properties: ['createDirectory', 'showOverwriteConfirmation'] });
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

function openWindow(): void {
  if (!appSession || !tenangApp) return;
  const win = createMainWindow({ session: appSession, preloadPath: PRELOAD_PATH, isPackaged: app.isPackaged });
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // Closing the window: hold it open a moment while the page saves the note being typed.
  let draftsFlushed = false;
  win.on('close', (event) => {
    const app_ = tenangApp;
    if (draftsFlushed || !app_ || shutdown !== 'running') return;
    event.preventDefault();
    draftsFlushed = true;
    void app_
      .flushDrafts()
      .catch(() => console.error('[tenang] asking the window to save drafts failed'))
      .then(() => {
        if (!win.isDestroyed()) win.close();
      });
  });

  // A crashed or killed renderer: lock the vault (the page's state is gone, and a fresh page
  // must not find an open session), then show the app again, unless it keeps crashing.
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || shutdown !== 'running') return;
    const app_ = tenangApp;
    const now = Date.now();
    rendererCrashes.push(now);
    while (rendererCrashes.length > 0 && now - (rendererCrashes[0] ?? now) > RENDERER_RESTART_WINDOW_MS) rendererCrashes.shift();
    void (async () => {
      if (app_) await lockQuietly(app_, RENDERER_GONE_LOCK_REASON);
      if (win.isDestroyed()) return;
      if (rendererCrashes.length > MAX_RENDERER_RESTARTS) {
        dialog.showErrorBox('Tenang', 'The Tenang window stopped working several times and has been closed. Your data is locked and safe. Please start Tenang again.');
        app.quit();
        return;
      }
      loadApp(win).catch(() => console.error('[tenang] reloading the window failed'));
    })();
  });

  loadApp(win).catch(() => console.error('[tenang] loading the window failed'));
}

async function start(): Promise<void> {
  const vaultDir = resolveVaultDir(process.env, app.getPath('userData'));
  try {
    // A packaged build refuses Chromium's remote debugging: it would let another program
    // drive the page and so pass the IPC sender check (the fuses stop --inspect already).
    if (app.isPackaged && (app.commandLine.hasSwitch('remote-debugging-port') || app.commandLine.hasSwitch('remote-debugging-pipe'))) {
      dialog.showErrorBox('Tenang', 'Tenang does not run with remote debugging enabled.');
      app.exit(1);
      return;
    }

    // Checklist 5 and 1: deny permissions and cancel remote requests in our session, and
    // in the default session too (DevTools in development use it; nothing else does).
    const allowDevTools = !app.isPackaged;
    appSession = session.fromPartition(PARTITION);
    await hardenSession(appSession, { allowDevTools });
    await hardenSession(session.defaultSession, { allowDevTools });
    serveRenderer(appSession, RENDERER_DIR);

    const nativeBinding = resolveNativeBinding({
      isPackaged: app.isPackaged,
      projectRoot: PROJECT_ROOT,
      electronVersion: process.versions.electron ?? '',
    });
    assertNativeModuleLoads(nativeBinding);
    tenangApp = createTenangApp({ vaultDir, ...(nativeBinding ? { nativeBinding } : {}), openExternally: openWithSystemViewer, chooseSavePath, clipboard: systemClipboard(clipboard) });

    // Whatever app.status reports (no vault yet, locked, keyring unreadable) the window can
    // show; an INTERNAL failure here means the vault folder itself is unusable.
    const status = await tenangApp.dispatch('app.status', {});
    if (!status.ok && status.error.code === 'INTERNAL') throw Object.assign(new Error('app.status failed'), { code: 'INTERNAL' });
  } catch (err) {
    fatal(err, vaultDir);
    const app_ = tenangApp;
    tenangApp = null;
    shutdown = 'closed';
    if (app_) await app_.close().catch(() => undefined);
    app.exit(1);
    return;
  }

  const app_ = tenangApp;
  Menu.setApplicationMenu(
    buildMenu({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin', lockNow: () => void flushThenLock(app_, 'manual') }),
  );
  stopIpc = registerIpc(app_, () => mainWindow);
  stopAutoLock = startAutoLock(app_);
  openWindow();
}

// A second copy would open the same vault next to this one: focus this one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Navigation, new-window, webview and DevTools rules for every webContents ever created.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // Closing the window ends the app on every platform (and so locks the vault).
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (!mainWindow && shutdown === 'running') openWindow();
  });

  // Lock and close the vault before quitting: hold the quit until the vault is closed.
  app.on('before-quit', (event) => {
    if (shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    stopAutoLock?.();
    const app_ = tenangApp;
    const closing = app_ ? app_.close().catch(() => console.error('[tenang] closing the vault failed')) : Promise.resolve();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    void Promise.race([closing, timeout]).then(() => {
      stopIpc?.();
      shutdown = 'closed';
      app.quit();
    });
  });

  // Ctrl+C in a terminal or a service manager's SIGTERM: the same orderly quit.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      fatal(err, resolveVaultDir(process.env, app.getPath('userData')));
      app.exit(1);
    });
}
