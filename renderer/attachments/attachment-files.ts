import { DOCX_TYPE, type AttachmentType } from '../../shared/domain/attachments';
import type { Language } from '../../shared/settings';
import { localeFor } from '../format/dates';

/** The short word for each accepted type (its translation key under attachments.type). */
export const TYPE_KEY: Record<AttachmentType, 'pdf' | 'png' | 'jpeg' | 'docx'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  [DOCX_TYPE]: 'docx',
};

/** Types the app shows itself: images, as data: URLs (the CSP allows `img-src 'self' data:` and no frames or objects). */
export function showsInApp(type: AttachmentType): type is 'image/png' | 'image/jpeg' {
  return type === 'image/png' || type === 'image/jpeg';
}

/** "84 kB", "2.4 MB" / "2,4 MB", in the language's way of writing numbers. */
export function formatSize(bytes: number, language: Language): string {
  const locale = localeFor(language);
  // "218 bytes" / "218 byte": a short unit for bytes reads oddly ("218 byte"), so it is written out.
  if (bytes < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** A file's name without its folder and its last extension: the title a new attachment starts with. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** The file's bytes as base64 (the contract carries JSON), converted a slice at a time so a 20 MiB file does not overflow the stack. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const chunks: string[] = [];
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) chunks.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  return btoa(chunks.join(''));
}
