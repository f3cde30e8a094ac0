import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { ChannelOutput, Note, NoteAddendum, NoteSummary, ParsedInput } from '../shared/contract';
import { emptyContent, fitsTemplate, hasAnyText, type NoteContent, type NoteTemplate } from '../shared/domain/notes';
import { mayAddAddendumTo, noteReadGround, type NoteReadGround } from '../shared/domain/note-access';
import { AuditEntryEntity, ClientCaseEntity, NoteAccessEntity, NoteAddendumEntity, NoteEntity, SessionEntity, type ClientCaseRow, type NoteRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import { assertInCaseload, noteReadGroundFor, refuseAsNotFound, viewerCasesOf } from './caseload';
import { openAlertsOf } from './measure-alerts';
import { overdueMeasuresOf } from './measurement-plan-service';
import { reviewsDue } from './risk-flag-service';
import { recentFullExports, recentPassphraseResets, windowStart } from './account-notices';
import { addendaOf, addendumHash, breakGlassOpenings, noteHash, noteView, queryNoteSummaries } from './note-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Case notes (issue 5). A note is written by the case's counsellor: a draft saved as it is
 * typed, then signed (signer, time, SHA-256 of its canonical text), after which nothing
 * changes it: this service refuses, and so do the schema's triggers. Corrections are
 * addenda, signed as they are saved. A draft is its author's alone. Which notes a
 * counsellor reads is the note rule of `caseload.ts` (issue 11): a note outside it is "not
 * found", like a missing one, and the attempt is audited. An admin reads a note only
 * through break-glass: a typed reason, logged, and shown to the note's counsellor.
 */

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'There is no such record.');
}

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path, code, message }] });
}

/** The caller's own case: only its counsellor writes in it. Anyone else is told it does not exist, and the attempt is audited. */
async function ownCase(session: OpenSession, actor: Actor, caseId: number): Promise<ClientCaseRow> {
  const kase = await session.dataSource.getRepository(ClientCaseEntity).findOneBy({ id: caseId });
  if (!kase) throw notFound();
  if (kase.counsellorId !== session.user.id) return refuseAsNotFound(session, actor, { type: 'case', id: caseId });
  return kase;
}

function checkedContent(template: NoteTemplate, content: NoteContent): NoteContent {
  if (!fitsTemplate(template, content)) throw invalid('content', 'sections_mismatch', 'The note’s sections do not match its template.');
  return content;
}

/** The caller's draft, for writing: another's note, or none, is "not found"; a signed one is refused as signed. */
async function ownDraft(m: EntityManager, session: OpenSession, id: number): Promise<NoteRow> {
  const row = await m.getRepository(NoteEntity).findOneBy({ id });
  if (!row || row.authorUserId !== session.user.id) throw notFound();
  if (row.status === 'signed') throw new AppError('NOTE_SIGNED', 'A signed note cannot change; add an addendum instead.');
  return row;
}

async function rightsOn(m: EntityManager, session: OpenSession, row: NoteRow, kase: ClientCaseRow) {
  const me = session.user;
  const note = { ...row, noteCase: kase };
  const myCases = me.role === 'counsellor' ? await viewerCasesOf(m, me.id, kase.clientId) : [];
  return {
    mayEdit: row.status === 'draft' && row.authorUserId === me.id,
    mayAddAddendum: me.role === 'counsellor' && mayAddAddendumTo(me.id, note, myCases),
    showBreakGlass: row.authorUserId === me.id || kase.counsellorId === me.id,
    readForContinuity: me.role === 'counsellor' && noteReadGround(me.id, note, myCases) === 'continuity',
  };
}

async function viewOf(m: EntityManager, session: OpenSession, row: NoteRow): Promise<Note> {
  const kase = await m.getRepository(ClientCaseEntity).findOneByOrFail({ id: row.caseId });
  return noteView(m, row, session.user, await rightsOn(m, session, row, kase));
}

export async function createNote(session: OpenSession, clock: Clock, input: ParsedInput<'notes.create'>): Promise<Note> {
  const actor = actorOf(session, clock);
  const kase = await ownCase(session, actor, input.caseId);
  return inWriteTransaction(session.dataSource, async (m) => {
    if (input.sessionId !== null) {
      const booked = await m.getRepository(SessionEntity).findOneBy({ id: input.sessionId });
      if (!booked || booked.caseId !== kase.id) throw invalid('sessionId', 'session_not_of_case', 'That session is not one of this case’s.');
      // One note per session: asking again opens the one there is.
      const existing = await m.getRepository(NoteEntity).findOneBy({ sessionId: input.sessionId });
      if (existing) {
        if (existing.status === 'draft' && existing.authorUserId !== session.user.id) throw notFound();
        return viewOf(m, session, existing);
      }
    }
    const row = await m.getRepository(NoteEntity).save({
      caseId: kase.id,
      sessionId: input.sessionId,
      authorUserId: session.user.id,
      template: input.template,
      content: JSON.stringify(emptyContent(input.template)),
      status: 'draft' as const,
      signedAt: null,
      signedByUserId: null,
      contentSha256: null,
      createdAt: actor.at,
      updatedAt: actor.at,
    });
    await appendAudit(m, { ...actor, action: 'note.create', recordType: 'note', recordId: String(row.id), outcome: 'success', detail: { caseId: kase.id, template: input.template } });
    return viewOf(m, session, row);
  });
}

