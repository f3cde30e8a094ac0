import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';
import { createDatabaseAtVersion } from '../database-at-version';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const HASH = 'b'.repeat(64);
const SEED = [
  "INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x')",
  "INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'government', '', '', '', '', 1, 'x', 'x')",
  "INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')",
  `INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, 1, '["burnout"]', '2026-11-01', 'x', 'x')`,
  `INSERT INTO note (case_id, author_user_id, template, content, created_at, updated_at) VALUES (1, 1, 'soap', '{"subjective":"Klien merasa cémas","objective":"","assessment":"","plan":"Latihan napas"}', 'x', 'x')`,
];

describe('migration 8: note search and attachments', () => {
  it('indexes notes and addenda by trigger, in step with every draft change, and indexes notes written before it', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const old = await createDatabaseAtVersion(folder, key, 7);
    for (const sql of SEED) await old.query(sql);
    await old.destroy();
    const ds = await folder.open(key, { create: false });
    const hits = (q: string) => ds.query(`SELECT note_id AS noteId, addendum_id AS addendumId FROM note_fts WHERE note_fts MATCH ? ORDER BY rowid`, [q]);

    expect(await hits('cemas')).toEqual([{ noteId: 1, addendumId: null }]); // written at version 7, diacritics folded
    expect(await hits('nap*')).toEqual([{ noteId: 1, addendumId: null }]);
    await ds.query(`UPDATE note SET content = '{"subjective":"Tidur membaik","objective":"","assessment":"","plan":""}' WHERE id = 1`);
    expect(await hits('cemas')).toEqual([]);
    expect(await hits('tidur')).toEqual([{ noteId: 1, addendumId: null }]);
    await ds.query(`UPDATE note SET status = 'signed', signed_at = 'x', signed_by_user_id = 1, content_sha256 = ? WHERE id = 1`, [HASH]);
    await ds.query(`INSERT INTO note_addendum (note_id, text, signed_at, signed_by_user_id, content_sha256) VALUES (1, 'Tidur enam jam', 'x', 1, ?)`, [HASH]);
    expect(await hits('tidur')).toEqual([{ noteId: 1, addendumId: 1 }, { noteId: 1, addendumId: null }]);
    await ds.query("INSERT INTO note_fts (note_fts, rank) VALUES ('integrity-check', 1)"); // throws if the index and its rows disagree
    await ds.destroy();
  });

  it('keeps an attachment as it was added: type and size checked, never changed or deleted', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    for (const sql of SEED.slice(0, 3)) await ds.query(sql);
    const add = (mediaType: string, size: number, data: Buffer) =>
      ds.query(`INSERT INTO attachment (client_id, kind, media_type, title, size_bytes, sha256, data, added_at, added_by_user_id) VALUES (1, 'consent_form', ?, 'Consent', ?, ?, ?, 'x', 1)`, [mediaType, size, HASH, data]);
    await add('application/pdf', 8, Buffer.from('%PDF-1.7'));
    await expect(add('application/x-msdownload', 2, Buffer.from('MZ'))).rejects.toThrow(/CHECK/);
    await expect(add('application/pdf', 9, Buffer.from('%PDF-1.7'))).rejects.toThrow(/CHECK/); // the size must be the blob's
    await expect(ds.query("UPDATE attachment SET title = 'x'")).rejects.toThrow(/cannot change/);
    await expect(ds.query('DELETE FROM attachment')).rejects.toThrow(/cannot be deleted/);
    await ds.destroy();
  });
});
