/**
 * The app://tenang/ protocol that serves the built renderer.
 *
 * Checklist 18 (avoid file://, prefer a custom protocol): pages get a real, narrow origin
 * (`app://tenang`) instead of file://, which would share an origin with every file on
 * disk. Checklist 7 (CSP): every response carries the strict CSP header.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, mimeTypeFor, resolveRendererPath, securityHeaders } from './policy';

/**
 * Must run before `app` is ready. `standard` gives the scheme normal URL parsing and
 * relative-URL resolution (Vite's `./assets/…`), `secure` makes it a secure context like
 * https, `supportFetchAPI` lets module scripts and fetch() load from it. Deliberately NOT
 * granted: bypassCSP, corsEnabled, allowServiceWorkers, stream, allowExtensions.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serve `rendererDir` on app://tenang/ in the given session. Files are read with `fs`
 * (which also reads inside app.asar), never through file:// URLs.
 */
export function serveRenderer(ses: Session, rendererDir: string): void {
  const root = path.resolve(rendererDir);
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    // The renderer keeps its screens in memory (no URL routes), so anything that is not a
    // file of the build is simply not found.
    const filePath = resolveRendererPath(root, request.url);
    if (filePath === null || !(await isFile(filePath))) return textResponse(404, 'Not found');
    const body = await readFile(filePath);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': mimeTypeFor(filePath), 'Content-Length': String(body.length) },
    });
  });
}
