/**
 * The one application window. Its webPreferences are where most of Electron's security
 * checklist is answered; each line says which item.
 */
import { BrowserWindow, type Session } from 'electron';
import { APP_ENTRY_URL } from './policy';

export interface MainWindowOptions {
  session: Session;
  preloadPath: string;
  isPackaged: boolean;
}

export function createMainWindow({ session, preloadPath, isPackaged }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Tenang',
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // An in-memory partition (no `persist:` prefix): Chromium keeps no cache, cookies,
      // localStorage or IndexedDB on disk, so nothing the page holds can land on the disk
      // unencrypted. Everything that must persist goes through the encrypted vault.
      session,
      preload: preloadPath,
      // Checklist 3: the preload and the page run in separate JavaScript worlds.
      contextIsolation: true,
      // Checklist 4: the renderer runs in Chromium's OS-level sandbox (also app.enableSandbox()).
      sandbox: true,
      // Checklist 2 and 20: no Node.js in the page, not even in workers or subframes; the
      // page only sees the two functions the preload exposes.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Checklist 6: keep the same-origin policy.
      webSecurity: true,
      // Checklist 8: no http content inside an app:// (secure) page.
      allowRunningInsecureContent: false,
      // Checklist 9: no experimental Chromium features.
      experimentalFeatures: false,
      // Checklist 10: `enableBlinkFeatures` is deliberately not set.
      // Checklist 11/12: no <webview> at all.
      webviewTag: false,
      // No text leaves the app to a dictionary service.
      spellcheck: false,
      // A file dropped on the window must not replace the app (navigation is blocked too).
      navigateOnDragDrop: false,
      // No WebSQL: a second, unencrypted database in the profile.
      enableWebSQL: false,
      safeDialogs: true,
      // DevTools only while developing, never in a packaged build.
      devTools: !isPackaged,
    },
  });

  // Counselling records on screen should not end up in screen recordings or shared
  // screens (honoured on Windows and macOS).
  win.setContentProtection(true);
  win.once('ready-to-show', () => win.show());
  return win;
}

export function loadApp(win: BrowserWindow): Promise<void> {
  return win.loadURL(APP_ENTRY_URL);
}
