import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment, Note, NoteSearchHit, NoteSummary, RiskFlag } from '../shared/contract';
import { call } from '../tests/helpers/booking-fixture';
import { careTeam, COUNSELLOR_B, type CareTeam, type Who } from '../tests/helpers/care-team';
import type { TenangApp } from './tenang-app';

/**
 * Whose notes a counsellor reads (issue 11), one clause at a time, through the channels.
 * The stories use the care team: A holds Siti Rahayu's open case from the start; B and C
 * are colleagues who see the same clients at other times.
 */

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function team(): Promise<CareTeam> {
  const t = await careTeam();
  cleanups.push(t.cleanup);
  return t;
}

async function codeOf(app: TenangApp, channel: string, input: unknown): Promise<string> {
  const result = await app.dispatch(channel, input);
  if (result.ok) return 'ok';
  return result.error.code === 'VALIDATION' ? `VALIDATION:${result.error.issues?.[0]?.code}` : result.error.code;
}

const listed = async (app: TenangApp, clientId: number) => (await call<{ notes: NoteSummary[] }>(app, 'notes.list', { clientId })).notes.map((n) => n.id).sort();
const found = async (app: TenangApp, query: string) => (await call<{ hits: NoteSearchHit[]; total: number }>(app, 'notes.search', { query })).hits.map((h) => h.noteId).sort();

type AuditRow = { action: string; recordType: string; recordId: string; actorUsername: string; detail: Record<string, unknown> };
async function auditOf(t: CareTeam, action?: string): Promise<AuditRow[]> {
  const { entries } = await call<{ entries: Array<Omit<AuditRow, 'detail'> & { detail: unknown }> }>(t.admin, 'audit.list', { limit: 500, ...(action ? { action } : {}) });
  return entries.map((e) => ({ ...e, detail: (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail) as Record<string, unknown> }));
}

/** B's earlier case for a client of their own, closed, with one signed note; then A takes the client on. */
async function handedOver(t: CareTeam, to: Who = 'A') {
  const { clientId, caseId: earlierCase } = await t.newClient('B', { givenName: 'Wayan', familyName: 'Sudarta' });
  const earlierNote = await t.writeNote('B', earlierCase, 'Ringkasan penutupan: stres shift malam membaik.');
  await t.closeCase('B', earlierCase);
  t.clinic.clock.advance(30 * 86_400_000);
  const laterCase = await t.openCase(clientId, to);
  return { clientId, earlierCase, earlierNote, laterCase };
}

describe('a counsellor reads the notes of the cases they hold or held, and their own', () => {
  it('keeps reading their case’s notes after it closes, and their own drafts; a colleague’s draft stays its author’s', async () => {
    const t = await team();
    const signed = await t.writeNote('A', t.clinic.caseId, 'Sesi pertama: cemas menjelang apel pagi.');
    const draft = await t.writeNote('A', t.clinic.caseId, 'Draf: rencana latihan napas.', false);
    await t.closeCase('A', t.clinic.caseId);
    expect(await codeOf(t.app.A, 'notes.get', { id: signed })).toBe('ok');
    expect(await codeOf(t.app.A, 'notes.get', { id: draft })).toBe('ok');
    expect(await listed(t.app.A, t.clinic.clientId)).toEqual([signed, draft].sort());
    expect(await found(t.app.A, 'napas')).toEqual([draft]);

    // B takes Siti on: A's signed note is continuity; A's draft never reaches B.
    t.clinic.clock.advance(86_400_000);
    await t.openCase(t.clinic.clientId, 'B');
    expect(await codeOf(t.app.B, 'notes.get', { id: signed })).toBe('ok');
    expect(await codeOf(t.app.B, 'notes.get', { id: draft })).toBe('NOT_FOUND');
    expect(await listed(t.app.B, t.clinic.clientId)).toEqual([signed]);
    expect(await found(t.app.B, 'napas')).toEqual([]);
  });
});

