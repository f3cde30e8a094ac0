import { afterEach, describe, expect, it } from 'vitest';
import { COUNSELLOR, signIn } from '../tests/helpers/vault-fixture';
import { spawnHelperScript } from '../tests/helpers/child-script';
import { bookingClinic, call, type BookingClinic } from '../tests/helpers/booking-fixture';
import type { Note } from '../shared/contract';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Starts the typist and kills it (SIGKILL: no cleanup, no close) once it has saved `saves` times; returns the last length it saw acknowledged. */
function typeThenKill(vaultDir: string, noteId: number, saves: number): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawnHelperScript('note-typist.mts', [vaultDir, COUNSELLOR.username, String(noteId)], { TENANG_PASSPHRASE: COUNSELLOR.passphrase });
    let acknowledged: number[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      acknowledged = acknowledged.concat(lines.map(Number));
      if (acknowledged.length >= saves && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? done(acknowledged.at(-1)!) : fail(new Error(`the typist stopped by itself (${signal ?? _code})`))));
  });
}

describe('draft recovery', () => {
  it('keeps what was typed when the app is killed mid-save: the reopened vault has the draft and passes integrity_check', async () => {
    const c: BookingClinic = await bookingClinic();
    cleanups.push(c.cleanup);
    await signIn(c.app, COUNSELLOR);
    const note = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template: 'free_text' });
    await c.app.lock('manual'); // the other process is the only one writing now

    const lastAcknowledged = await typeThenKill(c.dir, note.id, 40);

    await signIn(c.app, COUNSELLOR);
    const reopened = await call<Note>(c.app, 'notes.get', { id: note.id });
    // Everything acknowledged is there (a save in flight at the kill may or may not have landed: never half of it).
    const text = reopened.content.text!;
    expect(text.length).toBeGreaterThanOrEqual(lastAcknowledged);
    expect(text).toMatch(/^(kata\d+ )+$/);
    expect(text.startsWith('kata0 kata1 kata2 ')).toBe(true);
    expect(reopened.status).toBe('draft');
    await signIn(c.app, { username: 'ayu', passphrase: 'lembayung senja di pelabuhan' });
    const integrity = await c.app.runAdminTask('test.integrity', (session) => session.dataSource.query('PRAGMA integrity_check'));
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    // And the search index agrees with the rows it indexes.
    await c.app.runAdminTask('test.fts_integrity', (session) => session.dataSource.query("INSERT INTO note_fts (note_fts, rank) VALUES ('integrity-check', 1)"));
  }, 60_000);
});
