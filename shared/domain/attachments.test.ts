import { describe, expect, it } from 'vitest';
import { DOCX_TYPE, sniffAttachmentType } from './attachments';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffAttachmentType', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffAttachmentType(bytes('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(sniffAttachmentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('image/png');
    expect(sniffAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'))).toBe('image/jpeg');
  });

  it('takes a ZIP as DOCX only when it holds the Word document parts', () => {
    const zip = [0x50, 0x4b, 0x03, 0x04];
    expect(sniffAttachmentType(bytes(zip, '....[Content_Types].xml....word/document.xml....'))).toBe(DOCX_TYPE);
    expect(sniffAttachmentType(bytes(zip, '....[Content_Types].xml....xl/workbook.xml'))).toBeNull();
    expect(sniffAttachmentType(bytes(zip, 'anything.txt'))).toBeNull();
  });

  it('refuses an executable whatever it is named, and empty or short files', () => {
    expect(sniffAttachmentType(bytes('MZ', [0x90, 0, 3, 0], 'This program cannot be run in DOS mode'))).toBeNull();
    expect(sniffAttachmentType(bytes([0x7f], 'ELF', [2, 1, 1]))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
    expect(sniffAttachmentType(bytes('%PD'))).toBeNull();
  });
});
