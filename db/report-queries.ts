import type { EntityManager } from 'typeorm';
import type { ClinicMonth } from '../shared/reports/clinic-months';

/**
 * What an agency report reads (issue 13), aggregated by agency and month in SQLite: a
 * year of a large clinic is hundreds of thousands of sessions, so no row crosses into
 * JavaScript where a count will do. Nothing here selects a name, code, date of birth or
 * free text. Months are the clinic's (`ClinicMonth`): sessions keep UTC milliseconds, so
 * they are matched to a month by its bounds; referrals and cases keep calendar dates of
 * the clinic's zone, so their month is the date's first seven characters.
 */

export interface ReportScope {
  agencyIds: readonly number[];
  months: readonly ClinicMonth[];
  /** First day of the first month, YYYY-MM-DD. */
  fromDate: string;
  /** First day after the last month, YYYY-MM-DD (excluded). */
  toDateExcluded: string;
}

/** One aggregated count: an agency's month, a row and a column of a table. */
export interface CountRow {
  agencyId: number;
  month: string;
  row: string;
  col: string;
  value: number;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface SessionGroupRow {
  agencyId: number;
  month: string;
  sessionType: string;
  modality: string;
  status: string;
  /** 1 for a client's session (of a case), 0 for a workshop, consultation or debrief. */
  ofCase: number;
  topic: string | null;
  sessions: number;
  /** Workshops only: the head count where one was recorded, otherwise the attendees named. */
  attendees: number;
}

/**
 * Every session that took place or was due in the scope's months, grouped by agency,
 * month, type, modality, outcome and topic, and the unique clients seen in the whole
 * scope: one statement, so each session row is read once (reading the rows, not the
 * index, is what a report's time goes on). The months are a table of their bounds, joined
 * first (CROSS JOIN keeps that order), so each month is one range of the
 * (agency_id, start_ms) index per agency.
 */
export async function sessionTallies(m: EntityManager, scope: ReportScope): Promise<{ groups: SessionGroupRow[]; clientsSeen: number }> {
  const rows: Array<SessionGroupRow & { kind: 'group' | 'clients' }> = await m.query(
    `WITH months(month, from_ms, to_ms) AS (VALUES ${scope.months.map(() => '(?, ?, ?)').join(', ')}),
     due AS MATERIALIZED (
       SELECT s.id, s.agency_id, mo.month, s.session_type, s.modality, s.status, s.case_id, s.topic, s.head_count
       FROM months mo CROSS JOIN session s
       WHERE s.agency_id IN (${placeholders(scope.agencyIds.length)}) AND s.start_ms >= mo.from_ms AND s.start_ms < mo.to_ms
         AND s.status IN ('attended', 'did_not_attend', 'late_cancellation'))
     SELECT 'group' AS kind, agency_id AS agencyId, month, session_type AS sessionType, modality, status, case_id IS NOT NULL AS ofCase, topic,
       count(*) AS sessions,
       coalesce(sum(CASE WHEN session_type = 'group_workshop' THEN coalesce(head_count, (SELECT count(*) FROM session_attendee a WHERE a.session_id = due.id)) END), 0) AS attendees
     FROM due GROUP BY agency_id, month, session_type, modality, status, ofCase, topic
     UNION ALL
     SELECT 'clients', NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(DISTINCT c.client_id), 0
     FROM due JOIN client_case c ON c.id = due.case_id WHERE due.status = 'attended'`,
    [...scope.months.flatMap((mo) => [mo.month, mo.fromMs, mo.toMs]), ...scope.agencyIds],
  );
  const groups = rows
    .filter((r) => r.kind === 'group')
    .map((r) => ({ ...r, agencyId: Number(r.agencyId), ofCase: Number(r.ofCase), sessions: Number(r.sessions), attendees: Number(r.attendees) }));
  const clients = rows.find((r) => r.kind === 'clients');
  return { groups: groups.map(({ kind: _kind, ...g }) => g), clientsSeen: Number(clients?.sessions ?? 0) };
}

async function counts(m: EntityManager, sql: string, params: unknown[]): Promise<CountRow[]> {
  const rows: CountRow[] = await m.query(sql, params);
  return rows.map((r) => ({ agencyId: Number(r.agencyId), month: r.month, row: r.row, col: r.col, value: Number(r.value) }));
}

const referralsReceived = (scope: ReportScope) => ({
  where: `r.agency_id IN (${placeholders(scope.agencyIds.length)}) AND r.received_date >= ? AND r.received_date < ?`,
  params: [...scope.agencyIds, scope.fromDate, scope.toDateExcluded],
});

export interface ReferralCountRow {
  agencyId: number;
  month: string;
  referralType: string;
  urgency: string;
  value: number;
}

/** Referrals received, by type and urgency (the two tables are its margins). */
export async function referralsByTypeAndUrgency(m: EntityManager, scope: ReportScope): Promise<ReferralCountRow[]> {
  const { where, params } = referralsReceived(scope);
  const rows: ReferralCountRow[] = await m.query(
    `SELECT r.agency_id AS agencyId, substr(r.received_date, 1, 7) AS month, r.referral_type AS referralType, r.urgency AS urgency, count(*) AS value
     FROM referral r WHERE ${where} GROUP BY r.agency_id, month, r.referral_type, r.urgency`,
    params,
  );
  return rows.map((r) => ({ ...r, agencyId: Number(r.agencyId), value: Number(r.value) }));
}

/** Referrals received naming each presenting issue (row); col is 'referrals'. */
export function referralsByPresentingIssue(m: EntityManager, scope: ReportScope): Promise<CountRow[]> {
  const { where, params } = referralsReceived(scope);
  return counts(
    m,
    `SELECT r.agency_id AS agencyId, substr(r.received_date, 1, 7) AS month, j.value AS row, 'referrals' AS col, count(DISTINCT r.id) AS value
     FROM referral r, json_each(r.presenting_issues) j WHERE ${where} GROUP BY r.agency_id, month, j.value`,
    params,
  );
}

export interface StoppedClockRow {
  agencyId: number;
  urgency: string;
  contractId: number | null;
  clockStartedAt: string;
  clockStoppedAt: string;
}

/**
 * Referrals whose time-to-first-appointment clock stopped from `fromIso` to `toIso`
 * (excluded): one row each, because whether the target was met is the first-appointment
 * rule's to decide (working days, holidays), not SQL's. The clock's stop is written as
 * `Date.toISOString()`, so the strings compare as the instants do.
 */
export function referralsWithClockStopped(m: EntityManager, agencyIds: readonly number[], fromIso: string, toIso: string): Promise<StoppedClockRow[]> {
  return m.query(
    `SELECT r.agency_id AS agencyId, r.urgency AS urgency, r.contract_id AS contractId, r.clock_started_at AS clockStartedAt, r.clock_stopped_at AS clockStoppedAt
     FROM referral r WHERE r.agency_id IN (${placeholders(agencyIds.length)}) AND r.clock_stopped_at >= ? AND r.clock_stopped_at < ?`,
    [...agencyIds, fromIso, toIso],
  );
}

export interface ClosedCaseRow {
  caseId: number;
  agencyId: number;
  month: string;
  /** YYYY-MM-DD: stays in the service (the outcome rules ask whether the case is closed). */
  closedDate: string;
  /** Attended sessions of the case, of any type. */
  attendedSessions: number;
  /** Attended counselling and follow-up sessions: what "finished treatment" counts (measure-service). */
  attendedTreatmentSessions: number;
}

/**
 * Cases closed in the scope's months, one row each (the outcome rules are applied case
 * by case), with their client's agency: a client belongs to one agency for good, and every
 * referral of the client is of that agency (referral intake refuses any other).
 */
export async function closedCases(m: EntityManager, scope: ReportScope, treatmentTypes: readonly string[]): Promise<ClosedCaseRow[]> {
  const rows: ClosedCaseRow[] = await m.query(
    `SELECT c.id AS caseId, cl.agency_id AS agencyId, substr(c.closed_date, 1, 7) AS month, c.closed_date AS closedDate,
       count(s.id) AS attendedSessions, count(CASE WHEN s.session_type IN (${placeholders(treatmentTypes.length)}) THEN 1 END) AS attendedTreatmentSessions
     FROM client_case c JOIN client cl ON cl.id = c.client_id LEFT JOIN session s ON s.case_id = c.id AND s.status = 'attended'
     WHERE cl.agency_id IN (${placeholders(scope.agencyIds.length)}) AND c.closed_date >= ? AND c.closed_date < ?
     GROUP BY c.id`,
    [...treatmentTypes, ...scope.agencyIds, scope.fromDate, scope.toDateExcluded],
  );
  return rows.map((r) => ({ ...r, caseId: Number(r.caseId), agencyId: Number(r.agencyId), attendedSessions: Number(r.attendedSessions), attendedTreatmentSessions: Number(r.attendedTreatmentSessions) }));
}

export interface CaseAdministrationRow {
  id: number;
  caseId: number;
  instrumentId: string;
  administeredAt: string;
  /** The stored answers (JSON): read only to score them, never passed on. */
  responses: string;
}

/** The administrations of some instruments in the cases closed in the scope, per case in the order given. */
export function administrationsOfClosedCases(m: EntityManager, scope: ReportScope, instrumentIds: readonly string[]): Promise<CaseAdministrationRow[]> {
  return m.query(
    `SELECT ma.id AS id, ma.case_id AS caseId, ma.instrument_id AS instrumentId, ma.administered_at AS administeredAt, ma.responses AS responses
     FROM client_case c JOIN client cl ON cl.id = c.client_id JOIN measure_administration ma ON ma.case_id = c.id
     WHERE cl.agency_id IN (${placeholders(scope.agencyIds.length)}) AND c.closed_date >= ? AND c.closed_date < ? AND ma.instrument_id IN (${placeholders(instrumentIds.length)})
     ORDER BY ma.case_id, ma.administered_at, ma.id`,
    [...scope.agencyIds, scope.fromDate, scope.toDateExcluded, ...instrumentIds],
  );
}

/**
 * Each agency's covered headcount in the scope: of its contracts in force in any of the
 * months, the largest (contracts of one agency never overlap, so several in one period
 * follow each other, and their headcounts are the same staff counted again).
 */
export async function coveredHeadcounts(m: EntityManager, scope: ReportScope): Promise<Array<{ agencyId: number; headcount: number }>> {
  const rows: Array<{ agencyId: number; headcount: number }> = await m.query(
    `SELECT agency_id AS agencyId, max(covered_headcount) AS headcount FROM contract
     WHERE agency_id IN (${placeholders(scope.agencyIds.length)}) AND start_date < ? AND end_date >= ? GROUP BY agency_id`,
    [...scope.agencyIds, scope.toDateExcluded, scope.fromDate],
  );
  return rows.map((r) => ({ agencyId: Number(r.agencyId), headcount: Number(r.headcount) }));
}

export interface ContractTargetsRow {
  id: number;
  targets: string;
}

export function contractTargets(m: EntityManager, ids: readonly number[]): Promise<ContractTargetsRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return m.query(`SELECT id, targets FROM contract WHERE id IN (${placeholders(ids.length)})`, [...ids]);
}
