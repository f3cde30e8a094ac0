import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError, isAppError } from '../shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ExportDocument, type ExportHead, type ExportRow } from './data-export';
import { isEncryptedExport, openEnvelope } from './data-export-envelope';

/**
 * Reading a full export back: the file, its envelope when it is encrypted, and the checks
 * that it is a Tenang export this version can restore. Anything malformed is
 * EXPORT_UNREADABLE, and no message repeats what the file holds.
 */
export function unreadable(detail = 'it is damaged, not a Tenang export, or the passphrase is wrong'): AppError {
  return new AppError('EXPORT_UNREADABLE', `This export file cannot be read: ${detail}.`);
}

const documentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.string(),
  excludedTables: z.array(z.string()),
  sequences: z.record(z.string(), z.number().int().min(0)),
  tables: z.record(z.string(), z.array(z.unknown())),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadable('it is not complete JSON');
  }
}

/**
 * Load an export file, asking for its passphrase only when it is encrypted. Returns the
 * checked document and whether it was encrypted. A plain file laid out as Tenang writes
 * it (one row per line) is checked line by line and then read table by table while it is
 * restored (ExportFile), so its size is not bounded by memory; any other plain file, and
 * every encrypted one, is read whole.
 */
export async function loadExportFile(
  path: string,
  askPassphrase: () => Promise<string>,
  options: { wholeFileLimit?: number } = {},
): Promise<{ document: ExportDocument | ExportFile; encrypted: boolean }> {
  const wholeFileLimit = options.wholeFileLimit ?? WHOLE_FILE_LIMIT;
  let size: number;
  let start: Buffer;
  try {
    size = statSync(path).size;
    start = readStart(path, ENCRYPTED_PREFIX.length);
  } catch {
    throw unreadable('the file could not be read');
  }
  // An encrypted envelope begins with its format, as sealChunks writes it.
  if (!start.toString('latin1').startsWith(ENCRYPTED_PREFIX)) {
    try {
      return { document: ExportFile.scan(path), encrypted: false };
    } catch (e) {
      // Not in the line layout (re-indented by a tool, say) or damaged: read whole when it
      // fits, which also gives exactly the reason a whole read gives.
      if (size > wholeFileLimit) {
        if (isAppError(e)) throw e;
        const reason = e instanceof LayoutError ? e.message : 'the file could not be read';
        throw unreadable(`${reason}, and it is too large to read whole (over about 500 MB)`);
      }
    }
  }
  return loadWholeFile(path, askPassphrase);
}

const ENCRYPTED_PREFIX = '{"format":"tenang-export-encrypted"';

/** The largest file read whole as one string (JavaScript's limit is about 512 MiB). */
export const WHOLE_FILE_LIMIT = 480 * 1024 * 1024;

function readStart(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const n = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

async function loadWholeFile(path: string, askPassphrase: () => Promise<string>): Promise<{ document: ExportDocument; encrypted: boolean }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw unreadable('the file could not be read');
  }
  const parsed = parseJson(textOf(bytes));
  if (!isEncryptedExport(parsed)) return { document: parseExportDocument(parsed), encrypted: false };
  const plaintext = await openEnvelope(parsed, await askPassphrase());
  return { document: parseExportDocument(parseJson(textOf(plaintext))), encrypted: true };
}

/**
 * The file is read whole, as one string: JavaScript's limit on a string's length (about
 * 512 MiB of JSON, some three times the large demo vault) is this version's limit too.
 */
function textOf(bytes: Buffer): string {
  try {
    return bytes.toString('utf8');
  } catch {
    throw unreadable('it is too large for this version of Tenang to read (over about 500 MB of JSON)');
  }
}

/**
 * The document, checked: a Tenang export, a format and schema this version knows (a newer
 * one is refused before anything is written), and rows holding only what SQLite stores.
 */
export function parseExportDocument(parsed: unknown): ExportDocument {
  const result = documentSchema.safeParse(parsed);
  if (!result.success) throw unreadable();
  const document = result.data;
  assertNotTooNew(document);
  for (const rows of Object.values(document.tables)) {
    for (const row of rows) if (!isExportRow(row)) throw unreadable('a row holds a value no Tenang export has');
  }
  return document as ExportDocument;
}

