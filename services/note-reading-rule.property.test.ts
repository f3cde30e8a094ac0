import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RISK_KINDS } from '../shared/domain/notes';
import { mayAddAddendumTo, mayReadCaseDocument, mayReadNote, noteReadGround, type CaseForAccess } from '../shared/domain/note-access';
import type { Attachment, Note, NoteSearchHit, NoteSummary, RiskFlag } from '../shared/contract';
import { call } from '../tests/helpers/booking-fixture';
import { careTeam, TEAM, type CareTeam, type Who } from '../tests/helpers/care-team';
import type { TenangApp } from './tenang-app';

/**
 * The note rule as a property (issue 11): over random histories of three counsellors
 * sharing three clients — cases opened, closed and opened again in any order as the clock
 * moves on, notes signed and left as drafts, addenda, risk flags raised and cleared,
 * documents on cases and on clients — what every counsellor gets from notes.get,
 * notes.list, notes.search, home, risks.list, attachments.list/get and notes.addAddendum is
 * exactly what the pure predicate in shared/domain/note-access.ts says. Every write goes
 * through the real channels, as the person who would make it; the expected verdicts are
 * computed from the vault's rows by the predicate alone.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n').toString('base64');
const clientWord = (client: number) => `kataklien${client}`;

type Step =
  | { kind: 'open'; client: number; who: Who }
  | { kind: 'close'; pick: number }
  | { kind: 'note'; pick: number; signed: boolean }
  | { kind: 'addendum'; pick: number }
  | { kind: 'raise'; pick: number; risk: (typeof RISK_KINDS)[number] }
  | { kind: 'clear'; pick: number }
  | { kind: 'attach'; pick: number; onCase: boolean; byAdmin: boolean }
  | { kind: 'wait'; days: number };

const who = fc.constantFrom<Who>(...TEAM);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('open' as const), client: fc.integer({ min: 0, max: 2 }), who }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('note' as const), pick: fc.nat(), signed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addendum' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raise' as const), pick: fc.nat(), risk: fc.constantFrom(...RISK_KINDS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('attach' as const), pick: fc.nat(), onCase: fc.boolean(), byAdmin: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 5 }) }) },
);

/** The vault's rows the rule looks at, read as the admin (the ground truth, not a model of it). */
interface Rows {
  cases: Array<{ id: number; clientId: number; counsellorId: number; closedDate: string | null }>;
  notes: Array<{ id: number; caseId: number; authorUserId: number; status: 'draft' | 'signed' }>;
  addenda: Array<{ id: number; noteId: number }>;
  flags: Array<{ id: number; clientId: number; raisedNoteId: number; clearedNoteId: number | null; clearedAt: string | null; reviewDate: string }>;
  attachments: Array<{ id: number; clientId: number; caseId: number | null; addedByUserId: number }>;
  referrals: Array<{ clientId: number; counsellorId: number | null }>;
}

async function rowsOf(team: CareTeam): Promise<Rows> {
  return team.admin.runAdminTask('test.read_rows', async (session) => {
    const q = <T>(sql: string) => session.dataSource.query(sql) as Promise<T>;
    return {
      cases: await q('SELECT id, client_id AS clientId, counsellor_id AS counsellorId, closed_date AS closedDate FROM client_case'),
      notes: await q('SELECT id, case_id AS caseId, author_user_id AS authorUserId, status FROM note'),
      addenda: await q('SELECT id, note_id AS noteId FROM note_addendum'),
      flags: await q('SELECT id, client_id AS clientId, raised_note_id AS raisedNoteId, cleared_note_id AS clearedNoteId, cleared_at AS clearedAt, review_date AS reviewDate FROM risk_flag'),
      attachments: await q('SELECT id, client_id AS clientId, case_id AS caseId, added_by_user_id AS addedByUserId FROM attachment'),
      referrals: await q('SELECT client_id AS clientId, counsellor_id AS counsellorId FROM referral'),
    };
  });
}

