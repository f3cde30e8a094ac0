/**
 * Cell suppression for agency reports (issue 13; background in docs/disclosure-control.md).
 *
 * Method
 * 1. Primary: every count of the new report whose value is 1..k−1 is hidden (`small_count`),
 *    and so is every count the builder names in `alwaysHidden`. Zeros are published.
 * 2. The attacker's knowledge: every count published now or earlier equals its value; every
 *    count hidden as small (now or earlier) is ≥ 1; atoms are ≥ 0. All are sums of atoms, so
 *    tables of one report that share a total, and reports of overlapping periods, are one
 *    system of constraints.
 * 3. Audit: for each target (every hidden count of the new report, every atom of value
 *    1..k−1, every earlier count hidden as small) minimise and maximise it by linear
 *    programming over that system. It is disclosed when the range holds at most one whole
 *    number. Targets the earlier reports already pin on their own are counted
 *    (`pinnedBeforeThisReport`) and skipped: nothing hidden now can protect them.
 * 4. Complementary suppression, repeated until the audit passes:
 *    - a published sum (row, column, grand total) with exactly one hidden member gives it
 *      away, so each such sum gets a second hidden member first, without any linear
 *      programme; the candidate that completes most such sums wins (the hypercube idea: a
 *      primary in a table with margins ends up at a corner of a rectangle of four);
 *    - then, for each target the audit still finds disclosed, one more count is hidden (one
 *      per target per round: it may over-hide a little, but each round costs an audit),
 *      nearest first (sharing a sum with a hidden count over the target's atoms, then sharing
 *      an atom, then linked through any constraint).
 *    Everywhere: counts of value 0 last (a hidden zero protects little), cells before totals,
 *    then the smallest value; counts the earlier reports already pin are never chosen (hiding
 *    them hides nothing). Each round hides at least one more count, so the loop ends.
 *
 * Limits, for a reviewer
 * - The audit solves the linear relaxation (atoms real, not whole). A range that holds two
 *   whole numbers is taken as "not pinned"; for tables with margins and nested periods the
 *   relaxation's vertices are whole numbers, so this is exact there, and the tests check it
 *   with an independent integer solver.
 * - The protection is "not pinned to one value", not an interval of a given width: a hidden
 *   count may still be known to be 1 or 2.
 * - Earlier reports enter as the counts they published, evaluated on today's data.
 * - Complements are chosen greedily, not at least cost (τ-ARGUS's optimal method); the result
 *   is safe, not minimal.
 */
import type { AtomConstraint, LinearSolver } from './linear-solver';
import { FeasiblePoints, PinnedCheck } from './pinned-check';
import type { AtomIdentity, SuppressionProblem, SuppressionReason, SuppressionResult } from './problem';
import { checkedAtoms, readReportCounts, signatureOf, sumOf, type ReportCount } from './report-counts';

export interface ProtectionOutcome extends SuppressionResult {
  /** How much work the audit did, for the bench. */
  stats: { rounds: number; linearProgrammes: number };
}

interface Target {
  atoms: readonly number[];
  value: number;
}

