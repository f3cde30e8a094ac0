import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Writes real ZIP archives for tests (PKWARE APPNOTE: local headers, central directory,
 * end record), so the DOCX check meets what Word and LibreOffice write, and not a string
 * that merely looks like it.
 */
export interface ZipInput {
  name: string;
  content: string | Buffer;
  /** Deflated like Word writes its parts (the default), or stored as is. */
  method?: 'deflate' | 'store';
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

/** 1 January 2026, 00:00, in MS-DOS form (the archive's timestamps do not matter here). */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

export function zipArchive(inputs: ZipInput[], options: { comment?: string } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = Buffer.from(input.name, 'utf8');
    const plain = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
    const deflate = (input.method ?? 'deflate') === 'deflate';
    const stored = deflate ? deflateRawSync(plain) : plain;
    const common = Buffer.concat([
      u16(20), // version needed: 2.0
      u16(0x0800), // flags: UTF-8 names
      u16(deflate ? 8 : 0),
      u16(DOS_TIME),
      u16(DOS_DATE),
      u32(crc32(plain)),
      u32(stored.length),
      u32(plain.length),
      u16(name.length),
      u16(0), // extra field length
    ]);
    const local = Buffer.concat([u32(0x04034b50), common, name, stored]);
    directory.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(0x031e), // made by: Unix, 3.0
        common,
        u16(0), // comment length
        u16(0), // disk number start
        u16(0), // internal attributes
        u32(0), // external attributes
        u32(offset),
        name,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(inputs.length),
    u16(inputs.length),
    u32(directoryBytes.length),
    u32(offset),
    u16(comment.length),
    comment,
  ]);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';

function contentTypes(main: string, extra = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/word/document.xml" ContentType="${main}"/>${extra}</Types>`
  );
}

const PACKAGE_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function wordDocument(text: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`
  );
}

/** The smallest package Word opens: content types, the package relationships, one paragraph. */
export function minimalDocx(text = 'Surat rujukan', method: ZipInput['method'] = 'deflate'): Buffer {
  return zipArchive([
    { name: '[Content_Types].xml', content: contentTypes(WORD_MAIN), method },
    { name: '_rels/.rels', content: PACKAGE_RELATIONSHIPS, method },
    { name: 'word/document.xml', content: wordDocument(text), method },
  ]);
}

/** A macro-enabled document (.docm): its content type says so, and it carries a VBA project. */
export function macroDocument(options: { withVbaProject: boolean; withMacroContentType: boolean }): Buffer {
  const vba = '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>';
  return zipArchive([
    { name: '[Content_Types].xml', content: contentTypes(options.withMacroContentType ? WORD_MACRO_MAIN : WORD_MAIN, options.withVbaProject && options.withMacroContentType ? vba : '') },
    { name: '_rels/.rels', content: PACKAGE_RELATIONSHIPS },
    { name: 'word/document.xml', content: wordDocument('Laporan') },
    ...(options.withVbaProject ? [{ name: 'word/vbaProject.bin', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) }] : []),
  ]);
}