/** Plays one step through the channels; a step with nothing to act on is skipped. */
async function play(team: CareTeam, clients: number[], s: Step, n: { words: number }): Promise<void> {
  const rows = await rowsOf(team);
  const whoIs = (userId: number): Who => TEAM.find((w) => team.id[w] === userId)!;
  const clientNo = (clientId: number) => clients.indexOf(clientId);
  const pick = <T>(list: T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);
  const open = rows.cases.filter((c) => c.closedDate === null);
  switch (s.kind) {
    case 'open':
      // Not a second open case of the same counsellor for one client; any other history goes.
      if (!open.some((c) => c.clientId === clients[s.client] && c.counsellorId === team.id[s.who])) await team.openCase(clients[s.client]!, s.who);
      return;
    case 'close': {
      const kase = pick(open, s.pick);
      if (kase) await team.closeCase(whoIs(kase.counsellorId), kase.id);
      return;
    }
    case 'note': {
      // Late notes on a closed case happen (a closing summary), so any case will do.
      const kase = pick(rows.cases, s.pick);
      n.words += 1;
      if (kase) await team.writeNote(whoIs(kase.counsellorId), kase.id, `Catatan ${n.words}: ${clientWord(clientNo(kase.clientId))} tidur membaik.`, s.signed);
      return;
    }
    case 'addendum': {
      const caseOf = new Map(rows.cases.map((c) => [c.id, c]));
      const note = pick(rows.notes.filter((x) => x.status === 'signed'), s.pick);
      if (!note) return;
      const kase = caseOf.get(note.caseId)!;
      await call(team.app[whoIs(kase.counsellorId)], 'notes.addAddendum', { noteId: note.id, text: `Koreksi: ${clientWord(clientNo(kase.clientId))}.` });
      return;
    }
    case 'raise': {
      const kase = pick(open, s.pick);
      if (!kase) return;
      await call(team.app[whoIs(kase.counsellorId)], 'risks.raise', { clientId: kase.clientId, caseId: kase.id, kind: s.risk, level: 'medium', reviewDate: team.today(), note: `Risiko: ${clientWord(clientNo(kase.clientId))}.` });
      return;
    }
    case 'clear': {
      const flag = pick(rows.flags.filter((f) => f.clearedAt === null), s.pick);
      const kase = flag && open.find((c) => c.clientId === flag.clientId);
      if (!flag || !kase) return;
      await call(team.app[whoIs(kase.counsellorId)], 'risks.clear', { id: flag.id, caseId: kase.id, note: `Risiko dicabut: ${clientWord(clientNo(kase.clientId))}.` });
      return;
    }
    case 'attach': {
      const kase = pick(rows.cases, s.pick);
      if (!kase) return;
      const app = s.byAdmin ? team.admin : team.app[whoIs(kase.counsellorId)];
      await call<Attachment>(app, 'attachments.add', { clientId: kase.clientId, caseId: s.onCase ? kase.id : null, kind: 'letter', title: 'Surat', dataBase64: PDF });
      return;
    }
    case 'wait':
      team.clinic.clock.advance(s.days * 86_400_000);
      return;
  }
}

interface Tally {
  checks: number;
  continuity: number;
  own: number;
  hidden: number;
}

async function failureOf(app: TenangApp, channel: string, input: unknown) {
  const result = await app.dispatch(channel, input);
  return result.ok ? null : result.error;
}

async function allHits(app: TenangApp, query: string): Promise<{ hits: NoteSearchHit[]; total: number }> {
  const hits: NoteSearchHit[] = [];
  for (let page = 0; ; page += 1) {
    const reply = await call<{ hits: NoteSearchHit[]; total: number; pageSize: number }>(app, 'notes.search', { query, page });
    hits.push(...reply.hits);
    if (reply.hits.length < reply.pageSize) return { hits, total: reply.total };
  }
}

const sorted = (values: Iterable<number | string>) => [...values].map(String).sort();

