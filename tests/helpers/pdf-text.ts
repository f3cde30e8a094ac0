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

/**
 * The text of a PDF page by page, one string per visual row: items whose baselines are
 * within 2 points share a row, joined left to right. For documents laid out as tables
 * (the agency report), where a row's label and its numbers are separate text runs.
 */
export async function pdfTextLines(bytes: Uint8Array): Promise<string[][]> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, standardFontDataUrl: STANDARD_FONTS });
  const pdf = await task.promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const items: { x: number; y: number; text: string }[] = [];
    for (const item of content.items) {
      if ('str' in item && item.str !== '') items.push({ x: item.transform[4] as number, y: item.transform[5] as number, text: item.str });
    }
    // Top to bottom; items whose baselines are within 2 points share a row.
    items.sort((a, b) => b.y - a.y);
    const rows: { y: number; items: typeof items }[] = [];
    for (const item of items) {
      const row = rows.at(-1);
      if (row && Math.abs(row.y - item.y) <= 2) row.items.push(item);
      else rows.push({ y: item.y, items: [item] });
    }
    pages.push(rows.map((row) => row.items.sort((a, b) => a.x - b.x).map((i) => i.text).join(' ').replace(/\s+/g, ' ').trim()));
  }
  await task.destroy();
  return pages;
}