/** A draft saved as it is typed (every few seconds, on blur, lock and close): not audited each time, the note's creation and signing are. */
export async function saveNoteDraft(session: OpenSession, clock: Clock, input: ParsedInput<'notes.save'>): Promise<{ savedAt: string }> {
  const { at } = actorOf(session, clock);
  return inWriteTransaction(session.dataSource, async (m) => {
    const row = await ownDraft(m, session, input.id);
    const content = checkedContent(row.template, input.content);
    await m.getRepository(NoteEntity).update({ id: row.id }, { content: JSON.stringify(content), updatedAt: at });
    return { savedAt: at };
  });
}

export async function signNote(session: OpenSession, clock: Clock, input: ParsedInput<'notes.sign'>): Promise<Note> {
  const actor = actorOf(session, clock);
  return inWriteTransaction(session.dataSource, async (m) => {
    const row = await ownDraft(m, session, input.id);
    const content = checkedContent(row.template, input.content);
    if (!hasAnyText(content)) throw invalid('content', 'note_empty', 'An empty note cannot be signed.');
    const contentSha256 = noteHash(row.template, content);
    await m.getRepository(NoteEntity).update({ id: row.id }, { content: JSON.stringify(content), status: 'signed', signedAt: actor.at, signedByUserId: session.user.id, contentSha256, updatedAt: actor.at });
    await appendAudit(m, { ...actor, action: 'note.sign', recordType: 'note', recordId: String(row.id), outcome: 'success', detail: { sha256: contentSha256 } });
    return viewOf(m, session, await m.getRepository(NoteEntity).findOneByOrFail({ id: row.id }));
  });
}

/**
 * Whether this counsellor has opened this note through continuity of care before: the
 * first such opening is audited as its own action, so it stands out in the log.
 */
async function openedForContinuityBefore(m: EntityManager, userId: number, noteId: number): Promise<boolean> {
  return m.getRepository(AuditEntryEntity).existsBy({ recordType: 'note', recordId: String(noteId), action: 'note.view_continuity', actorUserId: userId });
}

/** The audit entry of a counsellor's opening: `note.view`, or `note.view_continuity` the first time they open a note only continuity of care lets them read. */
async function auditOpening(m: EntityManager, actor: Actor, row: NoteRow, kase: ClientCaseRow, ground: NoteReadGround): Promise<void> {
  const continuity = ground === 'continuity';
  const first = continuity && !(await openedForContinuityBefore(m, actor.actorUserId, row.id));
  await appendAudit(m, {
    ...actor,
    action: first ? 'note.view_continuity' : 'note.view',
    recordType: 'note',
    recordId: String(row.id),
    outcome: 'success',
    detail: { clientId: kase.clientId, ...(continuity ? { caseId: kase.id, continuity: true } : {}) },
  });
}

/**
 * One note. A counsellor opens it when the note rule lets them (see `caseload.ts`), and the
 * opening is audited; otherwise it is "not found", and the attempt is audited. An admin
 * (admins have no caseload) gets BREAK_GLASS_REQUIRED until they give a reason; then the
 * opening is kept in the note's access log, shown to its counsellor, and audited.
 */
export async function getNote(session: OpenSession, clock: Clock, input: ParsedInput<'notes.get'>): Promise<Note> {
  const actor = actorOf(session, clock);
  const m = session.dataSource.manager;
  const row = await m.getRepository(NoteEntity).findOneBy({ id: input.id });
  if (!row) throw notFound();
  const kase = await m.getRepository(ClientCaseEntity).findOneByOrFail({ id: row.caseId });
  if (session.user.role === 'admin') {
    const { breakGlassReason: reason, breakGlassCategory: category } = input;
    // The contract has checked the reason's length and that both come together.
    if (reason === undefined || category === undefined) throw new AppError('BREAK_GLASS_REQUIRED', 'Opening a clinical note needs a category and a reason, which are logged and shown to its counsellor.');
    return inWriteTransaction(session.dataSource, async (w) => {
      await w.getRepository(NoteAccessEntity).save({ noteId: row.id, userId: session.user.id, reason, category, openedAt: actor.at });
      await appendAudit(w, { ...actor, action: 'note.break_glass', recordType: 'note', recordId: String(row.id), outcome: 'success', detail: { clientId: kase.clientId, category } });
      return viewOf(w, session, row);
    });
  }
  const ground = await noteReadGroundFor(m, session.user, row, kase);
  if (ground === null) return refuseAsNotFound(session, actor, { type: 'note', id: row.id });
  return inWriteTransaction(session.dataSource, async (w) => {
    await auditOpening(w, actor, row, kase, ground);
    return viewOf(w, session, row);
  });
}

