import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyDataKey } from '../../db/vault/sqlcipher';
import { parseRecoveryKey } from '../../shared/recovery-key';

/**
 * What a counsellor must never be shown, worked out from the vault itself at the moment of
 * asking (issue 11): a second, read-only connection opened with the recovery key, as any
 * SQLCipher tool would, so the answer does not depend on the code under test.
 */

export type VaultReader = InstanceType<typeof Database>;

export function openVaultReader(dir: string, recoveryKey: string): VaultReader {
  const db = new Database(join(dir, 'tenang.db'), { readonly: true, fileMustExist: true });
  const key = parseRecoveryKey(recoveryKey);
  if (key === null) throw new Error('not a recovery key');
  applyDataKey(db, key);
  return db;
}

export interface Outsider {
  id: number;
  /** The code, given and family names and date of birth: any of them in a reply is a leak. */
  tokens: string[];
}

/** Clients with no case and no referral assigned to the counsellor: outside their caseload. */
export function outsidersOf(db: VaultReader, counsellorId: number): Outsider[] {
  const rows = db
    .prepare(
      `SELECT id, code, given_name AS given, family_name AS family, date_of_birth AS dob FROM client
       WHERE id NOT IN (SELECT client_id FROM client_case WHERE counsellor_id = ? UNION SELECT client_id FROM referral WHERE counsellor_id = ?)`,
    )
    .all(counsellorId, counsellorId) as Array<{ id: number; code: string; given: string; family: string; dob: string | null }>;
  return rows.map((r) => ({ id: r.id, tokens: [r.code, r.given, r.family, r.dob].filter((t): t is string => !!t) }));
}

const idQueriesOf = new WeakMap<VaultReader, Array<[string, { all(): unknown[] }]>>();

/** Every id of every table that has one, by table name: the real ids a caller may try. */
export function idsByTable(db: VaultReader): Map<string, number[]> {
  let queries = idQueriesOf.get(db);
  if (!queries) {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string }>;
    const withIds = tables.filter(({ name }) => (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(name) as Array<{ name: string; type: string }>).some((c) => c.name === 'id' && /int/i.test(c.type)));
    queries = withIds.map(({ name }) => [name, db.prepare(`SELECT id FROM "${name}" ORDER BY id`).pluck(true)]);
    idQueriesOf.set(db, queries);
  }
  return new Map(queries.map(([name, query]) => [name, query.all() as number[]]));
}

/**
 * How often each string occurs in the vault's text, every table but the audit log and the
 * search index (derived from notes). Compared before and after a call, it tells whether the
 * caller wrote a string into the vault: what they wrote themselves they may see again.
 */
export function occurrencesInVault(db: VaultReader, needles: string[]): Map<string, number> {
  const counts = new Map(needles.map((n) => [n, 0]));
  for (const statement of needles.length ? textCounters(db) : []) {
    for (const needle of needles) counts.set(needle, counts.get(needle)! + (statement.get({ needle }) as { n: number }).n);
  }
  return counts;
}

type Counter = ReturnType<VaultReader['prepare']>;
const countersOf = new WeakMap<VaultReader, Counter[]>();

/** One statement per table counting a needle in all its text columns (prepared once: the schema does not change during a run). */
function textCounters(db: VaultReader): Counter[] {
  let counters = countersOf.get(db);
  if (counters) return counters;
  counters = [];
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE 'audit_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as Array<{ name: string }>;
  for (const { name } of tables) {
    const columns = (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(name) as Array<{ name: string; type: string }>).filter((c) => !/int|real|blob/i.test(c.type));
    if (columns.length === 0) continue;
    const text = columns.map((c) => `coalesce(CAST("${c.name}" AS TEXT), '')`).join(` || char(1) || `);
    counters.push(db.prepare(`SELECT coalesce(sum((length(${text}) - length(replace(${text}, @needle, ''))) / length(@needle)), 0) AS n FROM "${name}"`));
  }
  countersOf.set(db, counters);
  return counters;
}

/** Keys under which an object (or a list of them) describes a client, so its `id` is a client id. */
const CLIENT_HOLDER = /client|attendee|candidate/i;
/** Keys whose value is a client id, or a list of them. */
const CLIENT_ID_KEY = /^clientIds?$/i;

/** Outsider client ids anywhere a reply names a client by id. */
function clientIdsIn(value: unknown, outsiderIds: Set<number>, path: string, underClient: boolean, found: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => clientIdsIn(item, outsiderIds, `${path}[${i}]`, underClient, found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const at = `${path}.${key}`;
    const namesClient = CLIENT_ID_KEY.test(key) || (key === 'id' && underClient);
    if (namesClient) {
      for (const id of [child].flat()) if (typeof id === 'number' && outsiderIds.has(id)) found.push(`client id ${id} at ${at}`);
    }
    clientIdsIn(child, outsiderIds, at, CLIENT_HOLDER.test(key), found);
  }
}

/**
 * What of the outsiders a reply gives away: their code, names or date of birth anywhere in
 * it (ok value or error), or their client id wherever a client is named by id. Strings the
 * caller typed in (`known`) are left out: searching for a name is not learning it.
 */
export function leaksIn(reply: unknown, outsiders: Outsider[], known: string): string[] {
  const text = JSON.stringify(reply);
  const found: string[] = [];
  for (const outsider of outsiders) {
    for (const token of outsider.tokens) if (!known.includes(token) && text.includes(token)) found.push(`"${token}" of client ${outsider.id}`);
  }
  clientIdsIn(reply, new Set(outsiders.map((o) => o.id)), 'reply', false, found);
  return found;
}
