import type { DataSource, EntityManager } from 'typeorm';

/**
 * Run `work` in one write transaction. TypeORM begins SQLite transactions as DEFERRED;
 * a transaction that reads before it writes (the audit chain reads its last hash) could
 * then fail with SQLITE_BUSY when another process (the CLI beside the app) wrote in
 * between. A write that touches no row takes the write lock at once, waiting politely
 * (busy_timeout) like BEGIN IMMEDIATE would.
 */
export function inWriteTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('UPDATE setting SET value = value WHERE 0');
    return work(manager);
  });
}