function assertNotTooNew(head: { formatVersion: number; schemaVersion: number }): void {
  if (head.formatVersion > EXPORT_FORMAT_VERSION || head.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError('VAULT_TOO_NEW', 'This export was written by a newer version of Tenang. Update Tenang to restore it.');
  }
}

// A hand-written loop, not a zod schema: a large vault has hundreds of thousands of rows.
function isExportRow(row: unknown): row is ExportRow {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
  for (const value of Object.values(row)) {
    if (value === null || typeof value === 'string') continue;
    if (typeof value === 'number' && Number.isFinite(value)) continue;
    if (typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { base64?: unknown }).base64 === 'string') continue;
    return false;
  }
  return true;
}

/**
 * What the restore reads from an export, table by table: a document in memory, or an
 * ExportFile read from disk as it goes.
 */
export interface ExportSource {
  head: ExportHead;
  /** The tables in the order the export lists them. */
  tableNames: string[];
  rowCount(table: string): number;
  /** The table's rows in the order the export lists them (an ExportFile reads them again each time). */
  rows(table: string): Iterable<ExportRow>;
  /**
   * Whether `column` holds a number in every row of the table ('mixed' when not), and if
   * so whether those numbers rise strictly in the export's order.
   */
  columnOrder(table: string, column: string): 'increasing' | 'unordered' | 'mixed';
  /** Whether the table's rows may be held in memory at once (to sort or compare them). */
  fitsInMemory(table: string): boolean;
}

export function sourceOf(document: ExportDocument | ExportFile): ExportSource {
  if (document instanceof ExportFile) return document;
  return {
    head: headOfDocument(document),
    tableNames: Object.keys(document.tables),
    rowCount: (table) => document.tables[table]?.length ?? 0,
    rows: (table) => document.tables[table] ?? [],
    columnOrder: (table, column) => {
      const rows = document.tables[table] ?? [];
      if (!rows.every((row) => typeof row[column] === 'number')) return 'mixed';
      return rows.every((row, i) => i === 0 || (row[column] as number) > (rows[i - 1]![column] as number)) ? 'increasing' : 'unordered';
    },
    fitsInMemory: () => true,
  };
}

function headOfDocument(document: ExportDocument): ExportHead {
  const { tables: _tables, ...head } = document;
  return head;
}

/** The most bytes of one table's rows an ExportFile holds in memory, to sort or compare them when it must. */
const TABLE_MEMORY_LIMIT = 128 * 1024 * 1024;

interface TableIndex {
  name: string;
  /** Byte offset of the table's first row line (or of its closing line). */
  offset: number;
  /** Bytes of its row lines. */
  bytes: number;
  count: number;
  /** Columns holding a number in every row so far, and those whose numbers rose strictly. */
  numeric: Set<string>;
  increasing: Set<string>;
  /** The last row seen while scanning. */
  last?: ExportRow;
}

type Expect = 'head' | 'tableOrEnd' | 'table' | 'rowOrClose' | 'row' | 'close' | 'end' | 'trailing';

/** Not the line layout the exporter writes; the caller may read the file whole instead. */
class LayoutError extends Error {}

const TABLE_OPEN = /^("(?:[^"\\]|\\.)*"):\[(\])?(,)?$/;
const JSON_WHITESPACE = /^[ \t\r]*$/;

/**
 * A plain export on disk, laid out as exportVault writes it: the head on the first line
 * (ending `,"tables":{`), each table's name on a line of its own (`"name":[`, or
 * `"name":[]` when empty), each row on a line of its own, `]` closing a table, `}}` the
 * document. scan() reads it once, line by line, and checks it as strictly as
 * parseExportDocument checks a document read whole; rows() reads a table again when the
 * restore needs it, so no more than one row (or one table, to sort or compare it when it
 * is out of order) is ever held in memory. Anything else is a LayoutError (the caller
 * reads such a file whole when it fits) or EXPORT_UNREADABLE.
 */
