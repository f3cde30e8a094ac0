import type { EntityManager } from 'typeorm';
import { URGENCIES, type Urgency } from '../../shared/domain/agencies';
import { firstAppointmentDueAt, firstAppointmentTimeliness, type ClinicCalendar } from '../../shared/domain/first-appointment';
import { ANXIETY_MEASURE, DEPRESSION_MEASURE } from '../../shared/measures/outcomes';
import { clinicMonthOf, clinicMonths, firstDayAfter } from '../../shared/reports/clinic-months';
import type { BaseCount, ReportData, ReportTableId } from '../../shared/reports/report-tables';
import { ClinicHolidayEntity } from '../../db/entities';
import {
  administrationsOfClosedCases,
  closedCases,
  contractTargets,
  coveredHeadcounts,
  referralsByPresentingIssue,
  referralsByTypeAndUrgency,
  referralsWithClockStopped,
  sessionTallies,
  type CaseAdministrationRow,
  type ReportScope,
} from '../../db/report-queries';
import { instrumentsById } from '../instrument-catalogue';
import { outcomeFromAdministrations, TREATMENT_SESSION_TYPES } from '../measure-service';
import { targetFor } from '../record-views';
import { readSettings } from '../settings-service';

/**
 * The counts an agency report is made of (issue 13), per agency and per month of the
 * clinic's time zone. Only counts leave this function: no name, code, date of birth, free
 * text or record id. The definitions below are the ones the report prints.
 *
 * - Referrals: referrals received in the month (the date received), whatever became of
 *   them, by type, by urgency, and by each presenting issue they name (a referral naming
 *   two issues counts once under each).
 * - Sessions delivered: sessions attended in the month, of every kind (client sessions,
 *   manager consultations, critical-incident debriefs and workshops), by type and
 *   modality, for the agency the session was booked for.
 * - Attendance: client sessions (of a case) due in the month that were attended, not
 *   attended (no-show) or cancelled late. Cancellations made in good time are not due
 *   sessions and are not counted.
 * - Time to first appointment: referrals whose first attended session (the stop of the
 *   clock) fell in the month, met or missed against the first-appointment target for
 *   their urgency of the contract in force when they were received, by the rule the
 *   waitlist shows (working days and clinic holidays included). A referral received when
 *   no contract was in force is measured against the clinic's default targets, the same
 *   deadline its screen showed, so the report and the waitlist never disagree.
 * - Workshops: workshops attended (held) in the month, by topic, and the people who came:
 *   the anonymous head count where one was recorded, otherwise the attendees named.
 * - Closed cases: cases closed in the month (the closing date), for the client's agency,
 *   and all their attended sessions, of any type and month (mean sessions per closed case).
 * - Outcomes: of the cases closed in the month, those that finished treatment (at least
 *   two attended counselling or follow-up sessions) with at least two complete PHQ-9 and
 *   two complete GAD-7 ("paired"); of those, at caseness at the start (PHQ-9 ≥ 10 or
 *   GAD-7 ≥ 8), recovered, reliably improved, reliably recovered and reliably deteriorated,
 *   by the rules of shared/measures/outcomes.ts (NHS Talking Therapies).
 * - Clients seen: unique clients with at least one attended session of their case in the
 *   whole period (one person seen in three months counts once).
 * - Covered headcount: for each agency, the covered headcount of its contract in force in
 *   the period, or the largest when more than one was (a renewed contract counts the same
 *   staff again); the sum over the agencies.
 * - WHO-5 change: of the cases closed in the period, those with at least two complete
 *   WHO-5, and the sum of last minus first score (0–100) over them.
 */
