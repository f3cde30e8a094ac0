/**
 * The PDF is set in the standard Helvetica fonts (nothing embedded: no font licence to
 * carry, and a small file). Those are WinAnsi-encoded: Latin-1 plus 27 characters such as
 * – — ‘ ’ “ ” • … € ™. pdfkit writes any other character as a wrong glyph without a word,
 * so every string goes through `toWinAnsi` first, and a test checks every string drawn.
 */
const WIN_ANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021,
  0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

function encodable(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);
}

export function isWinAnsi(text: string): boolean {
  for (const char of text) if (!encodable(char.codePointAt(0)!)) return false;
  return true;
}

/** What a character outside WinAnsi is written as: its usual plain-text spelling. */
const SUBSTITUTES: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '→': '->',
  '←': '<-',
  '≈': '~',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u200b': '',
  '\t': ' ',
  '\n': ' ',
  '\r': ' ',
};

/** The text with every character WinAnsi lacks replaced by its plain spelling, or `?` when it has none. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) out += encodable(char.codePointAt(0)!) ? char : (SUBSTITUTES[char] ?? '?');
  return out;
}