export class ExportFile implements ExportSource {
  private constructor(
    private readonly path: string,
    readonly head: ExportHead,
    private readonly tables: Map<string, TableIndex>,
    private readonly size: number,
    private readonly mtimeMs: number,
  ) {}

  get tableNames(): string[] {
    return [...this.tables.keys()];
  }

  rowCount(table: string): number {
    return this.tables.get(table)?.count ?? 0;
  }

  columnOrder(table: string, column: string): 'increasing' | 'unordered' | 'mixed' {
    const index = this.tables.get(table);
    if (!index || index.count === 0) return 'increasing';
    if (!index.numeric.has(column)) return 'mixed';
    return index.increasing.has(column) ? 'increasing' : 'unordered';
  }

  fitsInMemory(table: string): boolean {
    return (this.tables.get(table)?.bytes ?? 0) <= TABLE_MEMORY_LIMIT;
  }

  *rows(table: string): Generator<ExportRow> {
    const index = this.tables.get(table);
    // An empty table is one line, `"name":[]`: there is no row line to read after it.
    if (!index || index.count === 0) return;
    const changed = () => unreadable('it changed while it was being restored');
    const fd = openFile(this.path);
    try {
      const stat = fstatSync(fd);
      if (stat.size !== this.size || stat.mtimeMs !== this.mtimeMs) throw changed();
      let count = 0;
      for (const { text } of lines(fd, index.offset)) {
        if (text === ']' || text === '],') break;
        const row = parseRowLine(text);
        if (row === null) throw changed();
        count += 1;
        yield row.row;
      }
      if (count !== index.count) throw changed();
    } catch (e) {
      if (isAppError(e)) throw e;
      throw changed();
    } finally {
      closeSync(fd);
    }
  }

  static scan(path: string): ExportFile {
    const fd = openFile(path);
    try {
      const stat = fstatSync(fd);
      const tables = new Map<string, TableIndex>();
      let head: ExportHead | null = null;
      let current: TableIndex | null = null;
      // What the next line may be, as the exporter writes them.
      let expect: Expect = 'head';
      let lineNumber = 0;
      const layout = () => new LayoutError(`line ${lineNumber} is not laid out one row per line as Tenang writes an export`);
      const openTable = (text: string, offset: number, nextOffset: number): Expect => {
        const match = TABLE_OPEN.exec(text);
        if (!match) throw layout();
        let name: unknown;
        try {
          name = JSON.parse(match[1]!);
        } catch {
          throw layout();
        }
        // A name given twice: JSON keeps the last one; read whole, as JSON does.
        if (typeof name !== 'string' || tables.has(name)) throw layout();
        const empty = match[2] !== undefined;
        const index: TableIndex = { name, offset: empty ? offset : nextOffset, bytes: 0, count: 0, numeric: new Set(), increasing: new Set() };
        tables.set(name, index);
        if (empty) {
          current = null;
          return match[3] ? 'table' : 'end';
        }
        if (match[3]) throw layout();
        current = index;
        return 'rowOrClose';
      };
      for (const { text, offset, nextOffset, terminated } of lines(fd, 0)) {
        lineNumber += 1;
        if (expect === 'trailing') {
          if (!JSON_WHITESPACE.test(text)) throw layout();
          continue;
        }
        if (!terminated && expect !== 'end') throw layout();
        switch (expect) {
          case 'head': {
            head = parseHeadLine(text, layout);
            expect = 'tableOrEnd';
            break;
          }
          case 'tableOrEnd':
          case 'table':
            if (expect === 'tableOrEnd' && text === '}}') expect = 'trailing';
            else expect = openTable(text, offset, nextOffset);
            break;
          case 'rowOrClose':
          case 'row':
          case 'close': {
            const table = current as TableIndex | null;
            if (!table) throw layout();
            if (text === ']' || text === '],') {
              if (expect === 'row') throw layout();
              expect = text === ']' ? 'end' : 'table';
              current = null;
              break;
            }
            if (expect === 'close') throw layout();
            const parsed = parseRowLine(text);
            if (parsed === null) throw layout();
            if (!isExportRow(parsed.row)) throw unreadable('a row holds a value no Tenang export has');
            noteOrder(table, parsed.row);
            table.count += 1;
            table.bytes = nextOffset - table.offset;
            expect = parsed.comma ? 'row' : 'close';
            break;
          }
          case 'end':
            if (text !== '}}') throw layout();
            expect = 'trailing';
            break;
        }
      }
      if (expect !== 'trailing' || head === null) throw new LayoutError('the file ends before the export does');
      return new ExportFile(path, head, tables, stat.size, stat.mtimeMs);
    } finally {
      closeSync(fd);
    }
  }
}

