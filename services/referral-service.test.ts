import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from '../shared/domain/agencies';
import type { ChannelInput } from '../shared/contract';
import { addCounsellor, clinicWithCounsellor, expectOk, manualClock, signIn, ADMIN, COUNSELLOR } from '../tests/helpers/vault-fixture';
import type { TenangApp } from './tenang-app';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const SITI = { givenName: 'Siti', familyName: 'Rahayu', dateOfBirth: '1985-03-14', email: 'siti.rahayu@example.id' };

type CreateInput = ChannelInput<'referrals.create'>;
function referral(agencyId: number, overrides: Partial<CreateInput> = {}): CreateInput {
  return {
    agencyId,
    receivedDate: '2026-11-27',
    referralType: 'formal_management',
    urgency: 'urgent',
    presentingIssues: ['workload_stress', 'burnout'],
    referrerName: 'Pak Hendra',
    referrerContact: 'hendra@damkar.example.go.id',
    consentLevel: 'attendance',
    consentDate: '2026-11-26',
    consentExpiry: '2027-05-26',
    reason: 'Repeated absences after a fire with casualties.',
    client: { mode: 'new', ...SITI },
    ...overrides,
  };
}

async function call<T>(app: TenangApp, channel: string, input: unknown): Promise<T> {
  return expectOk(await app.dispatch(channel, input)) as T;
}

async function clinicWithAgency() {
  const clock = manualClock(Date.parse('2026-11-28T02:00:00Z'));
  const c = await clinicWithCounsellor(clock);
  cleanups.push(c.cleanup);
  const agency = await call<{ id: number }>(c.app, 'agencies.create', { name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' });
  const contract = await call<{ id: number }>(c.app, 'contracts.create', {
    agencyId: agency.id,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    coveredHeadcount: 420,
    sessionAllowance: 6,
    allowancePolicy: 'warn',
    targets: DEFAULT_TARGETS,
    minCellSize: 5,
    reportingFrequency: 'quarterly',
  });
  return { ...c, clock, agencyId: agency.id, contractId: contract.id };
}

interface ReferralView {
  id: number;
  status: string;
  contractId: number | null;
  clientId: number;
  clientCode: string;
  caseId: number | null;
  counsellorName: string | null;
  firstAppointmentDueAt: string;
}
type Created = { outcome: 'created'; referral: ReferralView } | { outcome: 'possible_duplicates'; candidates: Array<{ id: number; code: string }> };

async function intake(app: TenangApp, input: CreateInput): Promise<ReferralView> {
  const result = await call<Created>(app, 'referrals.create', input);
  if (result.outcome !== 'created') throw new Error('expected a new referral');
  return result.referral;
}

async function toWaitlist(app: TenangApp, id: number): Promise<void> {
  await call(app, 'referrals.move', { id, to: 'triaged' });
  await call(app, 'referrals.move', { id, to: 'waitlisted' });
}

describe('referral intake', () => {
  it('registers the client with a code, matches the contract in force, starts the clock and audits it all', async () => {
    const c = await clinicWithAgency();
    const created = await intake(c.app, referral(c.agencyId));
    expect(created).toMatchObject({ status: 'new', contractId: c.contractId, clientCode: 'TN-2026-000001' });
    // Urgent: 48 hours from entry (received yesterday, so from the start of that day in Jakarta).
    expect(created.firstAppointmentDueAt).toBe('2026-11-28T17:00:00.000Z');
    const outside = await intake(c.app, referral(c.agencyId, { receivedDate: '2025-12-30', client: { mode: 'new', givenName: 'Andi', familyName: 'Wijaya' } }));
    expect(outside).toMatchObject({ contractId: null, clientCode: 'TN-2026-000002' });

    const actions = (await call<{ entries: Array<{ action: string; recordId: string }> }>(c.app, 'audit.list', {})).entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'client.create')).toHaveLength(2);
    expect(actions.filter((a) => a === 'referral.create')).toHaveLength(2);
  });

  it('warns of a possible duplicate and creates nothing until the user chooses', async () => {
    const c = await clinicWithAgency();
    const first = await intake(c.app, referral(c.agencyId));
    const again = await call<Created>(c.app, 'referrals.create', referral(c.agencyId, { client: { mode: 'new', givenName: ' siti', familyName: 'RAHAYU', dateOfBirth: SITI.dateOfBirth } }));
    expect(again).toEqual({ outcome: 'possible_duplicates', candidates: [expect.objectContaining({ id: first.clientId, code: first.clientCode })] });
    const byEmail = await call<Created>(c.app, 'referrals.create', referral(c.agencyId, { client: { mode: 'new', givenName: 'S', email: 'SITI.RAHAYU@example.id' } }));
    expect(byEmail.outcome).toBe('possible_duplicates');
    expect((await call<{ total: number }>(c.app, 'clients.search', {})).total).toBe(1);

    const reused = await intake(c.app, referral(c.agencyId, { client: { mode: 'existing', clientId: first.clientId } }));
    expect(reused.clientId).toBe(first.clientId);
    const forced = await intake(c.app, referral(c.agencyId, { allowDuplicate: true }));
    expect(forced.clientId).not.toBe(first.clientId);
    expect((await call<{ total: number }>(c.app, 'clients.search', {})).total).toBe(2);
  });

  it('refuses a formal referral without its referrer, consent outside a formal referral, and dates in the future', async () => {
    const c = await clinicWithAgency();
    const noReferrer = await c.app.dispatch('referrals.create', referral(c.agencyId, { referrerName: '', referrerContact: '' }));
    expect(noReferrer).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'referrerName', code: 'referrer_required' }, { path: 'referrerContact', code: 'referrer_required' }] } });
    const selfWithConsent = await c.app.dispatch('referrals.create', referral(c.agencyId, { referralType: 'self' }));
    expect(selfWithConsent).toMatchObject({ ok: false, error: { issues: [{ path: 'consentLevel', code: 'consent_only_formal' }] } });
    const future = await c.app.dispatch('referrals.create', referral(c.agencyId, { receivedDate: '2026-11-29' }));
    expect(future).toMatchObject({ ok: false, error: { issues: [{ path: 'receivedDate', code: 'date_in_future' }] } });
    const unborn = await c.app.dispatch('referrals.create', referral(c.agencyId, { client: { mode: 'new', givenName: 'Bayu', dateOfBirth: '2027-01-01' } }));
    expect(unborn).toMatchObject({ ok: false, error: { issues: [{ path: 'client.dateOfBirth', code: 'date_in_future' }] } });
    expect((await call<{ total: number }>(c.app, 'clients.search', {})).total).toBe(0);
  });
});

