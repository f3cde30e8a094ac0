/**
 * Reading a ZIP archive's central directory (PKWARE APPNOTE 4.3.12–4.3.16), without
 * inflating anything: which entries the archive names, and where each entry's bytes lie.
 * Only what a DOCX check needs, and strict: anything it does not fully understand
 * (ZIP64, archives split over disks, encrypted entries, offsets that point outside the
 * file, names given twice) makes the archive unreadable (null), never an exception.
 */

export interface ZipEntry {
  /** The entry's path inside the archive, as stored (bytes read one to one, so ASCII names compare exactly). */
  name: string;
  /** 0 stored, 8 deflated; anything else is some method we do not read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const END_OF_DIRECTORY_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const DIRECTORY_ENTRY = 0x02014b50;
const DIRECTORY_ENTRY_SIZE = 46;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
/** The end record's comment is at most 65,535 bytes: the record lies in the last 65,557. */
const MAX_COMMENT = 0xffff;
/** Bit 0 of the general-purpose flags: the entry is encrypted. */
const FLAG_ENCRYPTED = 0x0001;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** Bytes as a string, one character per byte: exact for ASCII names, harmless for the rest. */
function byteString(b: Uint8Array, from: number, length: number): string {
  let text = '';
  for (let i = from; i < from + length; i += 1) text += String.fromCharCode(b[i]!);
  return text;
}

/**
 * The end of central directory record: searched backwards from the end, and accepted only
 * where its comment reaches exactly to the end of the file (so a signature inside a
 * comment, or bytes appended after the archive, are not mistaken for it).
 */
function findEndOfDirectory(b: Uint8Array): number | null {
  const last = b.length - END_OF_DIRECTORY_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    if (u32(b, at) === END_OF_DIRECTORY && at + END_OF_DIRECTORY_SIZE + u16(b, at + 20) === b.length) return at;
  }
  return null;
}

/** The archive's entries in directory order, or null when it is malformed or uses what we do not read. */
export function readZipDirectory(b: Uint8Array): ZipEntry[] | null {
  const end = findEndOfDirectory(b);
  if (end === null) return null;
  // A ZIP64 archive keeps its real counts and offsets elsewhere: not read here.
  if (end >= ZIP64_LOCATOR_SIZE && u32(b, end - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR) return null;
  const thisDisk = u16(b, end + 4);
  const directoryDisk = u16(b, end + 6);
  const entriesHere = u16(b, end + 8);
  const entryCount = u16(b, end + 10);
  const directorySize = u32(b, end + 12);
  const directoryOffset = u32(b, end + 16);
  if (thisDisk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) return null;
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) return null;
  if (directoryOffset + directorySize !== end) return null;

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i += 1) {
    if (at + DIRECTORY_ENTRY_SIZE > end || u32(b, at) !== DIRECTORY_ENTRY) return null;
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const next = at + DIRECTORY_ENTRY_SIZE + nameLength + u16(b, at + 30) + u16(b, at + 32);
    if (next > end) return null;
    const entry: ZipEntry = {
      name: byteString(b, at + DIRECTORY_ENTRY_SIZE, nameLength),
      method: u16(b, at + 10),
      compressedSize: u32(b, at + 20),
      uncompressedSize: u32(b, at + 24),
      localHeaderOffset: u32(b, at + 42),
    };
    if (flags & FLAG_ENCRYPTED || u16(b, at + 34) !== 0) return null;
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) return null;
    if (entry.localHeaderOffset + LOCAL_HEADER_SIZE > directoryOffset) return null;
    // Two entries of one name: readers disagree about which one counts.
    if (names.has(entry.name)) return null;
    names.add(entry.name);
    entries.push(entry);
    at = next;
  }
  return at === end ? entries : null;
}

/**
 * An entry's stored bytes (still compressed when its method says so), found through its
 * local header, which must name the same entry; null when they lie outside the archive.
 */
export function zipEntryBytes(b: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > b.length || u32(b, at) !== LOCAL_HEADER) return null;
  const nameLength = u16(b, at + 26);
  if (byteString(b, at + LOCAL_HEADER_SIZE, Math.min(nameLength, b.length - at - LOCAL_HEADER_SIZE)) !== entry.name) return null;
  const start = at + LOCAL_HEADER_SIZE + nameLength + u16(b, at + 28);
  const stop = start + entry.compressedSize;
  return stop <= b.length ? b.subarray(start, stop) : null;
}
