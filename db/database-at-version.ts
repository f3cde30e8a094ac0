import type { DataSource } from 'typeorm';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { openMigratedDataSource } from './data-source';
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
  return openMigratedDataSource({ databasePath: folder.databasePath, dataKey, migrations: MIGRATIONS.slice(0, schemaVersion) });
}
