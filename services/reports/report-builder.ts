import type { EntityManager } from 'typeorm';
import { AppError } from '../../shared/errors';
import { clinicDate } from '../../shared/domain/clinic-time';
import { textIn, type Language } from '../../shared/i18n/text';
import { protect } from '../../shared/reports/disclosure/protect';
import type { LinearSolver } from '../../shared/reports/disclosure/linear-solver';
import { monthsBetween, parsePeriod, type ReportPeriod } from '../../shared/reports/period';
import { REPORT_SCHEMA, type HiddenValue, type ReportDocument } from '../../shared/reports/report-document';
import { publishedTablesAndMetrics } from '../../shared/reports/report-assembly';
import { figuresGivenAwayBySubtraction } from '../../shared/reports/figure-differences';
import { buildReportProblem, type EarlierReport, type ReportFrame, type ReportProblem } from '../../shared/reports/report-problem';
import type { SuppressionResult } from '../../shared/reports/disclosure/problem';
import type { ReportData } from '../../shared/reports/report-tables';
import type { ReportStage } from '../../shared/reports/report-progress';
import { readSettings } from '../settings-service';
import { reportInsight } from './report-insight';
import { readReportData } from './report-data';
import { overlappingReports } from './report-register';
import { resolveScope, type ResolvedScope, type ScopeRequest } from './report-scope';

/**
 * Builds an agency report (issue 13): the counts of its agencies and months, disclosure
 * control against its own totals and every earlier report of the same agencies that
 * shares a month with it, then the published document and, for the admin only, why each
 * hidden value is hidden. Nothing is written here; exporting is `report-export.ts`.
 */
export interface ReportRequest {
  scope: ScopeRequest;
  /** As `parsePeriod` reads it: `2026-Q3`, `2026-07`, `2026`, `2026-01..2026-06`. */
  period: string;
  language: Language;
}

export interface BuiltReport {
  /** Unsigned: the export signs it. */
  document: ReportDocument;
  hidden: HiddenValue[];
  pinnedBeforeThisReport: number;
  checkedAgainst: number;
  scope: ResolvedScope;
  period: ReportPeriod;
}

/** What the register keeps of a published report: the document as published and, for later checks, why values were hidden. */
export interface PublishedRecord {
  document: ReportDocument;
  hidden: HiddenValue[];
}

const DEFINITIONS = ['months', 'disclosure', 'utilisation_rate', 'referrals', 'sessions', 'attendance', 'mean_sessions_per_closed_case', 'first_appointment', 'workshops', 'outcomes', 'recovery_rate', 'reliable_improvement_rate', 'reliable_recovery_rate', 'reliable_deterioration_rate', 'who5_mean_change'] as const;

export function periodOrRefuse(text: string): ReportPeriod {
  const period = parsePeriod(text);
  if (!period) throw new AppError('VALIDATION', 'The period is not a month, a quarter, a year or a range of months.', { issues: [{ path: 'period', code: 'invalid_period', message: 'The period is not a month, a quarter, a year or a range of months.' }] });
  return period;
}

/** The report's question for disclosure control and the engine's answer, before anything is published. */
export interface PreparedReport {
  scope: ResolvedScope;
  period: ReportPeriod;
  currentMonth: string;
  timeZone: string;
  clinicName: string;
  data: ReportData;
  earlier: EarlierReport[];
  problem: ReportProblem;
  suppression: SuppressionResult;
}

/** Told as each stage of a build begins (the worker passes it on as progress). */
export type StageListener = (stage: ReportStage) => void;

export async function prepareReport(m: EntityManager, solver: LinearSolver, nowIso: string, request: Pick<ReportRequest, 'scope' | 'period'>, onStage: StageListener = () => undefined): Promise<PreparedReport> {
  onStage('reading');
  const settings = await readSettings(m);
  const period = periodOrRefuse(request.period);
  const currentMonth = clinicDate(nowIso, settings.timeZone).slice(0, 7);
  if (period.to > currentMonth) throw new AppError('PERIOD_NOT_STARTED', 'The period reaches months that have not begun.');
  const scope = await resolveScope(m, request.scope, period.from, period.to);
  const frame: ReportFrame = { agencyIds: scope.agencyIds, months: monthsBetween(period.from, period.to) };

  const earlier: EarlierReport[] = (await overlappingReports(m, scope.agencyIds, period.from, period.to)).map((entry) => {
    const record = entry.published as PublishedRecord;
    return { frame: { agencyIds: entry.agencyIds, months: monthsBetween(entry.periodFrom!, entry.periodTo!) }, document: record.document, hidden: record.hidden };
  });
  const data = await readReportData(m, scope.agencyIds, period, settings.timeZone);
  // Earlier reports may reach other agencies and months: their counts are needed too.
  const frames = [frame, ...earlier.map((e) => e.frame)];
  const allAgencies = [...new Set(frames.flatMap((f) => f.agencyIds))];
  const allMonths = frames.flatMap((f) => f.months).sort();
  const counts = earlier.length === 0 ? data.counts : (await readReportData(m, allAgencies, { from: allMonths[0]!, to: allMonths.at(-1)! }, settings.timeZone)).counts;

  onStage('protecting');
  const problem = buildReportProblem(scope.k, counts, frame, earlier);
  const suppression = protect(problem.problem, solver);
  if (suppression.unprotected > 0) throw new AppError('REPORT_UNSAFE', 'Earlier reports of these agencies would let a small count of this one be worked out, whatever it hides.');
  return { scope, period, currentMonth, timeZone: settings.timeZone, clinicName: settings.clinicName, data, earlier, problem, suppression };
}

export async function buildReport(m: EntityManager, solver: LinearSolver, nowIso: string, request: ReportRequest, onStage: StageListener = () => undefined): Promise<BuiltReport> {
  const { scope, period, currentMonth, clinicName, data, earlier, problem, suppression } = await prepareReport(m, solver, nowIso, request, onStage);
  onStage('assembling');
  const text = textIn(request.language);
  const frame: ReportFrame = { agencyIds: scope.agencyIds, months: monthsBetween(period.from, period.to) };
  const subtracted = figuresGivenAwayBySubtraction(data.figures, scope.k, frame, earlier);
  const published = publishedTablesAndMetrics(problem, suppression, data.figures, scope.k, text, subtracted);
  const insight = await reportInsight(m, { scope, period, referrals: problem, suppression, text, language: request.language });

  const document: ReportDocument = {
    schema: REPORT_SCHEMA,
    clinic: clinicName,
    language: request.language,
    minCellSize: scope.k,
    period: { from: period.from, to: period.to },
    scope: { kind: request.scope.kind, name: scopeName(scope, text) },
    generatedAt: currentMonth,
    definitions: { ...Object.fromEntries(DEFINITIONS.map((id) => [id, text(`reports.definitions.${id}`, { k: scope.k })])), insight: text('reportInsight.definition') },
    tables: published.tables,
    metrics: published.metrics,
    insight: insight.rows,
    signature: null,
  };
  return { document, hidden: [...published.hidden, ...insight.hidden], pinnedBeforeThisReport: suppression.pinnedBeforeThisReport, checkedAgainst: earlier.length, scope, period };
}

function scopeName(scope: ResolvedScope, text: ReturnType<typeof textIn>): string {
  if (scope.request.kind === 'agency') return scope.agencyName!;
  if (scope.request.kind === 'sector') return text(`admin.agencies.sectors.${scope.request.sector}`);
  return text('reports.allAgencies');
}
