import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from '../shared/domain/agencies';
import { createTenangApp } from './tenang-app';
import { addCounsellor, expectOk, manualClock, setUpClinic, signIn, tempVaultDir, COUNSELLOR } from '../tests/helpers/vault-fixture';
import type { TenangApp } from './tenang-app';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function call<T>(app: TenangApp, channel: string, input: unknown): Promise<T> {
  return expectOk(await app.dispatch(channel, input)) as T;
}

const DAMKAR = 'Dinas Pemadam Kebakaran';
const DISDIK = 'Dinas Pendidikan';

/** A clinic (admin signed in; the clinic's today is 2026-11-28 in Jakarta) with two agencies, one with a contract. */
async function clinic() {
  const temp = tempVaultDir();
  const clock = manualClock(Date.parse('2026-11-28T02:00:00Z'));
  const app = createTenangApp({ vaultDir: temp.dir, clock });
  cleanups.push(async () => {
    await app.close();
    temp.cleanup();
  });
  await setUpClinic(app);
  const damkar = await call<{ id: number }>(app, 'agencies.create', { name: DAMKAR, sector: 'emergency_services' });
  const disdik = await call<{ id: number }>(app, 'agencies.create', { name: DISDIK, sector: 'education' });
  const contract = await call<{ id: number }>(app, 'contracts.create', {
    agencyId: damkar.id,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    coveredHeadcount: 420,
    sessionAllowance: 6,
    allowancePolicy: 'warn',
    targets: DEFAULT_TARGETS,
    minCellSize: 5,
    reportingFrequency: 'quarterly',
  });
  return { app, damkarId: damkar.id, disdikId: disdik.id, contractId: contract.id };
}

const HEADER = 'agency,received_date,referral_type,urgency,given_name,family_name,date_of_birth,email,phone,presenting_issues,consent_level,reason,referrer_name,referrer_contact,consent_date,consent_expiry';
const VALID = [
  HEADER,
  `${DAMKAR},2026-11-27,formal_management,Mendesak,Siti,Rahayu,1985-03-14,siti.rahayu@example.id,,"workload_stress;Burnout and exhaustion",attendance,"Absences after a fire, twice",Pak Hendra,hendra@damkar.example.go.id,2026-11-26,2027-05-26`,
  `dinas pendidikan,2026-11-20,Rujukan mandiri,routine,Budi,Santoso,,,+62 812 555 0101,Kecemasan,,,,,,`,
  `${DISDIK},2026-11-21,self,emergency,Ani,,1990-07-01,,,"grief_loss",none,"Line one`,
  `line two",,,,`,
].join('\r\n');

interface ReferralView {
  id: number;
  agencyId: number;
  clientId: number;
  contractId: number | null;
  clientName: string;
  status: string;
  urgency: string;
  referralType: string;
  presentingIssues: string[];
  consentLevel: string;
  reason: string;
}

async function referrals(app: TenangApp): Promise<ReferralView[]> {
  return (await call<{ referrals: ReferralView[] }>(app, 'referrals.list', {})).referrals;
}
async function clientCount(app: TenangApp): Promise<number> {
  return (await call<{ total: number }>(app, 'clients.search', {})).total;
}
async function auditActions(app: TenangApp, action: string): Promise<Array<{ detail: unknown }>> {
  return (await call<{ entries: Array<{ detail: unknown }> }>(app, 'audit.list', { action })).entries;
}

