import { describe, expect, it } from 'vitest';
import { textIn } from '../i18n/text';
import { monthsBetween } from './period';
import { publishedTablesAndMetrics } from './report-assembly';
import { buildReportProblem } from './report-problem';
import type { BaseCount, ScopeFigure } from './report-tables';

const count = (table: BaseCount['table'], row: string, col: string, value: number): BaseCount => ({ table, row, col, agencyId: 1, month: '2026-07', value });
const COUNTS = [
  count('session_attendance', 'attended', 'sessions', 40),
  count('session_attendance', 'did_not_attend', 'sessions', 3),
  count('session_attendance', 'late_cancellation', 'sessions', 7),
  count('first_appointment_by_urgency', 'routine', 'met', 3),
  count('first_appointment_by_urgency', 'routine', 'missed', 1),
  count('closed_cases', 'cases', 'count', 6),
  count('closed_cases', 'sessions', 'count', 33),
];
const FIGURES: Record<ScopeFigure, number> = { clientsSeen: 4, coveredHeadcount: 900, who5Pairs: 6, who5ChangeSum: 45 };

function published(hide: string[] = [], givenAwayBySubtraction: ReadonlySet<ScopeFigure> = new Set()) {
  const problem = buildReportProblem(5, COUNTS, { agencyIds: [1], months: monthsBetween('2026-07', '2026-07') }, []);
  const hidden = new Map(hide.map((key) => [key, 'complementary' as const]));
  for (const c of problem.problem.counts) {
    const value = problem.valueOf(c.key);
    if (value >= 1 && value < 5) hidden.set(c.key, 'small_count' as never);
  }
  return { problem, result: publishedTablesAndMetrics(problem, { hidden, pinnedBeforeThisReport: 0, unprotected: 0 }, FIGURES, 5, textIn('en'), givenAwayBySubtraction) };
}
const metric = (result: ReturnType<typeof published>['result'], id: string) => result.metrics.find((m) => m.id === id)!;
const reasonOf = (result: ReturnType<typeof published>['result'], id: string, part: string) =>
  result.hidden.find((h) => h.place.kind === 'metric' && h.place.metric === id && h.place.part === part)?.reason;

describe('the published metrics', () => {
  it('are their numerator over their denominator, rounded to four decimals, with both shown', () => {
    const { result } = published();
    expect(metric(result, 'attendance_rate')).toMatchObject({ value: 0.8, numerator: 40, denominator: 50 });
    expect(metric(result, 'mean_sessions_per_closed_case')).toMatchObject({ value: 5.5, numerator: 33, denominator: 6 });
    expect(metric(result, 'who5_mean_change')).toMatchObject({ value: 7.5, numerator: null, denominator: 6 });
    // The agency's own headcount is published; clients seen from 1 to k−1 are not, nor the rate made of them.
    expect(metric(result, 'covered_headcount')).toMatchObject({ value: 900, numerator: 900 });
    expect(metric(result, 'utilisation_rate')).toMatchObject({ value: null, numerator: null, denominator: 900 });
    expect(reasonOf(result, 'utilisation_rate', 'value')).toBe('hidden_count');
  });

  it('hide a rate out of fewer than k, and one whose count is hidden, with the reason', () => {
    const { result } = published();
    // Routine first appointments: 3 met out of 4: both small, the rate out of fewer than 5.
    expect(metric(result, 'ttfa_met_rate_routine')).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(reasonOf(result, 'ttfa_met_rate_routine', 'value')).toBe('small_denominator');
    // No-shows (3) are small: the no-show rate would give them back.
    expect(metric(result, 'no_show_rate')).toMatchObject({ value: null, numerator: null, denominator: 50 });
    expect(reasonOf(result, 'no_show_rate', 'value')).toBe('hidden_count');
  });

  it('hide a rate when its denominator is hidden as a complement, and mark the table cells that are', () => {
    const { problem, result: shown } = published();
    expect(shown.tables.find((t) => t.id === 'session_attendance')!.total).toBe(50);
    const total = problem.keyOf({ kind: 'total', table: 'session_attendance' });
    const { result } = published([total]);
    expect(result.tables.find((t) => t.id === 'session_attendance')!.total).toBeNull();
    expect(metric(result, 'attendance_rate')).toMatchObject({ value: null, numerator: 40, denominator: null });
    expect(result.hidden).toContainEqual({ place: { kind: 'total', table: 'session_attendance' }, reason: 'complementary' });
  });

  it('hide a figure an earlier report would give a small difference of, and the mean made of it', () => {
    const { result } = published([], new Set(['who5Pairs']));
    expect(metric(result, 'who5_mean_change')).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(reasonOf(result, 'who5_mean_change', 'denominator')).toBe('earlier_report');
    expect(reasonOf(result, 'who5_mean_change', 'value')).toBe('hidden_count');
  });
});
