import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../tests/helpers/vault-fixture';
import { attackerView, workedOut } from '../../tests/helpers/disclosure-oracle';
import type { TenangApp } from '../tenang-app';
import { openDemoClinic, type DemoClinic } from '../../tests/helpers/demo-clinic';
import { isoAt } from '../clock';
import { exportReport } from './report-export';
import { highsSolver } from './highs-solver';
import { prepareReport, type PublishedRecord } from './report-builder';
import { readRegister } from './report-register';
import { protect } from '../../shared/reports/disclosure/protect';
import type { ScopeRequest } from './report-scope';

/**
 * Issue 13, "Across reports": a year of one agency's monthly, quarterly and yearly reports,
 * each exported through the real builder and register in time order, must not let anyone
 * subtract one from another to find a small count. The attacker is the independent integer
 * solver of the disclosure tests (tests/helpers/disclosure-oracle.ts), given everything the
 * earlier reports published and what the last one would.
 */
const clock = manualClock();
let app: TenangApp;
let clinic: DemoClinic;
/** The year before the clock's year, whole: the demo clinic's data covers it. */
const YEAR = new Date(clock.now()).getUTCFullYear() - 1;
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

beforeAll(async () => {
  clinic = await openDemoClinic({ clock, seed: 5 });
  app = clinic.app;
}, 120_000);
afterAll(() => clinic.close());

async function agencyWithContractAllYear(): Promise<ScopeRequest> {
  const solver = await highsSolver();
  const ids = await app.runAdminTask('test', async (session) => (await session.dataSource.query('SELECT id FROM agency ORDER BY id')) as Array<{ id: number }>);
  for (const { id } of ids) {
    const scope: ScopeRequest = { kind: 'agency', agencyId: id };
    const fits = await app.runAdminTask('test', (session) =>
      prepareReport(session.dataSource.manager, solver, isoAt(clock), { scope, period: `${month(1)}..${month(12)}` }).then(
        (prepared) => prepared.scope.agencyIds.length === 1,
        () => false,
      ),
    );
    if (fits) return scope;
  }
  throw new Error('no demo agency has a contract in force that year');
}

describe('a year of reports of one agency', () => {
  it('lets no small count be worked out by subtracting one report from another', async () => {
    const solver = await highsSolver();
    const scope = await agencyWithContractAllYear();
    const periods = [...Array.from({ length: 12 }, (_, i) => month(i + 1)), ...[1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`)];
    let n = 0;
    for (const period of periods) {
      await app.runAdminTask('test', (session, c) => exportReport(session, c, { scope, period, language: 'en', format: 'json' }, { path: `${clinic.dir}/../r${n++}.json`, force: false }));
    }
    // The year, checked against all sixteen: the attacker pins no small count and no hidden one.
    const year = await app.runAdminTask('test', (session) => prepareReport(session.dataSource.manager, solver, isoAt(clock), { scope, period: String(YEAR) }));
    expect(year.earlier).toHaveLength(16);
    expect(year.suppression.pinnedBeforeThisReport).toBe(0);
    const view = attackerView(year.problem.problem, year.suppression.hidden);
    // The small monthly counts are there to protect: the test would be empty otherwise.
    expect(view.targets.filter((t) => t.what.startsWith('small atom')).length).toBeGreaterThan(10);
    expect(workedOut(view)).toEqual([]);

    // Nor the unique clients seen, nor the cases with a WHO-5 change, by subtracting a month from its quarter.
    const published = await app.runAdminTask('test', (session) => readRegister(session.dataSource.manager));
    const figureOf = (entry: (typeof published)[number], metric: string, part: 'numerator' | 'denominator') =>
      (entry.published as PublishedRecord).document.metrics.find((m) => m.id === metric)?.[part] ?? null;
    let comparedPairs = 0;
    for (const quarter of published.filter((e) => e.periodFrom !== e.periodTo)) {
      for (const month of published.filter((e) => e.periodFrom === e.periodTo && e.periodFrom! >= quarter.periodFrom! && e.periodTo! <= quarter.periodTo!)) {
        for (const [metric, part] of [['utilisation_rate', 'numerator'], ['who5_mean_change', 'denominator']] as const) {
          const [big, small] = [figureOf(quarter, metric, part), figureOf(month, metric, part)];
          if (big === null || small === null) continue;
          comparedPairs += 1;
          expect(big - small === 0 || big - small >= year.scope.k, `${metric} of ${quarter.periodFrom} and ${month.periodFrom}`).toBe(true);
        }
      }
    }
    expect(comparedPairs).toBeGreaterThan(0);

    // The check has teeth: the year protected only against itself, as if no earlier report existed, gives counts away.
    const naive = protect({ ...year.problem.problem, earlier: [] }, solver);
    expect(workedOut(attackerView(year.problem.problem, naive.hidden)).length).toBeGreaterThan(0);
  }, 600_000);
});
