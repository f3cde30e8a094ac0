/**
 * How long the suppression engine takes on reports the size of the real ones (issue 13's
 * targets: an agency's yearly report < 1 s, a sector's < 3 s, with the audit).
 *
 *   npx tsx scripts/bench-disclosure.mts [agencies=5] [k=5]
 *
 * The tables are those of shared/reports/report-tables.ts; an atom is one cell of one agency
 * in one month. Every agency first gets its twelve monthly and four quarterly reports, built
 * by the engine in time order; then the agency's yearly report and the sector's yearly report
 * (all agencies) are built against them. Values are drawn from a fixed seed.
 */
import type { LinearSolver } from '../shared/reports/disclosure/linear-solver';
import type { EarlierCount, SuppressionProblem } from '../shared/reports/disclosure/problem';
import { protect, type ProtectionOutcome } from '../shared/reports/disclosure/protect';
import { REPORT_TABLES } from '../shared/reports/report-tables';
import { highsSolver } from '../services/reports/highs-solver';
import { addTable, linkTotals, type TableLayout } from '../tests/helpers/suppression-tables';

const agencies = Number(process.argv[2] ?? 5);
const k = Number(process.argv[3] ?? 5);
const cellsPerMonth = REPORT_TABLES.reduce((s, t) => s + t.rows.length * t.cols.length, 0);
const atomOf = (agency: number, month: number, cell: number) => (agency * 12 + month) * cellsPerMonth + cell;

let seed = 20261203;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
/** A small agency's month: most cells 0–4, a few larger. */
const atomValues = Array.from({ length: agencies * 12 * cellsPerMonth }, () => {
  const mean = random() < 0.8 ? 1.5 : 12;
  let n = 0;
  for (let p = Math.exp(-mean), q = random(); q > p; q *= random()) n += 1;
  return n;
});

// Every referral has one type and one urgency: split each month's referrals by type into urgencies.
const cellOf = (tableId: string) => {
  let first = 0;
  for (const t of REPORT_TABLES) {
    if (t.id === tableId) return first;
    first += t.rows.length * t.cols.length;
  }
  throw new Error(tableId);
};
for (let a = 0; a < agencies; a++) {
  for (let m = 0; m < 12; m++) {
    const types = [0, 1, 2, 3].map((r) => atomValues[atomOf(a, m, cellOf('referrals_by_type') + r)]!);
    let left = types.reduce((s, v) => s + v, 0);
    for (let r = 2; r >= 0; r--) {
      const share = r === 0 ? left : Math.floor(random() * (left + 1));
      atomValues[atomOf(a, m, cellOf('referrals_by_urgency') + r)] = share;
      left -= share;
    }
  }
}

function reportOver(agencyList: number[], months: number[], earlier: EarlierCount[]): SuppressionProblem {
  const layout: TableLayout = { counts: [], sums: [] };
  let first = 0;
  for (const table of REPORT_TABLES) {
    const offset = first;
    const cols = table.cols.length;
    addTable(layout, table.id, table.rows.length, cols, (r, c) =>
      agencyList.flatMap((a) => months.map((m) => atomOf(a, m, offset + r * cols + c))),
    );
    first += table.rows.length * cols;
  }
  linkTotals(layout, 'referrals_by_type', 'referrals_by_urgency');
  return { k, atomValues, counts: layout.counts, sums: layout.sums, earlier };
}

const highs = await highsSolver();
/** Time spent inside HiGHS (building systems and solving), to tell it from the engine's own work. */
let inSolver = 0;
const clocked = <T,>(work: () => T): T => {
  const start = performance.now();
  try {
    return work();
  } finally {
    inSolver += performance.now() - start;
  }
};
const solver: LinearSolver = {
  system: (n, constraints) => {
    const system = clocked(() => highs.system(n, constraints));
    return {
      minimum: (atoms) => clocked(() => system.minimum(atoms)),
      maximum: (atoms) => clocked(() => system.maximum(atoms)),
      close: () => system.close(),
    };
  },
};
const timed = (problem: SuppressionProblem): { result: ProtectionOutcome; ms: number; solverMs: number } => {
  inSolver = 0;
  const start = performance.now();
  const result = protect(problem, solver);
  return { result, ms: performance.now() - start, solverMs: inSolver };
};
const remember = (earlier: EarlierCount[], problem: SuppressionProblem, result: ProtectionOutcome) => {
  for (const c of problem.counts) {
    const reason = result.hidden.get(c.key);
    earlier.push({ atoms: c.atoms, published: reason === undefined, hiddenAsSmall: reason === 'small_count' });
  }
};
const line = (what: string, problem: SuppressionProblem, { result, ms, solverMs }: { result: ProtectionOutcome; ms: number; solverMs: number }) =>
  console.log(
    `${what.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms (HiGHS ${solverMs.toFixed(0)} ms)  counts ${problem.counts.length}, hidden ${result.hidden.size}, ` +
      `earlier ${problem.earlier.length}, rounds ${result.stats.rounds}, LPs ${result.stats.linearProgrammes}, ` +
      `pinned before ${result.pinnedBeforeThisReport}, unprotected ${result.unprotected}`,
  );

const earlier: EarlierCount[] = [];
let slowestPeriodic = 0;
for (let a = 0; a < agencies; a++) {
  for (let q = 0; q < 4; q++) {
    for (const months of [[3 * q], [3 * q + 1], [3 * q + 2], [3 * q, 3 * q + 1, 3 * q + 2]]) {
      const problem = reportOver([a], months, [...earlier]);
      const run = timed(problem);
      slowestPeriodic = Math.max(slowestPeriodic, run.ms);
      if (a === 0) line(`agency 0, months ${months.join(',')}`, problem, run);
      remember(earlier, problem, run.result);
    }
  }
}
console.log(`slowest monthly or quarterly report of ${agencies} agencies: ${slowestPeriodic.toFixed(0)} ms`);
const year = Array.from({ length: 12 }, (_, m) => m);
const agencyYear = reportOver([0], year, [...earlier]);
line('agency 0, year', agencyYear, timed(agencyYear));
const sectorYear = reportOver(Array.from({ length: agencies }, (_, a) => a), year, [...earlier]);
line(`sector of ${agencies}, year`, sectorYear, timed(sectorYear));
