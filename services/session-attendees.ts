import { In, type EntityManager } from 'typeorm';
import type { ClientSummary } from '../shared/contract';
import { ClientEntity, SessionAttendeeEntity } from '../db/entities';
import { refuseAsNotFound, restrictToCaseload } from './caseload';
import { clientSummaries } from './record-views';
import type { Actor } from './actor';
import type { OpenSession, SessionUser } from './session';

/**
 * A group session's named attendees behind the caseload wall (issue 11). A workshop for an
 * agency may be attended by clients of several counsellors: a counsellor names and sees
 * only the clients of their own caseload, and learns of the others only how many there are.
 * Admins name and see everyone.
 */

/** Which of these clients are on the user's caseload (for an admin: every one that exists). */
async function onCaseload(m: EntityManager, user: SessionUser, clientIds: number[]): Promise<Set<number>> {
  if (clientIds.length === 0) return new Set();
  const query = m.getRepository(ClientEntity).createQueryBuilder('client').select('client.id', 'id').where('client.id IN (:...clientIds)', { clientIds });
  const rows = await restrictToCaseload(query, user, 'client').getRawMany<{ id: number }>();
  return new Set(rows.map((r) => Number(r.id)));
}

/**
 * A counsellor may name only clients of their caseload: any other id, whether it exists or
 * not, is refused as not found, and the attempt is audited. Runs before the write transaction,
 * so the refusal's audit entry stands while nothing else is written.
 */
export async function assertMayName(session: OpenSession, actor: Actor, clientIds: number[]): Promise<void> {
  if (session.user.role === 'admin') return;
  const mine = await onCaseload(session.dataSource.manager, session.user, clientIds);
  const other = clientIds.find((id) => !mine.has(id));
  if (other !== undefined) await refuseAsNotFound(session, actor, { type: 'client', id: other });
}

/**
 * The attendees after a save: those named, plus, when a counsellor saves, the attendees an
 * admin named from outside that counsellor's caseload. The counsellor was never shown them,
 * so leaving them out of the save cannot mean they did not come.
 */
export async function attendeesAfterSave(m: EntityManager, user: SessionUser, sessionId: number, named: number[]): Promise<number[]> {
  if (user.role === 'admin') return named;
  const current = (await m.getRepository(SessionAttendeeEntity).findBy({ sessionId })).map((a) => a.clientId);
  const mine = await onCaseload(m, user, current);
  return [...new Set([...named, ...current.filter((id) => !mine.has(id))])];
}

/** A session's named attendees as the user may see them: their caseload's clients, and how many others came. */
export async function attendeesSeenBy(m: EntityManager, user: SessionUser, sessionId: number): Promise<{ attendees: ClientSummary[]; otherAttendees: number }> {
  const ids = (await m.getRepository(SessionAttendeeEntity).findBy({ sessionId })).map((a) => a.clientId);
  const mine = await onCaseload(m, user, ids);
  const shown = ids.filter((id) => mine.has(id));
  const attendees = shown.length ? await clientSummaries(m, await m.getRepository(ClientEntity).find({ where: { id: In(shown) }, order: { id: 'ASC' } })) : [];
  return { attendees, otherAttendees: ids.length - shown.length };
}
