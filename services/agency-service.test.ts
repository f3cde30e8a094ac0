import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { DEFAULT_TARGETS } from '../shared/domain/agencies';
import { parseRecoveryKey } from '../shared/recovery-key';
import { applyDataKey } from '../db/vault/sqlcipher';
import { clinicWithCounsellor, expectOk, signIn, COUNSELLOR } from '../tests/helpers/vault-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const AGENCY = { name: 'Dinas Pemadam Kebakaran Kota', sector: 'emergency_services', address: 'Jl. Merdeka 1', contactName: 'Pak Hendra', contactEmail: 'sdm@damkar.go.id', contactPhone: '+62 21 555 0101' };
const contract = (agencyId: number, startDate: string, endDate: string) => ({
  agencyId,
  startDate,
  endDate,
  coveredHeadcount: 420,
  sessionAllowance: 6,
  allowancePolicy: 'warn',
  targets: DEFAULT_TARGETS,
  minCellSize: 5,
  reportingFrequency: 'quarterly',
});

async function clinicWithAgency() {
  const c = await clinicWithCounsellor();
  cleanups.push(c.cleanup);
  const agency = expectOk(await c.app.dispatch('agencies.create', AGENCY)) as { id: number };
  return { ...c, agencyId: agency.id };
}

describe('agencies and contracts', () => {
  it('creates an agency, lists it, and audits who created which agency', async () => {
    const c = await clinicWithAgency();
    const { agencies } = expectOk(await c.app.dispatch('agencies.list', {})) as { agencies: Array<{ id: number; name: string; active: boolean }> };
    expect(agencies).toMatchObject([{ id: c.agencyId, name: AGENCY.name, active: true }]);
    const audit = expectOk(await c.app.dispatch('audit.list', { action: 'agency.create' })) as { entries: Array<{ recordId: string; actorUsername: string }> };
    expect(audit.entries).toMatchObject([{ recordId: String(c.agencyId), actorUsername: 'ayu' }]);
  });

  it('names each bad field of an agency and creates nothing', async () => {
    const c = await clinicWithAgency();
    const reply = await c.app.dispatch('agencies.create', { ...AGENCY, name: ' ', sector: 'police', contactEmail: 'not-an-email', contactPhone: 'call me' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.issues?.map((i) => `${i.path}:${i.code}`).sort()).toEqual(['contactEmail:email_format', 'contactPhone:phone_format', 'name:too_small', 'sector:invalid_value']);
    expect((expectOk(await c.app.dispatch('agencies.list', {})) as { agencies: unknown[] }).agencies).toHaveLength(1);
  });

  it('logs which agency fields changed, never their values', async () => {
    const c = await clinicWithAgency();
    expectOk(await c.app.dispatch('agencies.update', { ...AGENCY, id: c.agencyId, contactName: 'Ibu Sari', active: false }));
    const audit = expectOk(await c.app.dispatch('audit.list', { action: 'agency.update' })) as { entries: Array<{ detail: unknown }> };
    expect(audit.entries[0]?.detail).toEqual({ changed: 'contactName,active' });
    expect(JSON.stringify(audit)).not.toContain('Ibu Sari');
    const active = expectOk(await c.app.dispatch('agencies.list', { includeInactive: false })) as { agencies: unknown[] };
    expect(active.agencies).toHaveLength(0);
  });

  it('refuses contracts whose periods overlap, in the service and in the database itself', async () => {
    const c = await clinicWithAgency();
    expectOk(await c.app.dispatch('contracts.create', contract(c.agencyId, '2026-01-01', '2026-12-31')));
    expectOk(await c.app.dispatch('contracts.create', contract(c.agencyId, '2027-01-01', '2027-12-31')));
    const overlap = await c.app.dispatch('contracts.create', contract(c.agencyId, '2026-12-31', '2027-03-31'));
    expect(overlap).toMatchObject({ ok: false, error: { code: 'CONTRACT_OVERLAP', issues: [{ path: 'startDate' }] } });
    const backwards = await c.app.dispatch('contracts.create', contract(c.agencyId, '2028-05-01', '2028-01-01'));
    expect(backwards).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'endDate', code: 'end_before_start' }] } });
    const { contracts } = expectOk(await c.app.dispatch('contracts.list', { agencyId: c.agencyId })) as { contracts: Array<{ id: number; startDate: string; targets: unknown }> };
    expect(contracts.map((x) => x.startDate)).toEqual(['2027-01-01', '2026-01-01']);
    expect(contracts[0]?.targets).toEqual(DEFAULT_TARGETS);
    // Moving one contract onto the other is refused as well.
    const [later, earlier] = contracts;
    expect(await c.app.dispatch('contracts.update', { ...contract(c.agencyId, '2026-06-01', '2027-05-31'), id: later!.id })).toMatchObject({ ok: false, error: { code: 'CONTRACT_OVERLAP' } });
    expectOk(await c.app.dispatch('contracts.update', { ...contract(c.agencyId, '2026-01-01', '2026-12-31'), id: earlier!.id, coveredHeadcount: 450 }));

    await c.app.close();
    const db = new Database(join(c.dir, 'tenang.db'));
    applyDataKey(db, parseRecoveryKey(c.recoveryKey)!);
    expect(() =>
      db.prepare("INSERT INTO contract (agency_id, start_date, end_date, covered_headcount, session_allowance, allowance_policy, targets, min_cell_size, reporting_frequency, created_at, updated_at) VALUES (?, '2026-06-01', '2026-06-30', 1, 6, 'warn', '{}', 5, 'monthly', 'x', 'x')").run(c.agencyId),
    ).toThrow(/may not overlap/);
    db.close();
  });

  it('lets counsellors list agencies but not change them', async () => {
    const c = await clinicWithAgency();
    await c.app.dispatch('session.lock', {});
    await signIn(c.app, COUNSELLOR);
    expect((expectOk(await c.app.dispatch('agencies.list', {})) as { agencies: unknown[] }).agencies).toHaveLength(1);
    expect(await c.app.dispatch('agencies.create', AGENCY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await c.app.dispatch('contracts.list', { agencyId: c.agencyId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers NOT_FOUND for contracts of an agency that does not exist', async () => {
    const c = await clinicWithAgency();
    expect(await c.app.dispatch('contracts.create', contract(999, '2026-01-01', '2026-12-31'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
