import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DataSource } from 'typeorm';
import { AppError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../migrations';
import { openMigratedDataSource } from '../data-source';
import { KEYRING_FILE, KEYRING_LOCK_FILE, PENDING_KEYRING_FILE } from './keyring';
import { applyDataKey, changeDataKey, checkKeyAndIntegrity, readSchemaVersion, type KeyCheck } from './sqlcipher';

export const DATABASE_FILE = 'tenang.db';

/**
 * A vault is a folder: the SQLCipher 4 database (with its WAL) and the keyring. This
 * class knows the files and how to open the database with a data key; who may do so
 * is the services' business.
 */
export class VaultFolder {
  readonly databasePath: string;
  readonly keyringPath: string;
  readonly pendingKeyringPath: string;
  readonly keyringLockPath: string;

  constructor(
    readonly dir: string,
    private readonly nativeBinding?: string,
  ) {
    this.databasePath = join(dir, DATABASE_FILE);
    this.keyringPath = join(dir, KEYRING_FILE);
    this.pendingKeyringPath = join(dir, PENDING_KEYRING_FILE);
    this.keyringLockPath = join(dir, KEYRING_LOCK_FILE);
  }

  databaseExists(): boolean {
    return existsSync(this.databasePath);
  }

  /** Make the folder for a new vault; refuses a folder that already holds files. */
  prepareNew(): void {
    if (existsSync(this.dir) && readdirSync(this.dir).length > 0) {
      throw new AppError('VAULT_EXISTS', 'This folder already holds a vault or other files.');
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.restrictAccess();
  }

  /**
   * Only the OS account running Tenang may list or read the vault folder: other accounts
   * on a shared desktop could otherwise copy the keyring and guess passphrases offline.
   * (On Windows the folder inherits the user profile's ACL; chmod cannot express more.)
   */
  restrictAccess(): void {
    if (process.platform === 'win32' || !existsSync(this.dir)) return;
    chmodSync(this.dir, 0o700);
  }

  private rawOpen(dataKey: Buffer, options: { create: boolean }): Database.Database {
    if (!options.create && !this.databaseExists()) throw new AppError('VAULT_NOT_FOUND', 'No vault was found in this folder.');
    const db = new Database(this.databasePath, {
      fileMustExist: !options.create,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    try {
      applyDataKey(db, dataKey.toString('hex'));
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** Does this key open the database, and is the file whole? Reads nothing else. */
  probe(dataKey: Buffer): KeyCheck {
    const db = this.rawOpen(dataKey, { create: false });
    try {
      return checkKeyAndIntegrity(db);
    } finally {
      db.close();
    }
  }

  /**
   * Open the database with TypeORM and bring its schema up to date in one transaction.
   * A vault written by a newer Tenang is refused before anything is changed.
   */
  async open(dataKey: Buffer, options: { create: boolean }): Promise<DataSource> {
    this.restrictAccess();
    const raw = this.rawOpen(dataKey, options);
    try {
      const check = checkKeyAndIntegrity(raw);
      if (check === 'wrong_key') throw new AppError('WRONG_RECOVERY_KEY', 'This key does not open the vault.');
      if (check === 'damaged') throw new AppError('VAULT_DAMAGED', 'The vault file is damaged and cannot be opened safely.');
      if (readSchemaVersion(raw) > LATEST_SCHEMA_VERSION) {
        throw new AppError('VAULT_TOO_NEW', 'This vault was written by a newer version of Tenang. Update Tenang to open it.');
      }
    } finally {
      raw.close();
    }
    return openMigratedDataSource({ databasePath: this.databasePath, dataKey, migrations: MIGRATIONS, ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}) });
  }

  /** Re-encrypt the closed database from one data key to another. */
  changeKey(oldKey: Buffer, newKey: Buffer): void {
    const db = this.rawOpen(oldKey, { create: false });
    try {
      if (checkKeyAndIntegrity(db) !== 'ok') throw new AppError('VAULT_DAMAGED', 'The vault could not be re-encrypted.');
      changeDataKey(db, newKey.toString('hex'));
    } finally {
      db.close();
    }
  }
}
