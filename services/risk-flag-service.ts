import { IsNull, type EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { ParsedInput, RiskFlag } from '../shared/contract';
import { clinicDate } from '../shared/domain/clinic-time';
import { ClientCaseEntity, RiskFlagEntity, type ClientCaseRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import { assertInCaseload, readableNoteSql, refuseAsNotFound } from './caseload';
import { clientName } from './record-views';
import { signedReasonNote } from './signed-note';
import { followUpAlertsWithFlag } from './measure-alerts';
import type { Clock } from './clock';
import type { OpenSession, SessionUser } from './session';

/**
 * Risk flags on a client (issue 5): suicide or self-harm risk, risk to others, a
 * safeguarding concern, each with a level and a review date. Raising or clearing one
 * needs a note saying why: the counsellor's words are saved as a signed note on their
 * case, which the flag points to. Raising a kind that is already flagged replaces it (a
 * new level is a new decision, with its own note), so a client has one flag per kind.
 */

const LEVEL_ORDER = "CASE rf.level WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END";

/**
 * The flags matching `where`, as `viewer` sees them. A flag is a safety fact about the
 * client, seen by everyone who may see the client; the notes that raised and cleared it are
 * clinical, so their ids are given only to whom the note rule (`caseload.ts`) lets read them.
 */
function flagSelect(viewer: SessionUser): { sql: string; params: unknown[] } {
  const raisedNote = readableNoteSql(viewer, 'rn');
  const clearedNote = readableNoteSql(viewer, 'cn');
  return {
    sql: `SELECT rf.id AS id, rf.client_id AS clientId, cl.code AS clientCode, cl.given_name AS givenName, cl.family_name AS familyName,
      rf.kind AS kind, rf.level AS level, rf.raised_date AS raisedDate, rf.review_date AS reviewDate, ru.display_name AS raisedByName,
      CASE WHEN ${raisedNote.sql} THEN rf.raised_note_id END AS raisedNoteId,
      rf.cleared_at AS clearedAt, cu.display_name AS clearedByName,
      CASE WHEN ${clearedNote.sql} THEN rf.cleared_note_id END AS clearedNoteId,
      EXISTS (SELECT 1 FROM client_case cc WHERE cc.client_id = rf.client_id AND cc.counsellor_id = ?) AS ownClient
    FROM risk_flag rf JOIN client cl ON cl.id = rf.client_id JOIN user_account ru ON ru.id = rf.raised_by_user_id LEFT JOIN user_account cu ON cu.id = rf.cleared_by_user_id
      JOIN note rn ON rn.id = rf.raised_note_id LEFT JOIN note cn ON cn.id = rf.cleared_note_id`,
    params: [...raisedNote.params, ...clearedNote.params, viewer.id],
  };
}

type FlagRow = Omit<RiskFlag, 'clientName'> & { givenName: string; familyName: string; ownClient: number };

async function queryFlags(m: EntityManager, viewer: SessionUser, where: string, params: unknown[]): Promise<RiskFlag[]> {
  const select = flagSelect(viewer);
  const rows: FlagRow[] = await m.query(`${select.sql} WHERE ${where} ORDER BY rf.cleared_at IS NOT NULL, ${LEVEL_ORDER}, rf.review_date, rf.id`, [...select.params, ...params]);
  return rows.map(({ givenName, familyName, ownClient, ...flag }) => ({ ...flag, clientName: viewer.role === 'admin' || ownClient ? clientName({ givenName, familyName }) : null }));
}

/** Flags are safety facts: a client's counsellors see them, and so do admins (who book and greet), without the notes behind them. */
export async function listRiskFlags(session: OpenSession, clock: Clock, input: ParsedInput<'risks.list'>): Promise<RiskFlag[]> {
  await assertInCaseload(session, actorOf(session, clock), input.clientId, { type: 'client', id: input.clientId });
  return queryFlags(session.dataSource.manager, session.user, `rf.client_id = ?${input.includeCleared ? '' : ' AND rf.cleared_at IS NULL'}`, [input.clientId]);
}

/**
 * Active flags of the counsellor's caseload whose review date has come, most urgent first.
 * Every counsellor of the client is reminded (a flag left on a closed case still needs
 * someone's review); the note behind it opens only for whom the note rule lets read it.
 */
export function reviewsDue(session: OpenSession, today: string): Promise<RiskFlag[]> {
  return queryFlags(
    session.dataSource.manager,
    session.user,
    `rf.cleared_at IS NULL AND rf.review_date <= ? AND rf.client_id IN (SELECT c.client_id FROM client_case c WHERE c.counsellor_id = ? UNION SELECT r.client_id FROM referral r WHERE r.counsellor_id = ?)`,
    [today, session.user.id, session.user.id],
  );
}

/** The caller's open case of this client: where the flag's note is written. */
async function caseForFlagNote(session: OpenSession, actor: Actor, caseId: number, clientId: number): Promise<ClientCaseRow> {
  const kase = await session.dataSource.getRepository(ClientCaseEntity).findOneBy({ id: caseId });
  if (!kase || kase.counsellorId !== session.user.id || kase.clientId !== clientId) return refuseAsNotFound(session, actor, { type: 'case', id: caseId });
  if (kase.closedDate !== null) throw new AppError('CASE_CLOSED', 'This case is closed.');
  return kase;
}

async function flagById(m: EntityManager, viewer: SessionUser, id: number): Promise<RiskFlag> {
  const [flag] = await queryFlags(m, viewer, 'rf.id = ?', [id]);
  return flag!;
}

export async function raiseRiskFlag(session: OpenSession, clock: Clock, input: ParsedInput<'risks.raise'>): Promise<RiskFlag> {
  const actor = actorOf(session, clock);
  const kase = await caseForFlagNote(session, actor, input.caseId, input.clientId);
  const today = clinicDate(actor.at, session.settings.timeZone);
  if (input.reviewDate < today) throw new AppError('VALIDATION', 'The review date cannot be in the past.', { issues: [{ path: 'reviewDate', code: 'review_date_past', message: 'The review date cannot be in the past.' }] });
  return inWriteTransaction(session.dataSource, async (m) => {
    const noteId = await signedReasonNote(m, actor, kase, input.note);
    const flags = m.getRepository(RiskFlagEntity);
    const replaced = await flags.findOneBy({ clientId: input.clientId, kind: input.kind, clearedAt: IsNull() });
    if (replaced) await flags.update({ id: replaced.id }, { clearedAt: actor.at, clearedByUserId: session.user.id, clearedNoteId: noteId });
    const row = await flags.save({
      clientId: input.clientId,
      kind: input.kind,
      level: input.level,
      raisedDate: today,
      reviewDate: input.reviewDate,
      raisedByUserId: session.user.id,
      raisedNoteId: noteId,
      clearedAt: null,
      clearedByUserId: null,
      clearedNoteId: null,
    });
    // A self-harm flag is the follow-up of the case's questionnaire alerts (PHQ-9 item 9).
    if (input.kind === 'suicide_self_harm') await followUpAlertsWithFlag(m, actor, kase.id, row.id);
    await appendAudit(m, { ...actor, action: 'risk.raise', recordType: 'client', recordId: String(input.clientId), outcome: 'success', detail: { flagId: row.id, kind: input.kind, level: input.level, ...(replaced ? { replaces: replaced.id } : {}) } });
    return flagById(m, session.user, row.id);
  });
}

export async function clearRiskFlag(session: OpenSession, clock: Clock, input: ParsedInput<'risks.clear'>): Promise<RiskFlag> {
  const actor = actorOf(session, clock);
  const flag = await session.dataSource.getRepository(RiskFlagEntity).findOneBy({ id: input.id });
  if (!flag) throw new AppError('NOT_FOUND', 'There is no such record.');
  const kase = await caseForFlagNote(session, actor, input.caseId, flag.clientId);
  if (flag.clearedAt !== null) throw new AppError('VALIDATION', 'This flag is already cleared.', { issues: [{ path: 'id', code: 'flag_already_cleared', message: 'This flag is already cleared.' }] });
  return inWriteTransaction(session.dataSource, async (m) => {
    const noteId = await signedReasonNote(m, actor, kase, input.note);
    await m.getRepository(RiskFlagEntity).update({ id: flag.id }, { clearedAt: actor.at, clearedByUserId: session.user.id, clearedNoteId: noteId });
    await appendAudit(m, { ...actor, action: 'risk.clear', recordType: 'client', recordId: String(flag.clientId), outcome: 'success', detail: { flagId: flag.id } });
    return flagById(m, session.user, flag.id);
  });
}
