import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { applyDataKey } from './vault/sqlcipher';
import type { VaultFolder } from './vault/vault-folder';

/**
 * Create the vault's database file with the schema of an OLDER version (the migrations up
 * to `schemaVersion` only). A full export restores into the schema it was taken from, and
 * VaultFolder.open then migrates the restored rows to the latest version like any vault an
 * older Tenang left behind. Opened as VaultFolder.open opens it (the cipher pragmas in
 * order, WAL), but for a new file only, by the Node build of the driver (the CLI).
 */
export async function createDatabaseAtVersion(folder: VaultFolder, dataKey: Buffer, schemaVersion: number): Promise<DataSource> {
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > LATEST_SCHEMA_VERSION) throw new Error('no such schema version');
  if (folder.databaseExists()) throw new Error('the database file exists already');
  const keyHex = dataKey.toString('hex');
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: folder.databasePath,
    driver: Database,
    prepareDatabase: (db: Database.Database) => applyDataKey(db, keyHex),
    enableWAL: true,
    entities: ENTITIES,
    migrations: MIGRATIONS.slice(0, schemaVersion),
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  return dataSource;
}
