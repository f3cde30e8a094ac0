import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/**
 * Renders one page of a PDF to a PNG in a Playwright page, the way an agency's viewer would
 * draw it: pdf.js (pdfjs-dist, from node_modules) draws it on a canvas, and the canvas is
 * saved. pdf.js and its standard fonts are served to the page through `page.route` from a
 * made-up origin, so nothing is fetched from the network and the page needs no server.
 * Standard fonts come from pdf.js's own font data, not the machine's, so the picture does
 * not depend on which fonts are installed.
 */
const PDFJS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/pdfjs-dist');
const ORIGIN = 'http://pdf-render.invalid';

const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.html': 'text/html', '.pfb': 'application/octet-stream', '.ttf': 'font/ttf', '.bcmap': 'application/octet-stream' };

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#8a9499}canvas{display:block;margin:0;box-shadow:0 1px 6px rgba(0,0,0,.35)}</style></head>
<body><canvas id="pdf"></canvas><script type="module">
import * as pdfjs from '${ORIGIN}/build/pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '${ORIGIN}/build/pdf.worker.mjs';
window.renderPdfPage = async (base64, pageNumber, scale) => {
  const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data, standardFontDataUrl: '${ORIGIN}/standard_fonts/', useSystemFonts: false }).promise;
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = document.getElementById('pdf');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  return { pages: doc.numPages, width: canvas.width, height: canvas.height };
};
window.pdfReady = true;
</script></body></html>`;

export interface RenderedPage {
  pages: number;
  width: number;
  height: number;
}

/** Draw page `pageNumber` (1 by default) of the PDF and write it as a PNG to `pngPath`. */
export async function renderPdfPageToPng(page: Page, pdf: Uint8Array, pngPath: string, options: { pageNumber?: number; scale?: number } = {}): Promise<RenderedPage> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: PAGE_HTML });
    const file = join(PDFJS_DIR, path);
    if (!file.startsWith(PDFJS_DIR + '/')) return route.fulfill({ status: 404 });
    try {
      return await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { pdfReady?: boolean }).pdfReady === true);
  const base64 = Buffer.from(pdf).toString('base64');
  const rendered = await page.evaluate(
    ([data, pageNumber, scale]) => (window as unknown as { renderPdfPage(d: string, p: number, s: number): Promise<RenderedPage> }).renderPdfPage(data, pageNumber, scale),
    [base64, options.pageNumber ?? 1, options.scale ?? 1.6] as const,
  );
  await page.setViewportSize({ width: rendered.width, height: rendered.height });
  writeFileSync(pngPath, await page.locator('#pdf').screenshot());
  return rendered;
}

/** The same, in a page of its own beside `page` (a journey's page stays where it is). */
export async function renderPdfBeside(page: Page, pdf: Uint8Array, pngPath: string): Promise<RenderedPage> {
  const viewer = await page.context().newPage();
  try {
    return await renderPdfPageToPng(viewer, pdf, pngPath);
  } finally {
    await viewer.close();
  }
}
