import { AppError } from '../shared/errors';
import { caseReadGround } from '../shared/domain/note-access';
import { ClientCaseEntity, type ClientCaseRow } from '../db/entities';
import type { Actor } from './actor';
import { refuseAsNotFound, viewerCasesOf } from './caseload';
import type { OpenSession } from './session';

/**
 * Whose outcome measures a caller reaches (issue 12). Answers are clinical records, read by
 * the note rule's case rule (`shared/domain/note-access.ts`): a counsellor reads the measures
 * of the cases they hold or held, and, while they hold an open case for the client, those of
 * the client's closed cases. An admin sees every case's scores and outcomes, never the
 * item-level answers (the views leave them out). Only the case's counsellor gives one.
 */

/** A case whose measures the caller may read; anything else is "not found", and audited. */
export async function caseToRead(session: OpenSession, actor: Actor, caseId: number): Promise<ClientCaseRow> {
  const m = session.dataSource.manager;
  const kase = await m.getRepository(ClientCaseEntity).findOneBy({ id: caseId });
  if (kase && session.user.role === 'admin') return kase;
  if (kase && caseReadGround(session.user.id, kase, await viewerCasesOf(m, session.user.id, kase.clientId)) !== null) return kase;
  return refuseAsNotFound(session, actor, { type: 'case', id: caseId });
}

/** The caller's own open case, where they give questionnaires and follow alerts up. */
export async function caseToWrite(session: OpenSession, actor: Actor, caseId: number): Promise<ClientCaseRow> {
  const kase = await session.dataSource.getRepository(ClientCaseEntity).findOneBy({ id: caseId });
  if (!kase || kase.counsellorId !== session.user.id) return refuseAsNotFound(session, actor, { type: 'case', id: caseId });
  if (kase.closedDate !== null) throw new AppError('CASE_CLOSED', 'This case is closed.');
  return kase;
}

/** Item-level answers are for the clinicians of the case, never for an admin. */
export function seesAnswers(session: OpenSession): boolean {
  return session.user.role === 'counsellor';
}