describe('first-appointment deadlines', () => {
  it('count the clinic’s working days, as set in the clinic settings', async () => {
    const c = await clinicWithAgency();
    // Received Friday 27 November 2026; routine is five working days.
    const monToFri = await intake(c.app, referral(c.agencyId, { urgency: 'routine', receivedDate: '2026-11-27' }));
    expect(monToFri.firstAppointmentDueAt).toBe('2026-12-04T17:00:00.000Z');
    const settings = await call<{ workingDays: number[] }>(c.app, 'settings.update', { workingDays: [6, 1, 2, 3, 4, 5] });
    expect(settings.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
    const { referral: monToSat } = await call<{ referral: ReferralView }>(c.app, 'referrals.get', { id: monToFri.id });
    expect(monToSat.firstAppointmentDueAt).toBe('2026-12-03T17:00:00.000Z');
    expect(await c.app.dispatch('settings.update', { workingDays: [] })).toMatchObject({ ok: false, error: { issues: [{ path: 'workingDays', code: 'working_days_required' }] } });
  });
});

describe('the referral life cycle', () => {
  it('moves forward one step at a time, records who and when, and refuses illegal moves', async () => {
    const c = await clinicWithAgency();
    const { id } = await intake(c.app, referral(c.agencyId));
    expect(await c.app.dispatch('referrals.assign', { id, counsellorId: c.counsellorId })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(await c.app.dispatch('referrals.move', { id, to: 'waitlisted' })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    await call(c.app, 'referrals.move', { id, to: 'triaged', note: 'Phoned the client.' });
    c.clock.advance(60_000);
    await call(c.app, 'referrals.move', { id, to: 'closed', closureReason: 'declined' });
    expect(await c.app.dispatch('referrals.move', { id, to: 'triaged' })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(await c.app.dispatch('referrals.move', { id, to: 'closed' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'closureReason' }] } });

    const { referral: after, history } = await call<{ referral: ReferralView; history: unknown[] }>(c.app, 'referrals.get', { id });
    expect(after.status).toBe('closed');
    expect(history).toEqual([
      { fromStatus: null, toStatus: 'new', closureReason: null, note: '', changedAt: '2026-11-28T02:00:00.000Z', changedBy: ADMIN.displayName },
      { fromStatus: 'new', toStatus: 'triaged', closureReason: null, note: 'Phoned the client.', changedAt: '2026-11-28T02:00:00.000Z', changedBy: ADMIN.displayName },
      { fromStatus: 'triaged', toStatus: 'closed', closureReason: 'declined', note: '', changedAt: '2026-11-28T02:01:00.000Z', changedBy: ADMIN.displayName },
    ]);
  });

  it('orders the waitlist by urgency, then by how long each has waited', async () => {
    const c = await clinicWithAgency();
    const person = (givenName: string) => ({ mode: 'new' as const, givenName });
    const routineOld = await intake(c.app, referral(c.agencyId, { urgency: 'routine', receivedDate: '2026-11-20', client: person('A') }));
    const urgentNew = await intake(c.app, referral(c.agencyId, { urgency: 'urgent', client: person('B') }));
    const urgentOld = await intake(c.app, referral(c.agencyId, { urgency: 'urgent', receivedDate: '2026-11-25', client: person('C') }));
    const emergency = await intake(c.app, referral(c.agencyId, { urgency: 'emergency', client: person('D') }));
    const assigned = await intake(c.app, referral(c.agencyId, { client: person('E') }));
    await toWaitlist(c.app, assigned.id);
    await call(c.app, 'referrals.assign', { id: assigned.id, counsellorId: c.counsellorId });
    const board = await call<{ referrals: ReferralView[]; total: number }>(c.app, 'referrals.waitlist', {});
    expect(board.total).toBe(4);
    expect(board.referrals.map((r) => r.id)).toEqual([emergency.id, urgentOld.id, urgentNew.id, routineOld.id]);
    const urgentOnly = await call<{ referrals: ReferralView[] }>(c.app, 'referrals.waitlist', { urgency: 'urgent' });
    expect(urgentOnly.referrals.map((r) => r.id)).toEqual([urgentOld.id, urgentNew.id]);
    const firstTwo = await call<{ referrals: ReferralView[]; total: number }>(c.app, 'referrals.waitlist', { limit: 2 });
    expect(firstTwo).toMatchObject({ total: 4 });
    expect(firstTwo.referrals.map((r) => r.id)).toEqual([emergency.id, urgentOld.id]);
  });
});

describe('assignment and caseloads', () => {
  it('opens a case for the counsellor, who then sees the client; a colleague sees nothing through any channel', async () => {
    const c = await clinicWithAgency();
    const citraId = await addCounsellor(c.app, CITRA);
    const { id, clientId } = await intake(c.app, referral(c.agencyId));
    await toWaitlist(c.app, id);
    expect(await c.app.dispatch('referrals.assign', { id, counsellorId: 1 })).toMatchObject({ ok: false, error: { code: 'COUNSELLOR_UNAVAILABLE' } });
    const assigned = await call<ReferralView>(c.app, 'referrals.assign', { id, counsellorId: c.counsellorId });
    expect(assigned).toMatchObject({ status: 'assigned', counsellorName: COUNSELLOR.displayName });
    const caseId = assigned.caseId!;
    expect((await call<{ cases: Array<{ id: number; sessionAllowance: number | null }> }>(c.app, 'cases.list', {})).cases).toMatchObject([{ id: caseId, sessionAllowance: 6 }]);

    await signIn(c.app, COUNSELLOR);
    expect((await call<{ referrals: ReferralView[] }>(c.app, 'referrals.list', {})).referrals.map((r) => r.id)).toEqual([id]);
    expect((await call<{ clients: Array<{ id: number }> }>(c.app, 'clients.search', { query: 'siti' })).clients.map((x) => x.id)).toEqual([clientId]);
    const record = await call<{ client: { code: string }; cases: unknown[]; referrals: unknown[] }>(c.app, 'clients.get', { id: clientId });
    expect(record.cases).toHaveLength(1);
    expect(record.referrals).toHaveLength(1);
    await call(c.app, 'clients.update', { id: clientId, givenName: 'Siti', familyName: 'Rahayu', phone: '+62 812 1111 2222', dateOfBirth: SITI.dateOfBirth, email: SITI.email });

    await signIn(c.app, CITRA);
    const notFound = { ok: false, error: { code: 'NOT_FOUND' } };
    expect(await c.app.dispatch('clients.get', { id: clientId })).toMatchObject(notFound);
    expect(await c.app.dispatch('clients.update', { id: clientId, givenName: 'X' })).toMatchObject(notFound);
    expect(await c.app.dispatch('referrals.get', { id })).toMatchObject(notFound);
    expect(await c.app.dispatch('cases.close', { id: caseId, closedDate: '2026-11-28', closureReason: 'completed' })).toMatchObject(notFound);
    expect(await call(c.app, 'clients.search', { query: 'siti' })).toEqual({ clients: [], total: 0 });
    expect(await call(c.app, 'clients.search', {})).toEqual({ clients: [], total: 0 });
    expect(await call(c.app, 'referrals.list', {})).toEqual({ referrals: [] });
    expect(await call(c.app, 'cases.list', { counsellorId: c.counsellorId })).toEqual({ cases: [] });
    for (const [channel, input] of [
      ['referrals.waitlist', {}],
      ['clients.findDuplicates', { agencyId: c.agencyId, givenName: 'Siti', familyName: 'Rahayu', dateOfBirth: SITI.dateOfBirth }],
      ['referrals.create', referral(c.agencyId)],
      ['referrals.move', { id, to: 'closed', closureReason: 'declined' }],
    ] as const) {
      expect(await c.app.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    await signIn(c.app, ADMIN);
    const audit = await call<{ entries: Array<{ action: string; actorUsername: string; recordType: string; recordId: string }> }>(c.app, 'audit.list', { limit: 500 });
    const denied = audit.entries.filter((e) => e.action === 'access.denied' && e.actorUsername === CITRA.username).map((e) => `${e.recordType}:${e.recordId}`);
    expect(denied).toEqual(expect.arrayContaining([`client:${clientId}`, `referral:${id}`, `case:${caseId}`]));
    const views = audit.entries.filter((e) => e.action === 'client.view');
    expect(views.map((e) => e.actorUsername)).toEqual([COUNSELLOR.username]);
    expect(audit.entries.some((e) => e.action === 'client.update' && e.actorUsername === COUNSELLOR.username)).toBe(true);
    expect(audit.entries.some((e) => e.action === 'case.open' && e.recordId === String(caseId))).toBe(true);
    expect(citraId).toBeGreaterThan(0);
  });

  it('lets the counsellor close their case once, not before it opened nor in the future', async () => {
    const c = await clinicWithAgency();
    const { id } = await intake(c.app, referral(c.agencyId));
    await toWaitlist(c.app, id);
    const { caseId } = await call<ReferralView>(c.app, 'referrals.assign', { id, counsellorId: c.counsellorId });
    await signIn(c.app, COUNSELLOR);
    expect(await c.app.dispatch('cases.close', { id: caseId, closedDate: '2026-11-27', closureReason: 'completed' })).toMatchObject({ ok: false, error: { issues: [{ path: 'closedDate', code: 'closed_before_opened' }] } });
    expect(await c.app.dispatch('cases.close', { id: caseId, closedDate: '2026-11-29', closureReason: 'completed' })).toMatchObject({ ok: false, error: { issues: [{ path: 'closedDate', code: 'date_in_future' }] } });
    expect(await call(c.app, 'cases.close', { id: caseId, closedDate: '2026-11-28', closureReason: 'completed' })).toMatchObject({ closedDate: '2026-11-28', closureReason: 'completed' });
    expect(await c.app.dispatch('cases.close', { id: caseId, closedDate: '2026-11-28', closureReason: 'completed' })).toMatchObject({ ok: false, error: { code: 'CASE_CLOSED' } });
  });
});
