import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, isAppError } from '../shared/errors';
import { passphraseProblem } from '../shared/passphrase-policy';
import { formatRecoveryKey } from '../shared/recovery-key';
import { UserAccountEntity } from '../db/entities';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { rawConnection, withPageCache, type RawConnection, type SqlValue } from '../db/bulk';
import { createDatabaseAtVersion } from '../db/database-at-version';
import { countRows, deferForeignKeys, inTransaction, insertRows, iterateRows, listTables, readRows, readSequences, writeSequences, type TableShape } from '../db/table-dump';
import { inWriteTransaction } from '../db/transaction';
import { createSlot, keyCheckValue, newDataKey } from '../db/vault/key-slots';
import { emptyKeyring, withSlot, writeKeyring } from '../db/vault/keyring';
import type { VaultFolder } from '../db/vault/vault-folder';
import { appendAudit, verifyAudit } from './audit-log';
import { isoAt } from './clock';
import { EXCLUDED_TABLES, PLAINTEXT_EXCLUDED_TABLES, toExportValue, type ExportDocument, type ExportRow, type ExportValue } from './data-export';
import { sourceOf, unreadable, type ExportFile, type ExportSource } from './data-import-document';
import { logError } from './log';
import { readVaultId } from './settings-service';
import type { VaultDeps } from './vault-service';

/**
 * Restore a full export into a new vault (issue 3): a new data key and recovery key, every
 * row exactly as exported (same ids, same audit chain), and one key slot, for the admin
 * named. An export from an older schema is restored into that schema and then migrated
 * like any older vault; a newer one was refused when it was read. Any failure removes
 * what was created, so there is never a half-restored vault.
 */
export interface RestoreRequest {
  /** A document in memory, or a plain file read table by table as it is restored (loadExportFile). */
  document: ExportDocument | ExportFile;
  /** An active admin in the export: the only user who gets a key slot. */
  username: string;
  newPassphrase: string;
  /** Whether the file was encrypted (for the audit entry). */
  encrypted: boolean;
}

export interface RestoreResult {
  recoveryKey: string;
  admin: string;
  schemaVersion: number;
  /** The export's schema version when it was older than this Tenang's and migrated. */
  migratedFrom: number | null;
  tables: number;
  rows: number;
  /** Active users restored without a key slot: they sign in once an admin resets their passphrase. */
  usersWithoutSlot: string[];
  /** Whether the restored audit chain verifies (it is restored as it was either way). */
  auditChainValid: boolean;
}

export async function restoreExport(deps: VaultDeps, request: RestoreRequest): Promise<RestoreResult> {
  const { folder, clock } = deps;
  const document = sourceOf(request.document);
  const { schemaVersion } = document.head;
  const tableCount = document.tableNames.length;
  const rows = document.tableNames.reduce((n, table) => n + document.rowCount(table), 0);
  const admin = restoringAdmin(document, request.username);
  const problem = passphraseProblem(request.newPassphrase, { username: admin.username });
  if (problem) {
    throw new AppError('VALIDATION', 'Some fields are not valid.', { issues: [{ path: 'newPassphrase', code: `passphrase_${problem}`, message: 'The passphrase is too weak.' }] });
  }
  if (existsSync(folder.dir) && readdirSync(folder.dir).length > 0) {
    throw new AppError('VAULT_NOT_EMPTY', 'An export can only be restored into a new, empty vault folder.');
  }
  const folderExisted = existsSync(folder.dir);
  folder.prepareNew();
  const dataKey = newDataKey();
  let dataSource: DataSource | null = null;
  try {
    const restoring = await createDatabaseAtVersion(folder, dataKey, schemaVersion);
    try {
      // A large vault's rows fill many pages: a bigger cache keeps them from being spilled and re-read.
      withPageCache(restoring, 512, () => restoreRows(rawConnection(restoring), document));
    } finally {
      await restoring.destroy();
    }
    // Opening migrates an older schema to the latest and checks the file's integrity.
    dataSource = await folder.open(dataKey, { create: false });
    const vaultId = await readVaultId(dataSource);
    const chain = await verifyAudit(dataSource);
    const slot = await createSlot({ vaultId, userId: admin.id, username: admin.username, displayName: admin.displayName, passphrase: request.newPassphrase, dataKey, now: new Date(clock.now()) });
    const usersWithoutSlot = await inWriteTransaction(dataSource, async (m) => {
      const without = await recordSlotKeys(m, admin.id, slot.publicKey);
      await appendAudit(m, {
        at: isoAt(clock),
        actorUserId: admin.id,
        actorUsername: admin.username,
        action: 'data.import',
        recordType: 'vault',
        recordId: vaultId,
        outcome: 'success',
        detail: { schemaVersion, encrypted: request.encrypted, tables: tableCount, rows, auditChainValid: chain.valid },
      });
      return without;
    });
    writeKeyring(folder.keyringPath, withSlot(emptyKeyring(vaultId, keyCheckValue(dataKey, vaultId)), slot));
    await dataSource.destroy();
    return {
      recoveryKey: formatRecoveryKey(dataKey.toString('hex')),
      admin: admin.username,
      schemaVersion: LATEST_SCHEMA_VERSION,
      migratedFrom: schemaVersion < LATEST_SCHEMA_VERSION ? schemaVersion : null,
      tables: tableCount,
      rows,
      usersWithoutSlot,
      auditChainValid: chain.valid,
    };
  } catch (e) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    removeCreated(folder, folderExisted);
    throw e;
  } finally {
    dataKey.fill(0);
  }
}

