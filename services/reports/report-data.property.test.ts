import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, type FirstAppointmentTarget, type Urgency } from '../../shared/domain/agencies';
import { firstAppointmentDueAt } from '../../shared/domain/first-appointment';
import { BUNDLED_INSTRUMENTS } from '../../shared/measures/library';
import { instrumentChange, pairedOutcome, type TotalAt } from '../../shared/measures/outcomes';
import { scoreResponses } from '../../shared/measures/scoring';
import { monthsBetween } from '../../shared/reports/period';
import { call } from '../../tests/helpers/booking-fixture';
import { gad7Answers, phq9Answers } from '../../tests/helpers/measure-answers';
import { buildClinic, clinicPlan, COUNSELLORS } from '../../tests/helpers/random-clinic';
import { ADMIN, manualClock, signIn } from '../../tests/helpers/vault-fixture';
import type { TenangApp } from '../tenang-app';
import { countMap } from '../../tests/helpers/report-counts';
import { readReportData } from './report-data';

/**
 * The report's counts over random clinics (tests/helpers/random-clinic.ts, then a month of
 * random life: two more sessions for every case, sessions attended, missed, cancelled late or early, workshops held or not,
 * head counts, questionnaires, cases closed) equal a computation written here from plain
 * SELECTs of the rows, with loops. Only the clinical rules themselves (scoring, outcome
 * rules, the first-appointment deadline) are shared with the code under test: they have
 * tests of their own; what is checked here is which rows are counted, where and when.
 *
 * The clock stands on Tuesday 24 November 2026 in Jakarta: the clinic's sessions fall on
 * the following days, across the end of November.
 */

const ZONE = 'Asia/Jakarta';
const NOW = Date.parse('2026-11-24T02:00:00Z');
const LATER = Date.parse('2026-12-21T02:00:00Z');
const OUTCOMES = ['attended', 'attended', 'did_not_attend', 'late_cancellation', 'cancelled_by_client', 'scheduled'] as const;

const life = fc.record({
  outcomes: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  headCounts: fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { minLength: 4, maxLength: 4 }),
  closings: fc.array(fc.option(fc.constantFrom('2026-11-26', '2026-11-30', '2026-12-01', '2026-12-18'), { nil: null }), { minLength: 30, maxLength: 30 }),
  scores: fc.array(fc.record({ phq: fc.tuple(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 })), gad: fc.tuple(fc.integer({ min: 0, max: 21 }), fc.integer({ min: 0, max: 21 })), who5: fc.option(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 5 }))) }), { minLength: 30, maxLength: 30 }),
});
type Life = typeof life extends fc.Arbitrary<infer T> ? T : never;

async function liveAMonth(app: TenangApp, clock: ReturnType<typeof manualClock>, counsellorIds: number[], l: Life): Promise<void> {
  clock.set(LATER);
  await signIn(app, ADMIN);
  // Two more sessions for every case, in December (the random clinic books at most one), so cases can finish treatment.
  const opened: Array<{ id: number; counsellor_id: number }> = await app.runAdminTask('test.cases', (session) => session.dataSource.manager.query('SELECT id, counsellor_id FROM client_case ORDER BY id'));
  const decemberDays = ['07', '08', '09', '10', '11', '14', '15', '16', '17', '18'];
  for (const [i, c] of opened.entries()) {
    for (const week of [0, 5]) {
      const localStart = `2026-12-${decemberDays[(week + Math.floor(i / 8)) % decemberDays.length]}T${String(8 + (i % 8)).padStart(2, '0')}:00`;
      await call(app, 'sessions.book', { caseId: c.id, counsellorId: c.counsellor_id, sessionType: i % 2 ? 'follow_up' : 'counselling', modality: 'phone', localStart, durationMinutes: 50 });
    }
  }
  const { sessions } = await call<{ sessions: Array<{ id: number; sessionType: string }> }>(app, 'sessions.list', { fromMs: NOW - 30 * 86_400_000, toMs: LATER });
  let workshop = 0;
  for (const [i, s] of sessions.entries()) {
    const pick = l.outcomes[i % l.outcomes.length]!;
    if (s.sessionType === 'group_workshop') {
      await call(app, 'sessions.setStatus', pick % 3 === 0 ? { id: s.id, status: 'cancelled_by_clinic', reason: 'Aula dipakai' } : { id: s.id, status: 'attended', reason: '' });
      const headCount = l.headCounts[workshop++ % l.headCounts.length]!;
      if (headCount !== null) await call(app, 'sessions.setAttendance', { id: s.id, headCount });
      continue;
    }
    const status = OUTCOMES[pick % OUTCOMES.length]!;
    if (status !== 'scheduled') await call(app, 'sessions.setStatus', { id: s.id, status, reason: status === 'attended' || status === 'did_not_attend' ? '' : 'Berhalangan' });
  }
  const cases: Array<{ id: number; counsellor_id: number; client_id: number }> = await app.runAdminTask('test.cases', (session) => session.dataSource.manager.query('SELECT id, counsellor_id, client_id FROM client_case ORDER BY id'));
  for (const [k, who] of COUNSELLORS.entries()) {
    const mine = cases.filter((c) => c.counsellor_id === counsellorIds[k]);
    if (mine.length === 0) continue;
    await signIn(app, who);
    for (const c of mine) {
      // The random clinic's risk answers wait for a follow-up, without which a case cannot close.
      const { alerts } = await call<{ alerts: Array<{ id: number; caseId: number; followUp: unknown }> }>(app, 'measures.alerts', { clientId: c.client_id });
      for (const alert of alerts.filter((a) => a.caseId === c.id && a.followUp === null)) {
        await call(app, 'measures.followUpAlert', { alertId: alert.id, note: 'Ditanyakan langsung; tidak ada niat menyakiti diri.' });
      }
      const s = l.scores[c.id % l.scores.length]!;
      const record = (instrumentId: string, at: string, responses: number[]) => call(app, 'measures.record', { caseId: c.id, instrumentId, administeredAt: at, mode: 'counsellor', responses });
      for (const [j, at] of ['2026-11-25T10:00', '2026-12-15T10:00'].entries()) {
        await record('phq9', at, phq9Answers(s.phq[j]!));
        await record('gad7', at, gad7Answers(s.gad[j]!));
        if (s.who5) await record('who5', at, Array.from({ length: 5 }, () => s.who5![j]!));
      }
    }
  }
  await signIn(app, ADMIN);
  for (const c of cases) {
    const closedDate = l.closings[c.id % l.closings.length];
    if (closedDate) await call(app, 'cases.close', { id: c.id, closedDate, closureReason: 'completed' });
  }
}

