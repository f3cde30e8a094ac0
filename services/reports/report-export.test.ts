import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, manualClock } from '../../tests/helpers/vault-fixture';
import { pdfLines } from '../../tests/helpers/pdf-text';
import type { TenangApp } from '../tenang-app';
import { openDemoClinic, type DemoClinic } from '../../tests/helpers/demo-clinic';
import type { ReportFormat } from './report-export';
import { exportReport } from './report-export';
import { verifyReportFile } from './verify-report';
import type { ChannelInput } from '../../shared/contract';

/**
 * Reports leave the clinic (issue 13): nothing that names a person may be in any of their
 * bytes, every export is in the register with the file's hash, and the register's values
 * are what the next report is checked against.
 */
let app: TenangApp;
let clinic: DemoClinic;
const clock = manualClock();
/** The twelve whole months before the clock's month: a year of the demo clinic's life. */
const lastYear = (() => {
  const now = new Date(clock.now());
  const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
  return `${month(-12)}..${month(-1)}`;
})();
const out = (name: string) => join(clinic.dir, '..', name);

beforeAll(async () => {
  clinic = await openDemoClinic({ clock, seed: 11 });
  app = clinic.app;
}, 120_000);
afterAll(() => clinic.close());

async function exportAs(scope: ChannelInput<'reports.preview'>['scope'], period: string, format: ReportFormat, language: 'en' | 'id', name: string) {
  return app.runAdminTask('test', (session, clock) => exportReport(session, clock, { scope, period, language, format }, { path: out(name), force: false }));
}

describe('exported reports', () => {
  it('carry no name, client code, date of birth or counsellor name in any format', async () => {
    const people = await app.runAdminTask('test', async (session) => ({
      clients: (await session.dataSource.query('SELECT given_name AS given, family_name AS family, code, date_of_birth AS born FROM client')) as Array<{ given: string; family: string; code: string; born: string | null }>,
      counsellors: (await session.dataSource.query("SELECT display_name AS name FROM user_account WHERE role = 'counsellor'")) as Array<{ name: string }>,
      agencies: (await session.dataSource.query('SELECT id, sector FROM agency ORDER BY id')) as Array<{ id: number; sector: string }>,
    }));
    expect(people.clients.length).toBeGreaterThan(50);
    const forbidden = [
      ...people.clients.flatMap((c) => [c.family ? `${c.given} ${c.family}` : null, c.code, c.born].filter((x): x is string => !!x && x.length >= 6)),
      ...people.counsellors.map((c) => c.name),
    ];
    const scopes: Array<ChannelInput<'reports.preview'>['scope']> = [{ kind: 'agency', agencyId: people.agencies[0]!.id }, { kind: 'sector', sector: people.agencies[0]!.sector as never }, { kind: 'all' }];
    let n = 0;
    for (const scope of scopes) {
      for (const format of ['json', 'csv', 'pdf'] as const) {
        const name = `r${n++}.${format}`;
        await exportAs(scope, lastYear, format, n % 2 ? 'en' : 'id', name);
        const bytes = readFileSync(out(name));
        const text = format === 'pdf' ? (await pdfLines(bytes)).join('\n') : bytes.toString('utf8');
        if (format === 'pdf') expect(text.length).toBeGreaterThan(500);
        for (const word of forbidden) expect(text.includes(word), `${name} must not contain a person's details`).toBe(false);
      }
    }
  }, 180_000);

  it('are signed, readable by their owner only, never written over, and in the register with their hash', async () => {
    const summary = await exportAs({ kind: 'all' }, '2026-Q3', 'json', 'en', 'all-q3.json');
    expect(statSync(summary.path).mode & 0o777).toBe(0o600);
    const { entries, publicKey } = expectOk(await app.dispatch('reports.register', {})) as { entries: Array<{ id: number }>; publicKey: string };
    expect(entries.find((e) => e.id === summary.registerId)).toMatchObject({ kind: 'agency_report', scopeKind: 'all', periodFrom: '2026-07', periodTo: '2026-09', format: 'json', sha256: summary.sha256 });
    expect(verifyReportFile(summary.path, publicKey)).toMatchObject({ ok: true });
    await expect(exportAs({ kind: 'all' }, '2026-Q3', 'json', 'en', 'all-q3.json')).rejects.toMatchObject({ code: 'VALIDATION' });
    const audit = expectOk(await app.dispatch('audit.list', { action: 'report.export', limit: 1 })) as { entries: Array<{ recordId: string; detail: Record<string, unknown> }> };
    expect(audit.entries[0]).toMatchObject({ recordId: String(summary.registerId), detail: { sha256: summary.sha256, format: 'json' } });
  }, 60_000);
});