describe('continuity of care', () => {
  it('while the viewer holds an open case, they read the client’s notes from closed cases; the first opening is audited as such', async () => {
    const t = await team();
    const { clientId, earlierNote } = await handedOver(t);
    const mine = await t.writeNote('A', (await call<{ cases: Array<{ id: number; clientId: number }> }>(t.app.A, 'cases.list', { openOnly: true })).cases.find((c) => c.clientId === clientId)!.id, 'Asesmen awal A.');

    expect(await listed(t.app.A, clientId)).toEqual([earlierNote, mine].sort());
    expect(await found(t.app.A, 'shift')).toEqual([earlierNote]);
    const first = await call<Note>(t.app.A, 'notes.get', { id: earlierNote });
    expect(first).toMatchObject({ content: { text: 'Ringkasan penutupan: stres shift malam membaik.' }, authorName: COUNSELLOR_B.displayName, mayEdit: false, mayAddAddendum: false, breakGlass: [] });
    await call<Note>(t.app.A, 'notes.get', { id: earlierNote });
    await call<Note>(t.app.A, 'notes.get', { id: mine });

    // The first opening through continuity is its own action; later ones are ordinary openings marked as continuity.
    const openings = (await auditOf(t)).filter((e) => e.recordType === 'note' && e.actorUsername === 'budi' && e.action.startsWith('note.view')).reverse();
    expect(openings.map((e) => [e.action, Number(e.recordId), e.detail.continuity ?? false])).toEqual([
      ['note.view_continuity', earlierNote, true],
      ['note.view', earlierNote, true],
      ['note.view', mine, false],
    ]);
    expect(openings[0]!.detail).toMatchObject({ clientId, continuity: true });
    expect((await auditOf(t, 'note.view_continuity')).length).toBe(1);

    // Read, not corrected: an addendum would reach B, whose case is over.
    expect(await codeOf(t.app.A, 'notes.addAddendum', { noteId: earlierNote, text: 'Koreksi.' })).toBe('VALIDATION:addendum_not_own_case');
    expect((await call<Note>(t.app.B, 'notes.get', { id: earlierNote })).addenda).toEqual([]);
  });

  it('ends when the viewer’s case closes: the earlier notes are then "not found", and the attempt is audited', async () => {
    const t = await team();
    const { clientId, earlierNote, laterCase } = await handedOver(t);
    expect(await codeOf(t.app.A, 'notes.get', { id: earlierNote })).toBe('ok');
    await t.closeCase('A', laterCase);
    expect(await codeOf(t.app.A, 'notes.get', { id: earlierNote })).toBe('NOT_FOUND');
    expect(await codeOf(t.app.A, 'notes.addAddendum', { noteId: earlierNote, text: 'x' })).toBe('NOT_FOUND');
    expect(await listed(t.app.A, clientId)).toEqual([]);
    expect(await found(t.app.A, 'shift')).toEqual([]);
    const denied = (await auditOf(t, 'access.denied')).filter((e) => e.actorUsername === 'budi' && e.recordType === 'note');
    expect(denied.map((e) => Number(e.recordId))).toEqual([earlierNote, earlierNote]);
  });
});

