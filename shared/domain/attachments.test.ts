import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { DOCX_TYPE, checkAttachmentContent, type AttachmentCheck, type InflateRaw } from './attachments';
import { readZipDirectory } from './zip-directory';
import { macroDocument, minimalDocx, zipArchive } from '../../tests/helpers/zip-archive';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** What the service passes: node:zlib, bounded (it throws on a damaged stream, as zlib does). */
const inflateRaw: InflateRaw = (data, maxBytes) => inflateRawSync(data, { maxOutputLength: maxBytes });

const check = (data: Uint8Array): AttachmentCheck => checkAttachmentContent(data, inflateRaw);
const problem = (data: Uint8Array) => {
  const result = check(data);
  return result.ok ? `accepted as ${result.mediaType}` : result.problem;
};

describe('checkAttachmentContent', () => {
  it('knows PDF, PNG and JPEG by their first bytes', () => {
    expect(check(bytes('%PDF-1.7\n…'))).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(check(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual({ ok: true, mediaType: 'image/png' });
    expect(check(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'))).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });

  it('accepts a real Word document, its parts deflated as Word writes them or stored', () => {
    expect(check(minimalDocx())).toEqual({ ok: true, mediaType: DOCX_TYPE });
    expect(check(minimalDocx('Surat', 'store'))).toEqual({ ok: true, mediaType: DOCX_TYPE });
  });

  it('reads the entry names from the central directory, not from anywhere in the bytes', () => {
    // The two names inside a file's content, not as entries: the old byte search took this for a DOCX.
    const decoy = zipArchive([{ name: 'notes.txt', content: '[Content_Types].xml and word/document.xml', method: 'store' }]);
    expect(problem(decoy)).toBe('attachment_type');
    const workbook = zipArchive([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'xl/workbook.xml', content: '<workbook/>' },
    ]);
    expect(problem(workbook)).toBe('attachment_type');
    expect(problem(zipArchive([{ name: 'word/document.xml', content: '<w:document/>' }]))).toBe('attachment_type');
  });

  it('refuses macros: a VBA project in any folder, or a macro-enabled content type', () => {
    expect(problem(macroDocument({ withVbaProject: true, withMacroContentType: true }))).toBe('attachment_macros');
    expect(problem(macroDocument({ withVbaProject: true, withMacroContentType: false }))).toBe('attachment_macros');
    expect(problem(macroDocument({ withVbaProject: false, withMacroContentType: true }))).toBe('attachment_macros');
    const elsewhere = zipArchive([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w:document/>' },
      { name: 'customUI/VBAPROJECT.BIN', content: 'x' },
    ]);
    expect(problem(elsewhere)).toBe('attachment_macros');
    // UTF-16 content types (XML allows it) are read too.
    const utf16 = zipArchive([
      { name: '[Content_Types].xml', content: Buffer.from('<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>', 'utf16le') },
      { name: 'word/document.xml', content: '<w:document/>' },
    ]);
    expect(problem(utf16)).toBe('attachment_macros');
  });

  it('refuses damaged and unusual archives without throwing', () => {
    const docx = minimalDocx();
    for (const cut of [docx.length - 1, docx.length - 22, docx.length - 40, 200, 31, 4]) {
      expect(problem(docx.subarray(0, cut)), `cut at ${cut}`).toBe('attachment_damaged');
    }
    // Bytes after the archive: the end record no longer ends the file.
    expect(problem(Buffer.concat([docx, Buffer.from('trailing')]))).toBe('attachment_damaged');
    // The directory's offset pointing past the end record.
    const badOffset = Buffer.from(docx);
    badOffset.writeUInt32LE(docx.length, docx.length - 6);
    expect(problem(badOffset)).toBe('attachment_damaged');
    // ZIP64 markers in the end record.
    const zip64 = Buffer.from(docx);
    zip64.writeUInt16LE(0xffff, docx.length - 12);
    zip64.writeUInt16LE(0xffff, docx.length - 14);
    expect(problem(zip64)).toBe('attachment_damaged');
    // The content types part's stream corrupted.
    const corrupt = Buffer.from(docx);
    corrupt.fill(0xff, 60, 120);
    expect(problem(corrupt)).toBe('attachment_damaged');
    // One name twice (differing in case only): readers would disagree on which counts.
    const twice = zipArchive([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w:document/>' },
      { name: 'WORD/document.xml', content: '<w:document/>' },
    ]);
    expect(problem(twice)).toBe('attachment_damaged');
    expect(problem(bytes([0x50, 0x4b, 0x03, 0x04]))).toBe('attachment_damaged');
  });

  it('reads an archive with a comment, and is not fooled by an end-record signature inside it', () => {
    const parts = [
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: '<w:document/>' },
    ];
    expect(check(zipArchive(parts, { comment: 'Saved by a scanner' }))).toEqual({ ok: true, mediaType: DOCX_TYPE });
    const fakeEnd = zipArchive([{ name: 'a.txt', content: 'x' }], { comment: 'PK\u0005\u0006 not the end record' });
    expect(readZipDirectory(fakeEnd)?.map((e) => e.name)).toEqual(['a.txt']);
  });

  it('refuses an executable whatever it is named, and empty or short files', () => {
    expect(problem(bytes('MZ', [0x90, 0, 3, 0], 'This program cannot be run in DOS mode'))).toBe('attachment_type');
    expect(problem(bytes([0x7f], 'ELF', [2, 1, 1]))).toBe('attachment_type');
    expect(problem(new Uint8Array())).toBe('attachment_type');
    expect(problem(bytes('%PD'))).toBe('attachment_type');
  });

  it('never throws on random bytes, random archives or damaged documents (fast-check)', () => {
    const docx = minimalDocx();
    const zipStart = fc.uint8Array({ maxLength: 400 }).map((tail) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]));
    const damagedDocx = fc
      .array(fc.tuple(fc.nat({ max: docx.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
      .map((changes) => {
        const copy = Uint8Array.from(docx);
        for (const [at, value] of changes) copy[at] = value;
        return copy;
      });
    const truncated = fc.nat({ max: docx.length }).map((cut) => docx.subarray(0, cut));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), zipStart, damagedDocx, truncated), (data) => {
        const result = check(data);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });
});