/** The export's active admin of that username, who will hold the new vault's only key slot. */
function restoringAdmin(document: ExportSource, username: string): { id: number; username: string; displayName: string } {
  const wanted = username.trim().toLowerCase();
  if (!document.tableNames.includes('user_account')) throw unreadable('it holds no user accounts');
  let row: ExportRow | undefined;
  for (const user of document.rows('user_account')) {
    if (user.username === wanted) {
      row = user;
      break;
    }
  }
  if (!row || row.role !== 'admin' || !row.active || typeof row.id !== 'number' || typeof row.display_name !== 'string') {
    throw new AppError('USER_NOT_FOUND', 'The export has no active admin with that username.');
  }
  return { id: row.id, username: wanted, displayName: row.display_name };
}

/**
 * Record the slot keys of the restored users. The admin gets the new slot's key. Every
 * other active user gets a fresh public key whose private half was never kept: the
 * database vouches for no slot of theirs (a slot copied from the old vault's keyring, or
 * planted, would otherwise be vouched for and handed the new data key at the next rekey),
 * until an admin resets their passphrase and so records a real one.
 */
async function recordSlotKeys(m: EntityManager, adminId: number, adminKey: string): Promise<string[]> {
  const repo = m.getRepository(UserAccountEntity);
  const without: string[] = [];
  for (const user of await repo.find({ order: { id: 'ASC' } })) {
    if (user.id === adminId) {
      await repo.update({ id: user.id }, { slotPublicKey: adminKey });
    } else if (user.active) {
      await repo.update({ id: user.id }, { slotPublicKey: unheldSlotPublicKey() });
      without.push(user.username);
    }
  }
  return without;
}

