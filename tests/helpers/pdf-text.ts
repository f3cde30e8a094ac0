import './pdfjs-on-node';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js reads the metrics of the 14 standard PDF fonts (Helvetica...) from its own folder.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/**
 * The text of a PDF as a reader's software extracts it (pdf.js, the engine of Firefox's
 * viewer): one string per line of each page, in reading order. What a test finds here is
 * what anyone holding the file can read.
 */
export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, standardFontDataUrl: STANDARD_FONTS });
  const pdf = await task.promise;
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        if (line.trim() !== '') lines.push(line.trim());
        line = '';
      }
    }
    if (line.trim() !== '') lines.push(line.trim());
  }
  await task.destroy();
  return lines;
}
