/**
 * Attachments (issue 5): consent forms, letters and scanned documents kept inside the
 * vault. The type is read from the bytes, never from the name: a renamed executable is
 * refused, whatever it is called.
 */

import { readZipDirectory, zipEntryBytes, type ZipEntry } from './zip-directory';

export const ATTACHMENT_KINDS = ['consent_form', 'letter', 'scanned_document', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', DOCX_TYPE] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** 20 MiB: a scanned multi-page consent form fits; a video does not. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The extension a temporary copy is given, so the operating system opens it with the right program. */
export const EXTENSION_OF: Record<AttachmentType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  [DOCX_TYPE]: 'docx',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/**
 * Why a file's content is refused, as the issue code shown under the file field:
 * none of the accepted types; a ZIP whose directory cannot be read (damaged, truncated,
 * or built with features a Word document never needs); a Word document with macros.
 */
export type AttachmentProblem = 'attachment_type' | 'attachment_damaged' | 'attachment_macros';
export type AttachmentCheck = { ok: true; mediaType: AttachmentType } | { ok: false; problem: AttachmentProblem };

/**
 * Inflates raw DEFLATE data to at most `maxBytes`; it may throw on damaged data or data
 * that inflates to more. The service passes node:zlib's; shared/ has no zlib of its own.
 */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array;

/** `[Content_Types].xml` is a few kilobytes; one far larger is no Word document's. */
export const CONTENT_TYPES_MAX_BYTES = 1024 * 1024;
const CONTENT_TYPES_PART = '[content_types].xml';
const WORD_DOCUMENT_PART = 'word/document.xml';
/** A content type of macros: `application/vnd.ms-word.document.macroEnabled.main+xml` (.docm, .dotm) or the VBA project's own. */
const MACRO_CONTENT_TYPE = /macroenabled|vbaproject/i;

const refused = (problem: AttachmentProblem): AttachmentCheck => ({ ok: false, problem });

/** The last path segment, in lower case: OPC part names compare without regard to case. */
const baseName = (name: string): string => name.toLowerCase().split(/[\\/]/).pop() ?? '';

function inflatedOrNull(inflateRaw: InflateRaw, data: Uint8Array): Uint8Array | null {
  try {
    return inflateRaw(data, CONTENT_TYPES_MAX_BYTES);
  } catch {
    // A damaged stream, or one that would inflate past the limit (a ZIP bomb).
    return null;
  }
}

/** The content-types part as text, or null when it cannot be read within its limit. */
function contentTypesText(bytes: Uint8Array, entry: ZipEntry, inflateRaw: InflateRaw): string | null {
  if (entry.uncompressedSize > CONTENT_TYPES_MAX_BYTES) return null;
  const stored = zipEntryBytes(bytes, entry);
  if (!stored) return null;
  const plain = entry.method === 0 ? stored : entry.method === 8 ? inflatedOrNull(inflateRaw, stored) : null;
  if (!plain || plain.length !== entry.uncompressedSize) return null;
  // ASCII is all the check needs; dropping NULs reads UTF-16 XML (which OPC allows) too.
  let text = '';
  for (const byte of plain) if (byte !== 0) text += String.fromCharCode(byte);
  return text;
}

/**
 * A DOCX is a ZIP (an OPC package) whose central directory names `[Content_Types].xml`
 * and `word/document.xml`. Names are read from the directory, never searched for in the
 * bytes (where any file's content could hold them). Macros are refused: a VBA project
 * part anywhere, or a macro-enabled content type (a .docm renamed .docx).
 */
function checkWordDocument(bytes: Uint8Array, inflateRaw: InflateRaw): AttachmentCheck {
  const entries = readZipDirectory(bytes);
  if (!entries) return refused('attachment_damaged');
  const byName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  // Two parts differing only in case are one part name twice: ambiguous, as OPC says.
  if (byName.size !== entries.length) return refused('attachment_damaged');
  if (entries.some((entry) => baseName(entry.name) === 'vbaproject.bin')) return refused('attachment_macros');
  const contentTypes = byName.get(CONTENT_TYPES_PART);
  if (!contentTypes || !byName.has(WORD_DOCUMENT_PART)) return refused('attachment_type');
  const text = contentTypesText(bytes, contentTypes, inflateRaw);
  if (text === null) return refused('attachment_damaged');
  if (MACRO_CONTENT_TYPE.test(text)) return refused('attachment_macros');
  return { ok: true, mediaType: DOCX_TYPE };
}

/**
 * The media type the content shows, or why it is refused. PDF, PNG and JPEG are told by
 * their first bytes; a ZIP is accepted only as a Word document without macros. Never
 * throws, whatever the bytes.
 */
export function checkAttachmentContent(bytes: Uint8Array, inflateRaw: InflateRaw): AttachmentCheck {
  if (startsWith(bytes, PDF)) return { ok: true, mediaType: 'application/pdf' };
  if (startsWith(bytes, PNG)) return { ok: true, mediaType: 'image/png' };
  if (startsWith(bytes, JPEG)) return { ok: true, mediaType: 'image/jpeg' };
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return checkWordDocument(bytes, inflateRaw);
  return refused('attachment_type');
}
