import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { mimeTypeFor, securityHeaders } from '../../electron/main/policy';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built renderer on 127.0.0.1 at a random port. Chromium refuses module scripts
 * from file://, so the tests load the page over http like `vite preview` would, with the
 * same security headers (CSP included) the app:// protocol sends in Electron.
 */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
        const file = join(base, normalize(pathname === '/' ? '/index.html' : pathname));
        if (file !== base && !file.startsWith(base + sep)) throw new Error('outside the renderer folder');
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        response.writeHead(200, { ...securityHeaders(), 'Content-Type': mimeTypeFor(file) });
        response.end(body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
