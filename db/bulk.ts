import type Database from 'better-sqlite3-multiple-ciphers';
import { DataSource, type EntityManager, type EntitySchema } from 'typeorm';

/** A value SQLite stores, as better-sqlite3 binds and returns it. */
export type SqlValue = string | number | bigint | Buffer | null;

/** The driver's connection itself, for the few callers that need it (see rawConnection). */
export type RawConnection = Database.Database;

/**
 * The better-sqlite3 connection under a TypeORM data source. TypeORM's driver for it keeps
 * exactly one connection, so a statement run here takes part in whatever transaction
 * TypeORM has begun. For work where a TypeORM call per row is far too slow: inserting
 * tens of thousands of rows, or reading every table whole.
 */
export function rawConnection(db: DataSource | EntityManager): RawConnection {
  const source = db instanceof DataSource ? db : db.connection;
  const connection = (source.driver as unknown as { databaseConnection?: Database.Database }).databaseConnection;
  if (!connection) throw new Error('the data source is not connected');
  return connection;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Insert rows of one entity with a single prepared statement; returns the new ids in
 * order. Run it inside a transaction (inWriteTransaction): one transaction for all rows is
 * what makes a hundred thousand inserts take seconds rather than minutes. The rows carry
 * every column but the generated id, named as the entity names them (camelCase).
 */
export function bulkInsert<T extends { id: number }>(manager: EntityManager, entity: EntitySchema<T>, rows: readonly Omit<T, 'id'>[]): number[] {
  const { tableName, columns } = entity.options;
  if (!tableName) throw new Error('the entity names no table');
  const fields = (Object.entries(columns) as Array<[string, { name?: string; generated?: unknown } | undefined]>).filter(([, c]) => c && !c.generated);
  const sql = `INSERT INTO ${quoteIdentifier(tableName)} (${fields.map(([key, c]) => quoteIdentifier(c?.name ?? key)).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`;
  const statement = rawConnection(manager).prepare(sql);
  return rows.map((row) => {
    const values = fields.map(([key]) => toSqlValue((row as Record<string, unknown>)[key]));
    return Number(statement.run(values).lastInsertRowid);
  });
}

function toSqlValue(value: unknown): SqlValue {
  // better-sqlite3 binds no booleans; TypeORM stores them as 1 and 0, and so do we.
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) throw new Error('a column was left undefined');
  return value as SqlValue;
}

/**
 * Run `work` with a larger page cache on this connection, then give the memory back. A
 * transaction writing hundreds of thousands of rows into indexed tables otherwise spills
 * pages out of SQLite's small default cache again and again, each spill encrypting and
 * writing them to the WAL, each reload decrypting them.
 */
export function withPageCache<T>(db: DataSource | EntityManager, mebibytes: number, work: () => T): T {
  const raw = rawConnection(db);
  const before = raw.pragma('cache_size', { simple: true }) as number;
  raw.pragma(`cache_size = ${-Math.round(mebibytes * 1024)}`);
  try {
    return work();
  } finally {
    raw.pragma(`cache_size = ${before}`);
  }
}
