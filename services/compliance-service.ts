import type { EntityManager } from 'typeorm';
import type { ChannelOutput, ParsedInput } from '../shared/contract';
import { RecommendationComplianceEntity, UserAccountEntity, type ClientCaseRow, type RecommendationComplianceRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { caseToRead, caseToWrite } from './measure-access';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * "Are the recommendations being followed?" (issue 13): the counsellor who holds a case
 * answers yes or no, as often as it changes; answers are kept as recorded and the newest
 * counts. It is the one clinical fact a letter with `attendance_and_compliance` consent
 * may carry. Read through the case wall of the measures (`measure-access.ts`): an admin
 * sees it (they write the letters), a counsellor only on cases they may read; anyone else
 * gets NOT_FOUND, audited, exactly as for a case that does not exist.
 */

/** The newest answer on a case (the highest id: answers are only ever added), or null. */
export async function newestCompliance(m: EntityManager, caseId: number): Promise<RecommendationComplianceRow | null> {
  return m.getRepository(RecommendationComplianceEntity).findOne({ where: { caseId }, order: { id: 'DESC' } });
}

async function complianceView(m: EntityManager, kase: Pick<ClientCaseRow, 'id' | 'clientId'>): Promise<ChannelOutput<'cases.compliance'>> {
  const row = await newestCompliance(m, kase.id);
  const base = { caseId: kase.id, clientId: kase.clientId };
  if (!row) return { ...base, latest: null };
  const by = await m.getRepository(UserAccountEntity).findOneBy({ id: row.recordedByUserId });
  return { ...base, latest: { followed: row.followed, recordedAt: row.recordedAt, recordedBy: by?.displayName ?? '' } };
}

export async function getCompliance(session: OpenSession, clock: Clock, input: ParsedInput<'cases.compliance'>): Promise<ChannelOutput<'cases.compliance'>> {
  const kase = await caseToRead(session, actorOf(session, clock), input.caseId);
  return complianceView(session.dataSource.manager, kase);
}

/** Only the counsellor who holds the open case answers; the answer and its audit entry are one transaction. */
export async function recordCompliance(session: OpenSession, clock: Clock, input: ParsedInput<'cases.recordCompliance'>): Promise<ChannelOutput<'cases.recordCompliance'>> {
  const actor = actorOf(session, clock);
  const kase = await caseToWrite(session, actor, input.caseId);
  return inWriteTransaction(session.dataSource, async (m) => {
    await m.getRepository(RecommendationComplianceEntity).insert({ caseId: kase.id, followed: input.followed, recordedAt: actor.at, recordedByUserId: actor.actorUserId });
    await appendAudit(m, { ...actor, action: 'case.compliance', recordType: 'case', recordId: String(kase.id), outcome: 'success', detail: { followed: input.followed } });
    return complianceView(m, kase);
  });
}
