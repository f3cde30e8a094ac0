import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';
import { createDatabaseAtVersion } from '../database-at-version';
import { LATEST_SCHEMA_VERSION } from '.';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const SEED = [
  "INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('ani', 'Ani', 'admin', 1, 'x')",
  "INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'education', '', '', '', '', 1, 'x', 'x')",
  "INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')",
  `INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, 1, '["burnout"]', '2026-11-01', 'x', 'x')`,
  `INSERT INTO referral (agency_id, client_id, received_date, clock_started_at, referral_type, urgency, presenting_issues, referrer_name, referrer_contact, consent_level, reason, status, created_at, updated_at)
   VALUES (1, 1, '2026-11-01', '2026-11-01T09:00', 'formal_management', 'routine', '["burnout"]', 'Pak Joko', '', 'attendance', '', 'new', 'x', 'x')`,
];

const report = (overrides: Record<string, string> = {}) => {
  const values = {
    kind: "'agency_report'", scope_kind: "'agency'", scope_name: "'Dinas'", agency_ids: "'[1]'", period_from: "'2026-07'", period_to: "'2026-09'",
    referral_id: 'NULL', format: "'json'", sha256: `'${'a'.repeat(64)}'`, published: "'{}'", ...overrides,
  };
  return `INSERT INTO report_register (kind, made_by_user_id, made_at, scope_kind, scope_name, agency_ids, period_from, period_to, referral_id, format, language, sha256, published)
    VALUES (${values.kind}, 1, '2026-12-03T09:00', ${values.scope_kind}, ${values.scope_name}, ${values.agency_ids}, ${values.period_from}, ${values.period_to}, ${values.referral_id}, ${values.format}, 'en', ${values.sha256}, ${values.published})`;
};

describe('migration 12: reports and letters', () => {
  it('keeps a register of what left the clinic, one signing key, the consent dates and compliance answers', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const old = await createDatabaseAtVersion(folder, key, 11);
    for (const sql of SEED) await old.query(sql);
    await old.destroy();
    const ds = await folder.open(key, { create: false });
    expect(await ds.query('PRAGMA user_version')).toEqual([{ user_version: LATEST_SCHEMA_VERSION }]);

    // A referral from before lets a letter date sessions by month only, the narrower choice.
    expect(await ds.query('SELECT consent_dates FROM referral')).toEqual([{ consent_dates: 'month' }]);
    await expect(ds.query("UPDATE referral SET consent_dates = 'week'")).rejects.toThrow(/CHECK/);

    await ds.query(report());
    await ds.query(report({ kind: "'referral_letter'", scope_kind: 'NULL', scope_name: 'NULL', period_from: 'NULL', period_to: 'NULL', referral_id: '1', format: "'pdf'" }));
    // Months only; a report names its scope and period; a letter names its referral.
    await expect(ds.query(report({ period_from: "'2026-07-01'" }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(report({ period_from: "'2026-10'", period_to: "'2026-09'" }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(report({ scope_kind: 'NULL' }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(report({ kind: "'referral_letter'" }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(report({ sha256: "'abc'" }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(report({ published: "'{not json'" }))).rejects.toThrow(/CHECK/);
    await expect(ds.query("UPDATE report_register SET published = '{}'")).rejects.toThrow(/kept as written/);
    await expect(ds.query('DELETE FROM report_register')).rejects.toThrow(/kept as written/);

    await ds.query("INSERT INTO clinic_signing_key (id, public_key, private_key, created_at) VALUES (1, 'pub', 'priv', 'x')");
    await expect(ds.query("INSERT INTO clinic_signing_key (id, public_key, private_key, created_at) VALUES (2, 'pub', 'priv', 'x')")).rejects.toThrow(/CHECK/);
    await expect(ds.query("UPDATE clinic_signing_key SET private_key = 'other'")).rejects.toThrow(/made once/);
    await expect(ds.query('DELETE FROM clinic_signing_key')).rejects.toThrow(/made once/);

    await ds.query("INSERT INTO recommendation_compliance (case_id, followed, recorded_at, recorded_by_user_id) VALUES (1, 1, 'x', 1)");
    await expect(ds.query("INSERT INTO recommendation_compliance (case_id, followed, recorded_at, recorded_by_user_id) VALUES (1, 2, 'x', 1)")).rejects.toThrow(/CHECK/);
    await expect(ds.query('UPDATE recommendation_compliance SET followed = 0')).rejects.toThrow(/kept as recorded/);
    await expect(ds.query('DELETE FROM recommendation_compliance')).rejects.toThrow(/kept as recorded/);
    await ds.destroy();
  });
});
