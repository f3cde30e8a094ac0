import PDFDocument from 'pdfkit';
import type { LetterBlock } from '../../shared/domain/referral-letter-text';
import { toWinAnsi } from '../reports/pdf/win-ansi';

/**
 * Lays a letter's blocks out on A4 with pdfkit: real text (a referrer's software, and our
 * tests, can extract it), the built-in Helvetica, nothing drawn from anywhere else. The
 * document's dates are the letter's own instant, and no title or author names anybody,
 * so the file says nothing its text does not. Helvetica encodes WinAnsi only: every text
 * goes through `toWinAnsi`, so a character it lacks prints as its plain spelling or "?",
 * never as a wrong glyph.
 */
export function letterPdf(blocks: readonly LetterBlock[], writtenAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    info: { CreationDate: writtenAt, ModDate: writtenAt, Producer: 'Tenang', Creator: 'Tenang' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  blocks.forEach((block, index) => {
    // The clinic's name heads the page; other headings open a section.
    if (block.kind === 'heading') {
      if (index > 0) doc.moveDown(0.6);
      doc.font('Helvetica-Bold').fontSize(index === 0 ? 16 : 12).text(toWinAnsi(block.text));
      doc.moveDown(0.3);
    } else if (block.kind === 'item') {
      doc.font('Helvetica').fontSize(11).text(toWinAnsi(`•  ${block.text}`), { indent: 12 });
    } else {
      doc.font('Helvetica').fontSize(11).text(toWinAnsi(block.text), { lineGap: 2 });
      doc.moveDown(0.5);
    }
  });
  doc.end();
  return done;
}
