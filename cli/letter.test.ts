import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DateTime } from 'luxon';
import { ADMIN, clinicWithCounsellor, COUNSELLOR, expectOk, manualClock } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';
import { pdfLines } from '../tests/helpers/pdf-text';

/**
 * `tenang letter referral` run as clinic IT would, in a child process on the tests' clock
 * (Saturday 28 November 2026, 09:00 in Jakarta). The vault is made in-process: a formal
 * referral consenting to attendance by month, two sessions attended in November.
 */
const NOW = Date.parse('2026-11-28T02:00:00Z');
const jakarta = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Jakarta' }).toMillis();

describe('tenang letter referral', () => {
  let vaultDir = '';
  let root = '';
  let formalId = 0;
  let informalId = 0;
  let cleanup: () => Promise<void> = async () => undefined;
  const file = (name: string) => join(root, name);
  const as = (who: { passphrase: string }) => ({ env: { TENANG_PASSPHRASE: who.passphrase }, nowMs: NOW });
  const letter = (id: number, out: string, ...more: string[]) => ['letter', 'referral', String(id), '--vault', vaultDir, '--out', out, ...more];

  beforeAll(async () => {
    delete process.env.TENANG_PASSPHRASE;
    const clinic = await clinicWithCounsellor(manualClock(NOW));
    vaultDir = clinic.dir;
    root = dirname(clinic.dir);
    cleanup = clinic.cleanup;
    const call = async <T>(channel: string, input: unknown) => expectOk(await clinic.app.dispatch(channel, input)) as T;
    const agency = await call<{ id: number }>('agencies.create', { name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' });
    const base = { agencyId: agency.id, receivedDate: '2026-11-02', urgency: 'routine', presentingIssues: ['burnout'], reason: 'Sering terlambat' };
    const formal = await call<{ referral: { id: number } }>('referrals.create', {
      ...base,
      referralType: 'formal_management',
      referrerName: 'Ibu Ratna',
      referrerContact: 'ratna@damkar.go.id',
      consentLevel: 'attendance',
      consentDate: '2026-11-02',
      consentExpiry: '2027-05-01',
      client: { mode: 'new', givenName: 'Siti', familyName: 'Rahayu', preferredLanguage: 'en' },
    });
    formalId = formal.referral.id;
    informalId = (await call<{ referral: { id: number } }>('referrals.create', { ...base, referralType: 'self', client: { mode: 'new', givenName: 'Rina', familyName: 'Kusuma' } })).referral.id;
    await call('referrals.move', { id: formalId, to: 'triaged' });
    await call('referrals.move', { id: formalId, to: 'waitlisted' });
    const { caseId } = await call<{ caseId: number }>('referrals.assign', { id: formalId, counsellorId: clinic.counsellorId });
    await clinic.app.runAdminTask('test', async (session) => {
      for (const local of ['2026-11-09T09:00', '2026-11-16T09:00']) {
        await session.dataSource.query(
          `INSERT INTO session (case_id, agency_id, counsellor_id, start_ms, end_ms, time_zone, session_type, modality, status, status_reason, created_at, created_by_user_id, updated_at)
           VALUES (?, ?, ?, ?, ?, 'Asia/Jakarta', 'counselling', 'phone', 'attended', '', '2026-11-02T02:00:00.000Z', 1, '2026-11-02T02:00:00.000Z')`,
          [caseId, agency.id, clinic.counsellorId, jakarta(local), jakarta(local) + 50 * 60_000],
        );
      }
    });
    await clinic.app.close();
  });
  afterAll(() => cleanup());

  it('writes the letter an admin asks for, readable by them only, and reports its register entry', async () => {
    const r = tenang([...letter(formalId, file('letter.pdf'), '--user', ADMIN.username), '--json'], as(ADMIN));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { path: string; registerId: number; sha256: string; facts: { language: string; attendance: unknown } };
    expect(out).toMatchObject({ path: file('letter.pdf'), registerId: 1, facts: { language: 'en', attendance: { dating: 'month', months: [{ month: '2026-11', sessions: 2 }] } } });
    const bytes = readFileSync(file('letter.pdf'));
    expect(statSync(file('letter.pdf')).mode & 0o777).toBe(0o600);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(out.sha256);
    const text = (await pdfLines(bytes)).join(' ');
    expect(text).toContain('2 sessions in November 2026');
    expect(text).not.toContain('Sering terlambat');
    expect(text).not.toContain(COUNSELLOR.displayName);
  });

  it('takes another language, and refuses to write over a file without --force', () => {
    writeFileSync(file('taken.pdf'), 'mine');
    const refused = tenang(letter(formalId, file('taken.pdf'), '--user', ADMIN.username), as(ADMIN));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file('taken.pdf'), 'utf8')).toBe('mine');
    const r = tenang(letter(formalId, file('taken.pdf'), '--user', ADMIN.username, '--language', 'id', '--force'), as(ADMIN));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote the letter for referral ${formalId} (id, 2 attended sessions by month)`);
    expect(statSync(file('taken.pdf')).mode & 0o777).toBe(0o600);
  });

  it('names the reason a letter is refused, and writes nothing', () => {
    const r = tenang(letter(informalId, file('informal.pdf'), '--user', ADMIN.username), as(ADMIN));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[LETTER_NOT_FORMAL]');
    expect(existsSync(file('informal.pdf'))).toBe(false);
  });

  it('refuses a counsellor', () => {
    const r = tenang(letter(formalId, file('budi.pdf'), '--user', COUNSELLOR.username), as(COUNSELLOR));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[FORBIDDEN]');
    expect(existsSync(file('budi.pdf'))).toBe(false);
  });
});
