import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyFieldsSchema, contractFieldsSchema } from '../shared/contract/agency-schemas';
import { clientFieldsSchema, referralRuleIssues } from '../shared/contract/referral-schemas';
import { contractInForce, SECTORS, URGENCIES } from '../shared/domain/agencies';
import { foldName } from '../shared/domain/clients';
import { clinicDate } from '../shared/domain/clinic-time';
import { referralClockStart } from '../shared/domain/first-appointment';
import { canMoveReferral, parseClientCode, REFERRAL_STATUSES, REFERRAL_TYPES } from '../shared/domain/referrals';
import { createTenangApp, type TenangApp } from './tenang-app';
import { snapshotVault, type ExportDocument, type ExportRow } from './data-export';
import { seedDemoData, type SeedSummary } from './demo-data';
import { CLINIC, ADMIN, expectOk, manualClock, setUpClinic, tempVaultDir } from '../tests/helpers/vault-fixture';

const AS_OF = '2026-11-20';
const HORIZON = '2026-11-19T17:00:00.000Z'; // midnight starting 2026-11-20 in Asia/Jakarta (UTC+7)

interface Seeded {
  app: TenangApp;
  summary: SeedSummary;
  document: ExportDocument;
  cleanup(): Promise<void>;
}

/** A fresh clinic (same clock each time), seeded small; its snapshot as the export reads it. */
async function seededClinic(seed: number): Promise<Seeded> {
  const temp = tempVaultDir();
  const app = createTenangApp({ vaultDir: temp.dir, clock: manualClock() });
  await setUpClinic(app);
  const summary = await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed, asOf: AS_OF }));
  const document = await app.runAdminTask('test', async (session) => snapshotVault(session.dataSource, 'now'));
  return {
    app,
    summary,
    document,
    cleanup: async () => {
      await app.close();
      temp.cleanup();
    },
  };
}

const withoutSlotKeys = (rows: ExportRow[]) => rows.map(({ slot_public_key: _ignored, ...rest }) => rest);
const json = <T>(text: unknown) => JSON.parse(String(text)) as T;

