import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { Attachment, ChannelOutput, ParsedInput } from '../shared/contract';
import { ATTACHMENT_MAX_BYTES, EXTENSION_OF, checkAttachmentContent, type InflateRaw } from '../shared/domain/attachments';
import { mayReadCaseDocument } from '../shared/domain/note-access';
import { AttachmentEntity, ClientCaseEntity, UserAccountEntity, type AttachmentRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { assertInCaseload, refuseAsNotFound, viewerCasesOf } from './caseload';
import type { SessionUser } from './session';
import { byId, unique } from './record-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Attachments (issue 5): consent forms, letters and scans kept as blobs inside the
 * encrypted vault, never as files beside it. The type is read from the content; a file
 * whose bytes are not a PDF, PNG, JPEG or DOCX is refused whatever its name says. Whoever
 * may see the client (their counsellor, an admin) may add and open them; every opening is
 * audited. A document attached to a case is clinical like the case's notes: a counsellor
 * sees it by the note rule of `caseload.ts` (issue 11), and attaches documents only to
 * cases of their own.
 */

function fileProblem(code: string, message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path: 'file', code, message }] });
}

const ATTACHMENT_PROBLEMS = {
  attachment_type: 'Only PDF, PNG, JPEG and Word (DOCX) documents can be attached.',
  attachment_damaged: 'The file looks like a Word document but cannot be read: it is damaged or incomplete.',
  attachment_macros: 'Word documents with macros cannot be attached.',
} as const;

/** node:zlib for the DOCX check's one small part; it throws past the limit, which the check catches. */
const inflateRawAtMost: InflateRaw = (data, maxBytes) => inflateRawSync(data, { maxOutputLength: maxBytes });

async function views(m: EntityManager, rows: Array<Omit<AttachmentRow, 'data'>>): Promise<Attachment[]> {
  const users = await byId<{ id: number; displayName: string }>(m, UserAccountEntity, unique(rows.map((r) => r.addedByUserId)));
  return rows.map(({ addedByUserId, ...r }) => ({ ...r, addedByName: users.get(addedByUserId)?.displayName ?? '' }));
}

/**
 * Which of one client's documents the viewer may open: all for an admin; for a counsellor
 * (already let into the client's record) those on the client, and those on a case the note
 * rule lets them read or that they added themselves.
 */
async function documentFilter(m: EntityManager, viewer: SessionUser, clientId: number): Promise<(row: Pick<AttachmentRow, 'caseId' | 'addedByUserId'>) => boolean> {
  if (viewer.role !== 'counsellor') return () => true;
  const cases = new Map((await m.getRepository(ClientCaseEntity).findBy({ clientId })).map((c) => [c.id, c]));
  const mine = await viewerCasesOf(m, viewer.id, clientId);
  return (row) => {
    if (row.caseId === null) return true;
    const documentCase = cases.get(row.caseId);
    return documentCase !== undefined && mayReadCaseDocument(viewer.id, { addedByUserId: row.addedByUserId, documentCase }, mine);
  };
}

export async function listAttachments(session: OpenSession, clock: Clock, clientId: number): Promise<Attachment[]> {
  await assertInCaseload(session, actorOf(session, clock), clientId, { type: 'client', id: clientId });
  const m = session.dataSource.manager;
  const mayOpen = await documentFilter(m, session.user, clientId);
  return views(m, (await m.getRepository(AttachmentEntity).find({ where: { clientId }, order: { id: 'DESC' } })).filter(mayOpen));
}

/** Strict base64 only: a string that does not decode exactly is a damaged upload, not a smaller file. */
function decodeBase64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) throw fileProblem('file_unreadable', 'The file could not be read.');
  return bytes;
}

