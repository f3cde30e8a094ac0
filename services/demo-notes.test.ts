import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { parseRecoveryKey } from '../shared/recovery-key';
import { rawConnection } from '../db/bulk';
import { VaultFolder } from '../db/vault/vault-folder';
import { snapshotVault, type ExportDocument } from './data-export';
import { loadExportFile } from './data-import-document';
import { restoreExport, type RestoreResult } from './data-import';
import { seedDemoData, type SeedSummary } from './demo-data';
import { createTenangApp, type TenangApp } from './tenang-app';
import { ADMIN, expectOk, manualClock, setUpClinic, signIn, tempVaultDir } from '../tests/helpers/vault-fixture';
import { EXPORT_REASON } from '../tests/helpers/export-fixture';

/**
 * The demo's case notes survive a full export and restore (issue 5): the same notes,
 * addenda and risk flags, and a full-text index that the restore's inserts rebuild through
 * the triggers (the index itself is derived data and not exported), so a counsellor finds
 * the same notes in the restored vault as in the original.
 */
const NEW_PASSPHRASE = 'burung camar terbang rendah di senja';
const COUNSELLOR_PASSPHRASE = 'daun pisang basah kena hujan sore';
const NOTE_TABLES = ['note', 'note_addendum', 'risk_flag', 'note_access'];
/** Common and rare words in both languages, and a prefix query. */
const QUERIES = ['klien', 'client', 'tidur', 'sleep', 'pinjol', 'tinnitus OR gamelan', 'restruktur*'];

type IndexRow = { rowid: number; body: string; note_id: number; addendum_id: number | null };

function readIndex(dataSource: DataSource): { rows: IndexRow[]; matches: Record<string, number[]> } {
  const raw = rawConnection(dataSource);
  const rows = raw.prepare('SELECT rowid, body, note_id, addendum_id FROM note_fts ORDER BY rowid').all() as IndexRow[];
  const match = raw.prepare('SELECT rowid FROM note_fts WHERE note_fts MATCH ? ORDER BY rank, rowid').pluck();
  return { rows, matches: Object.fromEntries(QUERIES.map((q) => [q, match.all(q) as number[]])) };
}

/** Signs a demo counsellor in (an admin gives them a passphrase first): the one whose caseload has the most notes. */
async function signInCounsellor(app: TenangApp, username: string): Promise<void> {
  const { users } = expectOk(await app.dispatch('users.list', {})) as { users: Array<{ id: number; username: string }> };
  const user = users.find((u) => u.username === username)!;
  expectOk(await app.dispatch('users.resetPassphrase', { userId: user.id, newPassphrase: COUNSELLOR_PASSPHRASE, confirmPassphrase: COUNSELLOR_PASSPHRASE }));
  await signIn(app, { username, passphrase: COUNSELLOR_PASSPHRASE });
}

async function searches(app: TenangApp, clientId: number): Promise<unknown[]> {
  const replies: unknown[] = [];
  for (const query of ['tidur', 'sleep', 'klien']) replies.push(expectOk(await app.dispatch('notes.search', { query })));
  replies.push(expectOk(await app.dispatch('notes.list', { clientId })));
  return replies;
}