/**
 * A client's or a case's notes, newest first, without content: metadata an admin may see,
 * as on the client record. A counsellor lists only the notes the note rule lets them read.
 */
export async function listNotes(session: OpenSession, clock: Clock, input: ParsedInput<'notes.list'>): Promise<NoteSummary[]> {
  const m = session.dataSource.manager;
  let clientId = input.clientId;
  if (input.caseId !== undefined) {
    const kase = await m.getRepository(ClientCaseEntity).findOneBy({ id: input.caseId });
    if (!kase || (clientId !== undefined && kase.clientId !== clientId)) throw notFound();
    clientId = kase.clientId;
  }
  await assertInCaseload(session, actorOf(session, clock), clientId!, { type: 'client', id: clientId! });
  return input.caseId !== undefined ? queryNoteSummaries(m, 'n.case_id = ?', [input.caseId], session.user) : queryNoteSummaries(m, 'c.client_id = ?', [clientId], session.user);
}

export async function addAddendum(session: OpenSession, clock: Clock, input: ParsedInput<'notes.addAddendum'>): Promise<NoteAddendum> {
  const actor = actorOf(session, clock);
  const note = await session.dataSource.getRepository(NoteEntity).findOneBy({ id: input.noteId });
  if (!note) throw notFound();
  const kase = await session.dataSource.getRepository(ClientCaseEntity).findOneByOrFail({ id: note.caseId });
  const ground = await noteReadGroundFor(session.dataSource.manager, session.user, note, kase);
  if (ground === null) return refuseAsNotFound(session, actor, { type: 'note', id: note.id });
  if (note.status !== 'signed') throw invalid('noteId', 'addendum_needs_signed_note', 'An addendum corrects a signed note; a draft can still be edited.');
  // A note read through continuity of care is read, not corrected: its case's counsellor
  // would otherwise read words written after their case closed (see note-access.ts).
  if (ground === 'continuity') throw invalid('noteId', 'addendum_not_own_case', 'Only the counsellor of the note’s case adds an addendum to it.');
  return inWriteTransaction(session.dataSource, async (m) => {
    const text = input.text.normalize('NFC');
    const row = await m.getRepository(NoteAddendumEntity).save({ noteId: note.id, text, signedAt: actor.at, signedByUserId: session.user.id, contentSha256: addendumHash(note.id, text) });
    await appendAudit(m, { ...actor, action: 'note.addendum', recordType: 'note', recordId: String(note.id), outcome: 'success', detail: { addendumId: row.id } });
    const addenda = await addendaOf(m, note.id);
    return addenda.find((a) => a.id === row.id)!;
  });
}

/**
 * The home screen: the caller's drafts to sign (oldest first), risk reviews due in their
 * caseload, break-glass openings of their notes, full exports that held their notes, and
 * new passphrases someone else gave them.
 */
export async function homeScreen(session: OpenSession, today: string, nowMs: number): Promise<ChannelOutput<'home.get'>> {
  const m = session.dataSource.manager;
  const passphraseResets = await recentPassphraseResets(m, session.user.id, today);
  if (session.user.role !== 'counsellor') return { notesToSign: [], reviewsDue: [], breakGlass: [], fullExports: [], passphraseResets, measureAlerts: [], measuresOverdue: [] };
  const notesToSign = await queryNoteSummaries(m, "n.author_user_id = ? AND n.status = 'draft'", [session.user.id], session.user, 'n.created_at ASC, n.id ASC', 200);
  const breakGlass = await breakGlassOpenings(m, '(n.author_user_id = ? OR c.counsellor_id = ?) AND na.opened_at >= ?', [session.user.id, session.user.id, windowStart(today)]);
  return {
    notesToSign,
    reviewsDue: await reviewsDue(session, today),
    breakGlass,
    fullExports: await recentFullExports(m, session.user.id, today),
    passphraseResets,
    measureAlerts: await openAlertsOf(m, session.user.id),
    measuresOverdue: await overdueMeasuresOf(m, session.user.id, session.settings.timeZone, nowMs),
  };
}