export function protect(problem: SuppressionProblem, solver: LinearSolver): ProtectionOutcome {
  if (!Number.isInteger(problem.k) || problem.k < 1) throw new Error('The minimum cell size must be a whole number of at least 1');
  if (problem.atomValues.some((v) => !Number.isInteger(v) || v < 0)) throw new Error('Atom values must be whole numbers ≥ 0');
  const { counts, sumMembers } = readReportCounts(problem);
  const atomCount = problem.atomValues.length;
  const isSmall = (value: number) => value >= 1 && value < problem.k;
  const targetOf = (atoms: readonly number[]): Target => ({ atoms, value: sumOf(problem.atomValues, atoms) });
  const stats = { rounds: 0, linearProgrammes: 0 };

  const hidden = new Map<string, SuppressionReason>();
  const newlyHidden: ReportCount[] = [];
  const hide = (count: ReportCount, reason: SuppressionReason) => {
    hidden.set(count.key, reason);
    newlyHidden.push(count);
  };
  const alwaysHidden = new Set(problem.alwaysHidden ?? []);
  for (const count of counts) {
    if (isSmall(count.value)) hide(count, 'small_count');
    else if (alwaysHidden.has(count.key)) hide(count, 'always_hidden');
  }

  const earlier = problem.earlier.map((e) => ({ atoms: checkedAtoms(problem, e), published: e.published, small: !e.published && e.hiddenAsSmall === true }));
  const earlierConstraints: AtomConstraint[] = [];
  for (const e of earlier) {
    if (e.published) earlierConstraints.push({ atoms: e.atoms, relation: '=', value: sumOf(problem.atomValues, e.atoms) });
    else if (e.small) earlierConstraints.push({ atoms: e.atoms, relation: '>=', value: 1 });
  }
  // Points feasible under the earlier reports alone need not satisfy this report: their own pool.
  const before = new PinnedCheck(solver, atomCount, withoutRepeats(earlierConstraints), new FeasiblePoints(problem.atomValues));
  const points = new FeasiblePoints(problem.atomValues);
  const pinnedBeforeBySignature = new Map<string, boolean>();
  const isPinnedBefore = (t: Target): boolean => {
    const signature = signatureOf(t.atoms);
    let pinned = pinnedBeforeBySignature.get(signature);
    if (pinned === undefined) pinnedBeforeBySignature.set(signature, (pinned = before.isPinned(t.atoms, t.value)));
    return pinned;
  };

  const links = [...sumMembers.flatMap((members) => linkOf(members)), ...(problem.identities ?? []).flatMap(identityConstraint)];
  /** What the attacker knows whatever this report hides, by signature (computed once: the history can be long). */
  const standingConstraints = new Map(withoutRepeats([...earlierConstraints, ...links]).map((c) => [constraintSignature(c), c]));

  /** The targets that do not depend on what this report hides. */
  const standingTargets: Target[] = [
    ...problem.atomValues.flatMap((v, a) => (isSmall(v) ? [{ atoms: [a], value: v }] : [])),
    ...earlier.filter((e) => e.small).map((e) => targetOf(e.atoms)),
  ];

  /**
   * Standing targets that nothing in this report reaches (no chain of constraints links them
   * to its counts) keep whatever status the earlier reports gave them: leave them out.
   */
  const relevantTargets = (targets: readonly Target[]): Target[] => {
    const everythingPublished = counts.map((c): AtomConstraint => ({ atoms: c.atoms, relation: '=', value: c.value }));
    // Only its components are asked for, never a range: no linear programme, no point.
    const reach = new PinnedCheck(solver, atomCount, [...earlierConstraints, ...links, ...everythingPublished], new FeasiblePoints(problem.atomValues));
    const reportComponents = new Set(counts.flatMap((c) => c.atoms.map((a) => reach.component(a))));
    return targets.filter((t) => t.atoms.some((a) => reportComponents.has(reach.component(a))));
  };

  const currentConstraints = (): AtomConstraint[] => {
    const own = counts.flatMap((c): AtomConstraint[] => {
      const reason = hidden.get(c.key);
      if (reason === undefined) return [{ atoms: c.atoms, relation: '=', value: c.value }];
      return reason === 'small_count' ? [{ atoms: c.atoms, relation: '>=', value: 1 }] : [];
    });
    return withoutRepeats(own, standingConstraints);
  };

  /** Published counts that may still be hidden as complements, best first. */
  const complementCandidates = (pool: Iterable<ReportCount>, tierOf: (c: ReportCount) => number): ReportCount[] =>
    [...new Set(pool)]
      .filter((c) => !hidden.has(c.key))
      .map((c) => ({ c, rank: [c.value === 0 ? 1 : 0, tierOf(c), c.isTotal ? 1 : 0, c.value, c.index] }))
      .sort((a, b) => compareRanks(a.rank, b.rank))
      .map(({ c }) => c);
  const firstUseful = (candidates: readonly ReportCount[]) => candidates.find((c) => !isPinnedBefore(targetOf(c.atoms)));

  /** A published sum with exactly one hidden member gives that member away: give each such sum a second one. */
  const hideLoneMembers = () => {
    const stuck = new Set<number>();
    for (;;) {
      const coverage = new Map<ReportCount, number>();
      for (const [sumIndex, members] of sumMembers.entries()) {
        if (stuck.has(sumIndex)) continue;
        const hiddenMembers = members.filter((m) => hidden.has(m.key));
        if (hiddenMembers.length !== 1 || isPinnedBefore(targetOf(hiddenMembers[0]!.atoms))) continue;
        const open = members.filter((m) => !hidden.has(m.key));
        if (!firstUseful(open)) stuck.add(sumIndex);
        else for (const m of open) coverage.set(m, (coverage.get(m) ?? 0) + 1);
      }
      const best = firstUseful(complementCandidates(coverage.keys(), (c) => -coverage.get(c)!));
      if (!best) return;
      hide(best, 'complementary');
    }
  };

  /** One more count to hide for a target the audit found disclosed, nearest first; none when nothing linked to it is left. */
  const complementFor = (target: Target, check: PinnedCheck): ReportCount | undefined => {
    const targetAtoms = new Set(target.atoms);
    const overlaps = (c: ReportCount) => c.atoms.some((a) => targetAtoms.has(a));
    const sharingASum = new Set(
      counts.filter((c) => hidden.has(c.key) && overlaps(c)).flatMap((h) => h.sums.flatMap((s) => sumMembers[s]!)),
    );
    const components = new Set(target.atoms.map((a) => check.component(a)));
    const linked = counts.filter((c) => c.atoms.some((a) => components.has(check.component(a))));
    return firstUseful(complementCandidates(linked, (c) => (sharingASum.has(c) ? 0 : overlaps(c) ? 1 : 2)));
  };

  let toCheck = relevantTargets(standingTargets);
  let unprotected = 0;
  const pinnedBefore = new Set<string>();
  try {
    for (;;) {
      stats.rounds += 1;
      hideLoneMembers();
      const candidates = uniqueTargets([...toCheck, ...newlyHidden.map((c) => targetOf(c.atoms))]).filter((t) => !pinnedBefore.has(signatureOf(t.atoms)));
      newlyHidden.length = 0;
      const check = new PinnedCheck(solver, atomCount, currentConstraints(), points);
      try {
        check.seed(candidates);
        // The earlier reports are a part of what the audit knows: only a target pinned now can have been pinned before.
        const disclosed = candidates.filter((t) => {
          if (!check.isPinned(t.atoms, t.value)) return false;
          if (!isPinnedBefore(t)) return true;
          pinnedBefore.add(signatureOf(t.atoms));
          return false;
        });
        if (disclosed.length === 0) break;
        // One complement per disclosed target in each round (fewer rounds beat the odd extra complement).
        let added = 0;
        for (const target of disclosed) {
          const complement = complementFor(target, check);
          if (!complement) continue;
          hide(complement, 'complementary');
          added += 1;
        }
        if (added === 0) {
          unprotected = disclosed.length;
          break;
        }
        // Hiding only removes constraints, so a target found safe stays safe: re-check the disclosed and the newly hidden.
        toCheck = disclosed;
      } finally {
        stats.linearProgrammes += check.linearProgrammes;
        check.close();
      }
    }
    const pinnedBeforeThisReport = pinnedBefore.size;
    return { hidden, pinnedBeforeThisReport, unprotected, stats };
  } finally {
    stats.linearProgrammes += before.linearProgrammes;
    before.close();
  }
}