describe('never another counsellor’s open case, nor a case opened after the viewer’s closed', () => {
  it('hides the later counsellor’s notes, note links and case documents from the earlier one, in every place', async () => {
    const t = await team();
    const { clientId, laterCase } = await handedOver(t);
    const later = await t.writeNote('A', laterCase, 'Catatan A: pinjaman online menumpuk.');
    const flag = await call<RiskFlag>(t.app.A, 'risks.raise', { clientId, caseId: laterCase, kind: 'suicide_self_harm', level: 'high', reviewDate: t.today(), note: 'Ide pasif; rencana keselamatan disepakati.' });
    const onCase = await call<Attachment>(t.app.A, 'attachments.add', { clientId, caseId: laterCase, kind: 'letter', title: 'Surat rujukan', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
    const onClient = await call<Attachment>(t.app.A, 'attachments.add', { clientId, caseId: null, kind: 'consent_form', title: 'Persetujuan', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });

    // B, whose case closed before A's opened: the client is still on B's books, A's notes are not.
    for (const id of [later, flag.raisedNoteId!]) {
      expect(await codeOf(t.app.B, 'notes.get', { id })).toBe('NOT_FOUND');
      expect(await codeOf(t.app.B, 'notes.addAddendum', { noteId: id, text: 'x' })).toBe('NOT_FOUND');
    }
    expect(await listed(t.app.B, clientId)).not.toContain(later);
    expect(await found(t.app.B, 'pinjaman')).toEqual([]);
    expect(await found(t.app.B, 'keselamatan')).toEqual([]);
    const { flags } = await call<{ flags: RiskFlag[] }>(t.app.B, 'risks.list', { clientId, includeCleared: true });
    expect(flags).toEqual([expect.objectContaining({ id: flag.id, level: 'high', raisedNoteId: null })]); // the safety fact, not the note
    const home = await call<{ reviewsDue: RiskFlag[] }>(t.app.B, 'home.get', {});
    expect(home.reviewsDue).toEqual([expect.objectContaining({ id: flag.id, raisedNoteId: null })]);
    const { attachments } = await call<{ attachments: Attachment[] }>(t.app.B, 'attachments.list', { clientId });
    expect(attachments.map((a) => a.id)).toEqual([onClient.id]); // the client's document, not the case's
    expect(await codeOf(t.app.B, 'attachments.get', { id: onCase.id })).toBe('NOT_FOUND');
    expect(await codeOf(t.app.B, 'attachments.get', { id: onClient.id })).toBe('ok');
    // Nor may B put a document where A would read it later.
    expect(await codeOf(t.app.B, 'attachments.add', { clientId, caseId: laterCase, kind: 'letter', title: 'x', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') })).toBe('VALIDATION:case_not_own');

    // A sees all of it, the flag's note included.
    expect((await call<{ flags: RiskFlag[] }>(t.app.A, 'risks.list', { clientId })).flags[0]!.raisedNoteId).toBe(flag.raisedNoteId);
    expect((await call<{ attachments: Attachment[] }>(t.app.A, 'attachments.list', { clientId })).attachments.map((a) => a.id).sort()).toEqual([onCase.id, onClient.id].sort());

    const denied = (await auditOf(t, 'access.denied')).filter((e) => e.actorUsername === COUNSELLOR_B.username);
    expect(denied.map((e) => `${e.recordType}:${e.recordId}`).sort()).toEqual([`note:${later}`, `note:${later}`, `note:${flag.raisedNoteId}`, `note:${flag.raisedNoteId}`, `attachment:${onCase.id}`].sort());
  });

  it('keeps two counsellors’ open cases of one client apart, even when one of them also holds a closed case', async () => {
    const t = await team();
    // A holds Siti's open case; C opens one alongside it. Each reads only their own.
    const fromA = await t.writeNote('A', t.clinic.caseId, 'Catatan A tentang konflik di kantor.');
    const cCase = await t.openCase(t.clinic.clientId, 'C');
    const fromC = await t.writeNote('C', cCase, 'Catatan C tentang konflik keluarga.');
    expect(await codeOf(t.app.C, 'notes.get', { id: fromA })).toBe('NOT_FOUND');
    expect(await codeOf(t.app.A, 'notes.get', { id: fromC })).toBe('NOT_FOUND');
    expect(await found(t.app.A, 'konflik')).toEqual([fromA]);
    expect(await found(t.app.C, 'konflik')).toEqual([fromC]);

    // C closes; A, still holding an open case, now reads C's notes as the client's history.
    await t.closeCase('C', cCase);
    expect(await codeOf(t.app.A, 'notes.get', { id: fromC })).toBe('ok');
    expect(await codeOf(t.app.C, 'notes.get', { id: fromA })).toBe('NOT_FOUND');
    // C takes the client on again: A's case is still open, so C reads only their own, both cases.
    const cAgain = await t.openCase(t.clinic.clientId, 'C');
    const fromCAgain = await t.writeNote('C', cAgain, 'Konflik mereda.');
    expect(await found(t.app.C, 'konflik')).toEqual([fromC, fromCAgain].sort());
    expect(await found(t.app.A, 'konflik')).toEqual([fromA, fromC].sort());
  });
});

describe('admins', () => {
  it('are unchanged: they list signed notes’ metadata of any client and open one only through break-glass', async () => {
    const t = await team();
    const { clientId, earlierNote } = await handedOver(t);
    expect(await listed(t.admin, clientId)).toEqual([earlierNote]);
    expect(await codeOf(t.admin, 'notes.get', { id: earlierNote })).toBe('BREAK_GLASS_REQUIRED');
    expect(await codeOf(t.admin, 'notes.get', { id: earlierNote, breakGlassCategory: 'supervision', breakGlassReason: 'Audit klinis bulanan oleh supervisor' })).toBe('ok');
    expect((await call<{ flags: RiskFlag[] }>(t.admin, 'risks.list', { clientId })).flags).toEqual([]);
  });
});
