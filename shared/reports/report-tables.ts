import { URGENCIES } from '../domain/agencies';
import { PRESENTING_ISSUES, REFERRAL_TYPES } from '../domain/referrals';
import { MODALITIES, SESSION_TYPES, WORKSHOP_TOPICS } from '../domain/sessions';

/**
 * What an agency report counts (issue 13), as data: every table, its rows and columns,
 * and every metric with the counts it is made of. The report data service fills the
 * counts per agency and month; disclosure control and the documents read the same list.
 *
 * Every count here is additive: the count of a scope and a period is the sum of its
 * agencies' monthly counts. That is what lets the disclosure check reason about earlier
 * reports of the same agencies (a year is the sum of its quarters). The one count that is
 * not additive, the unique clients seen, is a metric part of its own (`clientsSeen`).
 */
export interface ReportTableSpec {
  id: string;
  rows: readonly string[];
  cols: readonly string[];
  /** Published in the document; internal tables only feed metrics. */
  published: boolean;
  /** The i18n namespaces of the row and column labels (`<rowVocab>.<row>`, `<colVocab>.<col>`). */
  rowVocab: string;
  colVocab: string;
}

const OUTCOME_ROWS = ['paired', 'caseness_at_start', 'recovered', 'reliably_improved', 'reliably_recovered', 'reliably_deteriorated'] as const;
export const WORKPLACE_STRESSORS = [
  'workload_stress',
  'burnout',
  'conflict_with_public',
  'interpersonal_conflict',
  'leadership_management',
  'organisational_change',
  'critical_incident_trauma',
] as const satisfies readonly (typeof PRESENTING_ISSUES)[number][];
export type WorkplaceStressor = (typeof WORKPLACE_STRESSORS)[number];

export const REPORT_TABLES = [
  /** Referrals received in the period. */
  { id: 'referrals_by_type', rows: REFERRAL_TYPES, cols: ['referrals'], colVocab: 'reports.cols', published: true, rowVocab: 'vocab.referralType' },
  { id: 'referrals_by_urgency', rows: URGENCIES, cols: ['referrals'], colVocab: 'reports.cols', published: true, rowVocab: 'vocab.urgency' },
  /** Referrals received in the period naming each issue; a referral may name several, so the total counts mentions. */
  { id: 'presenting_issues', rows: PRESENTING_ISSUES, cols: ['referrals'], colVocab: 'reports.cols', published: true, rowVocab: 'vocab.presentingIssue' },
  /** Sessions attended in the period (client sessions, group sessions and workshops). */
  { id: 'sessions_by_type_and_modality', rows: SESSION_TYPES, cols: MODALITIES, colVocab: 'calendar.vocab.modality', published: true, rowVocab: 'calendar.vocab.sessionType' },
  /** Client sessions that were due in the period, by how they ended. */
  { id: 'session_attendance', rows: ['attended', 'did_not_attend', 'late_cancellation'], cols: ['sessions'], colVocab: 'reports.cols', published: true, rowVocab: 'calendar.vocab.status' },
  /** Referrals whose first attended session fell in the period, by urgency: within the contract's target or not. */
  { id: 'first_appointment_by_urgency', rows: URGENCIES, cols: ['met', 'missed'], colVocab: 'reports.cols', published: true, rowVocab: 'vocab.urgency' },
  { id: 'workshops_by_topic', rows: WORKSHOP_TOPICS, cols: ['workshops'], colVocab: 'reports.cols', published: true, rowVocab: 'calendar.vocab.topic' },
  { id: 'workshop_attendance_by_topic', rows: WORKSHOP_TOPICS, cols: ['attendees'], colVocab: 'reports.cols', published: true, rowVocab: 'calendar.vocab.topic' },
  /** Cases closed in the period, and their attended sessions. */
  { id: 'closed_cases', rows: ['cases', 'sessions'], cols: ['count'], colVocab: 'reports.cols', published: false, rowVocab: 'reports.rows' },
  /** Cases closed in the period with a paired PHQ-9 and GAD-7 start and end (shared/measures/outcomes.ts). */
  { id: 'outcomes', rows: OUTCOME_ROWS, cols: ['cases'], colVocab: 'reports.cols', published: false, rowVocab: 'reports.rows' },
] as const satisfies readonly ReportTableSpec[];
export type ReportTableId = (typeof REPORT_TABLES)[number]['id'];

