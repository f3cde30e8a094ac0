import { quoteIdentifier, type RawConnection, type SqlValue } from './bulk';

/**
 * Whole tables in and out, whatever the schema: the full export reads every table this
 * way and the restore writes them back, so a table a later migration adds travels with
 * no change here. Only SQLite's own bookkeeping tables (sqlite_*) are never listed.
 */
export interface TableShape {
  name: string;
  /** Every stored column, in the table's order (generated columns are recomputed, not stored). */
  columns: string[];
  /** The primary key's columns in key order; empty when the table has none (rows then go by rowid). */
  primaryKey: string[];
}

export type TableRow = Record<string, SqlValue>;

/**
 * The schema's tables in the order they were created, which is an order their foreign keys
 * allow. Virtual tables (the notes' full-text index) and their shadow tables are derived
 * data, not records: they are left out, and triggers rebuild them as the rows go back in.
 */
export function listTables(raw: RawConnection): TableShape[] {
  const names = raw
    .prepare(
      "SELECT m.name FROM sqlite_master m JOIN pragma_table_list t ON t.name = m.name AND t.schema = 'main' WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.rowid",
    )
    .pluck()
    .all() as string[];
  return names.map((name) => {
    const info = raw.pragma(`table_info(${quoteIdentifier(name)})`) as Array<{ name: string; pk: number }>;
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    return { name, columns: info.map((c) => c.name), primaryKey };
  });
}

function orderBy(table: TableShape): string {
  return table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdentifier).join(', ') : 'rowid';
}

/** Every row of a table ordered by its primary key, each as an object keyed by column name. */
export function readRows(raw: RawConnection, table: TableShape): TableRow[] {
  const columns = table.columns.map(quoteIdentifier).join(', ');
  return raw.prepare(`SELECT ${columns} FROM ${quoteIdentifier(table.name)} ORDER BY ${orderBy(table)}`).all() as TableRow[];
}

/**
 * The same rows one at a time, for tables too large to hold whole. The connection is busy
 * until the iteration ends: run no other statement on it meanwhile.
 */
export function iterateRows(raw: RawConnection, table: TableShape): IterableIterator<TableRow> {
  const columns = table.columns.map(quoteIdentifier).join(', ');
  return raw.prepare(`SELECT ${columns} FROM ${quoteIdentifier(table.name)} ORDER BY ${orderBy(table)}`).iterate() as IterableIterator<TableRow>;
}

export function countRows(raw: RawConnection, table: string): number {
  return raw.prepare(`SELECT count(*) FROM ${quoteIdentifier(table)}`).pluck().get() as number;
}

/** Insert rows given as arrays of values in `table.columns` order, with one prepared statement. */
export function insertRows(raw: RawConnection, table: TableShape, rows: Iterable<SqlValue[]>): number {
  const statement = raw.prepare(
    `INSERT INTO ${quoteIdentifier(table.name)} (${table.columns.map(quoteIdentifier).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
  );
  let count = 0;
  for (const values of rows) {
    statement.run(values);
    count += 1;
  }
  return count;
}

/**
 * The AUTOINCREMENT counters (sqlite_sequence): the highest id each such table ever
 * handed out. Carried along so that a restored vault never hands out an id again that
 * the original had used and let go of, which the audit log may still name.
 */
export function readSequences(raw: RawConnection): Record<string, number> {
  if (!hasSequenceTable(raw)) return {};
  const rows = raw.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all() as Array<{ name: string; seq: number }>;
  return Object.fromEntries(rows.map((r) => [r.name, r.seq]));
}

export function writeSequences(raw: RawConnection, sequences: Record<string, number>): void {
  if (Object.keys(sequences).length === 0) return;
  if (!hasSequenceTable(raw)) throw new Error('this schema has no AUTOINCREMENT table');
  const update = raw.prepare('UPDATE sqlite_sequence SET seq = ? WHERE name = ?');
  const insert = raw.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)');
  for (const [name, seq] of Object.entries(sequences)) {
    if (update.run(seq, name).changes === 0) insert.run(name, seq);
  }
}

function hasSequenceTable(raw: RawConnection): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get() !== undefined;
}

/** Run `work` in one transaction on the connection: COMMIT when it returns, ROLLBACK when it throws. */
export function inTransaction<T>(raw: RawConnection, work: () => T): T {
  return raw.transaction(work)();
}

/**
 * Check foreign keys only at COMMIT, for this transaction: rows can then be restored
 * table by table in any order, and a reference to a missing row still fails the whole.
 */
export function deferForeignKeys(raw: RawConnection): void {
  raw.pragma('defer_foreign_keys = ON');
}

export function schemaVersionOf(raw: RawConnection): number {
  return raw.pragma('user_version', { simple: true }) as number;
}
