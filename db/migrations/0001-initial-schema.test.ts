import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDataKey } from '../vault/sqlcipher';
import { LATEST_SCHEMA_VERSION } from './index';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('migration 1: initial schema', () => {
  it('builds every table from an empty database, then later migrations bring it to the latest version', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    const tables = (await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) as Array<{ name: string }>;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['audit_entry', 'audit_head', 'draft', 'setting', 'user_account']));
    expect(await ds.query('PRAGMA user_version')).toEqual([{ user_version: LATEST_SCHEMA_VERSION }]);
    const triggers = (await ds.query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entry' ORDER BY name")) as Array<{ name: string }>;
    expect(triggers.map((t) => t.name)).toEqual(['audit_entry_head', 'audit_entry_no_delete', 'audit_entry_no_update']);
    await ds.destroy();
    // Opening again runs nothing new.
    const again = await folder.open(key, { create: false });
    expect(await again.query('SELECT count(*) AS n FROM migrations')).toEqual([{ n: LATEST_SCHEMA_VERSION }]);
    await again.destroy();
  });

  it('refuses a vault from a newer Tenang and leaves the file untouched', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    await (await folder.open(key, { create: true })).destroy();
    const raw = new Database(folder.databasePath);
    applyDataKey(raw, key.toString('hex'));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(folder.databasePath);
    await expect(folder.open(key, { create: false })).rejects.toMatchObject({ code: 'VAULT_TOO_NEW' });
    expect(readFileSync(folder.databasePath).equals(before)).toBe(true);
  });

  it('refuses a damaged file with VAULT_DAMAGED', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    await ds.query("CREATE TABLE filler (x)");
    for (let i = 0; i < 50; i++) await ds.query('INSERT INTO filler VALUES (randomblob(2000))');
    await ds.destroy();
    const bytes = readFileSync(folder.databasePath);
    // Scramble a page in the middle: its MAC fails, SQLCipher reports corruption.
    bytes.fill(0x41, 8192, 12288);
    (await import('node:fs')).writeFileSync(folder.databasePath, bytes);
    expect(() => {
      const check = folder.probe(key);
      if (check !== 'ok') throw Object.assign(new Error(check), { code: check });
    }).toThrow(/damaged/);
  });
});
