import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, manualClock } from '../../tests/helpers/vault-fixture';
import { PRESENTING_ISSUES } from '../../shared/domain/referrals';
import { WORKPLACE_STRESSORS } from '../../shared/reports/report-tables';
import type { ChannelOutput } from '../../shared/contract';
import type { TenangApp } from '../tenang-app';
import { openDemoClinic, type DemoClinic } from '../../tests/helpers/demo-clinic';
import { exportReport } from './report-export';
import { readRegister } from './report-register';
import type { PublishedRecord } from './report-builder';

/**
 * Issue 13, "Sector comparisons": a report sets each stressor's share beside its sector's (all
 * agencies' for a sector report). The sector's shares are those the sector's own report in the register published,
 * so they give away nothing that report hid; until there is one, they are not shown.
 */
type Preview = ChannelOutput<'reports.preview'>;
const clock = manualClock();
let app: TenangApp;
let clinic: DemoClinic;
const year = String(new Date(clock.now()).getUTCFullYear() - 1);

beforeAll(async () => {
  clinic = await openDemoClinic({ clock, seed: 11 });
  app = clinic.app;
}, 120_000);
afterAll(() => clinic.close());

type Scope = { kind: 'agency'; agencyId: number } | { kind: 'sector'; sector: string };

/**
 * A report with a comparison group of enough agencies, and that group's own scope: an agency
 * and its sector, or (the small demo's sectors having too few agencies) a sector and all agencies.
 */
async function comparableScope(): Promise<{ scope: Scope; group: { kind: 'sector'; sector: string } | { kind: 'all' }; preview: Preview }> {
  const { agencies } = expectOk(await app.dispatch('reports.options', {})) as ChannelOutput<'reports.options'>;
  const candidates: Array<{ scope: Scope; group: { kind: 'sector'; sector: string } | { kind: 'all' } }> = [
    ...agencies.map((a) => ({ scope: { kind: 'agency' as const, agencyId: a.id }, group: { kind: 'sector' as const, sector: a.sector } })),
    ...[...new Set(agencies.map((a) => a.sector))].map((sector) => ({ scope: { kind: 'sector' as const, sector }, group: { kind: 'all' as const } })),
  ];
  for (const candidate of candidates) {
    const reply = await app.dispatch('reports.preview', { scope: candidate.scope, period: year, language: 'en' });
    if (!reply.ok) continue;
    const preview = reply.value as Preview;
    if (!preview.hidden.some((h) => h.reason === 'too_few_agencies')) return { ...candidate, preview };
  }
  throw new Error('no demo report has a comparison group of 3 agencies');
}

describe("a report's comparison with its sector (or, for a sector, with all agencies)", () => {
  it("shows no comparison share until the group's own report is in the register, then exactly the shares it published", async () => {
    const agency = await comparableScope();
    const sectorShareReasons = agency.preview.hidden.filter((h) => h.place.kind === 'insight' && h.place.part === 'sectorShare').map((h) => h.reason);
    expect(sectorShareReasons).toEqual(WORKPLACE_STRESSORS.map(() => 'no_comparison_report'));
    expect(agency.preview.document.insight.every((row) => row.sectorShare === null)).toBe(true);

    await app.runAdminTask('test', (session, c) =>
      exportReport(session, c, { scope: agency.group as never, period: year, language: 'en', format: 'json' }, { path: join(clinic.dir, '..', 'sector.json'), force: false }),
    );
    const [sectorEntry] = await app.runAdminTask('test', (session) => readRegister(session.dataSource.manager));
    const sector = (sectorEntry!.published as PublishedRecord).document;
    const k = agency.preview.document.minCellSize;
    const referrals = sector.tables.find((t) => t.id === 'referrals_by_type')!.total;
    const mentions = sector.tables.find((t) => t.id === 'presenting_issues')!.cells;

    const after = expectOk(await app.dispatch('reports.preview', { scope: agency.scope, period: year, language: 'en' })) as Preview;
    let shown = 0;
    for (const stressor of WORKPLACE_STRESSORS) {
      const published = mentions[PRESENTING_ISSUES.indexOf(stressor)]![0]!;
      const expected = referrals === null || published === null || referrals < k ? null : Math.round((published / referrals) * 10_000) / 10_000;
      expect(after.document.insight.find((row) => row.stressor === stressor)?.sectorShare ?? null, stressor).toBe(expected);
      if (expected !== null) shown += 1;
    }
    expect(shown).toBeGreaterThan(0);
    expect(after.hidden.some((h) => h.reason === 'no_comparison_report')).toBe(false);
  }, 180_000);
});
