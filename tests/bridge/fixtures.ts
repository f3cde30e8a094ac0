import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { createTenangApp, type TenangApp } from '../../services/tenang-app';
import { useReportWorkerScript } from '../../services/reports/report-worker';
import { installBridge } from './install-bridge';
import { serveDirectory } from './static-server';
import { createTestClock, type TestClock } from './test-clock';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_DIR = join(PROJECT_ROOT, 'out/renderer');
// The journeys build reports with the worker the desktop app ships (bundled by `npm run test:e2e`'s build), not its source.
useReportWorkerScript(join(PROJECT_ROOT, 'out/main/report-worker.js'));

/** Console errors that are not the app's fault (none so far). */
const IGNORED_CONSOLE_ERRORS: RegExp[] = [];

interface TestFixtures {
  /** A fresh vault folder (inside a temp directory removed after the test). */
  vaultDir: string;
  /** The app's clock: the suite's fixed "now", running on, plus whatever the test advances. */
  clock: TestClock;
  /** The real app core over that vault: the same dispatcher Electron's main process uses. */
  app: TenangApp;
  /** Every channel the page invoked through `window.tenang`, in order. */
  pageCalls: string[];
  /** Where the app's "save" dialog puts files (the desktop app asks the person; here it answers with the suggested name in this folder). */
  savedFilesDir: string;
}

interface WorkerFixtures {
  /** The built renderer, served over http on 127.0.0.1. */
  rendererUrl: string;
}

/**
 * Each test gets its own vault and app; `page` arrives with `window.tenang` wired to that
 * app, and `page.goto('/')` opens the built renderer.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererUrl: [
    async ({}, use) => {
      if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
        throw new Error('The renderer is not built: run `npx electron-vite build` first (`npm run test:e2e` does).');
      }
      const server = await serveDirectory(RENDERER_DIR);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  baseURL: async ({ rendererUrl }, use) => use(rendererUrl),

  vaultDir: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'tenang-e2e-'));
    await use(join(root, 'vault'));
    rmSync(root, { recursive: true, force: true });
  },

  savedFilesDir: async ({ vaultDir }, use) => {
    const dir = join(dirname(vaultDir), 'saved');
    mkdirSync(dir);
    await use(dir);
  },

  clock: async ({}, use) => use(createTestClock()),

  app: async ({ vaultDir, clock, savedFilesDir }, use) => {
    const app = createTenangApp({ vaultDir, clock, chooseSavePath: async (suggestedName) => join(savedFilesDir, suggestedName) });
    await use(app);
    await app.close();
  },

  pageCalls: async ({}, use) => use([]),

  page: async ({ page, app, clock, pageCalls }, use) => {
    // The page's Date and timers run on Playwright's clock, set to the app's "now": "today",
    // countdowns, autosave and the idle lock never depend on the machine's clock, and a test
    // moves both together (`passTime`) or pauses the page's (`page.clock.pauseAt`).
    await page.clock.install({ time: clock.now() });
    const stopEvents = await installBridge(page, app, (channel) => pageCalls.push(channel));
    // Uncaught errors and console errors (a CSP violation is one) fail the test.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !IGNORED_CONSOLE_ERRORS.some((pattern) => pattern.test(message.text()))) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    await use(page);
    stopEvents();
    expect(problems, 'errors in the page').toEqual([]);
  },
});

export { expect };
