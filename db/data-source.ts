import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource, type MigrationInterface } from 'typeorm';
import { ENTITIES } from './entities';
import { applyDataKey, enlargePageCache } from './vault/sqlcipher';

type MigrationClass = new () => MigrationInterface;

interface VaultDatabase {
  databasePath: string;
  dataKey: Buffer;
  nativeBinding?: string;
}

/** What every TypeORM connection to a vault shares: the driver, the cipher pragmas and the raw key in their order, our entities. */
function vaultDataSource(options: VaultDatabase, extra: { readonly: boolean; migrations: MigrationClass[] }): DataSource {
  const keyHex = options.dataKey.toString('hex');
  return new DataSource({
    type: 'better-sqlite3',
    database: options.databasePath,
    driver: Database,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    // TypeORM's own `key` option would set the key before the cipher pragmas; we do
    // all three ourselves, in the right order (environment.md).
    // Opened only after the key was checked (VaultFolder.open, or a brand-new file).
    prepareDatabase: (db: Database.Database) => {
      applyDataKey(db, keyHex);
      enlargePageCache(db);
    },
    readonly: extra.readonly,
    // A reader cannot switch the journal mode; the writer that opened the vault set WAL.
    enableWAL: !extra.readonly,
    entities: ENTITIES,
    migrations: extra.migrations,
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
  });
}

/**
 * The one way a vault's database is opened for writing through TypeORM: WAL, and the given
 * migrations run in one transaction (never `synchronize`). A migration that fails closes
 * the database again.
 */
export async function openMigratedDataSource(options: VaultDatabase & { migrations: MigrationClass[] }): Promise<DataSource> {
  const dataSource = vaultDataSource(options, { readonly: false, migrations: options.migrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
  } catch (e) {
    await dataSource.destroy();
    throw e;
  }
  return dataSource;
}

/**
 * A second, read-only connection to a vault the app has open and migrated already (the
 * report worker's): SQLite refuses it any write, and in WAL mode its reads run beside the
 * app's writes, each transaction on a snapshot of its own.
 */
export async function openReadOnlyDataSource(options: VaultDatabase): Promise<DataSource> {
  const dataSource = vaultDataSource(options, { readonly: true, migrations: [] });
  await dataSource.initialize();
  return dataSource;
}
