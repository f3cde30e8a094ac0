import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('migration 4: clients, referrals and cases', () => {
  it('creates the tables with their checks and an append-only status history', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    await ds.query("INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x')");
    await ds.query("INSERT INTO agency (name, sector, created_at, updated_at) VALUES ('Dinas Sosial', 'social_services', 'x', 'x')");
    await ds.query("INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Siti', 'siti', 'x', 'x')");
    await expect(ds.query("INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000001', 1, 'Ani', 'ani', 'x', 'x')")).rejects.toThrow(/UNIQUE/);

    const referral = (status: string, closure: string | null, issues = '["anxiety"]') =>
      ds.query(
        "INSERT INTO referral (agency_id, client_id, received_date, clock_started_at, referral_type, urgency, presenting_issues, status, closure_reason, created_at, updated_at) VALUES (1, 1, '2026-11-27', 'x', 'self', 'routine', ?, ?, ?, 'x', 'x')",
        [issues, status, closure],
      );
    await referral('new', null);
    await expect(referral('closed', null)).rejects.toThrow(/CHECK/);
    await expect(referral('new', 'declined')).rejects.toThrow(/CHECK/);
    await expect(referral('new', null, 'anxiety')).rejects.toThrow(/CHECK|malformed JSON/);
    // Assigned means a counsellor and a case.
    await expect(referral('assigned', null)).rejects.toThrow(/CHECK/);

    await expect(
      ds.query("INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, closed_date, created_at, updated_at) VALUES (1, 1, '[]', '2026-11-27', '2026-11-28', 'x', 'x')"),
    ).rejects.toThrow(/CHECK/);

    await ds.query("INSERT INTO referral_status_change (referral_id, to_status, changed_at, changed_by_user_id) VALUES (1, 'new', 'x', 1)");
    await expect(ds.query("UPDATE referral_status_change SET to_status = 'closed'")).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM referral_status_change')).rejects.toThrow(/append-only/);
    await ds.destroy();
  });
});
