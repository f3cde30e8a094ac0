import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The only place that speaks SQLCipher. The cipher must be chosen before the key, in
 * this order, or the file is not in SQLCipher 4 format (environment.md). The key is the
 * raw 256-bit data key, so any SQLCipher 4 tool opens the file with
 * PRAGMA key="x'<64 hex digits>'".
 */
export function applyDataKey(db: Database, dataKeyHex: string): void {
  if (!/^[0-9a-f]{64}$/.test(dataKeyHex)) throw new Error('data key must be 64 lower-case hex digits');
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma(`key="x'${dataKeyHex}'"`);
  // SQLite writes sorts, temporary indexes and VACUUM copies to temp files, and SQLite3
  // Multiple Ciphers does not encrypt those: keep every temporary table in memory.
  db.pragma('temp_store=MEMORY');
  if (db.pragma('temp_store', { simple: true }) !== 2) throw new Error('SQLite refused to keep temporary data in memory');
}

/**
 * Every page read is decrypted; SQLite's default cache (2 MB) makes a search of a large
 * client list decrypt the same pages again on every keystroke. 64 MB keeps a clinic's
 * working set decrypted in memory (where the open vault's data is anyway). Set only once
 * the key is known to be right: the pragma reads the file, and a wrong key must surface
 * in checkKeyAndIntegrity, not here.
 */
export function enlargePageCache(db: Database): void {
  db.pragma('cache_size = -65536');
}

export function changeDataKey(db: Database, newDataKeyHex: string): void {
  if (!/^[0-9a-f]{64}$/.test(newDataKeyHex)) throw new Error('data key must be 64 lower-case hex digits');
  // SQLite3 Multiple Ciphers cannot rekey in WAL mode: leave it for the rekey, then return.
  db.pragma('journal_mode=DELETE');
  db.pragma(`rekey="x'${newDataKeyHex}'"`);
  db.pragma('journal_mode=WAL');
}

export type KeyCheck = 'ok' | 'wrong_key' | 'damaged';

/**
 * Whether the key opens the file, and whether the file is whole. `quick_check` is the
 * fast path of `integrity_check` (no index cross-checks), run at every unlock.
 */
export function checkKeyAndIntegrity(db: Database): KeyCheck {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return 'wrong_key';
    if (code === 'SQLITE_CORRUPT') return 'damaged';
    throw e;
  }
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.length === 1 && rows[0]?.quick_check === 'ok' ? 'ok' : 'damaged';
  } catch {
    return 'damaged';
  }
}

export function readSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
