/**
 * Session- and webContents-wide hardening. Each rule names the item of Electron's security
 * checklist (https://www.electronjs.org/docs/latest/tutorial/security) it answers.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { isAllowedDownloadUrl, isAllowedExternalUrl, isAllowedNavigation, isRendererRequestAllowed } from './policy';

/**
 * Lock down a session:
 * - Checklist 5 (handle permission requests): every permission request AND every
 *   permission check is denied (camera, microphone, notifications, geolocation, clipboard
 *   read, HID/USB/serial, screen capture …). Tenang needs none of them.
 * - Checklist 1 (only secure content) / no remote content: every request that is not
 *   app://tenang (or a data:/blob: URL the page made, or DevTools in development) is
 *   cancelled before it leaves, whatever the CSP says.
 * - No proxy auto-configuration (a PAC/WPAD lookup is a network request of its own).
 * - No spell-checker: typed text would otherwise go to a dictionary service.
 * - Downloads only of files the page itself generated (blob:/data:), e.g. "save the
 *   recovery key"; nothing is ever downloaded from elsewhere.
 */
export async function hardenSession(ses: Session, options: { allowDevTools: boolean }): Promise<void> {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });

  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRendererRequestAllowed(details.url, options) });
  });

  ses.on('will-download', (event, item) => {
    if (!isAllowedDownloadUrl(item.getURL())) event.preventDefault();
  });

  ses.setSpellCheckerEnabled(false);
  await ses.setProxy({ mode: 'direct' });
}

/**
 * Applied to every webContents the app ever creates (our window, and anything that might
 * appear later, e.g. DevTools in development), through `app.on('web-contents-created')`.
 */
export function hardenWebContents(contents: WebContents): void {
  // Checklist 13 (limit navigation): the page may only move within app://tenang.
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });

  // Checklist 14 (limit new windows) and 15 (openExternal only for vetted links):
  // window.open and target=_blank never create a window; a link on the (currently empty)
  // https allowlist goes to the user's browser, anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });

  // Checklists 11 and 12 (<webview>): webviewTag is off, and should a webview ever be
  // attached anyway, it is refused outright rather than having its options vetted.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // No DevTools in a packaged build (devTools: false in webPreferences already; this also
  // closes them should something open them).
  if (app.isPackaged) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}
