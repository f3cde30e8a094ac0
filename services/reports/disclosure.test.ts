import { beforeAll, describe, expect, it } from 'vitest';
import type { LinearSolver } from '../../shared/reports/disclosure/linear-solver';
import type { EarlierCount, SuppressionProblem } from '../../shared/reports/disclosure/problem';
import { protect } from '../../shared/reports/disclosure/protect';
import { attackerView, workedOut } from '../../tests/helpers/disclosure-oracle';
import { addTable, cellKey, colTotalKey, linkTotals, totalKey, type TableLayout } from '../../tests/helpers/suppression-tables';
import { highsSolver } from './highs-solver';

/**
 * The suppression engine on hand-made reports whose right answer can be worked out on paper
 * (docs/disclosure-control.md), checked against the independent integer attacker.
 */
let solver: LinearSolver;
beforeAll(async () => {
  solver = await highsSolver();
});

/** A problem whose atoms are the cells of the given tables, in order (a report with no earlier reports). */
function reportOf(k: number, tables: { id: string; cells: number[][] }[], extra: Partial<SuppressionProblem> = {}): SuppressionProblem {
  const layout: TableLayout = { counts: [], sums: [] };
  const atomValues: number[] = [];
  for (const t of tables) {
    const first = atomValues.length;
    const cols = t.cells[0]!.length;
    atomValues.push(...t.cells.flat());
    addTable(layout, t.id, t.cells.length, cols, (r, c) => [first + r * cols + c]);
  }
  return { k, atomValues, counts: layout.counts, sums: layout.sums, earlier: [], ...extra };
}

const hiddenKeys = (hidden: ReadonlyMap<string, string>) => [...hidden.keys()].sort();