export async function readReportData(m: EntityManager, agencyIds: readonly number[], period: { from: string; to: string }, timeZone: string): Promise<ReportData> {
  const figures = { clientsSeen: 0, coveredHeadcount: 0, who5ChangeSum: 0, who5Pairs: 0 };
  if (agencyIds.length === 0) return { counts: [], figures };
  const scope = reportScopeOf(agencyIds, period, timeZone);
  const counts: BaseCount[] = await referralCounts(m, scope);
  const add = adderTo(counts);

  const sessions = await sessionTallies(m, scope);
  for (const g of sessions.groups) {
    if (g.status === 'attended') add('sessions_by_type_and_modality', g.sessionType, g.modality, g.agencyId, g.month, g.sessions);
    if (g.ofCase) add('session_attendance', g.status, 'sessions', g.agencyId, g.month, g.sessions);
    if (g.status === 'attended' && g.sessionType === 'group_workshop' && g.topic !== null) {
      add('workshops_by_topic', g.topic, 'workshops', g.agencyId, g.month, g.sessions);
      add('workshop_attendance_by_topic', g.topic, 'attendees', g.agencyId, g.month, g.attendees);
    }
  }
  figures.clientsSeen = sessions.clientsSeen;
  for (const r of await firstAppointmentsInScope(m, scope, timeZone)) add('first_appointment_by_urgency', r.urgency, r.timeliness, r.agencyId, r.month, r.value);

  const outcomes = await closedCaseOutcomes(m, scope);
  for (const r of outcomes.counts) add(r.table, r.row, r.col, r.agencyId, r.month, r.value);
  figures.who5Pairs = outcomes.who5Pairs;
  figures.who5ChangeSum = outcomes.who5ChangeSum;
  figures.coveredHeadcount = (await coveredHeadcounts(m, scope)).reduce((sum, r) => sum + r.headcount, 0);
  return { counts: mergeCounts(counts), figures };
}

/** Adds a count to the list, leaving zeros out. */
function adderTo(counts: BaseCount[]) {
  return (table: ReportTableId, row: string, col: string, agencyId: number, month: string, value: number) => {
    if (value !== 0) counts.push({ table, row, col, agencyId, month, value });
  };
}

function reportScopeOf(agencyIds: readonly number[], period: { from: string; to: string }, timeZone: string): ReportScope {
  return { agencyIds, months: clinicMonths(period.from, period.to, timeZone), fromDate: `${period.from}-01`, toDateExcluded: firstDayAfter(period.to) };
}

async function referralCounts(m: EntityManager, scope: ReportScope): Promise<BaseCount[]> {
  const counts: BaseCount[] = [];
  const add = adderTo(counts);
  for (const r of await referralsByTypeAndUrgency(m, scope)) {
    add('referrals_by_type', r.referralType, 'referrals', r.agencyId, r.month, r.value);
    add('referrals_by_urgency', r.urgency, 'referrals', r.agencyId, r.month, r.value);
  }
  for (const r of await referralsByPresentingIssue(m, scope)) add('presenting_issues', r.row, r.col, r.agencyId, r.month, r.value);
  return counts;
}

/** One entry per (table, row, col, agency, month): the parts added above may meet on one key. */
function mergeCounts(counts: BaseCount[]): BaseCount[] {
  const byKey = new Map<string, BaseCount>();
  for (const c of counts) {
    const key = `${c.table}|${c.row}|${c.col}|${c.agencyId}|${c.month}`;
    const known = byKey.get(key);
    if (known) known.value += c.value;
    else byKey.set(key, { ...c });
  }
  return [...byKey.values()];
}

interface Tally {
  agencyId: number;
  month: string;
  urgency: Urgency;
  timeliness: 'met' | 'missed';
  value: number;
}

