import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const HASH = 'a'.repeat(64);

describe('migration 7: case notes', () => {
  it('refuses any change to a signed note, keeps addenda and break-glass openings append-only, and needs a note for a risk flag', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    await ds.query("INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x')");
    await ds.query("INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'government', '', '', '', '', 1, 'x', 'x')");
    await ds.query("INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')");
    await ds.query(`INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, 1, '["burnout"]', '2026-11-01', 'x', 'x')`);
    const note = (fields: string, values: string) => ds.query(`INSERT INTO note (case_id, author_user_id, template, content, created_at, updated_at${fields}) VALUES (1, 1, 'free_text', '{"text":"Sesi pertama"}', 'x', 'x'${values})`);

    await note('', '');
    await ds.query(`UPDATE note SET content = '{"text":"Sesi pertama, diperbaiki"}' WHERE id = 1`); // a draft changes freely
    await expect(ds.query(`UPDATE note SET status = 'signed' WHERE id = 1`)).rejects.toThrow(/CHECK/); // signing needs signer, time and hash
    await ds.query(`UPDATE note SET status = 'signed', signed_at = 'x', signed_by_user_id = 1, content_sha256 = ? WHERE id = 1`, [HASH]);
    await expect(ds.query(`UPDATE note SET content = '{"text":"changed"}' WHERE id = 1`)).rejects.toThrow(/signed note cannot change/);
    await expect(ds.query('DELETE FROM note WHERE id = 1')).rejects.toThrow(/cannot be deleted/);
    await expect(note(', content_sha256', ", 'not-a-hash'")).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO note (case_id, author_user_id, template, content, created_at, updated_at) VALUES (1, 1, 'memo', '{}', 'x', 'x')`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO note (case_id, author_user_id, template, content, created_at, updated_at) VALUES (1, 1, 'free_text', '[1]', 'x', 'x')`)).rejects.toThrow(/CHECK/);

    await ds.query(`INSERT INTO note_addendum (note_id, text, signed_at, signed_by_user_id, content_sha256) VALUES (1, 'Tanggal sesi seharusnya 3 November.', 'x', 1, ?)`, [HASH]);
    await expect(ds.query(`UPDATE note_addendum SET text = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM note_addendum')).rejects.toThrow(/append-only/);
    await note('', ''); // a second, unsigned note
    await expect(ds.query(`INSERT INTO note_addendum (note_id, text, signed_at, signed_by_user_id, content_sha256) VALUES (2, 'too early', 'x', 1, ?)`, [HASH])).rejects.toThrow(/corrects a signed note/);

    await expect(ds.query(`INSERT INTO risk_flag (client_id, kind, level, raised_date, review_date, raised_by_user_id) VALUES (1, 'safeguarding', 'high', '2026-11-28', '2026-12-05', 1)`)).rejects.toThrow(/NOT NULL/);
    await ds.query(`INSERT INTO risk_flag (client_id, kind, level, raised_date, review_date, raised_by_user_id, raised_note_id) VALUES (1, 'safeguarding', 'high', '2026-11-28', '2026-12-05', 1, 1)`);
    await expect(ds.query(`UPDATE risk_flag SET cleared_at = 'x' WHERE id = 1`)).rejects.toThrow(/CHECK/); // clearing needs who and a note
    await expect(ds.query(`INSERT INTO risk_flag (client_id, kind, level, raised_date, review_date, raised_by_user_id, raised_note_id) VALUES (1, 'safeguarding', 'extreme', '2026-11-28', '2026-12-05', 1, 1)`)).rejects.toThrow(/CHECK/);

    await ds.query(`INSERT INTO note_access (note_id, user_id, reason, opened_at) VALUES (1, 1, 'Counsellor on leave; client in crisis', 'x')`);
    await expect(ds.query('DELETE FROM note_access')).rejects.toThrow(/append-only/);
    await ds.destroy();
  });
});
