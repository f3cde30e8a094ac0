import type { CountToPublish, SuppressionProblem } from './problem';

/** One count of the new report, with what the suppression engine needs to know about it. */
export interface ReportCount {
  key: string;
  index: number;
  /** Sorted, without repeats. */
  atoms: readonly number[];
  value: number;
  /** The total of some published sum (a row, column or grand total), not a plain cell. */
  isTotal: boolean;
  /** Indices into `problem.sums` of the sums it takes part in (as total or part). */
  sums: readonly number[];
}

/** The problem's counts, checked (unique keys, atoms in range, sums naming known counts) and indexed. */
export function readReportCounts(problem: SuppressionProblem): { counts: ReportCount[]; byKey: Map<string, ReportCount>; sumMembers: ReportCount[][] } {
  const byKey = new Map<string, ReportCount>();
  const counts = problem.counts.map((c, index) => {
    if (byKey.has(c.key)) throw new Error(`Count ${c.key} appears twice in the suppression problem`);
    const count: ReportCount & { sums: number[] } = { key: c.key, index, atoms: checkedAtoms(problem, c), value: 0, isTotal: false, sums: [] };
    count.value = sumOf(problem.atomValues, count.atoms);
    byKey.set(c.key, count);
    return count;
  });
  const sumMembers = problem.sums.map((s, sumIndex) => {
    const members = [s.total, ...s.parts].map((key) => {
      const count = byKey.get(key);
      if (!count) throw new Error(`A published sum names ${key}, which is not a count of the report`);
      (count.sums as number[]).push(sumIndex);
      return count;
    });
    members[0]!.isTotal = true;
    // The audit assumes the true values satisfy what the report states; data that does not is a bug upstream.
    if (members[0]!.value !== members.slice(1).reduce((total, m) => total + m.value, 0)) throw new Error(`The published sum of ${s.total} does not add up`);
    return members;
  });
  for (const key of problem.alwaysHidden ?? []) if (!byKey.has(key)) throw new Error(`alwaysHidden names ${key}, which is not a count of the report`);
  return { counts, byKey, sumMembers };
}

export function checkedAtoms(problem: SuppressionProblem, count: Pick<CountToPublish, 'atoms'>): number[] {
  const atoms = [...new Set(count.atoms)].sort((a, b) => a - b);
  if (atoms.length !== count.atoms.length) throw new Error('A count names the same atom twice');
  for (const a of atoms) if (!Number.isInteger(a) || a < 0 || a >= problem.atomValues.length) throw new Error(`Atom ${a} is out of range`);
  return atoms;
}

export function sumOf(values: readonly number[], atoms: readonly number[]): number {
  let total = 0;
  for (const a of atoms) total += values[a]!;
  return total;
}

export const signatureOf = (atoms: readonly number[]): string => atoms.join(',');