describe('demo data', () => {
  let first: Seeded;
  let second: Seeded;
  beforeAll(async () => {
    first = await seededClinic(7);
    second = await seededClinic(7);
  });
  afterAll(async () => {
    await first?.cleanup();
    await second?.cleanup();
  });

  it('is the same data for the same seed and as-of date', () => {
    for (const table of ['agency', 'contract', 'client', 'client_case', 'referral', 'referral_status_change']) {
      expect(second.document.tables[table], table).toEqual(first.document.tables[table]);
    }
    // The demo counsellors' recorded slot keys are fresh random keys nobody holds, by design.
    expect(withoutSlotKeys(second.document.tables.user_account!)).toEqual(withoutSlotKeys(first.document.tables.user_account!));
    expect(first.summary).toMatchObject({ size: 'small', seed: 7, asOf: AS_OF, agencies: 5, clients: 300, counsellors: 4 });
    expect(first.summary.referrals).toBeGreaterThanOrEqual(300);
  });

  it('is other data for another seed', async () => {
    const other = await seededClinic(8);
    try {
      expect(other.document.tables.client).not.toEqual(first.document.tables.client);
    } finally {
      await other.cleanup();
    }
  });

  it('makes agencies in every sector but "other" (five agencies), with every pattern of contracts', () => {
    const { agency, contract } = first.document.tables as Record<string, ExportRow[]>;
    for (const a of agency!) {
      expect(agencyFieldsSchema.safeParse({ name: a.name, sector: a.sector, address: a.address, contactName: a.contact_name, contactEmail: a.contact_email, contactPhone: a.contact_phone }).success, String(a.name)).toBe(true);
    }
    expect(new Set(agency!.map((a) => a.sector))).toEqual(new Set(SECTORS.filter((s) => s !== 'other')));
    for (const c of contract!) {
      const parsed = contractFieldsSchema.safeParse({
        startDate: c.start_date,
        endDate: c.end_date,
        coveredHeadcount: c.covered_headcount,
        sessionAllowance: c.session_allowance,
        allowancePolicy: c.allowance_policy,
        targets: json(c.targets),
        minCellSize: c.min_cell_size,
        reportingFrequency: c.reporting_frequency,
      });
      expect(parsed.success, `contract ${c.id}`).toBe(true);
    }
    const contractsOf = (agencyId: unknown) => contract!.filter((c) => c.agency_id === agencyId).map((c) => ({ startDate: String(c.start_date), endDate: String(c.end_date) }));
    const inForceToday = agency!.filter((a) => contractInForce(contractsOf(a.id), AS_OF));
    expect(inForceToday.length).toBeGreaterThan(0);
    expect(inForceToday.length).toBeLessThan(agency!.length);
    expect(agency!.some((a) => contractsOf(a.id).length === 0)).toBe(true);
    expect(agency!.some((a) => a.active === 0)).toBe(true);
    // Consecutive contracts: one starts the day after another of the same agency ends.
    const consecutive = agency!.some((a) => contractsOf(a.id).some((c, _i, all) => all.some((d) => Date.parse(d.startDate) - Date.parse(c.endDate) === 86_400_000)));
    expect(consecutive).toBe(true);
  });

  it('makes clients with valid fields, folded names, unique codes and working-age birthdays, Indonesian and English', () => {
    const clients = first.document.tables.client!;
    const lastOfYear = new Map<number, number>();
    for (const c of clients) {
      const parsed = clientFieldsSchema.safeParse({
        givenName: c.given_name,
        familyName: c.family_name,
        preferredName: c.preferred_name,
        dateOfBirth: c.date_of_birth,
        gender: c.gender,
        genderDescription: c.gender_description,
        email: c.email,
        phone: c.phone,
        jobRole: c.job_role,
        preferredLanguage: c.preferred_language,
        emergencyContactName: c.emergency_contact_name,
        emergencyContactPhone: c.emergency_contact_phone,
      });
      expect(parsed.success, `client ${c.id}: ${JSON.stringify(parsed.error?.issues.map((i) => i.path))}`).toBe(true);
      expect(c.folded_name).toBe(foldName(`${c.given_name} ${c.family_name}`));
      // The code's year is the year registered, in the clinic's zone; each year numbers from 1.
      const code = parseClientCode(String(c.code))!;
      expect(code.year).toBe(Number(clinicDate(String(c.created_at), CLINIC.timeZone).slice(0, 4)));
      const sequence = (lastOfYear.get(code.year) ?? 0) + 1;
      expect(code.sequence).toBe(sequence);
      lastOfYear.set(code.year, sequence);
      if (c.date_of_birth !== null) {
        const age = (Date.parse(String(c.created_at)) - Date.parse(String(c.date_of_birth))) / (365.25 * 86_400_000);
        expect(age).toBeGreaterThan(20);
        expect(age).toBeLessThan(61);
      }
      expect(String(c.created_at) < HORIZON).toBe(true);
    }
    expect(new Set(clients.map((c) => c.code)).size).toBe(clients.length);
    expect(new Set(clients.map((c) => c.preferred_language))).toEqual(new Set(['id', 'en', 'other']));
  });

  it('makes referrals of every type, urgency and status that follow the intake rules and the contracts', () => {
    const { referral, contract, client } = first.document.tables as Record<string, ExportRow[]>;
    const clientOf = new Map(client!.map((c) => [c.id, c]));
    for (const r of referral!) {
      const issues = referralRuleIssues({
        referralType: String(r.referral_type),
        referrerName: String(r.referrer_name),
        referrerContact: String(r.referrer_contact),
        consentLevel: String(r.consent_level),
        consentDate: r.consent_date as string | null,
        consentExpiry: r.consent_expiry as string | null,
      });
      expect(issues, `referral ${r.id}`).toEqual([]);
      expect(r.agency_id).toBe(clientOf.get(r.client_id)!.agency_id);
      const agencyContracts = contract!.filter((c) => c.agency_id === r.agency_id).map((c) => ({ id: c.id, startDate: String(c.start_date), endDate: String(c.end_date) }));
      expect(r.contract_id, `referral ${r.id}`).toBe(contractInForce(agencyContracts, String(r.received_date))?.id ?? null);
      expect(r.clock_started_at).toBe(referralClockStart(String(r.received_date), String(r.created_at), CLINIC.timeZone));
      expect(json<string[]>(r.presenting_issues).length).toBeGreaterThan(0);
      expect(String(r.updated_at) < HORIZON).toBe(true);
    }
    expect(new Set(referral!.map((r) => r.referral_type))).toEqual(new Set(REFERRAL_TYPES));
    expect(new Set(referral!.map((r) => r.urgency))).toEqual(new Set(URGENCIES));
    expect(new Set(referral!.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(referral!.map((r) => r.consent_level))).toEqual(new Set(['none', 'attendance', 'attendance_and_compliance']));
    expect(new Set(referral!.map((r) => r.closure_reason))).toEqual(new Set([null, 'declined', 'no_contact', 'completed', 'transferred']));
    expect(referral!.some((r) => r.contract_id === null)).toBe(true);
  });

  it('gives every referral a status history that leads step by step to its status, and a case from assignment on', () => {
    const { referral, referral_status_change: changes, client_case: cases } = first.document.tables as Record<string, ExportRow[]>;
    const historyOf = new Map<unknown, ExportRow[]>();
    for (const change of changes!) historyOf.set(change.referral_id, [...(historyOf.get(change.referral_id) ?? []), change]);
    const caseOf = new Map(cases!.map((c) => [c.id, c]));
    for (const r of referral!) {
      const history = historyOf.get(r.id)!;
      expect(history[0]).toMatchObject({ from_status: null, to_status: 'new', changed_at: r.created_at });
      for (let i = 1; i < history.length; i++) {
        expect(history[i]!.from_status).toBe(history[i - 1]!.to_status);
        expect(canMoveReferral(history[i]!.from_status as never, history[i]!.to_status as never), `referral ${r.id}`).toBe(true);
        expect(String(history[i]!.changed_at) > String(history[i - 1]!.changed_at)).toBe(true);
      }
      const last = history[history.length - 1]!;
      expect(last.to_status).toBe(r.status);
      expect(last.closure_reason).toBe(r.closure_reason);
      expect(last.changed_at).toBe(r.updated_at);
      const wasAssigned = history.some((h) => h.to_status === 'assigned');
      expect(r.case_id !== null, `referral ${r.id}`).toBe(wasAssigned);
      expect(r.counsellor_id !== null).toBe(wasAssigned);
      if (r.case_id !== null) {
        const c = caseOf.get(r.case_id)!;
        expect(c).toMatchObject({ client_id: r.client_id, counsellor_id: r.counsellor_id, presenting_issues: r.presenting_issues });
        expect(c.closure_reason).toBe(r.status === 'closed' ? r.closure_reason : null);
        expect(c.closed_date === null).toBe(r.status !== 'closed');
      }
    }
    expect(cases!.some((c) => c.closed_date !== null)).toBe(true);
    expect(cases!.some((c) => c.closed_date === null)).toBe(true);
  });

  it('adds demo counsellors who cannot sign in until an admin resets their passphrase, and audits the seeding', async () => {
    const { users } = expectOk(await first.app.dispatch('users.list', {})) as { users: Array<{ username: string; role: string; canUnlock: boolean }> };
    const demo = users.filter((u) => u.username !== ADMIN.username);
    expect(demo.map((u) => u.username).sort()).toEqual([...first.summary.counsellorUsernames].sort());
    expect(demo.every((u) => u.role === 'counsellor' && !u.canUnlock)).toBe(true);
    const { entries } = expectOk(await first.app.dispatch('audit.list', { action: 'data.seed_demo' })) as { entries: Array<{ detail: Record<string, unknown> }> };
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatchObject({ size: 'small', seed: 7, asOf: AS_OF, clients: 300, agencies: 5 });
  });

  it('refuses a vault that already has agencies, clients or referrals, and changes nothing', async () => {
    await expect(first.app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 9, asOf: AS_OF }))).rejects.toMatchObject({ code: 'VAULT_NOT_EMPTY' });
    const after = await first.app.runAdminTask('test', async (session) => snapshotVault(session.dataSource, 'now'));
    expect(after.tables.client).toEqual(first.document.tables.client);
  });
});