describe('the demo’s case notes through an export and a restore', () => {
  const work = tempVaultDir();
  const path = (name: string) => join(work.dir, name);
  let app: TenangApp;
  let summary: SeedSummary;
  let original: ExportDocument;
  let originalIndex: ReturnType<typeof readIndex>;
  let restored: RestoreResult;

  beforeAll(async () => {
    mkdirSync(work.dir, { recursive: true });
    app = createTenangApp({ vaultDir: path('vault'), clock: manualClock() });
    await setUpClinic(app);
    summary = await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 11, asOf: '2026-11-20' }));
    await app.exportVault({ path: path('export.json'), force: false, passphrase: null, reason: EXPORT_REASON });
    ({ original, originalIndex } = await app.runAdminTask('test', async (session) => ({ original: snapshotVault(session.dataSource, 'now'), originalIndex: readIndex(session.dataSource) })));
    const { document } = await loadExportFile(path('export.json'), async () => {
      throw new Error('a plain export asks for no passphrase');
    });
    restored = await restoreExport(
      { folder: new VaultFolder(path('restored')), clock: manualClock(Date.parse('2026-12-01T03:00:00Z')) },
      { document, username: ADMIN.username, newPassphrase: NEW_PASSPHRASE, encrypted: false },
    );
  });
  afterAll(async () => {
    await app?.close();
    work.cleanup();
  });

  async function openRestored<T>(read: (dataSource: DataSource) => T): Promise<T> {
    const dataSource = await new VaultFolder(path('restored')).open(Buffer.from(parseRecoveryKey(restored.recoveryKey)!, 'hex'), { create: false });
    try {
      return read(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  it('restores every note, addendum and risk flag exactly, with the same ids', async () => {
    expect(summary.notes).toBeGreaterThan(300);
    expect(summary.noteAddenda).toBeGreaterThan(0);
    expect(summary.riskFlags).toBeGreaterThan(0);
    expect(original.tables.note).toHaveLength(summary.notes);
    // The index is derived data: never exported, rebuilt as the rows go back in.
    expect(Object.keys(original.tables).filter((t) => t.startsWith('note_fts'))).toEqual([]);
    const after = await openRestored((dataSource) => snapshotVault(dataSource, 'now'));
    for (const table of NOTE_TABLES) expect(after.tables[table], table).toEqual(original.tables[table]);
    for (const table of ['note', 'note_addendum', 'risk_flag']) expect(after.sequences[table], table).toBe(original.sequences[table]);
  });

  it('rebuilds the full-text index as the notes go back in: the same entries, and the same hits in the same order', async () => {
    const after = await openRestored(readIndex);
    expect(originalIndex.rows).toHaveLength(summary.notes + summary.noteAddenda);
    expect(after.rows).toEqual(originalIndex.rows);
    expect(after.matches).toEqual(originalIndex.matches);
    // Some words are in many notes, some in few: searches return results of every size.
    const size = (q: string) => originalIndex.matches[q]!.length;
    expect(size('klien')).toBeGreaterThan(size('tidur'));
    expect(size('tidur')).toBeGreaterThan(size('pinjol'));
    expect(size('client')).toBeGreaterThan(size('sleep'));
    expect(size('sleep')).toBeGreaterThan(0);
    expect(size('restruktur*')).toBeGreaterThan(0);
  });

  it('lets a counsellor find and list the same notes in the restored vault as in the original', async () => {
    // The counsellor with the most notes, and one of their clients with notes.
    const notes = original.tables.note!;
    const byAuthor = new Map<unknown, number>();
    for (const n of notes) byAuthor.set(n.author_user_id, (byAuthor.get(n.author_user_id) ?? 0) + 1);
    const [authorId] = [...byAuthor.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const username = String(original.tables.user_account!.find((u) => u.id === authorId)!.username);
    const caseId = notes.find((n) => n.author_user_id === authorId)!.case_id;
    const clientId = Number(original.tables.client_case!.find((c) => c.id === caseId)!.client_id);

    await signInCounsellor(app, username);
    const before = await searches(app, clientId);
    const again = createTenangApp({ vaultDir: path('restored'), clock: manualClock() });
    try {
      await signIn(again, { username: ADMIN.username, passphrase: NEW_PASSPHRASE });
      await signInCounsellor(again, username);
      const after = await searches(again, clientId);
      expect(after).toEqual(before);
    } finally {
      await again.close();
    }
    const [tidur, sleep, klien, list] = before as [{ total: number; hits: unknown[] }, { total: number }, { total: number }, { notes: unknown[] }];
    expect(tidur.total).toBeGreaterThan(0);
    expect(tidur.hits.length).toBeGreaterThan(0);
    expect(klien.total + sleep.total).toBeGreaterThan(tidur.total);
    expect(list.notes.length).toBeGreaterThan(0);
  });
});
