import type { EntityManager } from 'typeorm';
import type { NoteContent } from '../shared/domain/notes';
import { NoteEntity, type ClientCaseRow } from '../db/entities';
import { appendAudit } from './audit-log';
import type { Actor } from './actor';
import { noteHash } from './note-views';

/** Saves the counsellor's reason as a signed free-text note on the case (audited as signed). */
export async function signedReasonNote(m: EntityManager, actor: Actor, kase: ClientCaseRow, text: string): Promise<number> {
  const content: NoteContent = { text: text.normalize('NFC') };
  const row = await m.getRepository(NoteEntity).save({
    caseId: kase.id,
    sessionId: null,
    authorUserId: actor.actorUserId,
    template: 'free_text' as const,
    content: JSON.stringify(content),
    status: 'signed' as const,
    signedAt: actor.at,
    signedByUserId: actor.actorUserId,
    contentSha256: noteHash('free_text', content),
    createdAt: actor.at,
    updatedAt: actor.at,
  });
  await appendAudit(m, { ...actor, action: 'note.sign', recordType: 'note', recordId: String(row.id), outcome: 'success', detail: { caseId: kase.id, template: 'free_text' } });
  return row.id;
}
