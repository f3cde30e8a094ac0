import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELLOR, addCounsellor, signIn } from '../tests/helpers/vault-fixture';
import { assignedReferral, bookingClinic, call, counselling, type BookingClinic } from '../tests/helpers/booking-fixture';
import type { Administration, CaseOutcome, ChannelOutput, MeasureAlert } from '../shared/contract';
import { gad7Answers as gad7, phq9Answers as phq9 } from '../tests/helpers/measure-answers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;


type Failure = { ok: false; error: { code: string; issues?: Array<{ path: string; code: string }> } };
const failure = async (c: BookingClinic, channel: string, input: unknown) => (await c.app.dispatch(channel, input)) as Failure;

/**
 * Outcome measures through the dispatcher (issue 12), on a real vault: the clock stands on
 * Saturday 28 November 2026, 09:00 in Jakarta; the case opened that day.
 */
describe('outcome measures', () => {
  async function clinic() {
    const c = await bookingClinic();
    cleanups.push(c.cleanup);
    await signIn(c.app, COUNSELLOR);
    const record = (instrumentId: string, responses: (number | null)[], administeredAt = '2026-11-28T08:30', extra: object = {}) =>
      call<Administration>(c.app, 'measures.record', { caseId: c.caseId, instrumentId, administeredAt, mode: 'counsellor', responses, ...extra });
    return { ...c, record };
  }

  it('scores a questionnaire from its answers, raises the item 9 alert, and logs no answer', async () => {
    const c = await clinic();
    const given = await c.record('phq9', phq9(12, 1));
    expect(given).toMatchObject({ caseId: c.caseId, clientId: c.clientId, instrumentId: 'phq9', complete: true, alerts: ['phq9_item9'], responses: phq9(12, 1) });
    expect(given.score).toEqual({ total: 12, band: 'moderate', caseness: true, subscales: null });

    // Prorated with two items missing; incomplete with three.
    expect((await c.record('phq9', [1, 1, 1, 1, 1, 1, 1, null, null])).score.total).toBe(9);
    const incomplete = await c.record('phq9', [1, 1, 1, 1, 1, 1, null, null, null]);
    expect(incomplete).toMatchObject({ complete: false, score: { total: null, band: null, caseness: null } });

    const cbi = await c.record('cbi', [0, 1, 2, 3, 4, 2, 0, 0, 0, 0, 0, 0, 4, null, null, null, null, 2, 2]);
    expect(cbi.score.total).toBeNull();
    expect(cbi.score.subscales).toEqual({ personal: { score: 50, band: 'high' }, work: { score: 100, band: 'high' }, client: { score: null, band: null } });

    await signIn(c.app, ADMIN);
    const audit = await call<{ entries: Array<{ action: string; detail: Record<string, unknown> }> }>(c.app, 'audit.list', { action: 'measure.record' });
    expect(audit.entries).toHaveLength(4);
    expect(audit.entries.at(-1)!.detail).toEqual({ administrationId: given.id, instrumentId: 'phq9', mode: 'counsellor', alerts: 1 });
  });

  it('refuses answers that do not fit, a time to come and an unknown instrument, naming the field, and stores nothing', async () => {
    const c = await clinic();
    const wrong = await failure(c, 'measures.record', { caseId: c.caseId, instrumentId: 'phq9', administeredAt: '2026-11-28T08:30', mode: 'counsellor', responses: [0, 1, 2, 4, 0, 0, 0, 0, 0] });
    expect(wrong.error.issues).toEqual([{ path: 'responses.3', code: 'response_not_an_option', message: 'response_not_an_option' }]);
    const short = await failure(c, 'measures.record', { caseId: c.caseId, instrumentId: 'gad7', administeredAt: '2026-11-28T08:30', mode: 'counsellor', responses: [0, 1] });
    expect(short.error.issues![0]).toMatchObject({ path: 'responses', code: 'responses_count' });
    // 09:30 is half an hour after the clinic's "now".
    const future = await failure(c, 'measures.record', { caseId: c.caseId, instrumentId: 'gad7', administeredAt: '2026-11-28T09:30', mode: 'counsellor', responses: gad7(3) });
    expect(future.error.issues![0]).toMatchObject({ path: 'administeredAt', code: 'date_in_future' });
    const unknown = await failure(c, 'measures.record', { caseId: c.caseId, instrumentId: 'core10', administeredAt: '2026-11-28T08:30', mode: 'counsellor', responses: [0] });
    expect(unknown.error.issues![0]).toMatchObject({ path: 'instrumentId', code: 'instrument_not_active' });
    expect((await call<ChannelOutput<'measures.list'>>(c.app, 'measures.list', { caseId: c.caseId })).administrations).toEqual([]);
  });

  it('shows answers to the case’s counsellor only: an admin sees scores, another counsellor nothing (audited)', async () => {
    const c = await clinic();
    const given = await c.record('gad7', gad7(9));
    await signIn(c.app, ADMIN);
    const citraId = await addCounsellor(c.app, CITRA);
    const seenByAdmin = (await call<ChannelOutput<'measures.list'>>(c.app, 'measures.list', { clientId: c.clientId })).administrations;
    expect(seenByAdmin).toEqual([{ ...given, responses: null }]);

    // Citra holds a case of her own, not this one.
    await assignedReferral(c.app, c.agencyId, citraId, { givenName: 'Rina', familyName: 'Kusumawati' });
    await signIn(c.app, CITRA);
    for (const [channel, input] of [
      ['measures.list', { caseId: c.caseId }],
      ['measures.list', { clientId: c.clientId }],
      ['measures.caseOutcome', { caseId: c.caseId }],
      ['measures.alerts', { clientId: c.clientId }],
      ['measures.due', { caseId: c.caseId }],
      ['measures.plan', { caseId: c.caseId }],
      ['measures.record', { caseId: c.caseId, instrumentId: 'gad7', administeredAt: '2026-11-28T08:30', mode: 'counsellor', responses: gad7(3) }],
      ['measures.startClientMode', { caseId: c.caseId }],
    ] as const) {
      expect((await failure(c, channel, input)).error.code, channel).toBe('NOT_FOUND');
    }
    await signIn(c.app, ADMIN);
    const denied = await call<{ entries: Array<{ actorUsername: string }> }>(c.app, 'audit.list', { action: 'access.denied' });
    expect(denied.entries.filter((e) => e.actorUsername === CITRA.username)).toHaveLength(8);
  });

  it('works out change and recovery by the published rules once treatment is finished', async () => {
    const c = await clinic();
    await c.record('phq9', phq9(16), '2026-11-28T08:00');
    await c.record('gad7', gad7(12), '2026-11-28T08:05');
    const sessions = [];
    for (const localStart of ['2026-11-30T09:00', '2026-12-07T09:00']) {
      sessions.push((await call<{ sessions: Array<{ id: number }> }>(c.app, 'sessions.book', counselling(c, { localStart }))).sessions[0]!.id);
    }
    c.clock.advance(10 * DAY); // Tuesday 8 December
    for (const id of sessions) await call(c.app, 'sessions.setStatus', { id, status: 'attended' });
    await c.record('phq9', phq9(6), '2026-12-07T09:50');
    await c.record('gad7', gad7(7), '2026-12-07T09:52');

    const open = await call<CaseOutcome>(c.app, 'measures.caseOutcome', { caseId: c.caseId });
    expect(open).toMatchObject({ finished: false, attendedTreatmentSessions: 2 });
    expect(open.paired).toEqual({ casenessAtStart: true, recovered: false, reliableImprovement: false, reliableDeterioration: false, reliableRecovery: false });

    await call(c.app, 'cases.close', { id: c.caseId, closedDate: '2026-12-08', closureReason: 'completed' });
    const closed = await call<CaseOutcome>(c.app, 'measures.caseOutcome', { caseId: c.caseId });
    expect(closed.finished).toBe(true);
    expect(closed.instruments).toEqual([
      expect.objectContaining({ instrumentId: 'phq9', first: expect.objectContaining({ total: 16 }), last: expect.objectContaining({ total: 6 }), change: -10, reliableChange: 'improved' }),
      expect.objectContaining({ instrumentId: 'gad7', first: expect.objectContaining({ total: 12 }), last: expect.objectContaining({ total: 7 }), change: -5, reliableChange: 'improved' }),
    ]);
    expect(closed.paired).toEqual({ casenessAtStart: true, recovered: true, reliableImprovement: true, reliableDeterioration: false, reliableRecovery: true });
  });

  it('will not close a case until the item 9 alert is followed up, by a note or by a self-harm flag', async () => {
    const c = await clinic();
    const first = await c.record('phq9', phq9(14, 2));
    const close = { id: c.caseId, closedDate: '2026-11-28', closureReason: 'completed' };
    expect((await failure(c, 'cases.close', close)).error.code).toBe('RISK_FOLLOW_UP_NEEDED');

    const home = await call<ChannelOutput<'home.get'>>(c.app, 'home.get', {});
    expect(home.measureAlerts).toEqual([expect.objectContaining({ alert: 'phq9_item9', administrationId: first.id, clientId: c.clientId, followUp: null })]);
    const [alert] = home.measureAlerts as MeasureAlert[];

    const tooShort = await failure(c, 'measures.followUpAlert', { alertId: alert!.id, note: 'fine' });
    expect(tooShort.error.issues![0]).toMatchObject({ path: 'note', code: 'follow_up_note_required' });
    const followed = await call<MeasureAlert>(c.app, 'measures.followUpAlert', { alertId: alert!.id, note: 'Passive thoughts only, no plan or intent; safety plan agreed, review next week.' });
    expect(followed.followUp).toMatchObject({ kind: 'note', byName: COUNSELLOR.displayName });
    expect((await call<ChannelOutput<'home.get'>>(c.app, 'home.get', {})).measureAlerts).toEqual([]);

    // A second positive answer; this time a self-harm flag is the follow-up.
    await c.record('phq9', phq9(10, 1), '2026-11-28T08:45');
    expect((await failure(c, 'cases.close', close)).error.code).toBe('RISK_FOLLOW_UP_NEEDED');
    await call(c.app, 'risks.raise', { clientId: c.clientId, caseId: c.caseId, kind: 'suicide_self_harm', level: 'medium', reviewDate: '2026-12-04', note: 'Item 9 answered several days; flag raised and safety plan reviewed.' });
    const alerts = (await call<ChannelOutput<'measures.alerts'>>(c.app, 'measures.alerts', { clientId: c.clientId })).alerts;
    expect(alerts.map((a) => a.followUp?.kind)).toEqual(['note', 'risk_flag']);
    await call(c.app, 'cases.close', close);
  });

  it('in client mode only the questionnaire answers, the idle lock waits, and only the counsellor’s passphrase ends it', async () => {
    const c = await clinic();
    await call(c.app, 'measures.startClientMode', { caseId: c.caseId });
    expect((await failure(c, 'clients.search', {})).error.code).toBe('CLIENT_MODE');
    expect((await failure(c, 'home.get', {})).error.code).toBe('CLIENT_MODE');
    const asCounsellor = { caseId: c.caseId, instrumentId: 'phq9', administeredAt: '2026-11-28T08:55', mode: 'counsellor', responses: phq9(20, 3) };
    expect((await failure(c, 'measures.record', asCounsellor)).error.code).toBe('CLIENT_MODE');
    const given = await call<Administration>(c.app, 'measures.record', { ...asCounsellor, mode: 'client' });
    expect(given.mode).toBe('client');

    c.clock.advance(45 * 60_000); // longer than the idle lock's 10 minutes
    await c.app.checkIdle();
    expect((await call<{ vault: string }>(c.app, 'app.status', {})).vault).toBe('unlocked');

    expect((await failure(c, 'measures.endClientMode', { passphrase: 'not the passphrase at all' })).error.code).toBe('WRONG_PASSPHRASE');
    expect((await failure(c, 'clients.search', {})).error.code).toBe('CLIENT_MODE');
    const back = await call<ChannelOutput<'measures.endClientMode'>>(c.app, 'measures.endClientMode', { passphrase: COUNSELLOR.passphrase });
    expect(back.alerts).toEqual([expect.objectContaining({ alert: 'phq9_item9', administrationId: given.id })]);
    await call(c.app, 'clients.search', {});
  });

  it('says what the plan asks at each session, and what is overdue once a session has taken place', async () => {
    const c = await clinic();
    expect(await call(c.app, 'measures.plan', { caseId: c.caseId })).toEqual({ caseId: c.caseId, plan: { instruments: ['phq9', 'gad7', 'who5'], atIntake: true, everySessions: 2, atClosure: true }, clinicDefault: true });
    const ids: number[] = [];
    for (const localStart of ['2026-11-30T09:00', '2026-12-02T09:00', '2026-12-04T09:00']) {
      ids.push((await call<{ sessions: Array<{ id: number }> }>(c.app, 'sessions.book', counselling(c, { localStart }))).sessions[0]!.id);
    }
    await call(c.app, 'measures.setPlan', { caseId: c.caseId, plan: { instruments: ['phq9', 'gad7'], atIntake: true, everySessions: 2, atClosure: false } });
    await c.record('phq9', phq9(11)); // before the intake: meets it

    const due = (await call<ChannelOutput<'measures.due'>>(c.app, 'measures.due', { caseId: c.caseId })).due;
    expect(due.map((d) => [d.instrumentId, d.reason, d.sessionNumber, d.overdue])).toEqual([
      ['gad7', 'intake', 1, false],
      ['phq9', 'session', 2, false],
      ['gad7', 'session', 2, false],
    ]);
    expect(due[0]).toMatchObject({ sessionId: ids[0], sessionStartsAt: '2026-11-30T09:00', clientCode: expect.stringMatching(/^TN-/) });

    // Monday's session took place without the GAD-7: overdue on Home.
    c.clock.advance(3 * DAY);
    await call(c.app, 'sessions.setStatus', { id: ids[0], status: 'attended' });
    const home = await call<ChannelOutput<'home.get'>>(c.app, 'home.get', {});
    expect(home.measuresOverdue.map((d) => [d.instrumentId, d.sessionNumber])).toEqual([['gad7', 1]]);
  });

  it('lets an admin switch an instrument off and add a licensed one, checked field by field', async () => {
    const c = await clinic();
    await signIn(c.app, ADMIN);
    await call(c.app, 'measures.setEnabled', { instrumentId: 'pss10', enabled: false });
    const ids = (await call<ChannelOutput<'measures.instruments'>>(c.app, 'measures.instruments', {})).instruments.map((i) => i.id);
    expect(ids).toEqual(['phq9', 'gad7', 'k10', 'who5', 'cbi']);

    const broken = await failure(c, 'measures.addInstrument', { fileText: '{"id": "core10"' });
    expect(broken.error.issues![0]).toMatchObject({ code: 'file_not_json' });

    const phq = (await call<ChannelOutput<'measures.catalogue'>>(c.app, 'measures.catalogue', { language: 'en' })).entries[0]!.instrument;
    expect(phq).toMatchObject({ id: 'phq9', shortName: 'PHQ-9', bundled: true });

    await signIn(c.app, COUNSELLOR);
    const refused = await failure(c, 'measures.record', { caseId: c.caseId, instrumentId: 'pss10', administeredAt: '2026-11-28T08:30', mode: 'counsellor', responses: Array(10).fill(0) });
    expect(refused.error.issues![0]).toMatchObject({ path: 'instrumentId', code: 'instrument_not_active' });
    expect((await failure(c, 'measures.setEnabled', { instrumentId: 'pss10', enabled: true })).error.code).toBe('FORBIDDEN');
  });
});