/** One count of a table: its cell, or one of its totals. */
export type CountRef =
  | { table: ReportTableId; row: string; col: string }
  | { table: ReportTableId; rowTotal: string }
  | { table: ReportTableId; colTotal: string }
  | { table: ReportTableId; total: true };

/** A non-additive figure the data service gives for a whole scope and period. */
export type ScopeFigure = 'clientsSeen' | 'coveredHeadcount' | 'who5ChangeSum' | 'who5Pairs';

export type MetricPart = CountRef | { figure: ScopeFigure };

export interface ReportMetricSpec {
  id: string;
  /** `count`: the numerator is the value; `rate`: numerator ÷ denominator, 0–1; `mean`: numerator ÷ denominator. */
  kind: 'count' | 'rate' | 'mean';
  numerator: MetricPart;
  denominator?: MetricPart;
  /** The numerator is not a count of anything (a sum of score changes): never published, only the mean. */
  numeratorIsNotACount?: boolean;
}

const firstAppointmentRate = (urgency: (typeof URGENCIES)[number]): ReportMetricSpec => ({
  id: `ttfa_met_rate_${urgency}`,
  kind: 'rate',
  numerator: { table: 'first_appointment_by_urgency', row: urgency, col: 'met' },
  denominator: { table: 'first_appointment_by_urgency', rowTotal: urgency },
});

export const REPORT_METRICS: readonly ReportMetricSpec[] = [
  { id: 'covered_headcount', kind: 'count', numerator: { figure: 'coveredHeadcount' } },
  { id: 'utilisation_rate', kind: 'rate', numerator: { figure: 'clientsSeen' }, denominator: { figure: 'coveredHeadcount' } },
  { id: 'new_referrals', kind: 'count', numerator: { table: 'referrals_by_type', total: true } },
  { id: 'sessions_delivered', kind: 'count', numerator: { table: 'sessions_by_type_and_modality', total: true } },
  { id: 'attendance_rate', kind: 'rate', numerator: { table: 'session_attendance', row: 'attended', col: 'sessions' }, denominator: { table: 'session_attendance', total: true } },
  { id: 'no_show_rate', kind: 'rate', numerator: { table: 'session_attendance', row: 'did_not_attend', col: 'sessions' }, denominator: { table: 'session_attendance', total: true } },
  { id: 'mean_sessions_per_closed_case', kind: 'mean', numerator: { table: 'closed_cases', row: 'sessions', col: 'count' }, denominator: { table: 'closed_cases', row: 'cases', col: 'count' } },
  ...URGENCIES.map(firstAppointmentRate),
  { id: 'workshops_delivered', kind: 'count', numerator: { table: 'workshops_by_topic', total: true } },
  { id: 'workshop_attendance', kind: 'count', numerator: { table: 'workshop_attendance_by_topic', total: true } },
  { id: 'recovery_rate', kind: 'rate', numerator: { table: 'outcomes', row: 'recovered', col: 'cases' }, denominator: { table: 'outcomes', row: 'caseness_at_start', col: 'cases' } },
  { id: 'reliable_improvement_rate', kind: 'rate', numerator: { table: 'outcomes', row: 'reliably_improved', col: 'cases' }, denominator: { table: 'outcomes', row: 'paired', col: 'cases' } },
  { id: 'reliable_recovery_rate', kind: 'rate', numerator: { table: 'outcomes', row: 'reliably_recovered', col: 'cases' }, denominator: { table: 'outcomes', row: 'caseness_at_start', col: 'cases' } },
  { id: 'reliable_deterioration_rate', kind: 'rate', numerator: { table: 'outcomes', row: 'reliably_deteriorated', col: 'cases' }, denominator: { table: 'outcomes', row: 'paired', col: 'cases' } },
  { id: 'who5_mean_change', kind: 'mean', numerator: { figure: 'who5ChangeSum' }, denominator: { figure: 'who5Pairs' }, numeratorIsNotACount: true },
];

/**
 * The raw material of one report, as the data service reads it from the vault: each
 * table's counts per agency and month (zeros may be left out), and the scope's
 * non-additive figures.
 */
export interface BaseCount {
  table: ReportTableId;
  row: string;
  col: string;
  agencyId: number;
  /** YYYY-MM. */
  month: string;
  value: number;
}

export interface ReportData {
  counts: BaseCount[];
  figures: Record<ScopeFigure, number>;
}