function openFile(path: string): number {
  try {
    return openSync(path, 'r');
  } catch {
    throw unreadable('the file could not be read');
  }
}

/** The head line: the document's fields and `"tables":{`, checked as parseExportDocument checks them. */
function parseHeadLine(text: string, layout: () => LayoutError): ExportHead {
  const suffix = ',"tables":{';
  if (!text.startsWith('{') || !text.endsWith(suffix)) throw layout();
  let parsed: unknown;
  try {
    parsed = JSON.parse(`${text.slice(0, -suffix.length)}}`);
  } catch {
    throw layout();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw layout();
  const result = documentSchema.safeParse({ ...parsed, tables: {} });
  if (!result.success) throw unreadable();
  assertNotTooNew(result.data);
  return headOfDocument(result.data as ExportDocument);
}

/** A row line: one JSON object, then a comma when another row follows. Null when it is not one. */
function parseRowLine(text: string): { row: ExportRow; comma: boolean } | null {
  if (!text.startsWith('{')) return null;
  const comma = text.endsWith(',');
  let row: unknown;
  try {
    row = JSON.parse(comma ? text.slice(0, -1) : text);
  } catch {
    return null;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return null;
  return { row: row as ExportRow, comma };
}

/** Keep track of which columns hold numbers rising strictly, row after row (the id, in an export). */
function noteOrder(table: TableIndex, row: ExportRow): void {
  if (table.count === 0) {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'number') {
        table.numeric.add(column);
        table.increasing.add(column);
      }
    }
    table.last = row;
    return;
  }
  const last = table.last!;
  for (const column of table.numeric) {
    const value = row[column];
    if (typeof value !== 'number') {
      table.numeric.delete(column);
      table.increasing.delete(column);
    } else if (table.increasing.has(column) && !(value > (last[column] as number))) {
      table.increasing.delete(column);
    }
  }
  table.last = row;
}

/**
 * The file's lines from byte `start`, read synchronously in 1 MiB pieces (the restore
 * writes in one synchronous SQLite transaction): each line's text (a trailing CR dropped),
 * its byte offset, the offset after its newline, and whether a newline ended it.
 */
const MAX_LINE = 256 * 1024 * 1024;

function* lines(fd: number, start: number): Generator<{ text: string; offset: number; nextOffset: number; terminated: boolean }> {
  const buffer = Buffer.alloc(1 << 20);
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let position = start;
  let lineStart = start;
  const textOf = (bytes: Buffer) => {
    const text = bytes.toString('utf8');
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    let from = 0;
    for (;;) {
      const newline = buffer.indexOf(10, from);
      if (newline === -1 || newline >= n) break;
      const piece = buffer.subarray(from, newline);
      const bytes = pendingLength > 0 ? Buffer.concat([...pending, piece]) : piece;
      const nextOffset = lineStart + bytes.length + 1;
      yield { text: textOf(bytes), offset: lineStart, nextOffset, terminated: true };
      lineStart = nextOffset;
      pending = [];
      pendingLength = 0;
      from = newline + 1;
    }
    if (from < n) {
      if (pendingLength + n - from > MAX_LINE) throw new LayoutError('a line is far longer than any row Tenang writes');
      pending.push(Buffer.from(buffer.subarray(from, n)));
      pendingLength += n - from;
    }
    position += n;
  }
  if (pendingLength > 0) {
    const bytes = Buffer.concat(pending);
    yield { text: textOf(bytes), offset: lineStart, nextOffset: lineStart + bytes.length, terminated: false };
  }
}