/** An X25519 public key in a slot's format whose private key is dropped at once: it vouches for no slot anyone holds. */
export function unheldSlotPublicKey(): string {
  return generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/**
 * Write every row in one transaction, then read every table back and compare it with the
 * export: the restore is exact or it does not happen. Foreign keys are checked at commit,
 * so table order does not matter; rows of a table go in id order (see inWriteOrder); a
 * table already filled by triggers while earlier ones were restored (audit_head, kept by
 * the audit log's insert trigger) is only compared.
 */
function restoreRows(raw: RawConnection, document: ExportSource): void {
  const tables = listTables(raw);
  const restored = tablesToRestore(tables, document);
  try {
    inTransaction(raw, () => {
      deferForeignKeys(raw);
      for (const table of restored) {
        if (countRows(raw, table.name) > 0) continue;
        insertRows(raw, table, rowValues(table, inWriteOrder(table, document)));
      }
      writeSequences(raw, document.head.sequences);
      for (const table of restored) assertSameRows(raw, table, document);
      const sequences = Object.entries(readSequences(raw)).filter(([name]) => !EXCLUDED_TABLES.includes(name));
      if (JSON.stringify(sequences) !== JSON.stringify(Object.entries(document.head.sequences).sort(([a], [b]) => (a < b ? -1 : 1)))) {
        throw unreadable('its id counters do not match its rows');
      }
    });
  } catch (e) {
    if (isAppError(e)) throw e;
    // A constraint, trigger or foreign key refused a row: SQLite's message may quote the
    // row's values, so only its class and code are logged.
    logError('data.import rows', e);
    throw unreadable('its records break the rules of the vault (constraints or references)');
  }
}

/** The schema's tables the export must hold: all of them, but the ones every export leaves out. */
function tablesToRestore(tables: TableShape[], document: ExportSource): TableShape[] {
  const names = new Set(tables.map((t) => t.name));
  const excluded = new Set(document.head.excludedTables);
  const present = new Set(document.tableNames);
  // A plaintext export also leaves out the report-signing key (data-export.ts); then the restored vault makes a new one on first use.
  const mayLeaveOut = [...EXCLUDED_TABLES, ...PLAINTEXT_EXCLUDED_TABLES];
  for (const name of excluded) if (!mayLeaveOut.includes(name) || !names.has(name)) throw unreadable('it leaves out a table no export leaves out');
  for (const name of present) if (!names.has(name) || excluded.has(name)) throw unreadable('it holds a table this schema version does not have');
  const restored = tables.filter((t) => !excluded.has(t.name));
  if (restored.some((t) => !present.has(t.name))) throw unreadable('a table is missing from it');
  return restored;
}

/**
 * A table's rows in the order they were written: by id, when one integer column is the
 * key. Some triggers judge a row by the rows already there (group sessions sharing a room
 * while their capacities fit, the audit chain), so a file listing rows in another order
 * must not change what each insert meets. An export lists them so already, and then they
 * are read one at a time; a table listed otherwise is sorted in memory, when it fits.
 */
function inWriteOrder(table: TableShape, document: ExportSource): Iterable<ExportRow> {
  const rows = document.rows(table.name);
  if (table.primaryKey.length !== 1) return rows;
  const key = table.primaryKey[0]!;
  if (document.columnOrder(table.name, key) !== 'unordered') return rows;
  if (!document.fitsInMemory(table.name)) throw unreadable(`the rows of ${table.name} are not in id order, and too many to sort`);
  return [...rows].sort((a, b) => (a[key] as number) - (b[key] as number));
}

function* rowValues(table: TableShape, rows: Iterable<ExportRow>): Generator<SqlValue[]> {
  for (const row of rows) {
    if (Object.keys(row).length !== table.columns.length) throw unreadable(`a row of ${table.name} does not have the table's columns`);
    yield table.columns.map((column) => {
      if (!(column in row)) throw unreadable(`a row of ${table.name} does not have the table's columns`);
      return toSqlValue(row[column]!);
    });
  }
}

function toSqlValue(value: ExportValue): SqlValue {
  return value !== null && typeof value === 'object' ? Buffer.from(value.base64, 'base64') : value;
}

/**
 * The table as stored equals the export's rows, whatever order the file listed them in.
 * Compared row by row as both are read (an export lists them in the order they are
 * stored); only when that fails are they compared as sets, in memory, when they fit.
 */
function assertSameRows(raw: RawConnection, table: TableShape, document: ExportSource): void {
  const storedRow = (row: Record<string, SqlValue>) => JSON.stringify(table.columns.map((c) => toExportValue(row[c] ?? null)));
  const exportedRow = (row: ExportRow) => JSON.stringify(table.columns.map((c) => row[c] ?? null));
  if (sameInOrder(iterateRows(raw, table), document.rows(table.name), storedRow, exportedRow)) return;
  if (!document.fitsInMemory(table.name)) throw unreadable(`table ${table.name} does not restore exactly`);
  const stored = readRows(raw, table).map(storedRow);
  const exported = [...document.rows(table.name)].map(exportedRow);
  if (stored.length !== exported.length || !sameMultiset(stored, exported)) throw unreadable(`table ${table.name} does not restore exactly`);
}

/** Whether two sequences of rows are equal, one pair at a time; both are closed after (the statement too). */
function sameInOrder<A, B>(a: Iterable<A>, b: Iterable<B>, keyA: (x: A) => string, keyB: (x: B) => string): boolean {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  try {
    for (;;) {
      const x = left.next();
      const y = right.next();
      if (x.done || y.done) return x.done === y.done;
      if (keyA(x.value) !== keyB(y.value)) return false;
    }
  } finally {
    left.return?.();
    right.return?.();
  }
}

function sameMultiset(a: string[], b: string[]): boolean {
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((value, i) => value === sortedB[i]);
}

/** Remove what the restore created: the folder, or only its contents when it existed (empty) before. */
function removeCreated(folder: VaultFolder, folderExisted: boolean): void {
  try {
    if (!folderExisted) {
      rmSync(folder.dir, { recursive: true, force: true });
      return;
    }
    for (const name of readdirSync(folder.dir)) rmSync(join(folder.dir, name), { recursive: true, force: true });
  } catch (e) {
    logError('data.import cleanup', e);
  }
}
