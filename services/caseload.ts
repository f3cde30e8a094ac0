import type { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { AppError } from '../shared/errors';
import { noteReadGround, type CaseForAccess, type NoteReadGround } from '../shared/domain/note-access';
import { ClientCaseEntity, ReferralEntity, type ClientCaseRow, type NoteRow } from '../db/entities';
import { appendAudit } from './audit-log';
import type { Actor } from './actor';
import type { OpenSession, SessionUser } from './session';
import { inWriteTransaction } from '../db/transaction';

/**
 * Who may see which client (issue 3): admins see every client's record (metadata only;
 * clinical notes only behind break-glass); a counsellor sees only clients with a case or a
 * referral assigned to them. Every channel that returns client data goes through these
 * functions, so there is one rule, not one per query.
 *
 * Within a client's record, whose notes a counsellor reads (issue 11) is a narrower rule:
 * the notes of the cases they hold or held, their own notes, and, while they hold an open
 * case for the client, the notes of the client's closed cases (continuity of care); never
 * another counsellor's open case. The rule and its decision table are in
 * `shared/domain/note-access.ts`; below are its two forms for the services: one note at a
 * time (`noteReadGroundFor`), and SQL for lists and search (`readableNoteSql`). Every place a
 * note reaches a counsellor (notes.get, notes.list, notes.addAddendum, search, home, risk
 * flags, documents on a case) goes through one of them.
 */

/** Narrows a query over clients (aliased `clientAlias`) to the user's caseload. */
export function restrictToCaseload<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, user: SessionUser, clientAlias: string): SelectQueryBuilder<T> {
  if (user.role === 'admin') return query;
  return query.andWhere(
    // One IN over a UNION: SQLite looks the caseload's clients up by id instead of testing
    // every client of the clinic against two lists.
    `${clientAlias}.id IN (SELECT c.client_id FROM client_case c WHERE c.counsellor_id = :caseloadUser UNION SELECT r.client_id FROM referral r WHERE r.counsellor_id = :caseloadUser)`,
    { caseloadUser: user.id },
  );
}

export async function maySee(m: EntityManager, user: SessionUser, clientId: number): Promise<boolean> {
  if (user.role === 'admin') return true;
  const hasCase = await m.getRepository(ClientCaseEntity).existsBy({ clientId, counsellorId: user.id });
  return hasCase || (await m.getRepository(ReferralEntity).existsBy({ clientId, counsellorId: user.id }));
}

/**
 * Refuses a client outside the caller's caseload as if it did not exist (a counsellor
 * must not learn that a colleague's client is on the books), and logs the attempt in a
 * transaction of its own, so the refusal is on record even though the request fails.
 */
export async function assertInCaseload(session: OpenSession, actor: Actor, clientId: number, record: { type: string; id: number }): Promise<void> {
  if (await maySee(session.dataSource.manager, session.user, clientId)) return;
  await refuseAsNotFound(session, actor, record);
}

/** Logs a refused attempt on a record in a transaction of its own, then answers as if the record did not exist. */
export async function refuseAsNotFound(session: OpenSession, actor: Actor, record: { type: string; id: number }): Promise<never> {
  await inWriteTransaction(session.dataSource, (m) =>
    appendAudit(m, { ...actor, action: 'access.denied', recordType: record.type, recordId: String(record.id), outcome: 'denied', detail: { role: session.user.role } }),
  );
  throw new AppError('NOT_FOUND', 'There is no such record.');
}

/** The viewer's cases (open and closed) for one client, as the note rule needs them. */
export async function viewerCasesOf(m: EntityManager, viewerId: number, clientId: number): Promise<CaseForAccess[]> {
  return m.getRepository(ClientCaseEntity).find({ where: { clientId, counsellorId: viewerId }, select: { id: true, counsellorId: true, closedDate: true } });
}

/** Why a counsellor may read this note (on this case), or null when they may not. Admins never read through this rule. */
export async function noteReadGroundFor(m: EntityManager, viewer: SessionUser, note: NoteRow, noteCase: ClientCaseRow): Promise<NoteReadGround | null> {
  if (viewer.role !== 'counsellor') return null;
  return noteReadGround(viewer.id, { authorUserId: note.authorUserId, status: note.status, noteCase }, await viewerCasesOf(m, viewer.id, noteCase.clientId));
}

/**
 * The SQL form of `caseReadGround`: the ids of the cases whose records a counsellor reads —
 * the cases they hold or held, and, for each client they hold an open case for, that
 * client's closed cases. Uncorrelated, so SQLite builds it once per statement, from the
 * indexes on client_case (counsellor_id, closed_date) and (client_id).
 */
export function readableCaseIdsSql(viewerId: number): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT held.id FROM client_case held WHERE held.counsellor_id = ?
      UNION
      SELECT past.id FROM client_case mine JOIN client_case past ON past.client_id = mine.client_id
      WHERE mine.counsellor_id = ? AND mine.closed_date IS NULL AND past.closed_date IS NOT NULL`,
    params: [viewerId, viewerId],
  };
}

/**
 * The SQL form of `noteReadGround` over a note aliased `n`: the viewer's own notes (drafts
 * included), and the signed notes of the cases they may read. For an admin: signed notes'
 * metadata only (lists; the content needs break-glass), never another's draft.
 */
export function readableNoteSql(viewer: SessionUser, n = 'n'): { sql: string; params: unknown[] } {
  if (viewer.role !== 'counsellor') return { sql: `(${n}.status = 'signed' OR ${n}.author_user_id = ?)`, params: [viewer.id] };
  const cases = readableCaseIdsSql(viewer.id);
  return { sql: `(${n}.author_user_id = ? OR (${n}.status = 'signed' AND ${n}.case_id IN (${cases.sql})))`, params: [viewer.id, ...cases.params] };
}
