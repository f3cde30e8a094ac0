import type { EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { AppError } from '../shared/errors';
import { ClientCaseEntity, ReferralEntity } from '../db/entities';
import { appendAudit } from './audit-log';
import type { Actor } from './actor';
import type { OpenSession, SessionUser } from './session';
import { inWriteTransaction } from '../db/transaction';

/**
 * Who may see which client (issue 3): admins see every client's record (metadata only;
 * clinical notes come later behind break-glass); a counsellor sees only clients with a
 * case or a referral assigned to them. Every channel that returns client data goes
 * through these two functions, so there is one rule, not one per query.
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