/** The same report, from the rows, the long way. */
async function expectedReport(app: TenangApp, agencyIds: number[], from: string, to: string) {
  const rows = await app.runAdminTask('test.rows', async (session) => {
    const q = (sql: string) => session.dataSource.manager.query(sql);
    return {
      sessions: await q('SELECT id, agency_id, case_id, start_ms, session_type, modality, status, topic, head_count FROM session'),
      attendees: await q('SELECT session_id FROM session_attendee'),
      cases: await q('SELECT id, client_id, closed_date FROM client_case'),
      clients: await q('SELECT id, agency_id FROM client'),
      referrals: await q('SELECT agency_id, received_date, referral_type, urgency, presenting_issues, contract_id, clock_started_at, clock_stopped_at FROM referral'),
      contracts: await q('SELECT id, agency_id, start_date, end_date, covered_headcount, targets FROM contract'),
      administrations: await q('SELECT id, case_id, instrument_id, administered_at, responses FROM measure_administration ORDER BY administered_at, id'),
    };
  });
  const months = new Set(monthsBetween(from, to));
  const inScope = (agencyId: number, month: string) => agencyIds.includes(agencyId) && months.has(month);
  const expected: Record<string, number> = {};
  const add = (table: string, row: string, col: string, agencyId: number, month: string, value = 1) => {
    if (!inScope(agencyId, month) || value === 0) return;
    const key = `${table}|${row}|${col}|${agencyId}|${month}`;
    expected[key] = (expected[key] ?? 0) + value;
  };
  const monthOfMs = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat('yyyy-MM');

  for (const r of rows.referrals) {
    const month = r.received_date.slice(0, 7);
    add('referrals_by_type', r.referral_type, 'referrals', r.agency_id, month);
    add('referrals_by_urgency', r.urgency, 'referrals', r.agency_id, month);
    for (const issue of new Set(JSON.parse(r.presenting_issues) as string[])) add('presenting_issues', issue, 'referrals', r.agency_id, month);
    if (r.clock_stopped_at !== null) {
      const contract = rows.contracts.find((c: { id: number }) => c.id === r.contract_id);
      const target: FirstAppointmentTarget = contract ? JSON.parse(contract.targets)[r.urgency] : DEFAULT_TARGETS[r.urgency as Urgency];
      const due = firstAppointmentDueAt(r.clock_started_at, target, { timeZone: ZONE, workingDays: [1, 2, 3, 4, 5] });
      add('first_appointment_by_urgency', r.urgency, Date.parse(r.clock_stopped_at) <= Date.parse(due) ? 'met' : 'missed', r.agency_id, monthOfMs(Date.parse(r.clock_stopped_at)));
    }
  }
  const clientOfCase = new Map<number, number>(rows.cases.map((c: { id: number; client_id: number }) => [c.id, c.client_id]));
  const seen = new Set<number>();
  for (const s of rows.sessions) {
    const month = monthOfMs(s.start_ms);
    if (s.status === 'attended') add('sessions_by_type_and_modality', s.session_type, s.modality, s.agency_id, month);
    if (s.case_id !== null && ['attended', 'did_not_attend', 'late_cancellation'].includes(s.status)) add('session_attendance', s.status, 'sessions', s.agency_id, month);
    if (s.session_type === 'group_workshop' && s.status === 'attended') {
      add('workshops_by_topic', s.topic, 'workshops', s.agency_id, month);
      const named = rows.attendees.filter((a: { session_id: number }) => a.session_id === s.id).length;
      add('workshop_attendance_by_topic', s.topic, 'attendees', s.agency_id, month, s.head_count ?? named);
    }
    if (s.case_id !== null && s.status === 'attended' && inScope(s.agency_id, month)) seen.add(clientOfCase.get(s.case_id)!);
  }

  const instruments = new Map(BUNDLED_INSTRUMENTS.map((i) => [i.id, i]));
  let who5Pairs = 0;
  let who5ChangeSum = 0;
  for (const c of rows.cases) {
    if (c.closed_date === null) continue;
    const agencyId = rows.clients.find((cl: { id: number }) => cl.id === c.client_id).agency_id;
    const month = c.closed_date.slice(0, 7);
    if (!inScope(agencyId, month)) continue;
    const attended = rows.sessions.filter((s: { case_id: number; status: string }) => s.case_id === c.id && s.status === 'attended');
    add('closed_cases', 'cases', 'count', agencyId, month);
    add('closed_cases', 'sessions', 'count', agencyId, month, attended.length);
    const totals = (instrumentId: string): TotalAt[] =>
      rows.administrations
        .filter((a: { case_id: number; instrument_id: string }) => a.case_id === c.id && a.instrument_id === instrumentId)
        .map((a: { id: number; administered_at: string; responses: string }) => ({ administrationId: a.id, administeredAt: a.administered_at, total: scoreResponses(instruments.get(instrumentId)!, JSON.parse(a.responses)).score.total }))
        .filter((t: { total: number | null }) => t.total !== null);
    const who5 = instrumentChange(instruments.get('who5')!, totals('who5'));
    if (who5.change !== null) {
      who5Pairs += 1;
      who5ChangeSum += who5.change;
    }
    const finished = attended.filter((s: { session_type: string }) => s.session_type === 'counselling' || s.session_type === 'follow_up').length >= 2;
    const phq = totals('phq9');
    const gad = totals('gad7');
    if (!finished || phq.length < 2 || gad.length < 2) continue;
    const outcome = pairedOutcome(true, { instrument: instruments.get('phq9')!, totals: phq }, { instrument: instruments.get('gad7')!, totals: gad });
    add('outcomes', 'paired', 'cases', agencyId, month);
    const flags = { caseness_at_start: outcome.casenessAtStart, recovered: outcome.recovered, reliably_improved: outcome.reliableImprovement, reliably_recovered: outcome.reliableRecovery, reliably_deteriorated: outcome.reliableDeterioration };
    for (const [row, yes] of Object.entries(flags)) if (yes) add('outcomes', row, 'cases', agencyId, month);
  }

  let coveredHeadcount = 0;
  for (const agencyId of agencyIds) {
    const inForce = rows.contracts.filter((c: { agency_id: number; start_date: string; end_date: string }) => c.agency_id === agencyId && c.start_date.slice(0, 7) <= to && c.end_date.slice(0, 7) >= from);
    coveredHeadcount += Math.max(0, ...inForce.map((c: { covered_headcount: number }) => c.covered_headcount));
  }
  return { counts: expected, figures: { clientsSeen: seen.size, coveredHeadcount, who5Pairs, who5ChangeSum } };
}

