import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';
import { createDatabaseAtVersion } from '../database-at-version';
import { LATEST_SCHEMA_VERSION } from '.';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const SEED = [
  "INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x')",
  "INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'government', '', '', '', '', 1, 'x', 'x')",
  "INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')",
  `INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, 1, '["burnout"]', '2026-11-01', 'x', 'x')`,
];

const administration = (responses: string, at = '2026-11-02T09:00') =>
  `INSERT INTO measure_administration (case_id, instrument_id, instrument_version, administered_at, mode, responses, recorded_by_user_id, recorded_at)
   VALUES (1, 'phq9', '1', '${at}', 'client', '${responses}', 1, 'x')`;

describe('migration 11: outcome measures', () => {
  it('keeps answers as given, alerts with their follow-up, instrument settings and a plan per case', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const old = await createDatabaseAtVersion(folder, key, 10);
    for (const sql of SEED) await old.query(sql);
    await old.destroy();
    const ds = await folder.open(key, { create: false });
    expect(await ds.query('PRAGMA user_version')).toEqual([{ user_version: LATEST_SCHEMA_VERSION }]);

    // The case from before keeps following the clinic's plan.
    expect(await ds.query('SELECT measurement_plan AS plan FROM client_case')).toEqual([{ plan: null }]);
    await expect(ds.query("UPDATE client_case SET measurement_plan = 'not json' WHERE id = 1")).rejects.toThrow(/CHECK/);

    await ds.query(administration('[0,1,2,3,null,0,1,2,1]'));
    await expect(ds.query(administration('{"a":1}'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(administration('[1]', '2 Nov 2026'))).rejects.toThrow(/CHECK/);
    await expect(ds.query("UPDATE measure_administration SET responses = '[0,0,0,0,0,0,0,0,0]'")).rejects.toThrow(/kept as given/);
    await expect(ds.query('DELETE FROM measure_administration')).rejects.toThrow(/kept as given/);

    await ds.query("INSERT INTO measure_alert (administration_id, alert, raised_at) VALUES (1, 'phq9_item9', 'x')");
    await expect(ds.query("INSERT INTO measure_alert (administration_id, alert, raised_at) VALUES (1, 'phq9_item9', 'x')")).rejects.toThrow(/UNIQUE/);
    // A follow-up says what it is.
    await expect(ds.query("UPDATE measure_alert SET follow_up_kind = 'note', followed_up_at = 'y', followed_up_by_user_id = 1")).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO note (case_id, author_user_id, template, content, created_at, updated_at) VALUES (1, 1, 'free_text', '{"text":"x"}', 'x', 'x')`);
    await ds.query("UPDATE measure_alert SET follow_up_kind = 'note', follow_up_note_id = 1, followed_up_at = 'y', followed_up_by_user_id = 1");
    await expect(ds.query("UPDATE measure_alert SET follow_up_kind = NULL, follow_up_note_id = NULL, followed_up_at = NULL")).rejects.toThrow(/kept as recorded/);
    await expect(ds.query('DELETE FROM measure_alert')).rejects.toThrow(/alerts are kept/);

    await ds.query("INSERT INTO instrument_setting (instrument_id, enabled, definition, updated_by_user_id, updated_at) VALUES ('pss10', 0, NULL, 1, 'x')");
    await expect(ds.query("INSERT INTO instrument_setting (instrument_id, enabled, definition, updated_by_user_id, updated_at) VALUES ('core10', 1, '{broken', 1, 'x')")).rejects.toThrow(/CHECK/);
    await ds.destroy();
  });
});