describe('the suppression engine', () => {
  it("hides the doc's worked example: row (x, 7, y) with total 12, x = 2, y = 3", () => {
    const problem = reportOf(3, [{ id: 't', cells: [[2], [7], [3]] }]);
    const result = protect(problem, solver);
    expect(Object.fromEntries(result.hidden)).toEqual({ [cellKey('t', 0, 0)]: 'small_count', [cellKey('t', 2, 0)]: 'complementary' });
    expect(workedOut(attackerView(problem, result.hidden))).toEqual([]);
    // Without the complement, the attacker gets x = 12 − 7 − 3 = 2.
    expect(workedOut(attackerView(problem, new Map([[cellKey('t', 0, 0), 'small_count']])))).toContain(`hidden count ${cellKey('t', 0, 0)}`);
    expect(result).toMatchObject({ pinnedBeforeThisReport: 0, unprotected: 0 });
  });

  it('completes a rectangle of four in a table with margins: one primary, three complements, totals published', () => {
    const problem = reportOf(5, [{ id: 't', cells: [[1, 6, 9], [7, 5, 12], [10, 11, 20]] }]);
    const result = protect(problem, solver);
    expect(Object.fromEntries(result.hidden)).toEqual({
      [cellKey('t', 0, 0)]: 'small_count',
      [cellKey('t', 0, 1)]: 'complementary',
      [cellKey('t', 1, 0)]: 'complementary',
      [cellKey('t', 1, 1)]: 'complementary',
    });
    expect(workedOut(attackerView(problem, result.hidden))).toEqual([]);
    expect(result.stats.rounds).toBe(1);
  });

  it('audits two tables that share a total as one system: a published total of one gives the other away', () => {
    // Referrals by type (2, 9, 9) and by urgency (12, 8): 20 both ways. The type table's total is hidden whatever its value.
    const problem = reportOf(3, [
      { id: 'type', cells: [[2], [9], [9]] },
      { id: 'urgency', cells: [[12], [8]] },
    ]);
    const layout = { counts: [...problem.counts], sums: [...problem.sums] };
    linkTotals(layout, 'type', 'urgency');
    const linked: SuppressionProblem = { ...problem, sums: layout.sums, alwaysHidden: [totalKey('type')] };
    const result = protect(linked, solver);
    expect(result.hidden.get(totalKey('type'))).toBe('always_hidden');
    expect(result.hidden.get(totalKey('urgency'))).toBe('complementary');
    expect(result.hidden.get(cellKey('urgency', 1, 0))).toBe('complementary');
    expect(workedOut(attackerView(linked, result.hidden))).toEqual([]);
    // The same hiding, had the engine read the tables apart, would publish the urgency total: 20 = the type total.
    const apart = new Map(result.hidden);
    apart.delete(totalKey('urgency'));
    expect(workedOut(attackerView(linked, apart))).toContain(`hidden count ${totalKey('type')}`);
  });

  it('hides more when two small cells are pinned by their own "at least 1": (1, 1, 9) with total 11', () => {
    const problem = reportOf(3, [{ id: 't', cells: [[1], [1], [9]] }]);
    const primaryOnly = new Map([cellKey('t', 0, 0), cellKey('t', 1, 0)].map((key) => [key, 'small_count' as const]));
    expect(workedOut(attackerView(problem, primaryOnly))).toContain(`hidden count ${cellKey('t', 0, 0)}`);
    const result = protect(problem, solver);
    expect(result.hidden.get(cellKey('t', 2, 0))).toBe('complementary');
    expect(workedOut(attackerView(problem, result.hidden))).toEqual([]);
  });

  it('publishes zeros and does not choose a zero as a complement', () => {
    const problem = reportOf(3, [{ id: 't', cells: [[2], [0], [9], [9]] }]);
    const result = protect(problem, solver);
    expect(Object.fromEntries(result.hidden)).toEqual({ [cellKey('t', 0, 0)]: 'small_count', [cellKey('t', 2, 0)]: 'complementary' });
    expect(workedOut(attackerView(problem, result.hidden))).toEqual([]);
  });

  it('hides a yearly count that would give a small quarter away by subtraction from earlier quarterly reports', () => {
    // Atoms: four quarters of one cell; Q1..Q3 were published (10, 12, 9), Q4 is 2. The year's table: (that cell, another of 30).
    const atomValues = [10, 12, 9, 2, 30];
    const earlier: EarlierCount[] = [0, 1, 2].map((q) => ({ atoms: [q], published: true }));
    earlier.push({ atoms: [3], published: false, hiddenAsSmall: true });
    const layout: TableLayout = { counts: [], sums: [] };
    addTable(layout, 'year', 2, 1, (r) => (r === 0 ? [0, 1, 2, 3] : [4]));
    const problem: SuppressionProblem = { k: 5, atomValues, counts: layout.counts, sums: layout.sums, earlier };
    const result = protect(problem, solver);
    expect(result.hidden.get(cellKey('year', 0, 0))).toBe('complementary');
    expect(result.hidden.get(cellKey('year', 1, 0))).toBe('complementary');
    expect(result.hidden.has(totalKey('year'))).toBe(false);
    expect(workedOut(attackerView(problem, result.hidden))).toEqual([]);
    expect(result).toMatchObject({ pinnedBeforeThisReport: 0, unprotected: 0 });
  });

  it('counts what earlier reports already gave away, and what no hiding can protect', () => {
    // Earlier: a + b published (6) and b published (4): a = 2 is known before this report.
    const before = protect({ k: 4, atomValues: [2, 4], counts: [{ key: 'a', atoms: [0] }], sums: [], earlier: [{ atoms: [0, 1], published: true }, { atoms: [1], published: true }] }, solver);
    expect(before).toMatchObject({ pinnedBeforeThisReport: 1, unprotected: 0 });
    // Earlier: a + b + c published (3). This report hides a, b and c as small, so each is at least 1: each is 1.
    const counts = ['a', 'b', 'c'].map((key, i) => ({ key, atoms: [i] }));
    const stuck = protect({ k: 5, atomValues: [1, 1, 1], counts, sums: [], earlier: [{ atoms: [0, 1, 2], published: true }] }, solver);
    expect(hiddenKeys(stuck.hidden)).toEqual(['a', 'b', 'c']);
    expect(stuck).toMatchObject({ pinnedBeforeThisReport: 0, unprotected: 3 });
  });

  it('hides everything rather than loop when every count is small', () => {
    const problem = reportOf(10, [{ id: 't', cells: [[1, 2], [3, 1]] }]);
    const result = protect(problem, solver);
    expect(hiddenKeys(result.hidden)).toEqual(hiddenKeys(new Map(problem.counts.map((c) => [c.key, 'x']))));
    expect(workedOut(attackerView(problem, result.hidden))).toEqual([]);
    expect(result.hidden.get(colTotalKey('t', 0))).toBe('small_count');
  });
});