export async function addAttachment(session: OpenSession, clock: Clock, input: ParsedInput<'attachments.add'>): Promise<Attachment> {
  const actor = actorOf(session, clock);
  await assertInCaseload(session, actor, input.clientId, { type: 'client', id: input.clientId });
  const data = decodeBase64(input.dataBase64);
  if (data.length === 0) throw fileProblem('file_empty', 'The file is empty.');
  if (data.length > ATTACHMENT_MAX_BYTES) throw fileProblem('attachment_too_large', 'The file is larger than 20 MiB.');
  const content = checkAttachmentContent(data, inflateRawAtMost);
  if (!content.ok) throw fileProblem(content.problem, ATTACHMENT_PROBLEMS[content.problem]);
  const { mediaType } = content;
  return inWriteTransaction(session.dataSource, async (m) => {
    if (input.caseId !== null) {
      const kase = await m.getRepository(ClientCaseEntity).findOneBy({ id: input.caseId });
      if (!kase || kase.clientId !== input.clientId) throw new AppError('VALIDATION', 'That case is not this client’s.', { issues: [{ path: 'caseId', code: 'case_not_of_client', message: 'That case is not this client’s.' }] });
      // A document on another counsellor's case would reach that counsellor, who may no
      // longer read what is written for this client now (see note-access.ts).
      if (session.user.role === 'counsellor' && kase.counsellorId !== session.user.id) {
        throw new AppError('VALIDATION', 'Attach documents only to your own cases.', { issues: [{ path: 'caseId', code: 'case_not_own', message: 'Attach documents only to your own cases.' }] });
      }
    }
    const saved = await m.getRepository(AttachmentEntity).save({
      clientId: input.clientId,
      caseId: input.caseId,
      kind: input.kind,
      mediaType,
      title: input.title,
      sizeBytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      data,
      addedAt: actor.at,
      addedByUserId: session.user.id,
    });
    await appendAudit(m, { ...actor, action: 'attachment.add', recordType: 'attachment', recordId: String(saved.id), outcome: 'success', detail: { clientId: input.clientId, mediaType, bytes: data.length } });
    const { data: _bytes, ...row } = saved;
    return (await views(m, [row]))[0]!;
  });
}

/** An attachment's row with its bytes, after the caseload check; the opening is audited. */
async function openedAttachment(session: OpenSession, clock: Clock, id: number): Promise<AttachmentRow> {
  const actor = actorOf(session, clock);
  const m = session.dataSource.manager;
  const row = await m.getRepository(AttachmentEntity).findOne({ where: { id }, select: { id: true, clientId: true, caseId: true, kind: true, mediaType: true, title: true, sizeBytes: true, sha256: true, data: true, addedAt: true, addedByUserId: true } });
  if (!row) throw new AppError('NOT_FOUND', 'There is no such record.');
  await assertInCaseload(session, actor, row.clientId, { type: 'attachment', id });
  if (!(await documentFilter(m, session.user, row.clientId))(row)) await refuseAsNotFound(session, actor, { type: 'attachment', id });
  await inWriteTransaction(session.dataSource, (w) =>
    appendAudit(w, { ...actor, action: 'attachment.open', recordType: 'attachment', recordId: String(id), outcome: 'success', detail: { clientId: row.clientId } }),
  );
  return row;
}

export async function getAttachment(session: OpenSession, clock: Clock, id: number): Promise<ChannelOutput<'attachments.get'>> {
  const { data, ...rest } = await openedAttachment(session, clock, id);
  const [attachment] = await views(session.dataSource.manager, [rest]);
  return { attachment: attachment!, mediaType: rest.mediaType, dataBase64: Buffer.from(data).toString('base64') };
}

/** Opens the document in the OS's viewer through a private temporary copy (see open-copies.ts). */
export async function openAttachmentCopy(session: OpenSession, clock: Clock, id: number, openCopy: ((bytes: Buffer, extension: string) => Promise<void>) | null): Promise<{ opened: true }> {
  if (!openCopy) throw new AppError('OPEN_UNAVAILABLE', 'Documents open outside the app only in the desktop app.');
  const row = await openedAttachment(session, clock, id);
  await openCopy(Buffer.from(row.data), EXTENSION_OF[row.mediaType]);
  return { opened: true };
}
