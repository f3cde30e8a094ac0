/**
 * Electron smoke test: the real main process, preload and built renderer in Electron.
 *
 * Runs where the Electron binary is installed (a developer laptop after a plain
 * `npm install`). Where it is not (these build machines install with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1), the test is skipped and the reason is printed.
 * Needs `electron-vite build` first (`npm run test:e2e` does that).
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/policy';
import { findElectronBinary } from './electron-binary';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(PROJECT_ROOT, 'out/main/index.js');
const BUILT = [MAIN, path.join(PROJECT_ROOT, 'out/preload/index.cjs'), path.join(PROJECT_ROOT, 'out/renderer/index.html')];

/** Why this machine cannot run the test, or null when it can. */
function reasonToSkip(): string | null {
  const found = findElectronBinary(PROJECT_ROOT);
  if (!found.ok) return `Electron smoke test skipped: ${found.reason}`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'Electron smoke test skipped: no display (DISPLAY is not set). Run it under `xvfb-run -a npx playwright test tests/electron`.';
  }
  return null;
}

test.describe('Electron shell', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let vault: string | undefined;

  test.beforeAll(async () => {
    const skip = reasonToSkip();
    if (skip) {
      console.log(skip);
      test.skip(true, skip);
      return;
    }
    const missing = BUILT.filter((f) => !existsSync(f));
    if (missing.length > 0) throw new Error(`Build the app first (npx electron-vite build); missing: ${missing.map((f) => path.relative(PROJECT_ROOT, f)).join(', ')}`);

    const found = findElectronBinary(PROJECT_ROOT);
    if (!found.ok) throw new Error(found.reason);
    vault = mkdtempSync(path.join(os.tmpdir(), 'tenang-electron-smoke-'));
    // Chromium refuses to start as root with its OS sandbox (CI containers run as root);
    // only there is the OS sandbox turned off. The renderer stays sandboxed in every
    // other respect (no Node, context isolation), which is what this test checks.
    const args = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox', MAIN] : [MAIN];
    app = await electron.launch({
      executablePath: found.binary,
      args,
      cwd: PROJECT_ROOT,
      // Its own vault, and on Linux its own profile folder (userData, and with it the
      // single-instance lock), so a Tenang the developer has open does not get in the way.
      env: { ...process.env, TENANG_VAULT: path.join(vault, 'vault'), XDG_CONFIG_HOME: path.join(vault, 'config') } as Record<string, string>,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (vault) rmSync(vault, { recursive: true, force: true });
  });

  test('loads the renderer from app://tenang and shows the setup wizard', async () => {
    expect(page.url()).toMatch(/^app:\/\/tenang\//);
    await expect(page.locator('#setup-clinic-name')).toBeVisible({ timeout: 30_000 });
    const status = await page.evaluate(() => (window as unknown as { tenang: { invoke(c: string, i: unknown): Promise<unknown> } }).tenang.invoke('app.status', {}));
    expect(status).toMatchObject({ ok: true, value: { vault: 'uninitialised' } });
  });

  test('runs one window in an in-memory session', async () => {
    // The webPreferences themselves are checked in tests/unit/electron-lifecycle.test.ts
    // (Electron offers no API to read them back); here what can be observed from outside.
    const state = await app!.evaluate(({ BrowserWindow }) => {
      const wins = BrowserWindow.getAllWindows();
      return { windows: wins.length, persistent: wins[0]!.webContents.session.isPersistent() };
    });
    expect(state).toEqual({ windows: 1, persistent: false });
  });

  test('exposes no Node or Electron to the page, only window.tenang', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.tenang as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
        electron: typeof w.electron,
        ipcRenderer: typeof w.ipcRenderer,
        bridgeKeys: Object.keys(bridge).sort(),
        bridgeIpc: typeof bridge.ipcRenderer,
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      electron: 'undefined',
      ipcRenderer: 'undefined',
      bridgeKeys: ['invoke', 'on'],
      bridgeIpc: 'undefined',
    });
    const unknown = await page.evaluate(() => (window as unknown as { tenang: { invoke(c: string, i: unknown): Promise<unknown> } }).tenang.invoke('fs.readFile', { path: '/etc/passwd' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  test('serves app:// with the strict CSP and refuses path traversal', async () => {
    const result = await page.evaluate(async () => {
      const index = await fetch('app://tenang/index.html');
      const traversal = await fetch('app://tenang/..%2f..%2f..%2fetc%2fpasswd');
      const encoded = await fetch('app://tenang/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
      return { csp: index.headers.get('content-security-policy'), type: index.headers.get('content-type'), traversal: traversal.status, encoded: encoded.status };
    });
    expect(result).toEqual({ csp: CONTENT_SECURITY_POLICY, type: 'text/html; charset=utf-8', traversal: 404, encoded: 404 });
  });

  test('blocks remote content, navigation away and new windows', async () => {
    const remote = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'loaded';
      } catch {
        return 'blocked';
      }
    });
    expect(remote).toBe('blocked');

    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);

    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(1_500);
    expect(page.url()).toMatch(/^app:\/\/tenang\//);
    await expect(page.locator('#setup-clinic-name')).toBeVisible();
    const state = await app!.evaluate(({ BrowserWindow }) => ({
      windows: BrowserWindow.getAllWindows().length,
      url: BrowserWindow.getAllWindows()[0]!.webContents.getURL(),
    }));
    expect(state.windows).toBe(1);
    expect(state.url).toMatch(/^app:\/\/tenang\//);
  });

  test('denies permission requests', async () => {
    const states = await page.evaluate(async () => {
      const q = (name: string) =>
        navigator.permissions.query({ name } as PermissionDescriptor).then(
          (s) => s.state,
          () => 'unsupported',
        );
      return { notifications: await q('notifications'), geolocation: await q('geolocation') };
    });
    expect(states.notifications).not.toBe('granted');
    expect(states.geolocation).not.toBe('granted');
  });
});
