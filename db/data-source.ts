import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource, type MigrationInterface } from 'typeorm';
import { ENTITIES } from './entities';
import { applyDataKey, enlargePageCache } from './vault/sqlcipher';

type MigrationClass = new () => MigrationInterface;

/**
 * The one way a vault's database is opened through TypeORM: the cipher pragmas and the
 * raw key in their order, WAL, our entities, and the given migrations run in one
 * transaction (never `synchronize`). A migration that fails closes the database again.
 */
export async function openMigratedDataSource(options: { databasePath: string; dataKey: Buffer; migrations: MigrationClass[]; nativeBinding?: string }): Promise<DataSource> {
  const keyHex = options.dataKey.toString('hex');
  const dataSource = new DataSource({
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
    enableWAL: true,
    entities: ENTITIES,
    migrations: options.migrations,
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