/** Referrals whose clock stopped in the scope, met or missed, as the first-appointment rule decides. */
async function firstAppointmentsInScope(m: EntityManager, scope: ReportScope, timeZone: string): Promise<Tally[]> {
  const first = scope.months[0]!;
  const last = scope.months[scope.months.length - 1]!;
  const rows = await referralsWithClockStopped(m, scope.agencyIds, new Date(first.fromMs).toISOString(), new Date(last.toMs).toISOString());
  if (rows.length === 0) return [];
  const settings = await readSettings(m);
  const holidays = await m.getRepository(ClinicHolidayEntity).find({ select: { date: true } });
  const calendar: ClinicCalendar = { timeZone, workingDays: settings.workingDays, holidays: new Set(holidays.map((h) => h.date)) };
  const contracts = new Map((await contractTargets(m, [...new Set(rows.map((r) => r.contractId).filter((id): id is number => id !== null))])).map((c) => [c.id, c]));
  const tallies = new Map<string, Tally>();
  for (const r of rows) {
    const stoppedMs = Date.parse(r.clockStoppedAt);
    const month = clinicMonthOf(stoppedMs, scope.months);
    const urgency = r.urgency as Urgency;
    if (month === null || !URGENCIES.includes(urgency)) continue;
    const target = targetFor(r.contractId === null ? undefined : contracts.get(r.contractId), urgency);
    const dueAt = firstAppointmentDueAt(r.clockStartedAt, target, calendar);
    // The clock has stopped, so the rule answers met or missed.
    const timeliness = firstAppointmentTimeliness({ clockStartedAt: r.clockStartedAt, firstAppointmentDueAt: dueAt, clockStoppedAt: r.clockStoppedAt }, stoppedMs) as Tally['timeliness'];
    const key = `${r.agencyId}|${month}|${urgency}|${timeliness}`;
    const tally = tallies.get(key) ?? { agencyId: r.agencyId, month, urgency, timeliness, value: 0 };
    tally.value += 1;
    tallies.set(key, tally);
  }
  return [...tallies.values()];
}

const WHO5 = 'who5';

/** Closed cases, their attended sessions and their outcomes, by the outcome rules the case card uses. */
async function closedCaseOutcomes(m: EntityManager, scope: ReportScope): Promise<{ counts: BaseCount[]; who5Pairs: number; who5ChangeSum: number }> {
  const cases = await closedCases(m, scope, TREATMENT_SESSION_TYPES);
  const counts: Array<BaseCount> = [];
  let who5Pairs = 0;
  let who5ChangeSum = 0;
  if (cases.length === 0) return { counts, who5Pairs, who5ChangeSum };
  const instruments = await instrumentsById(m);
  const byCase = new Map<number, CaseAdministrationRow[]>();
  for (const row of await administrationsOfClosedCases(m, scope, [DEPRESSION_MEASURE, ANXIETY_MEASURE, WHO5])) {
    const list = byCase.get(Number(row.caseId)) ?? [];
    list.push(row);
    byCase.set(Number(row.caseId), list);
  }
  const count = (table: ReportTableId, row: string, col: string, c: { agencyId: number; month: string }) => counts.push({ table, row, col, agencyId: c.agencyId, month: c.month, value: 1 });
  for (const c of cases) {
    count('closed_cases', 'cases', 'count', c);
    if (c.attendedSessions > 0) counts.push({ table: 'closed_cases', row: 'sessions', col: 'count', agencyId: c.agencyId, month: c.month, value: c.attendedSessions });
    const outcome = outcomeFromAdministrations(instruments, { id: c.caseId, closedDate: c.closedDate }, byCase.get(c.caseId) ?? [], c.attendedTreatmentSessions);
    const who5 = outcome.instruments.find((i) => i.instrumentId === WHO5);
    if (who5?.change != null) {
      who5Pairs += 1;
      who5ChangeSum += who5.change;
    }
    const { paired } = outcome;
    // Only cases that finished treatment with paired scores: NHS Talking Therapies' denominator.
    if (!outcome.finished || paired.casenessAtStart === null) continue;
    count('outcomes', 'paired', 'cases', c);
    if (paired.casenessAtStart) count('outcomes', 'caseness_at_start', 'cases', c);
    if (paired.recovered) count('outcomes', 'recovered', 'cases', c);
    if (paired.reliableImprovement) count('outcomes', 'reliably_improved', 'cases', c);
    if (paired.reliableRecovery) count('outcomes', 'reliably_recovered', 'cases', c);
    if (paired.reliableDeterioration) count('outcomes', 'reliably_deteriorated', 'cases', c);
  }
  return { counts, who5Pairs, who5ChangeSum };
}
