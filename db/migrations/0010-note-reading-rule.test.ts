import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';
import { createDatabaseAtVersion } from '../database-at-version';
import { LATEST_SCHEMA_VERSION } from '.';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const SEED = [
  "INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x'), ('citra', 'Citra', 'counsellor', 1, 'x')",
  "INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'government', '', '', '', '', 1, 'x', 'x')",
  "INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')",
  `INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, 1, '["burnout"]', '2026-11-01', 'x', 'x')`,
  `INSERT INTO note (case_id, author_user_id, template, content, created_at, updated_at) VALUES (1, 1, 'free_text', '{"text":"x"}', 'x', 'x')`,
];

describe('migration 10: what the note rule relies on', () => {
  it('finds notes by author through an index, and keeps each case with its counsellor while it closes and counts sessions', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const old = await createDatabaseAtVersion(folder, key, 9);
    for (const sql of SEED) await old.query(sql);
    await old.destroy();
    const ds = await folder.open(key, { create: false });
    expect(await ds.query('PRAGMA user_version')).toEqual([{ user_version: LATEST_SCHEMA_VERSION }]); // migrated to the latest

    const plan: Array<{ detail: string }> = await ds.query('EXPLAIN QUERY PLAN SELECT id FROM note WHERE author_user_id = 1');
    expect(plan.map((p) => p.detail).join(' ')).toContain('note_author');

    await expect(ds.query('UPDATE client_case SET counsellor_id = 2 WHERE id = 1')).rejects.toThrow(/keeps its counsellor/);
    await ds.query("UPDATE client_case SET closed_date = '2026-11-20', closure_reason = 'completed', sessions_used = 3, counsellor_id = 1 WHERE id = 1");
    expect(await ds.query('SELECT counsellor_id AS counsellorId, closed_date AS closedDate FROM client_case')).toEqual([{ counsellorId: 1, closedDate: '2026-11-20' }]);
    await ds.destroy();
  });
});
