/**
 * The pure security decisions of the main process: which URLs are ours, which external
 * links may leave the app, which requests may leave the renderer, what the CSP is, how a
 * request path maps to a file inside `out/renderer`, and whether an IPC sender is trusted.
 *
 * This module must NOT import `electron` (only `node:path`), so that
 * `tests/unit/electron-security.test.ts` exercises exactly the code the app runs, under
 * plain Vitest, on machines where Electron cannot start.
 */
import path from 'node:path';

/** Checklist 18 (no file://): the renderer is served from this privileged custom scheme. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tenang';
/** How Chromium spells our origin (the scheme is registered as `standard`). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { IPC_EVENT, IPC_INVOKE } from '../ipc-names';

/**
 * Checklist 7 (Content Security Policy). Sent as a response header on every app:// file,
 * so it applies before any script runs and cannot be removed by the page. Nothing inline,
 * no eval, nothing from anywhere but our own origin; `data:` images only (for a QR code or
 * an inline SVG icon). `connect-src 'self'` keeps fetch/XHR/WebSocket inside app://tenang.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every app:// response (the CSP plus the usual belt and braces). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Nothing confidential is shown by static files, but there is no reason to cache them either.
    'Cache-Control': 'no-store',
  };
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for `app://tenang/...`: our scheme, our host, no port, no credentials.
 * (Node's URL reports origin "null" for non-special schemes, so the parts are compared,
 * not `url.origin`.)
 */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname.toLowerCase() === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** Checklist 17: a frame's origin string (as Electron's WebFrameMain reports it) is exactly ours. */
export function isAppOrigin(origin: unknown): boolean {
  return origin === APP_ORIGIN;
}

/**
 * Checklist 15 (shell.openExternal only for vetted links). Tenang opens no external links
 * today; when it must (a help page, say), add the exact https origin here.
 */
export const EXTERNAL_ORIGIN_ALLOWLIST: readonly string[] = [];

/** An https URL without credentials whose origin is on the allowlist, exactly. */
export function isAllowedExternalUrl(url: unknown, allowlist: readonly string[] = EXTERNAL_ORIGIN_ALLOWLIST): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false;
  return allowlist.includes(u.origin);
}

/** Checklist 13: navigation is allowed only within our own origin. */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

/**
 * Checklist 1 (only secure content) and "no remote content": which requests the renderer's
 * session may make. Our own app:// files, data:/blob: URLs the page itself created, and
 * (in development only) the DevTools front end. Everything else (http, https, ws, wss,
 * ftp, file, other custom schemes) is cancelled.
 */
export function isRendererRequestAllowed(url: unknown, options: { allowDevTools: boolean }): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'blob:') return isAppUrl(u.pathname);
  if (options.allowDevTools && (u.protocol === 'devtools:' || u.protocol === 'chrome-devtools:')) return true;
  return false;
}

/**
 * Downloads the page may start: only files it generated itself (a `blob:` of our origin,
 * or a `data:` URL), e.g. "save the recovery key". Nothing is downloaded from elsewhere.
 */
export function isAllowedDownloadUrl(url: unknown): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'data:') return true;
  return u.protocol === 'blob:' && isAppUrl(u.pathname);
}

/** Content types for what Vite emits. Unknown extensions are served as opaque bytes (with nosniff). */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map an app:// request URL to a file inside `rootDir` (the built renderer), or null when
 * the URL is not ours or tries to leave the folder. Defends against `..` (raw and
 * percent-encoded, `%2e%2e`, `..%2f`, `..%5c`), absolute or drive paths after decoding,
 * NUL bytes, backslashes and malformed escapes. `/` maps to `index.html`.
 *
 * The returned path is lexically inside rootDir; the renderer build contains no symlinks.
 */
export function resolveRendererPath(rootDir: string, requestUrl: unknown): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const segments: string[] = [];
  // Decode segment by segment, so an encoded separator (%2f, %5c) cannot create new ones.
  for (const raw of new URL(requestUrl as string).pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    // `..`/`.` would climb; `/`, `\` and NUL would split or cut the name; `:` would name a
    // drive or an alternate data stream on Windows. Vite never emits any of them.
    if (segment === '..' || segment === '.' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved === root || !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

/** What the IPC handler knows about who is calling (gathered from the Electron event). */
export interface SenderFacts {
  /** `event.senderFrame` existed (it is null once the frame navigated away or was destroyed). */
  hasFrame: boolean;
  /** The frame's current URL. */
  frameUrl: string | undefined;
  /** The frame's origin as Chromium reports it. */
  frameOrigin: string | undefined;
  /** The frame has no parent (it is the top-level document, not an iframe). */
  isMainFrame: boolean;
  /** The message came from the webContents of our one application window. */
  isOurWindow: boolean;
}

/**
 * Checklist 17 (validate the sender of all IPC messages): only the main frame of our own
 * window, showing a page from app://tenang, may call the dispatcher.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  return (
    facts.hasFrame &&
    facts.isOurWindow &&
    facts.isMainFrame &&
    isAppUrl(facts.frameUrl) &&
    isAppOrigin(facts.frameOrigin)
  );
}
