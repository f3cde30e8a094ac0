import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { Attachment, ChannelOutput, ParsedInput } from '../shared/contract';
import { ATTACHMENT_MAX_BYTES, EXTENSION_OF, checkAttachmentContent, type InflateRaw } from '../shared/domain/attachments';
import { AttachmentEntity, ClientCaseEntity, UserAccountEntity, type AttachmentRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { assertInCaseload } from './caseload';
import { byId, unique } from './record-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Attachments (issue 5): consent forms, letters and scans kept as blobs inside the
 * encrypted vault, never as files beside it. The type is read from the content; a file
 * whose bytes are not a PDF, PNG, JPEG or DOCX is refused whatever its name says. Whoever
 * may see the client (their counsellor, an admin) may add and open them; every opening is
 * audited.
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

export async function listAttachments(session: OpenSession, clock: Clock, clientId: number): Promise<Attachment[]> {
  await assertInCaseload(session, actorOf(session, clock), clientId, { type: 'client', id: clientId });
  const m = session.dataSource.manager;
  return views(m, await m.getRepository(AttachmentEntity).find({ where: { clientId }, order: { id: 'DESC' } }));
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
