import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ADMIN, COUNSELLOR, addCounsellor, signIn } from '../tests/helpers/vault-fixture';
import { bookingClinic, call, type BookingClinic } from '../tests/helpers/booking-fixture';
import { canonicalNoteText } from '../shared/domain/notes';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, type Note, type NoteSearchHit } from '../shared/contract';
import { mayReadNote, type CaseForAccess } from '../shared/domain/note-access';
import { noteHash } from './note-views';

type SearchReply = { hits: NoteSearchHit[]; total: number; page: number; pageSize: number };

async function failure(app: BookingClinic['app'], channel: string, input: unknown) {
  const result = await app.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

describe('searching notes', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it('finds words by prefix in both languages, diacritics folded, in notes and addenda, with highlighted snippets, filters and paging', async () => {
    const c = await bookingClinic();
    cleanups.push(c.cleanup);
    await signIn(c.app, COUNSELLOR);
    const write = async (template: 'soap' | 'free_text', content: Record<string, string>) => {
      const note = await call<Note>(c.app, 'notes.create', { caseId: c.caseId, sessionId: null, template });
      return call<Note>(c.app, 'notes.sign', { id: note.id, content });
    };
    const anxious = await write('free_text', { text: 'Klien merasa cémas sebelum apel pagi; anxiety about the night roster.' });
    const soap = await write('soap', { subjective: 'Sleep improving.', objective: '', assessment: 'Cemas berkurang.', plan: 'Review in two weeks.' });
    c.clock.advance(3 * 86_400_000);
    await call(c.app, 'notes.addAddendum', { noteId: soap.id, text: 'Correction: the roster changes in January.' });

    const search = (input: Record<string, unknown>) => call<SearchReply>(c.app, 'notes.search', input);
    const cemas = await search({ query: 'cem' });
    expect(cemas.total).toBe(2);
    expect(cemas.hits.map((h) => h.noteId).sort()).toEqual([anxious.id, soap.id].sort());
    expect(cemas.hits.find((h) => h.noteId === anxious.id)!.snippet).toContain(`${SNIPPET_MARK_START}cémas${SNIPPET_MARK_END}`);
    expect(cemas.hits[0]).toMatchObject({ clientCode: expect.stringMatching(/^TN-/), clientName: 'Siti Rahayu', status: 'signed', authorName: COUNSELLOR.displayName });

    const roster = await search({ query: 'roster' });
    expect(roster.hits.map((h) => [h.noteId, h.addendumId !== null]).sort()).toEqual([[anxious.id, false], [soap.id, true]].sort());
    expect((await search({ query: 'roster', template: 'soap' })).hits.map((h) => h.addendumId !== null)).toEqual([true]);
    expect((await search({ query: 'cemas roster' })).total).toBe(1); // every word must match in one text
    expect((await search({ query: 'cemas', from: '2026-11-29' })).total).toBe(0);
    expect((await search({ query: 'cemas', from: '2026-11-28', to: '2026-11-28' })).total).toBe(2);
    expect((await search({ query: 'cemas', page: 1 })).hits).toEqual([]);
    expect((await search({ query: '"NEAR(OR' })).total).toBe(0); // FTS syntax typed by accident is just words
    expect((await failure(c.app, 'notes.search', { query: '*** ---' })).issues?.[0]).toMatchObject({ path: 'query', code: 'search_required' });
    expect((await failure(c.app, 'notes.search', { query: 'x', from: '2026-12-02', to: '2026-12-01' })).issues?.[0]).toMatchObject({ path: 'to', code: 'date_range_reversed' });

    // The audit log records that a search ran and how many hits, never the words searched for.
    await signIn(c.app, ADMIN);
    const { entries } = await call<{ entries: Array<{ action: string; detail: unknown }> }>(c.app, 'audit.list', { limit: 100 });
    const searches = entries.filter((e) => e.action === 'note.search');
    expect(searches.length).toBeGreaterThan(5);
    expect(JSON.stringify(searches)).not.toMatch(/cem|roster/i);
  });
});

/**
 * The access property: over random caseloads (open and closed cases, referral-only clients,
 * transfers, drafts) no counsellor ever gets a hit, a count or a snippet from a note the note
 * rule (shared/domain/note-access.ts) does not let them read. Clients and notes are written
 * straight into the vault (thousands of channel calls would take minutes); the searches go
 * through the real dispatcher as each counsellor. (services/note-reading-rule.property.test.ts
 * checks every channel over histories written through the channels.)
 */
