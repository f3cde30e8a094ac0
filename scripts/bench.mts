/**
 * `npm run bench`: timings of the requests the issues name, on a `seed-demo --size large`
 * vault in a temp folder, through the real dispatcher (contract parsing included), as
 * the median (and 95th percentile) of repeated runs, with the target where it sets one. Prints JSON on standard output; progress on standard error.
 * `-- --vault=DIR` keeps the seeded vault in DIR and, when DIR already holds one, measures
 * it again without seeding (a large seed takes minutes).
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTenangApp, type TenangApp } from '../services/tenang-app';
import { seedDemoData, type DemoSize } from '../services/demo-data';
import { DATABASE_FILE } from '../db/vault/vault-folder';

const RUNS = 15;
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = (option('size') ?? 'large') as DemoSize;
const keptVault = option('vault');
const ADMIN = { username: 'bench.admin', passphrase: 'benchmark admin passphrase 2026' };
const COUNSELLOR_PASSPHRASE = 'benchmark counsellor passphrase 2026';

async function ok<T>(app: TenangApp, channel: string, input: unknown): Promise<T> {
  const reply = await app.dispatch(channel, input);
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.code}`);
  return reply.value as T;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank 95th percentile: the time 95 % of the runs took at most. */
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1]!;
}

interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** The target for the median, and whether this run met it. */
  targetMs?: number;
  met?: boolean;
}

/**
 * Times a request that must succeed, or (with `refusedWith`) one that must be refused with
 * that code; `targetMs` is the target, printed with the result.
 */
async function measure(app: TenangApp, channel: string, input: unknown, options: { refusedWith?: string; runs?: number; targetMs?: number } = {}): Promise<Timing> {
  const { refusedWith, runs = RUNS, targetMs } = options;
  const once = async () => {
    if (!refusedWith) return ok(app, channel, input);
    const reply = await app.dispatch(channel, input);
    if (reply.ok || reply.error.code !== refusedWith) throw new Error(`${channel}: expected ${refusedWith}`);
  };
  await once(); // warm the page cache and the statement cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const timing: Timing = { medianMs: round(median(times)), p95Ms: round(p95(times)), minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), runs };
  return targetMs === undefined ? timing : { ...timing, targetMs, met: timing.medianMs < targetMs };
}

/**
 * How late a 10 ms ticker on this thread runs while `work` runs: the longest time the event
 * loop was held up (the 50 ms), and the 99th percentile.
 */
async function eventLoopDelayWhile(work: () => Promise<unknown>) {
  const lateness: number[] = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - lastTick - 10));
    lastTick = now;
  }, 10);
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 30));
  } finally {
    clearInterval(ticker);
  }
  const sorted = [...lateness].sort((a, b) => a - b);
  const p99Ms = Math.round(sorted[Math.ceil(0.99 * sorted.length) - 1] ?? 0);
  const maxMs = Math.round(sorted.at(-1) ?? 0);
  return { p99Ms, maxMs, ticks: sorted.length, targetMaxMs: 50, met: maxMs < 50 };
}