/** Every counsellor, every client, every note: what the channels reveal equals the predicate. */
async function checkEveryone(team: CareTeam, clients: number[], tally: Tally): Promise<void> {
  const rows = await rowsOf(team);
  const caseOf = new Map(rows.cases.map((c) => [c.id, c]));
  const noteOf = new Map(rows.notes.map((n) => [n.id, n]));
  for (const who of TEAM) {
    const me = team.id[who];
    const app = team.app[who];
    const myCases = (clientId: number): CaseForAccess[] => rows.cases.filter((c) => c.clientId === clientId && c.counsellorId === me);
    const verdict = (noteId: number) => {
      const note = noteOf.get(noteId)!;
      const noteCase = caseOf.get(note.caseId)!;
      return { note, noteCase, ground: noteReadGround(me, { ...note, noteCase }, myCases(noteCase.clientId)), read: mayReadNote(me, { ...note, noteCase }, myCases(noteCase.clientId)), correct: mayAddAddendumTo(me, { ...note, noteCase }, myCases(noteCase.clientId)) };
    };
    const inCaseload = (clientId: number) => rows.cases.some((c) => c.clientId === clientId && c.counsellorId === me) || rows.referrals.some((r) => r.clientId === clientId && r.counsellorId === me);

    for (const note of rows.notes) {
      const v = verdict(note.id);
      const context = { who, noteId: note.id };
      tally.checks += 1;
      if (v.ground === 'continuity') tally.continuity += 1;
      if (v.ground === 'own_note' || v.ground === 'own_case') tally.own += 1;
      if (!v.read) tally.hidden += 1;
      const got = await app.dispatch('notes.get', { id: note.id });
      expect({ ...context, opened: got.ok, code: got.ok ? null : got.error.code }).toEqual({ ...context, opened: v.read, code: v.read ? null : 'NOT_FOUND' });
      if (got.ok) expect({ ...context, mayAddAddendum: (got.value as Note).mayAddAddendum }).toEqual({ ...context, mayAddAddendum: v.correct });
      if (!v.correct) {
        // Refused and nothing written: "not found" when unreadable, otherwise said why.
        const refused = await failureOf(app, 'notes.addAddendum', { noteId: note.id, text: 'Tidak boleh.' });
        const expected = !v.read ? 'NOT_FOUND' : note.status === 'draft' ? 'addendum_needs_signed_note' : 'addendum_not_own_case';
        expect({ ...context, refused: refused?.code === 'VALIDATION' ? refused.issues?.[0]?.code : refused?.code }).toEqual({ ...context, refused: expected });
      }
    }

    for (const [clientNo, clientId] of clients.entries()) {
      const context = { who, clientNo };
      const readable = rows.notes.filter((n) => caseOf.get(n.caseId)!.clientId === clientId && verdict(n.id).read);
      if (!inCaseload(clientId)) {
        expect({ ...context, readable: readable.map((n) => n.id) }).toEqual({ ...context, readable: [] });
        for (const channel of ['notes.list', 'risks.list', 'attachments.list']) expect({ ...context, channel, code: (await failureOf(app, channel, { clientId }))?.code }).toEqual({ ...context, channel, code: 'NOT_FOUND' });
      } else {
        const { notes } = await call<{ notes: NoteSummary[] }>(app, 'notes.list', { clientId });
        expect({ ...context, listed: sorted(notes.map((n) => n.id)) }).toEqual({ ...context, listed: sorted(readable.map((n) => n.id)) });

        const { flags } = await call<{ flags: RiskFlag[] }>(app, 'risks.list', { clientId, includeCleared: true });
        const expectedFlags = rows.flags.filter((f) => f.clientId === clientId).map((f) => ({ id: f.id, raisedNoteId: verdict(f.raisedNoteId).read ? f.raisedNoteId : null, clearedNoteId: f.clearedNoteId !== null && verdict(f.clearedNoteId).read ? f.clearedNoteId : null }));
        expect({ ...context, flags: flags.map((f) => ({ id: f.id, raisedNoteId: f.raisedNoteId, clearedNoteId: f.clearedNoteId })).sort((a, b) => a.id - b.id) }).toEqual({ ...context, flags: expectedFlags.sort((a, b) => a.id - b.id) });

        const { attachments } = await call<{ attachments: Attachment[] }>(app, 'attachments.list', { clientId });
        const documents = rows.attachments.filter((a) => a.clientId === clientId);
        const mayOpen = (a: Rows['attachments'][number]) => a.caseId === null || mayReadCaseDocument(me, { addedByUserId: a.addedByUserId, documentCase: caseOf.get(a.caseId)! }, myCases(clientId));
        expect({ ...context, documents: sorted(attachments.map((a) => a.id)) }).toEqual({ ...context, documents: sorted(documents.filter(mayOpen).map((a) => a.id)) });
        for (const document of documents) {
          const got = await app.dispatch('attachments.get', { id: document.id });
          expect({ ...context, document: document.id, opened: got.ok, code: got.ok ? null : got.error.code }).toEqual({ ...context, document: document.id, opened: mayOpen(document), code: mayOpen(document) ? null : 'NOT_FOUND' });
        }
      }

      // Search: every hit, snippet and count comes from a note the predicate lets them read (or its addenda).
      const { hits, total } = await allHits(app, clientWord(clientNo));
      const readableIds = new Set(readable.map((n) => n.id));
      const expectedHits = [...readable.map((n) => `${n.id}:`), ...rows.addenda.filter((a) => readableIds.has(a.noteId)).map((a) => `${a.noteId}:${a.id}`)];
      expect({ ...context, total, hits: sorted(hits.map((h) => `${h.noteId}:${h.addendumId ?? ''}`)) }).toEqual({ ...context, total: expectedHits.length, hits: sorted(expectedHits) });
      for (const hit of hits) expect(hit.snippet).toContain(clientWord(clientNo));
    }

    const home = await call<{ notesToSign: NoteSummary[]; reviewsDue: RiskFlag[] }>(app, 'home.get', {});
    const ownDrafts = rows.notes.filter((n) => n.authorUserId === me && n.status === 'draft');
    expect({ who, notesToSign: sorted(home.notesToSign.map((n) => n.id)) }).toEqual({ who, notesToSign: sorted(ownDrafts.map((n) => n.id)) });
    const due = rows.flags.filter((f) => f.clearedAt === null && f.reviewDate <= team.today() && inCaseload(f.clientId));
    expect({ who, reviewsDue: home.reviewsDue.map((f) => [f.id, f.raisedNoteId]).sort() }).toEqual({ who, reviewsDue: due.map((f) => [f.id, verdict(f.raisedNoteId).read ? f.raisedNoteId : null]).sort() });
  }
}