describe('search access control (property)', () => {
  const COUNSELLORS = [COUNSELLOR, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'hujan rintik di atas genteng tua' }, { username: 'dewi', displayName: 'Dewi Kartika', passphrase: 'layang layang di atas sawah hijau' }];
  let c: BookingClinic;
  const ids: number[] = [];

  beforeAll(async () => {
    c = await bookingClinic();
    ids.push(c.counsellorId, await addCounsellor(c.app, COUNSELLORS[1]), await addCounsellor(c.app, COUNSELLORS[2]));
  }, 60_000);
  afterAll(() => c.cleanup());

  interface ClientPlan {
    caseCounsellors: number[]; // indexes into COUNSELLORS: one case each (a transfer gives two)
    closed: boolean[]; // whether each of those cases is closed
    referralOnly: number | null; // a counsellor with the client's referral but no case
    notes: Array<{ onCase: number; words: number[]; signed: boolean }>;
  }
  const clientPlan: fc.Arbitrary<ClientPlan> = fc
    .record({
      caseCounsellors: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 2 }),
      closed: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
      referralOnly: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      notes: fc.array(fc.record({ onCase: fc.nat(), words: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }), signed: fc.boolean() }), { maxLength: 4 }),
    })
    .map((p) => ({ ...p, notes: p.notes.map((n) => ({ ...n, onCase: n.onCase % p.caseCounsellors.length })) }));

  it('never shows a counsellor a hit, a count or a snippet from a note the rule does not let them read', async () => {
    const scenarios = fc.sample(fc.array(clientPlan, { minLength: 1, maxLength: 6 }), { numRuns: 30, seed: 20261129 });
    type Expected = { noteId: number; clientId: number; author: number; signed: boolean; noteCase: CaseForAccess; clientCases: CaseForAccess[] };
    const written: Array<{ word: string; notes: Expected[] }> = [];
    await signIn(c.app, ADMIN);
    await c.app.runAdminTask('test.seed_caseloads', async (session) => {
      const q = (sql: string, params: unknown[] = []) => session.dataSource.query(sql, params) as Promise<Array<{ id: number }>>;
      let clientNo = 0;
      for (const [s, clients] of scenarios.entries()) {
        const byWord = new Map<number, Expected[]>();
        for (const plan of clients) {
          clientNo += 1;
          const [client] = await q(`INSERT INTO client (code, agency_id, given_name, folded_name, created_at, updated_at) VALUES (?, ?, 'Klien', 'klien', 'x', 'x') RETURNING id`, [`TN-2099-${String(clientNo).padStart(6, '0')}`, c.agencyId]);
          const caseIds: number[] = [];
          const clientCases: CaseForAccess[] = [];
          for (const [k, who] of plan.caseCounsellors.entries()) {
            const closedDate = plan.closed[k] ? '2026-11-20' : null;
            const [kase] = await q(
              `INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, closed_date, closure_reason, created_at, updated_at) VALUES (?, ?, '["burnout"]', '2026-11-01', ?, ?, 'x', 'x') RETURNING id`,
              [client!.id, ids[who], closedDate, closedDate && 'transferred'],
            );
            caseIds.push(kase!.id);
            clientCases.push({ counsellorId: who, closedDate });
          }
          if (plan.referralOnly !== null) {
            await q(`INSERT INTO referral (agency_id, client_id, received_date, clock_started_at, referral_type, urgency, presenting_issues, status, counsellor_id, created_at, updated_at) VALUES (?, ?, '2026-11-01', 'x', 'self', 'routine', '["burnout"]', 'triaged', ?, 'x', 'x')`, [c.agencyId, client!.id, ids[plan.referralOnly]]);
          }
          for (const note of plan.notes) {
            const author = plan.caseCounsellors[note.onCase]!;
            const content = { text: `Catatan ${note.words.map((w) => `s${s}kata${w}`).join(' ')} selesai.` };
            const signedCols = note.signed ? [ 'signed', '2026-11-28T02:00:00.000Z', ids[author], noteHash('free_text', content) ] : ['draft', null, null, null];
            const [row] = await q(
              `INSERT INTO note (case_id, author_user_id, template, content, status, signed_at, signed_by_user_id, content_sha256, created_at, updated_at) VALUES (?, ?, 'free_text', ?, ?, ?, ?, ?, '2026-11-28T02:00:00.000Z', 'x') RETURNING id`,
              [caseIds[note.onCase], ids[author], JSON.stringify(content), ...signedCols],
            );
            for (const w of note.words) byWord.set(w, [...(byWord.get(w) ?? []), { noteId: row!.id, clientId: client!.id, author, signed: note.signed, noteCase: clientCases[note.onCase]!, clientCases }]);
          }
        }
        for (let w = 0; w <= 5; w += 1) written.push({ word: `s${s}kata${w}`, notes: byWord.get(w) ?? [] });
      }
    });
    expect(canonicalNoteText('free_text', { text: 'x' })).toContain('free_text'); // the hash helper and the service agree on the text

    let checked = 0;
    let hidden = 0;
    for (const [who, counsellor] of COUNSELLORS.entries()) {
      await signIn(c.app, counsellor);
      for (const { word, notes } of written) {
        // Expected from the rule alone (counsellors by their index here); a referral alone reads nothing.
        const mayRead = notes.filter((n) => mayReadNote(who, { authorUserId: n.author, status: n.signed ? 'signed' : 'draft', noteCase: n.noteCase }, n.clientCases.filter((k) => k.counsellorId === who)));
        hidden += notes.length - mayRead.length;
        const hits: NoteSearchHit[] = [];
        let reply: SearchReply;
        let page = 0;
        do {
          reply = await call<SearchReply>(c.app, 'notes.search', { query: word, page });
          hits.push(...reply.hits);
          page += 1;
        } while (reply.hits.length === reply.pageSize);
        expect({ word, who, total: reply.total, notes: hits.map((h) => h.noteId).sort((a, b) => a - b) }).toEqual({ word, who, total: mayRead.length, notes: mayRead.map((n) => n.noteId).sort((a, b) => a - b) });
        for (const hit of hits) expect(hit.snippet).toContain(`${SNIPPET_MARK_START}${word}${SNIPPET_MARK_END}`);
        checked += 1;
      }
    }
    // The property had something to hide and something to find.
    expect(checked).toBeGreaterThan(100);
    expect(hidden).toBeGreaterThan(20);
    expect(written.some((w) => w.notes.length > 0)).toBe(true);
  }, 240_000);
});