let reportYear: string | null = null;
const root = keptVault ? null : mkdtempSync(join(tmpdir(), 'tenang-bench-'));
const vaultDir = keptVault ?? join(root!, 'vault');
const reused = keptVault !== undefined && existsSync(join(keptVault, DATABASE_FILE));
const app = createTenangApp({ vaultDir });
try {
  let seeded: unknown = null;
  let seedSeconds: number | null = null;
  if (reused) {
    process.stderr.write(`Measuring the vault already seeded in ${vaultDir}…\n`);
    await ok(app, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  } else {
    await ok(app, 'vault.setup', { clinicName: 'Klinik Benchmark', language: 'en', timeZone: 'Asia/Jakarta', username: ADMIN.username, displayName: 'Bench Admin', newPassphrase: ADMIN.passphrase, confirmPassphrase: ADMIN.passphrase });
    process.stderr.write(`Seeding a ${size} demo vault…\n`);
    const seedStart = performance.now();
    seeded = await app.runAdminTask('bench.seed', (session, clock) => seedDemoData(session, clock, { size, seed: 1, asOf: '2026-11-28' }));
    seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  }

  const { total } = await ok<{ total: number }>(app, 'clients.search', { limit: 1 });
  const results: Record<string, unknown> = {};
  process.stderr.write('Measuring as an admin…\n');
  results['clients.search: first page of 200'] = await measure(app, 'clients.search', { offset: 0, limit: 200 });
  results['clients.search: a page in the middle'] = await measure(app, 'clients.search', { offset: Math.floor(total / 2), limit: 200 });
  results['clients.search: the last page'] = await measure(app, 'clients.search', { offset: Math.max(0, total - 200), limit: 200 });
  results['clients.search: by name'] = await measure(app, 'clients.search', { query: 'siti', limit: 200 });
  results['clients.search: by code'] = await measure(app, 'clients.search', { query: 'TN-2025-0001', limit: 200 });
  results['referrals.waitlist'] = await measure(app, 'referrals.waitlist', {});

  // Agency reports (issue 13): a year's report of the agency, the sector and all agencies,
  // built with disclosure control (no earlier report in the register, so no history to audit).
  type Options = { agencies: Array<{ id: number; name: string; sector: string }> };
  const { agencies } = await ok<Options>(app, 'reports.options', {});
  const year = '2025';
  const reportable = [];
  for (const agency of agencies) {
    const reply = await app.dispatch('reports.preview', { scope: { kind: 'agency', agencyId: agency.id }, period: year, language: 'en' });
    if (reply.ok) reportable.push(agency);
  }
  const bySector = new Map<string, number>();
  for (const agency of reportable) bySector.set(agency.sector, (bySector.get(agency.sector) ?? 0) + 1);
  const [largestSector, sectorSize] = [...bySector.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['other', 0];
  if (reportable[0]) results[`reports.preview: one agency's year (${year})`] = await measure(app, 'reports.preview', { scope: { kind: 'agency', agencyId: reportable[0].id }, period: year, language: 'en' }, { runs: 5, targetMs: 1000 });
  results[`reports.preview: a sector's year (${sectorSize} agencies)`] = await measure(app, 'reports.preview', { scope: { kind: 'sector', sector: largestSector }, period: year, language: 'en' }, { runs: 5, targetMs: 3000 });
  results[`reports.preview: all agencies' year (${reportable.length} agencies)`] = await measure(app, 'reports.preview', { scope: { kind: 'all' }, period: year, language: 'en' }, { runs: 5, targetMs: 3000 });
  // The issue asks that a report never block the main process for more than 50 ms: reports are
  // built in a worker thread. A 10 ms ticker's lateness on this (the main) thread while one is built says whether that holds.
  results["event-loop delay while all agencies' year is previewed"] = await eventLoopDelayWhile(() => ok(app, 'reports.preview', { scope: { kind: 'all' }, period: year, language: 'en' }));
  reportYear = year;

  // A counsellor's view goes through the caseload rule: give one demo counsellor a passphrase.
  const { users } = await ok<{ users: Array<{ id: number; username: string; role: string; active: boolean }> }>(app, 'users.list', {});
  const counsellor = users.find((u) => u.role === 'counsellor' && u.active);

  // The calendar (issue 4): the last full week and a weekday before the seed's "today".
  const week = { fromMs: Date.parse('2026-11-16T00:00:00+07:00'), toMs: Date.parse('2026-11-23T00:00:00+07:00') };
  const day = { fromMs: Date.parse('2026-11-18T00:00:00+07:00'), toMs: Date.parse('2026-11-19T00:00:00+07:00') };
  const { sessions: clinicDay } = await ok<{ sessions: Array<{ counsellorId: number; caseId: number | null; startMs: number; roomId: number | null; modality: string; status: string }> }>(app, 'sessions.list', day);
  const busy = clinicDay.find((s) => s.caseId !== null && s.modality === 'in_person' && s.status !== 'cancelled_by_client' && s.status !== 'cancelled_by_clinic' && s.status !== 'late_cancellation');
  if (busy) {
    results['sessions.list: one counsellor’s week'] = await measure(app, 'sessions.list', { ...week, counsellorId: busy.counsellorId });
    results[`sessions.list: the clinic’s day (${clinicDay.length} sessions)`] = await measure(app, 'sessions.list', day);
    // A conflict check: booking the busy counsellor into their own occupied hour is refused.
    const local = new Date(busy.startMs + 7 * 3_600_000).toISOString().slice(0, 16);
    const conflicting = { agencyId: 1, counsellorId: busy.counsellorId, sessionType: 'manager_consultation', modality: 'phone', localStart: local, durationMinutes: 50 };
    results['sessions.book: a conflict check (refused)'] = await measure(app, 'sessions.book', conflicting, { refusedWith: 'SCHEDULE_CONFLICT' });
  }
  if (counsellor) {
    await ok(app, 'users.resetPassphrase', { userId: counsellor.id, newPassphrase: COUNSELLOR_PASSPHRASE, confirmPassphrase: COUNSELLOR_PASSPHRASE });
    await ok(app, 'session.unlock', { username: counsellor.username, passphrase: COUNSELLOR_PASSPHRASE });
    process.stderr.write('Measuring as a counsellor…\n');
    results['clients.search (counsellor caseload): first page'] = await measure(app, 'clients.search', { limit: 200 });
    results['clients.search (counsellor caseload): by name'] = await measure(app, 'clients.search', { query: 'a', limit: 200 });
    results['cases.list (counsellor)'] = await measure(app, 'cases.list', {});

    // Case notes (issue 5): full-text search of the caseload's notes, first page, for words
    // in many notes and in few, in both languages (SQLite finds the word in every
    // counsellor's notes, then keeps the caller's caseload); and one client's notes.
    type Search = { hits: Array<{ clientId: number }>; total: number };
    for (const word of ['klien', 'tidur', 'pinjol', 'sleep', 'gambling']) {
      const { total } = await ok<Search>(app, 'notes.search', { query: word });
      results[`notes.search (counsellor): “${word}” (${total} hits in the caseload)`] = await measure(app, 'notes.search', { query: word });
    }
    // The client of theirs with the most notes among the first page of a common word's hits.
    const { hits } = await ok<Search>(app, 'notes.search', { query: 'klien' });
    const perClient = new Map<number, number>();
    for (const h of hits) perClient.set(h.clientId, (perClient.get(h.clientId) ?? 0) + 1);
    const clientId = [...perClient.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (clientId !== undefined) {
      const { notes } = await ok<{ notes: unknown[] }>(app, 'notes.list', { clientId });
      results[`notes.list (counsellor): one client (${notes.length} notes)`] = await measure(app, 'notes.list', { clientId });
    }

    // Outcome measures (issue 12): the counsellor's case with the most questionnaires, its
    // outcome worked out from every answer, and its client's whole history.
    type Listed = { administrations: Array<{ clientId: number }> };
    const { cases } = await ok<{ cases: Array<{ id: number; clientId: number }> }>(app, 'cases.list', {});
    let richest: { caseId: number; clientId: number; count: number } | null = null;
    for (const kase of cases) {
      const { administrations } = await ok<Listed>(app, 'measures.list', { caseId: kase.id });
      if (administrations.length > (richest?.count ?? 0)) richest = { caseId: kase.id, clientId: kase.clientId, count: administrations.length };
    }
    if (richest) {
      const { administrations } = await ok<Listed>(app, 'measures.list', { clientId: richest.clientId });
      results[`measures.caseOutcome (counsellor): one case (${richest.count} questionnaires; ${cases.length} cases in the caseload)`] = await measure(app, 'measures.caseOutcome', { caseId: richest.caseId }, { runs: 60, targetMs: 20 });
      results[`measures.list (counsellor): one client (${administrations.length} questionnaires)`] = await measure(app, 'measures.list', { clientId: richest.clientId }, { runs: 60, targetMs: 20 });
    }
  }
  await app.close();
  // An export enters the report in the register, which every later report is checked against:
  // it is measured on a copy of the vault, so a kept vault measures the same next time.
  if (reportYear) results["event-loop delay while all agencies' year is exported as PDF"] = await exportOnCopy(reportYear);
  process.stdout.write(`${JSON.stringify({ size, seedSeconds, clients: total, seeded, results }, null, 2)}\n`);
} finally {
  await app.close();
  if (root) rmSync(root, { recursive: true, force: true });
}

async function exportOnCopy(year: string) {
  const copyRoot = mkdtempSync(join(tmpdir(), 'tenang-bench-copy-'));
  const copyDir = join(copyRoot, 'vault');
  cpSync(vaultDir, copyDir, { recursive: true });
  const copy = createTenangApp({ vaultDir: copyDir, chooseSavePath: async (name) => join(copyRoot, name) });
  try {
    await ok(copy, 'session.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await ok(copy, 'reports.options', {});
    return await eventLoopDelayWhile(() => ok(copy, 'reports.export', { scope: { kind: 'all' }, period: year, language: 'en', format: 'pdf' }));
  } finally {
    await copy.close();
    rmSync(copyRoot, { recursive: true, force: true });
  }
}
