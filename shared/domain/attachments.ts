/**
 * Attachments (issue 5): consent forms, letters and scanned documents kept inside the
 * vault. The type is read from the bytes, never from the name: a renamed executable is
 * refused, whatever it is called.
 */

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

/** Whether `needle` occurs in the bytes (a plain scan: the files are at most 20 MiB). */
function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first!); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const DOCX_PARTS = [ascii('[Content_Types].xml'), ascii('word/document.xml')];

/**
 * The media type the content shows, or null when it is none we accept. A DOCX is a ZIP
 * holding the Office content-types part and a Word document part; any other ZIP is not.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP_LOCAL_HEADER) && DOCX_PARTS.every((part) => contains(bytes, part))) return DOCX_TYPE;
  return null;
}