describe('whose notes a counsellor may read (property)', () => {
  it('every channel reveals exactly the notes, note links and documents the rule allows, over random histories of shared clients', async () => {
    const tally: Tally = { checks: 0, continuity: 0, own: 0, hidden: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 45, maxLength: 60 }), fc.constantFrom<Who>('B', 'C'), async (steps, second) => {
        const team = await careTeam();
        try {
          // Three clients, each starting with one counsellor's open case: Siti with A (the clinic's), two more.
          const clients = [team.clinic.clientId, (await team.newClient(second, { givenName: 'Wayan', familyName: 'Sudarta' })).clientId, (await team.newClient('C', { givenName: 'Made', familyName: 'Ayu' })).clientId];
          const n = { words: 0 };
          for (const [i, s] of steps.entries()) {
            await play(team, clients, s, n);
            // Checked along the way too: continuity comes and goes as cases open and close.
            if (i % 15 === 14) await checkEveryone(team, clients, tally);
          }
          await checkEveryone(team, clients, tally);
        } finally {
          await team.cleanup();
        }
      }),
      { numRuns: 5, seed: 20261203, endOnFailure: true },
    );
    // The histories reached every branch of the rule: their own notes, continuity of care, and hidden.
    console.info(`note rule property: ${JSON.stringify(tally)}`);
    expect(tally.checks).toBeGreaterThan(500);
    expect(tally.own).toBeGreaterThan(100);
    expect(tally.continuity).toBeGreaterThan(30);
    expect(tally.hidden).toBeGreaterThan(200);
  }, 600_000);
});
