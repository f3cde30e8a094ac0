import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';
import { createDatabaseAtVersion } from '../database-at-version';
import { LATEST_SCHEMA_VERSION } from '.';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const HASH = 'c'.repeat(64);
const AT_VERSION_8 = [
  "INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('ayu', 'Ayu', 'admin', 1, 'x')",
  "INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'government', '', '', '', '', 1, 'x', 'x')",
  "INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')",
  `INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, 1, '["burnout"]', '2026-11-01', 'x', 'x')`,
  `INSERT INTO note (case_id, author_user_id, template, content, status, signed_at, signed_by_user_id, content_sha256, created_at, updated_at) VALUES (1, 1, 'free_text', '{"text":"Sesi"}', 'signed', 'x', 1, '${HASH}', 'x', 'x')`,
  "INSERT INTO note_access (note_id, user_id, reason, opened_at) VALUES (1, 1, 'short', 'x')",
];

describe('migration 9: accountability', () => {
  it('keeps break-glass openings from before it without a category, checks the categories of new ones, and adds an append-only export log', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const old = await createDatabaseAtVersion(folder, key, 8);
    for (const sql of AT_VERSION_8) await old.query(sql);
    await old.destroy();
    const ds = await folder.open(key, { create: false });

    expect(await ds.query('PRAGMA user_version')).toEqual([{ user_version: LATEST_SCHEMA_VERSION }]); // migrated to the latest
    expect(await ds.query('SELECT reason, category FROM note_access')).toEqual([{ reason: 'short', category: null }]);
    await ds.query("INSERT INTO note_access (note_id, user_id, reason, category, opened_at) VALUES (1, 1, 'Client at risk, counsellor away', 'client_at_risk', 'y')");
    await expect(ds.query("INSERT INTO note_access (note_id, user_id, reason, category, opened_at) VALUES (1, 1, 'Client at risk, counsellor away', 'curiosity', 'y')")).rejects.toThrow(/CHECK/);
    await expect(ds.query('DELETE FROM note_access')).rejects.toThrow(/append-only/);

    await ds.query("INSERT INTO export_log (user_id, exported_at, reason, encrypted, row_count) VALUES (1, '2026-12-02T02:30:00.000Z', 'Annual archive for the board', 1, 120)");
    await expect(ds.query("INSERT INTO export_log (user_id, exported_at, reason, encrypted, row_count) VALUES (1, 'x', 'backup', 1, 1)")).rejects.toThrow(/CHECK/);
    await expect(ds.query("INSERT INTO export_log (user_id, exported_at, reason, encrypted, row_count) VALUES (1, 'x', 'Annual archive for the board', 2, 1)")).rejects.toThrow(/CHECK/);
    await expect(ds.query("UPDATE export_log SET reason = 'Something else entirely'")).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM export_log')).rejects.toThrow(/append-only/);
    await ds.destroy();
  });
});