/**
 * A published sum whose total is not made of the same atoms as its parts (two tables that
 * share a total) tells the attacker that those atoms balance, whatever is hidden.
 */
function linkOf([total, ...parts]: readonly ReportCount[]): AtomConstraint[] {
  return identityConstraint({ plus: total!.atoms, minus: parts.flatMap((p) => p.atoms) });
}

/** `plus` = `minus` as one equality over the atoms that do not cancel out (none when all do). */
function identityConstraint({ plus, minus }: AtomIdentity): AtomConstraint[] {
  const balance = new Map<number, number>();
  for (const a of plus) balance.set(a, (balance.get(a) ?? 0) + 1);
  for (const a of minus) balance.set(a, (balance.get(a) ?? 0) - 1);
  const atoms = [...balance.keys()].filter((a) => balance.get(a) !== 0).sort((x, y) => x - y);
  return atoms.length === 0 ? [] : [{ atoms, coefficients: atoms.map((a) => balance.get(a)!), relation: '=', value: 0 }];
}

function uniqueTargets(targets: readonly Target[]): Target[] {
  const seen = new Map<string, Target>();
  for (const t of targets) seen.set(signatureOf(t.atoms), t);
  return [...seen.values()];
}

/** One constraint per sum of atoms: an equality makes a "≥ 1" on the same atoms redundant. */
function withoutRepeats(constraints: readonly AtomConstraint[], known: ReadonlyMap<string, AtomConstraint> = new Map()): AtomConstraint[] {
  const bySignature = new Map(known);
  for (const c of constraints) {
    const signature = constraintSignature(c);
    const already = bySignature.get(signature);
    if (!already || (already.relation === '>=' && c.relation === '=')) bySignature.set(signature, c);
  }
  return [...bySignature.values()];
}

function constraintSignature(c: AtomConstraint): string {
  return c.coefficients ? `${signatureOf(c.atoms)}|${c.coefficients.join(',')}` : signatureOf(c.atoms);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
