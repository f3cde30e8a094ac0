import { IsNull } from 'typeorm';
import { AppError } from '../shared/errors';
import type { Case, ParsedInput } from '../shared/contract';
import { clinicDate } from '../shared/domain/clinic-time';
import { ClientCaseEntity } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { caseViews } from './record-views';
import { assertAlertsFollowedUp } from './measure-alerts';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/** Cases (episodes): listed by caseload, closed by their counsellor or an admin. */

export async function listCases(session: OpenSession, input: ParsedInput<'cases.list'>): Promise<Case[]> {
  // A counsellor's list is their own caseload whatever they ask for.
  const counsellorId = session.user.role === 'admin' ? input.counsellorId : session.user.id;
  const rows = await session.dataSource.getRepository(ClientCaseEntity).find({
    where: { ...(counsellorId !== undefined ? { counsellorId } : {}), ...(input.openOnly ? { closedDate: IsNull() } : {}) },
    order: { openedDate: 'DESC', id: 'DESC' },
    take: 1000,
  });
  // Open cases first, each group newest first.
  rows.sort((a, b) => Number(a.closedDate !== null) - Number(b.closedDate !== null));
  return caseViews(session.dataSource.manager, rows);
}

export async function closeCase(session: OpenSession, clock: Clock, input: ParsedInput<'cases.close'>): Promise<Case> {
  const actor = actorOf(session, clock);
  const found = await session.dataSource.getRepository(ClientCaseEntity).findOneBy({ id: input.id });
  if (!found || (session.user.role !== 'admin' && found.counsellorId !== session.user.id)) {
    if (found) {
      await inWriteTransaction(session.dataSource, (m) =>
        appendAudit(m, { ...actor, action: 'access.denied', recordType: 'case', recordId: String(input.id), outcome: 'denied', detail: { role: session.user.role } }),
      );
    }
    throw new AppError('NOT_FOUND', 'There is no such record.');
  }
  return inWriteTransaction(session.dataSource, async (m) => {
    const row = await m.getRepository(ClientCaseEntity).findOneByOrFail({ id: input.id, closedDate: IsNull() }).catch(() => {
      throw new AppError('CASE_CLOSED', 'This case is already closed.');
    });
    if (input.closedDate < row.openedDate) {
      throw new AppError('VALIDATION', 'A case cannot close before it opened.', { issues: [{ path: 'closedDate', code: 'closed_before_opened', message: 'A case cannot close before it opened.' }] });
    }
    if (input.closedDate > clinicDate(actor.at, session.settings.timeZone)) {
      throw new AppError('VALIDATION', 'The closing date is in the future.', { issues: [{ path: 'closedDate', code: 'date_in_future', message: 'The closing date is in the future.' }] });
    }
    await assertAlertsFollowedUp(m, row.id);
    const after = { ...row, closedDate: input.closedDate, closureReason: input.closureReason, updatedAt: actor.at };
    await m.getRepository(ClientCaseEntity).save(after);
    await appendAudit(m, { ...actor, action: 'case.close', recordType: 'case', recordId: String(row.id), outcome: 'success', detail: { closureReason: input.closureReason } });
    const [view] = await caseViews(m, [after]);
    return view!;
  });
}