describe('importing referrals from CSV', () => {
  it('imports every row of a valid file in one go: clients, referrals, their first status and the audit', async () => {
    const c = await clinic();
    const result = await call(c.app, 'referrals.import', { csv: VALID });
    expect(result).toEqual({ outcome: 'imported', imported: 3, dryRun: false });

    const listed = await referrals(c.app);
    expect(listed).toHaveLength(3);
    const byName = new Map(listed.map((r) => [r.clientName, r]));
    expect(byName.get('Siti Rahayu')).toMatchObject({ agencyId: c.damkarId, contractId: c.contractId, status: 'new', urgency: 'urgent', referralType: 'formal_management', presentingIssues: ['workload_stress', 'burnout'], consentLevel: 'attendance', reason: 'Absences after a fire, twice' });
    expect(byName.get('Budi Santoso')).toMatchObject({ agencyId: c.disdikId, contractId: null, referralType: 'self', urgency: 'routine', presentingIssues: ['anxiety'] });
    expect(byName.get('Ani')).toMatchObject({ urgency: 'emergency', presentingIssues: ['grief_loss'], reason: 'Line one\nline two' });
    expect(await clientCount(c.app)).toBe(3);

    const detail = await call<{ history: Array<{ toStatus: string; fromStatus: string | null }> }>(c.app, 'referrals.get', { id: listed[0]!.id });
    expect(detail.history).toMatchObject([{ fromStatus: null, toStatus: 'new' }]);

    expect(await auditActions(c.app, 'referral.import')).toMatchObject([{ detail: { rows: 3 } }]);
    expect(await auditActions(c.app, 'referral.create')).toHaveLength(3);
    expect(await auditActions(c.app, 'client.create')).toHaveLength(3);
    const audit = JSON.stringify(await call(c.app, 'audit.list', {}));
    for (const secret of ['Siti', 'Rahayu', 'siti.rahayu', 'Absences']) expect(audit).not.toContain(secret);
  });

  it('imports nothing from a file with some bad rows, and names each bad line and column', async () => {
    const c = await clinic();
    const old = await call<{ id: number }>(c.app, 'agencies.create', { name: 'Dinas Lama', sector: 'other' });
    await call(c.app, 'agencies.update', { id: old.id, name: 'Dinas Lama', sector: 'other', address: '', contactName: '', contactEmail: '', contactPhone: '', active: false });
    const csv = [
      HEADER,
      `${DAMKAR},2026-11-27,self,urgent,Siti,Rahayu,1985-03-14,,,anxiety,,,,,,`,
      `Dinas Tidak Ada,2026-11-27,self,urgent,Budi,,,,,anxiety,,,,,,`,
      `${DISDIK},2026-11-29,self,whenever,Ani,,,,,anxiety,,,,,,`,
      `Dinas Lama,2026-11-27,self,routine,Dewi,,,,,"anxiety`,
      `burnout",,,,,,`,
      `${DAMKAR},2026-11-27,self,routine,SITI,rahayu,1985-03-14,,,burnout,,,,,,`,
      `${DAMKAR},2026-11-27,formal_management,routine,Eka,,,,,burnout,,,,,,`,
    ].join('\n');
    const result = await call(c.app, 'referrals.import', { csv });
    expect(result).toEqual({
      outcome: 'invalid',
      rows: 6,
      problems: [
        { line: 3, column: 'agency', code: 'unknown_agency' },
        { line: 4, column: 'received_date', code: 'future_date' },
        { line: 4, column: 'urgency', code: 'unknown_code' },
        // Line 5's issues cell runs over two lines (anxiety, newline, burnout): one unknown code.
        { line: 5, column: 'agency', code: 'agency_inactive' },
        { line: 5, column: 'presenting_issues', code: 'unknown_code' },
        { line: 7, column: null, code: 'duplicate_in_file' },
        { line: 8, column: 'referrer_name', code: 'referrer_required' },
        { line: 8, column: 'referrer_contact', code: 'referrer_required' },
      ],
    });
    expect(await referrals(c.app)).toEqual([]);
    expect(await clientCount(c.app)).toBe(0);
    expect(await auditActions(c.app, 'referral.import')).toEqual([]);
    expect(await auditActions(c.app, 'client.create')).toEqual([]);
    // The report names lines and columns, never what the cells held.
    expect(JSON.stringify(result)).not.toMatch(/Siti|Tidak Ada|whenever/);
  });

  it('checks everything on a dry run, vault included, and imports nothing', async () => {
    const c = await clinic();
    expect(await call(c.app, 'referrals.import', { csv: VALID, dryRun: true })).toEqual({ outcome: 'imported', imported: 3, dryRun: true });
    expect(await referrals(c.app)).toEqual([]);
    expect(await clientCount(c.app)).toBe(0);
    expect(await auditActions(c.app, 'client.create')).toEqual([]);
    expect(await auditActions(c.app, 'referral.import')).toEqual([]);
    const bad = await call<{ outcome: string; problems: unknown[] }>(c.app, 'referrals.import', { csv: VALID.replace(DAMKAR, 'Nobody'), dryRun: true });
    expect(bad).toEqual({ outcome: 'invalid', rows: 3, problems: [{ line: 2, column: 'agency', code: 'unknown_agency' }] });
    // The audit chain still verifies after the rolled-back work.
    expect(await call(c.app, 'audit.verify', {})).toMatchObject({ valid: true });
  });

  it('gives a row to the one existing client who looks like the person; several look-alikes refuse the row', async () => {
    const c = await clinic();
    const siti = { givenName: 'Siti', familyName: 'Rahayu', dateOfBirth: '1985-03-14', email: '' };
    const base = { agencyId: c.damkarId, receivedDate: '2026-11-01', referralType: 'self', urgency: 'routine', presentingIssues: ['anxiety'] };
    const first = await call<{ outcome: string; referral: { clientId: number } }>(c.app, 'referrals.create', { ...base, client: { mode: 'new', ...siti } });
    const row = `${DAMKAR},2026-11-27,self,urgent,siti,RAHAYU,1985-03-14,,,burnout,,,,,,`;
    expect(await call(c.app, 'referrals.import', { csv: `${HEADER}\n${row}\n` })).toMatchObject({ outcome: 'imported', imported: 1 });
    expect(await clientCount(c.app)).toBe(1);
    const listed = await referrals(c.app);
    expect(listed.map((r) => r.clientId)).toEqual([first.referral.clientId, first.referral.clientId]);

    // A second Siti Rahayu born the same day, registered on purpose: now the row is ambiguous.
    await call(c.app, 'referrals.create', { ...base, client: { mode: 'new', ...siti, email: 'siti.kedua@example.id' }, allowDuplicate: true });
    const ambiguous = await call(c.app, 'referrals.import', { csv: `${HEADER}\n${row}\n` });
    expect(ambiguous).toEqual({ outcome: 'invalid', rows: 1, problems: [{ line: 2, column: null, code: 'ambiguous_client' }] });
    expect(await referrals(c.app)).toHaveLength(3);
  });

  it('reads semicolons, a BOM and other headers through a mapping', async () => {
    const c = await clinic();
    const csv = '\uFEFFKantor;Tgl masuk;Jenis;Prioritas;Nama;Keluhan;Catatan\r\n' + `${DISDIK};2026-11-02;Rujukan informal;Rutin;Wati;"anxiety;burnout";abaikan\r\n`;
    const mapping = { agency: 'Kantor', received_date: 'Tgl masuk', referral_type: 'Jenis', urgency: 'Prioritas', given_name: 'Nama', presenting_issues: 'Keluhan' };
    const unmapped = await call<{ outcome: string; problems: Array<{ line: number; code: string }> }>(c.app, 'referrals.import', { csv });
    expect(unmapped.outcome).toBe('invalid');
    expect(unmapped.problems.every((p) => p.line === 1 && p.code === 'missing_column')).toBe(true);
    expect(await call(c.app, 'referrals.import', { csv, mapping })).toEqual({ outcome: 'imported', imported: 1, dryRun: false });
    expect(await referrals(c.app)).toMatchObject([{ clientName: 'Wati', referralType: 'informal', urgency: 'routine', presentingIssues: ['anxiety', 'burnout'] }]);
  });

  it('refuses a counsellor (FORBIDDEN) and imports nothing', async () => {
    const c = await clinic();
    await addCounsellor(c.app);
    await signIn(c.app, COUNSELLOR);
    const reply = await c.app.dispatch('referrals.import', { csv: VALID });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clientCount(c.app)).toBe(0);
  });
});
