import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, expectOk, manualClock, signIn } from '../../tests/helpers/vault-fixture';
import type { EventName } from '../../shared/contract';
import type { TenangApp } from '../tenang-app';
import { openDemoClinic, type DemoClinic } from '../../tests/helpers/demo-clinic';
import { isoAt } from '../clock';
import { highsSolver } from './highs-solver';
import { buildReport } from './report-builder';
import { exportReport } from './report-export';
import { readRegister } from './report-register';

/**
 * Issue 13, "Off the main process": reports are built in a worker thread with a read-only
 * connection of its own. The dispatcher answers other requests meanwhile, the window hears
 * each stage, a lock ends a build under way, and an export is entered in the register only
 * if no other report was entered since the snapshot it was checked against.
 */
const clock = manualClock();
let app: TenangApp;
let clinic: DemoClinic;
const events: Array<{ event: EventName; payload: unknown }> = [];
let savedAs = 0;
const year = String(new Date(clock.now()).getUTCFullYear() - 1);
const allYear = { scope: { kind: 'all' as const }, period: year, language: 'en' as const };
const out = (name: string) => join(clinic.dir, '..', name);

beforeAll(async () => {
  clinic = await openDemoClinic({ clock, seed: 3, chooseSavePath: async () => out(`saved-${++savedAs}.pdf`) });
  app = clinic.app;
  app.onEvent((event, payload) => events.push({ event, payload }));
}, 120_000);
afterAll(() => clinic.close());

const progress = () => events.filter((e) => e.event === 'reports.progress').map((e) => e.payload);
const auditCount = async (action: string) => (expectOk(await app.dispatch('audit.list', { action, limit: 1 })) as { total: number }).total;

describe('the report worker', () => {
  it('builds the report the builder builds in-process, and tells each stage as it begins', async () => {
    events.length = 0;
    const preview = expectOk(await app.dispatch('reports.preview', allYear)) as { document: unknown; hidden: unknown[] };
    const inProcess = await app.runAdminTask('test', async (session) => buildReport(session.dataSource.manager, await highsSolver(), isoAt(clock), allYear));
    expect(preview.document).toEqual(inProcess.document);
    expect(preview.hidden).toEqual(inProcess.hidden);
    expect(progress()).toEqual(['reading', 'protecting', 'assembling'].map((stage) => ({ kind: 'preview', stage })));

    events.length = 0;
    const exported = expectOk(await app.dispatch('reports.export', { ...allYear, format: 'pdf' })) as { outcome: string; path: string };
    expect(exported.outcome).toBe('exported');
    expect(existsSync(exported.path)).toBe(true);
    expect(progress()).toEqual(['reading', 'protecting', 'assembling', 'signing'].map((stage) => ({ kind: 'export', stage })));
  }, 120_000);

  it('answers other requests while a report is being built', async () => {
    const order: string[] = [];
    let asked: Promise<unknown> | null = null;
    const stop = app.onEvent((event) => {
      // Asked as soon as the worker has begun: the dispatcher is not waiting on the build.
      if (event === 'reports.progress' && asked === null) asked = app.dispatch('settings.get', {}).then(() => order.push('settings.get'));
    });
    try {
      await app.dispatch('reports.preview', allYear).then(() => order.push('reports.preview'));
      await asked;
    } finally {
      stop();
    }
    expect(order).toEqual(['settings.get', 'reports.preview']);
  }, 120_000);

  it('ends a build under way when the vault is locked: nothing is audited as built, and the next session builds again', async () => {
    const previewsBefore = await auditCount('report.preview');
    let locking: Promise<void> | null = null;
    const stop = app.onEvent((event) => {
      if (event === 'reports.progress' && locking === null) locking = app.lock('manual');
    });
    let reply;
    try {
      reply = await app.dispatch('reports.preview', allYear);
      await locking;
    } finally {
      stop();
    }
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    await signIn(app, ADMIN);
    expect(await auditCount('report.preview')).toBe(previewsBefore);
    expectOk(await app.dispatch('reports.preview', allYear));
    expect(await auditCount('report.preview')).toBe(previewsBefore + 1);
  }, 120_000);

  it('builds an export again when another report was entered in the register since its snapshot', async () => {
    const stages: string[] = [];
    let interruptions = 0;
    const summary = await app.runAdminTask('test', (session, c) =>
      exportReport(session, c, { ...allYear, format: 'json' }, { path: out('raced.json'), force: false }, {
        onStage: (stage) => stages.push(stage),
        // Once the first build is done, and before it is entered, another report is published (as the CLI beside the app could).
        whileOthersRun: async (work) => {
          const result = await work();
          if (interruptions++ === 0) await exportReport(session, c, { ...allYear, period: `${year}-Q1`, format: 'json' }, { path: out('meanwhile.json'), force: false });
          return result;
        },
      }),
    );
    expect(stages.filter((s) => s === 'reading')).toHaveLength(2);
    const register = await app.runAdminTask('test', (session) => readRegister(session.dataSource.manager));
    const raced = register.find((e) => e.id === summary.registerId)!;
    const meanwhile = register.find((e) => e.periodFrom === `${year}-01` && e.periodTo === `${year}-03`)!;
    // Entered after the one published meanwhile, by the second build: the one that was checked against it.
    expect(meanwhile.id).toBeLessThan(raced.id);
    expect(existsSync(out('raced.json'))).toBe(true);
  }, 180_000);

  it('builds with the new key after a rekey', async () => {
    expectOk(await app.dispatch('reports.preview', allYear));
    expectOk(await app.dispatch('vault.rekey', { passphrase: ADMIN.passphrase }));
    expectOk(await app.dispatch('reports.preview', allYear));
  }, 120_000);
});
