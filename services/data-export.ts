import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../shared/errors';
import { passphraseProblem } from '../shared/passphrase-policy';
import { rawConnection, type RawConnection, type SqlValue } from '../db/bulk';
import { inTransaction, iterateRows, listTables, readRows, readSequences, schemaVersionOf, type TableRow, type TableShape } from '../db/table-dump';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import type { Clock } from './clock';
import { sealChunks } from './data-export-envelope';
import type { OpenSession } from './session';
import type { ExportsInProgress } from './exports-in-progress';
import { fieldIssues } from './field-issues';
import { ExportLogEntity } from '../db/entities';
import { accountableReasonSchema } from '../shared/contract/accountability-schemas';

/**
 * The full export (issue 3, "so a clinic is never locked in"): every table of the vault as
 * JSON, one row per line, read in one snapshot. Tables are found in the schema itself, so
 * a table a later migration adds is exported without a change here.
 */
export const EXPORT_FORMAT = 'tenang-export' as const;
export const EXPORT_FORMAT_VERSION = 1 as const;

/**
 * Tables deliberately left out, and why:
 * - `migrations`: TypeORM's record of the migrations run. The restore rebuilds it by running
 *   them; `schemaVersion` says the same thing.
 * - `draft`: half-typed forms. A draft belongs to the person who typed it and nobody else
 *   reads it (services/draft-service.ts), while an export is read by whoever holds the file;
 *   and a draft is not yet a record.
 */
export const EXCLUDED_TABLES: readonly string[] = ['draft', 'migrations'];

/**
 * Tables a plaintext export also leaves out (an encrypted one keeps them):
 * - `clinic_signing_key`: the private half of the key that signs agency reports. Whoever
 *   reads a plain file could sign reports in the clinic's name. A vault restored from a
 *   plaintext export makes a new key on first use, whose public half agencies must be given.
 */
export const PLAINTEXT_EXCLUDED_TABLES: readonly string[] = ['clinic_signing_key'];

/** What an export of this kind leaves out. */
export function excludedTablesFor(encrypted: boolean): readonly string[] {
  return encrypted ? EXCLUDED_TABLES : [...EXCLUDED_TABLES, ...PLAINTEXT_EXCLUDED_TABLES];
}

/** A value as JSON carries it: SQLite's text, numbers and NULL as such, blobs as base64. */
export type ExportValue = string | number | null | { base64: string };
export type ExportRow = Record<string, ExportValue>;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  formatVersion: typeof EXPORT_FORMAT_VERSION;
  /** The vault's schema version (PRAGMA user_version) when the snapshot was taken. */
  schemaVersion: number;
  exportedAt: string;
  excludedTables: string[];
  /** The AUTOINCREMENT counters, so a restored vault never hands out an id the original used. */
  sequences: Record<string, number>;
  /** Each table's rows ordered by primary key, as objects keyed by column name. */
  tables: Record<string, ExportRow[]>;
}

