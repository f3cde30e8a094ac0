import { describe, expect, it } from 'vitest';
import { monthsBetween } from './period';
import type { ReportDocument } from './report-document';
import { buildReportProblem, type ReportFrame } from './report-problem';
import type { BaseCount } from './report-tables';

const count = (table: BaseCount['table'], row: string, col: string, agencyId: number, month: string, value: number): BaseCount => ({ table, row, col, agencyId, month, value });
const frame = (agencyIds: number[], from: string, to: string): ReportFrame => ({ agencyIds, months: monthsBetween(from, to) });

const COUNTS: BaseCount[] = [
  count('referrals_by_type', 'self', 'referrals', 1, '2026-07', 4),
  count('referrals_by_type', 'self', 'referrals', 1, '2026-08', 3),
  count('referrals_by_type', 'formal_management', 'referrals', 1, '2026-09', 6),
  count('referrals_by_type', 'self', 'referrals', 2, '2026-07', 9),
  count('sessions_by_type_and_modality', 'counselling', 'video', 1, '2026-08', 2),
  count('sessions_by_type_and_modality', 'counselling', 'in_person', 1, '2026-08', 11),
];

describe('a report as the question disclosure control answers', () => {
  it('with no earlier report, has one atom per cell, and one count where a row total is its only cell', () => {
    const { problem, keyOf, valueOf } = buildReportProblem(5, COUNTS, frame([1], '2026-07', '2026-09'), []);
    const self = keyOf({ kind: 'cell', table: 'referrals_by_type', row: 0, col: 0 });
    expect(valueOf(self)).toBe(7);
    // The one-column table's row total is the cell itself, shown or hidden with it.
    expect(keyOf({ kind: 'rowTotal', table: 'referrals_by_type', row: 0 })).toBe(self);
    expect(keyOf({ kind: 'colTotal', table: 'referrals_by_type', col: 0 })).toBe(keyOf({ kind: 'total', table: 'referrals_by_type' }));
    expect(valueOf(keyOf({ kind: 'total', table: 'referrals_by_type' }))).toBe(13);
    // Agency 2 is outside the scope.
    expect(problem.atomValues.reduce((a, b) => a + b, 0)).toBe(4 + 3 + 6 + 2 + 11);
    // The two-way table's sums: each row, each column, and the grand total both ways.
    const sessions = problem.sums.filter((s) => s.total.startsWith('sessions_by_type_and_modality'));
    expect(sessions.find((s) => s.total === keyOf({ kind: 'rowTotal', table: 'sessions_by_type_and_modality', row: 1 }))?.parts).toHaveLength(3);
    expect(sessions.filter((s) => s.total === keyOf({ kind: 'total', table: 'sessions_by_type_and_modality' }))).toHaveLength(2);
    expect(problem.earlier).toEqual([]);
  });

  it('splits the months into the pieces the earlier reports need, and carries what they published', () => {
    const july = { kind: 'cell', table: 'referrals_by_type', row: 0, col: 0 } as const;
    const earlierDocument = { tables: [{ id: 'referrals_by_type', cells: [[null], [0], [0], [0]], rowTotals: [null, 0, 0, 0], colTotals: [4], total: 4 }], metrics: [] } as unknown as ReportDocument;
    const earlier = [{ frame: frame([1], '2026-07', '2026-07'), document: earlierDocument, hidden: [{ place: july, reason: 'small_count' as const }] }];
    const { problem, keyOf } = buildReportProblem(5, COUNTS, frame([1], '2026-07', '2026-09'), earlier);
    // July is one piece, August and September another: the quarter's self-referral cell is two atoms.
    const quarterCell = problem.counts.find((c) => c.key === keyOf(july))!;
    expect(quarterCell.atoms).toHaveLength(2);
    expect(quarterCell.atoms.map((a) => problem.atomValues[a])).toEqual([4, 3]);
    // July's hidden self-referrals are known to be at least 1; its published total is known exactly.
    const hiddenJuly = problem.earlier.find((e) => !e.published)!;
    expect(hiddenJuly).toMatchObject({ hiddenAsSmall: true });
    expect(hiddenJuly.atoms.map((a) => problem.atomValues[a])).toEqual([4]);
    expect(problem.earlier.filter((e) => e.published).length).toBeGreaterThan(0);
  });

  it('declares, for every agency and block of months, that its referrals by type and by urgency are the same referrals', () => {
    const linked: BaseCount[] = [
      count('referrals_by_type', 'self', 'referrals', 1, '2026-07', 4),
      count('referrals_by_type', 'formal_management', 'referrals', 1, '2026-08', 6),
      count('referrals_by_urgency', 'routine', 'referrals', 1, '2026-07', 3),
      count('referrals_by_urgency', 'urgent', 'referrals', 1, '2026-07', 1),
      count('referrals_by_urgency', 'routine', 'referrals', 1, '2026-08', 6),
    ];
    // An earlier report of July alone: July and August are then two blocks.
    const earlierDocument = { tables: [], metrics: [] } as unknown as ReportDocument;
    const { problem } = buildReportProblem(5, linked, frame([1], '2026-07', '2026-08'), [{ frame: frame([1], '2026-07', '2026-07'), document: earlierDocument, hidden: [] }]);
    const identities = problem.identities ?? [];
    expect(identities).toHaveLength(2);
    const sum = (atoms: readonly number[]) => atoms.reduce((s, a) => s + problem.atomValues[a]!, 0);
    expect(identities.map((i) => [sum(i.plus), sum(i.minus)])).toEqual([
      [4, 4],
      [6, 6],
    ]);
    // Each side is all of one table's cells in its block, and the two sides never share an atom.
    for (const { plus, minus } of identities) {
      expect(new Set([...plus, ...minus]).size).toBe(plus.length + minus.length);
    }
  });
});
