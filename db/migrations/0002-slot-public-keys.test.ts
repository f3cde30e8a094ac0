import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { DataSource } from 'typeorm';
import { applyDataKey } from '../vault/sqlcipher';
import { InitialSchema1764300000001 } from './0001-initial-schema';
import { SlotPublicKeys1764300000002 } from './0002-slot-public-keys';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('migration 2: slot public keys', () => {
  it('adds the column to a version-1 vault, keeps its users, and records schema version 2', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    // A vault as Tenang with schema 1 left it.
    const v1 = new DataSource({
      type: 'better-sqlite3',
      database: folder.databasePath,
      driver: Database,
      prepareDatabase: (db: Database.Database) => applyDataKey(db, key.toString('hex')),
      migrations: [InitialSchema1764300000001],
      migrationsTransactionMode: 'all',
    });
    await v1.initialize();
    await v1.runMigrations();
    await v1.query("INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('sari', 'Sari', 'counsellor', 1, '2026-11-01T00:00:00.000Z')");
    expect(await v1.query('PRAGMA user_version')).toEqual([{ user_version: 1 }]);
    await v1.destroy();

    // Up to migration 2 only, as Tenang with schema 2 would.
    const v2 = new DataSource({
      type: 'better-sqlite3',
      database: folder.databasePath,
      driver: Database,
      prepareDatabase: (db: Database.Database) => applyDataKey(db, key.toString('hex')),
      migrations: [InitialSchema1764300000001, SlotPublicKeys1764300000002],
      migrationsTransactionMode: 'all',
    });
    await v2.initialize();
    await v2.runMigrations();
    expect(await v2.query('PRAGMA user_version')).toEqual([{ user_version: 2 }]);
    expect(await v2.query('SELECT username, slot_public_key FROM user_account')).toEqual([{ username: 'sari', slot_public_key: null }]);
    await v2.destroy();
  });
});
