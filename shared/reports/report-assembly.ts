import type { TextOf } from '../i18n/text';
import type { SuppressionResult } from './disclosure/problem';
import type { HiddenValue, ReportMetric, ReportTable } from './report-document';
import type { ReportProblem, TablePlace } from './report-problem';
import { REPORT_METRICS, REPORT_TABLES, type MetricPart, type ReportMetricSpec, type ScopeFigure } from './report-tables';

/**
 * The published tables and metrics of a report, from its counts and what disclosure
 * control decided to hide (issue 13): a hidden count is `null`, and so is every rate,
 * share or mean that would give a hidden count back or rests on fewer than k.
 */
export interface Published {
  tables: ReportTable[];
  metrics: ReportMetric[];
  hidden: HiddenValue[];
}

interface Count {
  value: number | null;
  /** Why it is hidden, when it is. */
  reason: HiddenValue['reason'] | null;
}

/** `givenAwayBySubtraction`: figures an earlier report would give away a small difference of (figure-differences.ts). */
export function publishedTablesAndMetrics(problem: ReportProblem, suppression: SuppressionResult, figures: Record<ScopeFigure, number>, k: number, text: TextOf, givenAwayBySubtraction: ReadonlySet<ScopeFigure> = new Set()): Published {
  const hidden: HiddenValue[] = [];
  const countAt = (key: string): Count => {
    const reason = suppression.hidden.get(key);
    if (!reason) return { value: problem.valueOf(key), reason: null };
    // The builder names no count to hide whatever its value, so a hidden count is small or a complement.
    return { value: null, reason: reason === 'small_count' ? 'small_count' : 'complementary' };
  };
  /** A place's published value; a hidden one is listed with its reason, once (see `mirrors`). */
  const place = (p: TablePlace, mirrors = false): number | null => {
    const count = countAt(problem.keyOf(p));
    if (count.reason && !mirrors) hidden.push({ place: p, reason: count.reason });
    return count.value;
  };

  const tables: ReportTable[] = REPORT_TABLES.filter((spec) => spec.published).map((spec) => {
    const cells = spec.rows.map((_, row) => spec.cols.map((__, col) => place({ kind: 'cell', table: spec.id, row, col })));
    // In a one-column table the row totals are the cells and the column total is the total:
    // shown or hidden with them, and listed under them.
    const oneColumn = spec.cols.length === 1;
    const rowTotals = spec.rows.map((_, row) => place({ kind: 'rowTotal', table: spec.id, row }, oneColumn));
    const colTotals = spec.cols.map((_, col) => place({ kind: 'colTotal', table: spec.id, col }, oneColumn));
    return {
      id: spec.id,
      title: text(`reports.tables.${spec.id}`),
      rowLabels: spec.rows.map((row) => text(`${spec.rowVocab}.${row}`)),
      colLabels: spec.cols.map((col) => text(`${spec.colVocab}.${col}`)),
      cells,
      rowTotals,
      colTotals,
      total: place({ kind: 'total', table: spec.id }),
    };
  });
  const metricHidden: HiddenValue[] = [];
  const partCount = (part: MetricPart): Count => {
    const key = 'figure' in part ? null : problem.keyOfPart(part);
    if (key !== null) return countAt(key);
    const figure = figures[(part as { figure: ScopeFigure }).figure];
    // The headcount a contract covers is the agency's own figure, not a count of clients.
    if ((part as { figure: ScopeFigure }).figure === 'coveredHeadcount') return { value: figure, reason: null };
    if (figure >= 1 && figure < k) return { value: null, reason: 'small_count' };
    return givenAwayBySubtraction.has((part as { figure: ScopeFigure }).figure) ? { value: null, reason: 'earlier_report' } : { value: figure, reason: null };
  };
  const metrics = REPORT_METRICS.map((spec): ReportMetric => {
    const numerator = partCount(spec.numerator);
    const denominator = spec.denominator ? partCount(spec.denominator) : null;
    const value = metricValue(spec, numerator, denominator, k);
    const publishedNumerator = spec.numeratorIsNotACount ? null : numerator.value;
    if (value.reason) metricHidden.push({ place: { kind: 'metric', metric: spec.id, part: 'value' }, reason: value.reason });
    if (!spec.numeratorIsNotACount && numerator.reason) metricHidden.push({ place: { kind: 'metric', metric: spec.id, part: 'numerator' }, reason: numerator.reason });
    if (denominator?.reason) metricHidden.push({ place: { kind: 'metric', metric: spec.id, part: 'denominator' }, reason: denominator.reason });
    return { id: spec.id, label: text(`reports.metrics.${spec.id}`), value: value.value, numerator: publishedNumerator, denominator: denominator?.value ?? null };
  });
  return { tables, metrics, hidden: [...hidden, ...metricHidden] };
}

function metricValue(spec: ReportMetricSpec, numerator: Count, denominator: Count | null, k: number): Count {
  if (spec.kind === 'count' || denominator === null) return numerator;
  if ((denominator.value !== null && denominator.value < k) || denominator.reason === 'small_count') return { value: null, reason: 'small_denominator' };
  if (denominator.value === null || numerator.value === null) return { value: null, reason: 'hidden_count' };
  const value = numerator.value / denominator.value;
  // Four significant decimals are plenty for a rate, and keep the JSON free of float noise.
  return { value: Math.round(value * 10_000) / 10_000, reason: null };
}