describe('report data over random clinics', () => {
  it('equals a count of the rows done by hand, for every scope and period', async () => {
    await fc.assert(
      fc.asyncProperty(clinicPlan, life, async (plan, l) => {
        const clock = manualClock(NOW);
        const clinic = await buildClinic(plan, clock);
        try {
          await liveAMonth(clinic.app, clock, clinic.counsellorIds, l);
          const agencyIds: number[] = await clinic.app.runAdminTask('test.agencies', async (session) => (await session.dataSource.manager.query('SELECT id FROM agency ORDER BY id')).map((a: { id: number }) => a.id));
          for (const scope of [agencyIds, agencyIds.slice(0, 1)]) {
            for (const [from, to] of [['2026-11', '2026-12'], ['2026-12', '2026-12'], ['2026-10', '2026-11']] as const) {
              const actual = await clinic.app.runAdminTask('test.report', (session) => readReportData(session.dataSource.manager, scope, { from, to }, ZONE));
              const expected = await expectedReport(clinic.app, scope, from, to);
              expect({ counts: countMap(actual.counts), figures: actual.figures }).toEqual(expected);
              if (process.env.REPORT_DATA_SHOW) console.log(JSON.stringify(expected));
            }
          }
        } finally {
          await clinic.cleanup();
        }
      }),
      { seed: 20261214, numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});