export function toExportValue(value: SqlValue): ExportValue {
  if (Buffer.isBuffer(value)) return { base64: value.toString('base64') };
  // Integers stay below 2^53 in this schema (better-sqlite3 returns plain numbers).
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** The document's fields before its tables: what the export says about itself. */
export type ExportHead = Omit<ExportDocument, 'tables'>;

/** A table's row as the export writes it: every column in the table's order, blobs as base64. */
function exportRowOf(table: TableShape, row: TableRow): ExportRow {
  const out: ExportRow = {};
  for (const column of table.columns) out[column] = toExportValue(row[column] ?? null);
  return out;
}

/** The head of the export of the vault as it is now; call it inside the snapshot's transaction. */
function headOf(raw: RawConnection, present: TableShape[], exportedAt: string, excluded: readonly string[]): ExportHead {
  const sequences = Object.fromEntries(Object.entries(readSequences(raw)).filter(([name]) => !excluded.includes(name)));
  return {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    schemaVersion: schemaVersionOf(raw),
    exportedAt,
    excludedTables: present.map((t) => t.name).filter((name) => excluded.includes(name)),
    sequences,
  };
}

/**
 * Every table but the excluded ones, read in one transaction: a consistent snapshot even
 * while the app writes. The whole vault in memory: for tests and small vaults; the export
 * itself streams (exportVault).
 */
export function snapshotVault(dataSource: DataSource, exportedAt: string): ExportDocument {
  const raw = rawConnection(dataSource);
  return inTransaction(raw, () => {
    const tables: Record<string, ExportRow[]> = {};
    const present = listTables(raw);
    const head = headOf(raw, present, exportedAt, EXCLUDED_TABLES);
    for (const table of present) {
      if (EXCLUDED_TABLES.includes(table.name)) continue;
      tables[table.name] = readRows(raw, table).map((row) => exportRowOf(table, row));
    }
    return { ...head, tables };
  });
}

/** What a streamed export wrote: counted as it went. */
export interface StreamCounts {
  tables: number;
  rows: number;
  schemaVersion: number;
}

/**
 * The export's text straight from the vault, in pieces of about 64 KiB, row by row:
 * byte for byte what documentChunks writes for snapshotVault's document, without ever
 * holding more than one piece. Iterate it wholly inside one transaction on `raw` (a
 * snapshot); `counts` is filled in as it goes. While a table is being read no other
 * statement may run on the connection (better-sqlite3 keeps it busy), so the head is
 * read first.
 */
export function* vaultChunks(raw: RawConnection, exportedAt: string, counts: StreamCounts, excluded: readonly string[] = EXCLUDED_TABLES): Generator<string> {
  const present = listTables(raw);
  const head = headOf(raw, present, exportedAt, excluded);
  counts.schemaVersion = head.schemaVersion;
  let buffer = `${JSON.stringify(head).slice(0, -1)},"tables":{`;
  let firstTable = true;
  for (const table of present) {
    if (excluded.includes(table.name)) continue;
    counts.tables += 1;
    buffer += `${firstTable ? '' : ','}\n${JSON.stringify(table.name)}:[`;
    firstTable = false;
    let n = 0;
    for (const row of iterateRows(raw, table)) {
      buffer += `${n === 0 ? '' : ','}\n${JSON.stringify(exportRowOf(table, row))}`;
      n += 1;
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    counts.rows += n;
    buffer += n > 0 ? '\n]' : ']';
  }
  yield `${buffer}\n}}\n`;
}

export function rowCount(document: ExportDocument): number {
  return Object.values(document.tables).reduce((n, rows) => n + rows.length, 0);
}

/**
 * The document as JSON text in pieces of about 64 KiB: one row per line (readable, and
 * diffable between two exports), and never one string the size of the whole vault.
 */
export function* documentChunks(document: ExportDocument): Generator<string> {
  const { tables, ...head } = document;
  let buffer = `${JSON.stringify(head).slice(0, -1)},"tables":{`;
  let firstTable = true;
  for (const [name, rows] of Object.entries(tables)) {
    buffer += `${firstTable ? '' : ','}\n${JSON.stringify(name)}:[`;
    firstTable = false;
    for (let i = 0; i < rows.length; i++) {
      buffer += `${i === 0 ? '' : ','}\n${JSON.stringify(rows[i])}`;
      if (buffer.length >= 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += rows.length > 0 ? '\n]' : ']';
  }
  yield `${buffer}\n}}\n`;
}

export interface ExportOptions {
  path: string;
  /** Replace an existing file at `path`. */
  force: boolean;
  /** Encrypt the file with this passphrase; null writes plain JSON. */
  passphrase: string | null;
  /** Why: kept in the export log and shown to every counsellor whose notes the file holds. */
  reason: string;
  /** Where the temp file is noted while it is written, so a crash does not leave it behind. */
  inProgress: ExportsInProgress;
}

export interface ExportSummary {
  path: string;
  encrypted: boolean;
  tables: number;
  rows: number;
  bytes: number;
  schemaVersion: number;
}

/**
 * Write the full export to a file readable by its owner only, and audit it. The file
 * appears whole or not at all (a temp file beside it, renamed into place), and only with
 * its audit entry and its line in the export log: the rename happens inside the
 * transaction that writes them.
 */
export async function exportVault(session: OpenSession, clock: Clock, options: ExportOptions): Promise<ExportSummary> {
  const reason = checkedReason(options.reason);
  if (options.passphrase !== null) assertStrongExportPassphrase(options.passphrase, session.user.username);
  assertMayWrite(options.path, options.force);
  const exportedAt = actorOf(session, clock).at;
  const raw = rawConnection(session.dataSource);
  const counts: StreamCounts = { tables: 0, rows: 0, schemaVersion: 0 };
  const plain = vaultChunks(raw, exportedAt, counts, excludedTablesFor(options.passphrase !== null));
  // The envelope's key is derived first (async); then the text is read from the vault,
  // encrypted when asked, and written piece by piece, all in one read transaction.
  const text = options.passphrase === null ? plain : await sealChunks(plain, options.passphrase);
  const tempPath = join(dirname(options.path), `.${basename(options.path)}.${randomBytes(6).toString('hex')}.tmp`);
  const note = options.inProgress.begin(tempPath);
  try {
    return await writeAndRecord(session, clock, options, reason, counts, () => inTransaction(raw, () => writeTempFile(tempPath, text)));
  } finally {
    options.inProgress.end(note);
  }
}

async function writeAndRecord(session: OpenSession, clock: Clock, options: ExportOptions, reason: string, counts: StreamCounts, write: () => { path: string; bytes: number }): Promise<ExportSummary> {
  const temp = write();
  const summary: ExportSummary = {
    path: options.path,
    encrypted: options.passphrase !== null,
    tables: counts.tables,
    rows: counts.rows,
    bytes: temp.bytes,
    schemaVersion: counts.schemaVersion,
  };
  let moved = false;
  try {
    await inWriteTransaction(session.dataSource, async (m) => {
      const actor = actorOf(session, clock);
      const logged = await m.getRepository(ExportLogEntity).save({ userId: actor.actorUserId, exportedAt: actor.at, reason, encrypted: summary.encrypted, rowCount: summary.rows });
      await appendAudit(m, {
        ...actor,
        action: 'data.export',
        recordType: 'vault',
        recordId: session.vaultId,
        outcome: 'success',
        // The reason is in the chain too: the export log is append-only, but only the audit chain is tamper-evident.
        detail: { exportId: logged.id, reason, encrypted: summary.encrypted, tables: summary.tables, rows: summary.rows },
      });
      // Checked again here: the file may have appeared while the export was being written.
      assertMayWrite(options.path, options.force);
      renameSync(temp.path, options.path);
      moved = true;
    });
  } catch (e) {
    rmSync(moved ? options.path : temp.path, { force: true });
    throw e;
  }
  syncFolder(dirname(options.path));
  return summary;
}

/** The reason, as the contract would take it (the CLI calls this service directly). */
function checkedReason(reason: string): string {
  const parsed = accountableReasonSchema.safeParse(reason);
  if (!parsed.success) throw new AppError('VALIDATION', 'Give a reason for the export.', { issues: fieldIssues(parsed.error).map((issue) => ({ ...issue, path: 'reason' })) });
  return parsed.data;
}

/** An export passphrase follows the same policy as a sign-in passphrase: the file is only as safe as it. */
function assertStrongExportPassphrase(passphrase: string, username: string): void {
  const problem = passphraseProblem(passphrase, { username });
  if (problem) {
    throw new AppError('VALIDATION', 'The export passphrase is too weak.', { issues: [{ path: 'exportPassphrase', code: `passphrase_${problem}`, message: 'The export passphrase is too weak.' }] });
  }
}

function assertMayWrite(path: string, force: boolean): void {
  if (!existsSync(dirname(path))) {
    throw new AppError('VALIDATION', 'The folder for the export file does not exist.', { issues: [{ path: 'out', code: 'folder_missing', message: 'The folder for the export file does not exist.' }] });
  }
  if (!force && existsSync(path)) {
    throw new AppError('VALIDATION', 'The export file already exists; give --force to replace it.', { issues: [{ path: 'out', code: 'file_exists', message: 'The export file already exists.' }] });
  }
}

const WRITE_BUFFER = 1 << 20;

/** Write the pieces to a new temp file (mode 0600), flushed to disk. */
function writeTempFile(temp: string, pieces: Iterable<string>): { path: string; bytes: number } {
  const fd = openSync(temp, 'wx', 0o600);
  let bytes = 0;
  try {
    // Pieces gathered to about 1 MiB per write: few system calls, little memory.
    let pending: string[] = [];
    let pendingLength = 0;
    for (const piece of pieces) {
      pending.push(piece);
      pendingLength += piece.length;
      if (pendingLength >= WRITE_BUFFER) {
        bytes += writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
        pending = [];
        pendingLength = 0;
      }
    }
    if (pendingLength > 0) bytes += writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  return { path: temp, bytes };
}

function writeAll(fd: number, bytes: Buffer): number {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  return written;
}

function syncFolder(dir: string): void {
  // Windows cannot open a folder for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
