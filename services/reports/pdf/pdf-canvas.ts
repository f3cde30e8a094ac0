import PDFDocument from 'pdfkit';
import { toWinAnsi } from './win-ansi';

/**
 * A thin layer over pdfkit for the report: A4, its margins, the house colours, one way to
 * draw text (made WinAnsi-safe and recorded, so tests can check every string drawn), the
 * hatch that marks a hidden value, and page breaks that never split a block.
 */
export const PAGE = { width: 595.28, height: 841.89, margin: 50, footer: 36 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The lowest y content may reach; the footer sits below it. */
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin - PAGE.footer;

export const COLOURS = {
  ink: '#1f2a30',
  muted: '#5c6b73',
  accent: '#1f6f6b',
  accentLight: '#e6f1f0',
  rule: '#c9d3d6',
  band: '#f3f6f7',
  hidden: '#7a868c',
  /** One colour per column of a grouped chart. */
  series: ['#1f6f6b', '#d08a2b', '#5a6fa0', '#8d5a86'],
} as const;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

export interface TextStyle {
  font?: FontName;
  size?: number;
  colour?: string;
  width?: number;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
}

export class PdfCanvas {
  readonly doc: PDFKit.PDFDocument;
  /** Every string drawn, as drawn (after toWinAnsi). */
  readonly drawn: string[] = [];
  y: number = PAGE.margin;

  constructor(info: { title: string; author: string; subject: string; createdAt: Date; language: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.margin, bottom: 0, left: PAGE.margin, right: PAGE.margin },
      bufferPages: true,
      autoFirstPage: true,
      lang: info.language,
      displayTitle: true,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Producer: 'Tenang', Creator: 'Tenang', CreationDate: info.createdAt, ModDate: info.createdAt },
    });
  }

  private style(style: TextStyle): void {
    this.doc.font(style.font ?? FONT.regular).fontSize(style.size ?? 9.5).fillColor(style.colour ?? COLOURS.ink);
  }

  /** Draw text at (x, y); returns its height. Never breaks the page (blocks do, before they start). */
  text(text: string, x: number, y: number, style: TextStyle = {}): number {
    const safe = toWinAnsi(text);
    this.drawn.push(safe);
    this.style(style);
    const options = { width: style.width, align: style.align ?? 'left', lineGap: style.lineGap ?? 1.5, lineBreak: style.width !== undefined };
    const height = this.doc.heightOfString(safe, options);
    this.doc.text(safe, x, y, options);
    return height;
  }

  heightOf(text: string, style: TextStyle = {}): number {
    this.style(style);
    return this.doc.heightOfString(toWinAnsi(text), { width: style.width, lineGap: style.lineGap ?? 1.5 });
  }

  widthOf(text: string, style: TextStyle = {}): number {
    this.style(style);
    return this.doc.widthOfString(toWinAnsi(text));
  }

  /** Start a new page when a block of this height does not fit below the cursor. */
  keepTogether(height: number): void {
    if (this.y + height > CONTENT_BOTTOM && this.y > PAGE.margin + 1) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  fillRect(x: number, y: number, w: number, h: number, colour: string): void {
    this.doc.save().rect(x, y, w, h).fill(colour).restore();
  }

  line(x1: number, y1: number, x2: number, y2: number, colour: string = COLOURS.rule, width = 0.6): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(colour).stroke().restore();
  }

  /** The mark of a hidden value: a box of diagonal hatching with a thin outline. */
  hatch(x: number, y: number, w: number, h: number): void {
    const doc = this.doc;
    doc.save();
    doc.rect(x, y, w, h).fill('#ffffff');
    doc.rect(x, y, w, h).clip();
    doc.lineWidth(0.7).strokeColor(COLOURS.hidden);
    for (let offset = -h; offset < w; offset += 3.5) doc.moveTo(x + offset, y + h).lineTo(x + offset + h, y).stroke();
    doc.restore();
    doc.save().rect(x, y, w, h).lineWidth(0.6).strokeColor(COLOURS.hidden).stroke().restore();
  }

  /** The finished file. */
  async bytes(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}
