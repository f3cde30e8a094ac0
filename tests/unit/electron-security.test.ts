/**
 * The main process's pure security decisions (electron/main/policy.ts), tested for real:
 * the module is the one the app runs and imports nothing from Electron.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_ORIGIN_ALLOWLIST,
  isAllowedDownloadUrl,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAppOrigin,
  isAppUrl,
  isRendererRequestAllowed,
  isTrustedSender,
  mimeTypeFor,
  resolveRendererPath,
  securityHeaders,
  type SenderFacts,
} from '../../electron/main/policy';

describe('our origin', () => {
  it('accepts app://tenang URLs', () => {
    expect(APP_ORIGIN).toBe('app://tenang');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://tenang/')).toBe(true);
    expect(isAppUrl('app://tenang/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://tenang/index.html#/unlock')).toBe(true);
    expect(isAppUrl('APP://TENANG/index.html')).toBe(true); // schemes and hosts are case-insensitive
  });

  it.each([
    'app://evil/index.html',
    'app://tenang.evil/index.html',
    'app://evil.tenang/index.html',
    'app://tenang:8080/index.html',
    'app://user:pass@tenang/index.html',
    'app://user@tenang/',
    'app:tenang/index.html',
    'apps://tenang/index.html',
    'http://tenang/index.html',
    'https://tenang/index.html',
    'http://localhost:5173/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'file://tenang/index.html',
    'about:blank',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://tenang/'], new URL('app://tenang/')]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });

  it('matches a frame origin exactly', () => {
    expect(isAppOrigin('app://tenang')).toBe(true);
    for (const origin of ['app://tenang/', 'app://evil', 'null', 'http://localhost', 'file://', '', undefined, null]) {
      expect(isAppOrigin(origin)).toBe(false);
    }
  });
});

describe('path resolution inside out/renderer', () => {
  let root: string;
  let outside: string;

  beforeAll(() => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'tenang-policy-'));
    root = path.join(base, 'out', 'renderer');
    outside = path.join(base, 'secret.txt');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'assets', 'index-abc.js'), '');
    writeFileSync(outside, 'secret');
  });
  afterAll(() => rmSync(path.dirname(path.dirname(root)), { recursive: true, force: true }));

  const inside = (p: string | null): boolean => p !== null && p.startsWith(root + path.sep);

  it('maps app:// paths to files in the folder', () => {
    expect(resolveRendererPath(root, 'app://tenang/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://tenang')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://tenang/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererPath(root, 'app://tenang/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererPath(root, 'app://tenang/assets/font%20file.woff2')).toBe(path.join(root, 'assets', 'font file.woff2'));
    expect(resolveRendererPath(root + path.sep, 'app://tenang/index.html')).toBe(path.join(root, 'index.html'));
  });

  it('never leaves the folder: dot segments are normalised away by the URL parser or refused', () => {
    // The URL parser (Chromium's too, the scheme being standard) resolves these before we see
    // them; what is left must still be inside the folder.
    for (const url of [
      'app://tenang/../../etc/passwd',
      'app://tenang/../secret.txt',
      'app://tenang/assets/../../secret.txt',
      'app://tenang/%2e%2e/%2e%2e/etc/passwd',
      'app://tenang/%2E%2E/secret.txt',
      'app://tenang/.%2e/secret.txt',
      'app://tenang/./index.html',
    ]) {
      const resolved = resolveRendererPath(root, url);
      expect(resolved === null || inside(resolved), url).toBe(true);
      expect(resolved).not.toBe(outside);
    }
  });

  it.each([
    'app://tenang/..%2f..%2fetc%2fpasswd',
    'app://tenang/..%2Fsecret.txt',
    'app://tenang/assets%2f..%2f..%2fsecret.txt',
    'app://tenang/%2e%2e%2fsecret.txt',
    'app://tenang/%2e%2e%5csecret.txt',
    'app://tenang/..%5c..%5cwindows%5cwin.ini',
    'app://tenang/%2fetc%2fpasswd',
    'app://tenang/%00index.html',
    'app://tenang/index.html%00.png',
    'app://tenang/%E0%A4%A',
    'app://tenang/%',
    'app://tenang/C:%5cWindows%5cwin.ini',
    'app://tenang/C:/Windows/win.ini',
    'app://tenang/index.html::$DATA',
  ])('refuses %s', (url) => {
    const resolved = resolveRendererPath(root, url);
    expect(resolved === null || inside(resolved)).toBe(true);
    if (resolved !== null) expect(resolved).not.toContain('..');
    // The encoded traversals and odd characters are refused outright.
    expect(resolved).toBeNull();
  });

  it('serves only our origin', () => {
    for (const url of [
      'app://evil/index.html',
      'app://evil/../tenang/index.html',
      'file:///etc/passwd',
      'http://localhost/index.html',
      'https://tenang/index.html',
      'app://tenang:1/index.html',
    ]) {
      expect(resolveRendererPath(root, url)).toBeNull();
    }
  });
});

describe('MIME types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.jpeg', 'image/jpeg'],
    ['a.ico', 'image/x-icon'],
    ['f.woff2', 'font/woff2'],
    ['f.woff', 'font/woff'],
    ['f.ttf', 'font/ttf'],
    ['m.wasm', 'application/wasm'],
    ['README', 'application/octet-stream'],
    ['x.exe', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('content security policy', () => {
  it('is exactly the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:|ws:/);
  });

  it('is sent with every app:// response, with nosniff', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('external links (shell.openExternal)', () => {
  it('opens nothing today: the allowlist is empty', () => {
    expect(EXTERNAL_ORIGIN_ALLOWLIST).toEqual([]);
    expect(isAllowedExternalUrl('https://example.org/')).toBe(false);
  });

  it('allows only https links to an exact allowlisted origin', () => {
    const allow = ['https://help.tenang.example'];
    expect(isAllowedExternalUrl('https://help.tenang.example/guide?x=1', allow)).toBe(true);
    for (const url of [
      'http://help.tenang.example/guide',
      'https://help.tenang.example:8443/guide',
      'https://evil.help.tenang.example/',
      'https://help.tenang.example.evil.com/',
      'https://user:pw@help.tenang.example/',
      'https://evil.com/?https://help.tenang.example',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://help.tenang.example/share',
      'app://tenang/index.html',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url, allow), url).toBe(false);
    }
    expect(isAllowedExternalUrl(undefined, allow)).toBe(false);
  });
});

describe('requests from the renderer (no remote content)', () => {
  const dev = { allowDevTools: true };
  const prod = { allowDevTools: false };

  it('lets our own files, data: and our blob: URLs through', () => {
    for (const opts of [dev, prod]) {
      expect(isRendererRequestAllowed('app://tenang/assets/index.js', opts)).toBe(true);
      expect(isRendererRequestAllowed('data:image/png;base64,AAAA', opts)).toBe(true);
      expect(isRendererRequestAllowed('blob:app://tenang/5b1f3c1e-0000-4000-8000-000000000000', opts)).toBe(true);
    }
  });

  it.each([
    'http://localhost:5173/',
    'http://127.0.0.1:8080/x',
    'https://example.org/',
    'https://fonts.googleapis.com/css?family=x',
    'ws://localhost:5173/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'app://evil/index.html',
    'blob:https://example.org/5b1f3c1e',
    'chrome-extension://abc/x.js',
  ])('cancels %s', (url) => {
    expect(isRendererRequestAllowed(url, dev)).toBe(false);
    expect(isRendererRequestAllowed(url, prod)).toBe(false);
  });

  it('allows the DevTools front end only in development', () => {
    expect(isRendererRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRendererRequestAllowed('devtools://devtools/bundled/inspector.html', prod)).toBe(false);
  });

  it('downloads only what the page generated itself', () => {
    expect(isAllowedDownloadUrl('blob:app://tenang/5b1f3c1e')).toBe(true);
    expect(isAllowedDownloadUrl('data:text/plain;charset=utf-8,recovery')).toBe(true);
    expect(isAllowedDownloadUrl('https://example.org/file.exe')).toBe(false);
    expect(isAllowedDownloadUrl('blob:https://example.org/5b1f3c1e')).toBe(false);
    expect(isAllowedDownloadUrl('app://tenang/index.html')).toBe(false);
    expect(isAllowedDownloadUrl('file:///etc/passwd')).toBe(false);
  });
});

describe('IPC sender check', () => {
  const trusted: SenderFacts = {
    hasFrame: true,
    frameUrl: 'app://tenang/index.html',
    frameOrigin: 'app://tenang',
    isMainFrame: true,
    isOurWindow: true,
  };

  it('trusts the main frame of our window showing app://tenang', () => {
    expect(isTrustedSender(trusted)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'app://tenang/index.html#/admin/users' })).toBe(true);
  });

  it.each<[string, Partial<SenderFacts>]>([
    ['a destroyed or navigated frame', { hasFrame: false }],
    ['another window', { isOurWindow: false }],
    ['an iframe', { isMainFrame: false }],
    ['another app:// host', { frameUrl: 'app://evil/index.html', frameOrigin: 'app://evil' }],
    ['a remote page', { frameUrl: 'https://example.org/', frameOrigin: 'https://example.org' }],
    ['a dev server', { frameUrl: 'http://localhost:5173/', frameOrigin: 'http://localhost:5173' }],
    ['a file:// page', { frameUrl: 'file:///tmp/x.html', frameOrigin: 'file://' }],
    ['an opaque origin', { frameOrigin: 'null' }],
    ['a URL/origin mismatch', { frameUrl: 'https://example.org/', frameOrigin: 'app://tenang' }],
    ['no URL', { frameUrl: undefined }],
    ['no origin', { frameOrigin: undefined }],
  ])('refuses %s', (_name, change) => {
    expect(isTrustedSender({ ...trusted, ...change })).toBe(false);
  });
});
