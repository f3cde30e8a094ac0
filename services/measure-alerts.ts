import type { EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { MeasureAlert, ParsedInput } from '../shared/contract';
import { MeasureAlertEntity } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import { assertInCaseload, readableCaseIdsSql, refuseAsNotFound } from './caseload';
import { caseToWrite } from './measure-access';
import { clientName } from './record-views';
import { signedReasonNote } from './signed-note';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Alerts raised by answers (issue 12): PHQ-9 item 9 above 0 needs the counsellor at once.
 * An alert stays open, at the top of Home, until it is followed up: a self-harm risk flag
 * raised on the case, or a signed note recording the decision not to raise one. A case with
 * an open alert cannot close. Alerts, like the answers behind them, never leave the clinic.
 */

interface AlertRow {
  id: number;
  alert: string;
  administrationId: number;
  instrumentId: string;
  caseId: number;
  clientId: number;
  clientCode: string;
  givenName: string;
  familyName: string;
  administeredAt: string;
  raisedAt: string;
  followUpKind: 'risk_flag' | 'note' | null;
  followedUpAt: string | null;
  followedUpByName: string | null;
}

const SELECT_ALERTS = `SELECT a.id AS id, a.alert AS alert, a.administration_id AS administrationId, ma.instrument_id AS instrumentId, ma.case_id AS caseId,
    c.client_id AS clientId, cl.code AS clientCode, cl.given_name AS givenName, cl.family_name AS familyName, ma.administered_at AS administeredAt,
    a.raised_at AS raisedAt, a.follow_up_kind AS followUpKind, a.followed_up_at AS followedUpAt, fu.display_name AS followedUpByName
  FROM measure_alert a JOIN measure_administration ma ON ma.id = a.administration_id JOIN client_case c ON c.id = ma.case_id
    JOIN client cl ON cl.id = c.client_id LEFT JOIN user_account fu ON fu.id = a.followed_up_by_user_id`;

async function queryAlerts(m: EntityManager, where: string, params: unknown[]): Promise<MeasureAlert[]> {
  const rows: AlertRow[] = await m.query(`${SELECT_ALERTS} WHERE ${where} ORDER BY a.followed_up_at IS NOT NULL, a.raised_at, a.id`, params);
  return rows.map(({ givenName, familyName, followUpKind, followedUpAt, followedUpByName, ...alert }) => ({
    ...alert,
    clientName: clientName({ givenName, familyName }),
    followUp: followUpKind && followedUpAt ? { kind: followUpKind, at: followedUpAt, byName: followedUpByName ?? '' } : null,
  }));
}

/** A client's alerts, open ones first (counsellors: of the cases whose records they read). */
export async function listAlerts(session: OpenSession, clock: Clock, input: ParsedInput<'measures.alerts'>): Promise<MeasureAlert[]> {
  const m = session.dataSource.manager;
  await assertInCaseload(session, actorOf(session, clock), input.clientId, { type: 'client', id: input.clientId });
  if (session.user.role === 'admin') return queryAlerts(m, 'c.client_id = ?', [input.clientId]);
  const readable = readableCaseIdsSql(session.user.id);
  return queryAlerts(m, `c.client_id = ? AND c.id IN (${readable.sql})`, [input.clientId, ...readable.params]);
}

/** Open alerts on the counsellor's own cases: the top of their Home. */
export function openAlertsOf(m: EntityManager, counsellorId: number): Promise<MeasureAlert[]> {
  return queryAlerts(m, 'a.followed_up_at IS NULL AND c.counsellor_id = ?', [counsellorId]);
}

/** Alerts raised on a case while the desktop was with the client, shown when the counsellor takes it back. */
export function alertsRaisedSince(m: EntityManager, caseId: number, sinceIso: string): Promise<MeasureAlert[]> {
  return queryAlerts(m, 'ma.case_id = ? AND a.raised_at >= ?', [caseId, sinceIso]);
}

export async function openAlertCount(m: EntityManager, caseId: number): Promise<number> {
  const [row] = await m.query(
    'SELECT count(*) AS n FROM measure_alert a JOIN measure_administration ma ON ma.id = a.administration_id WHERE ma.case_id = ? AND a.followed_up_at IS NULL',
    [caseId],
  );
  return Number((row as { n: number }).n);
}

/** Refuses closing a case while an answer's alert waits for its follow-up. */
export async function assertAlertsFollowedUp(m: EntityManager, caseId: number): Promise<void> {
  if ((await openAlertCount(m, caseId)) > 0) {
    throw new AppError('RISK_FOLLOW_UP_NEEDED', 'A questionnaire answer on this case needs a recorded risk follow-up before the case can close.');
  }
}

/** Raising a self-harm flag on a case follows up its open alerts (inside the raising transaction). */
export async function followUpAlertsWithFlag(m: EntityManager, actor: Actor, caseId: number, flagId: number): Promise<void> {
  const open: { id: number }[] = await m.query(
    'SELECT a.id AS id FROM measure_alert a JOIN measure_administration ma ON ma.id = a.administration_id WHERE ma.case_id = ? AND a.followed_up_at IS NULL',
    [caseId],
  );
  for (const { id } of open) {
    await m.getRepository(MeasureAlertEntity).update({ id }, { followUpKind: 'risk_flag', followUpRiskFlagId: flagId, followedUpAt: actor.at, followedUpByUserId: actor.actorUserId });
    await appendAudit(m, { ...actor, action: 'measure.alert_follow_up', recordType: 'case', recordId: String(caseId), outcome: 'success', detail: { alertId: id, kind: 'risk_flag', flagId } });
  }
}

/** The decision not to raise a flag, in the counsellor's words, saved as a signed note on the case. */
export async function followUpWithNote(session: OpenSession, clock: Clock, input: ParsedInput<'measures.followUpAlert'>): Promise<MeasureAlert> {
  const actor = actorOf(session, clock);
  const m = session.dataSource.manager;
  const [found] = await m.query('SELECT ma.case_id AS caseId FROM measure_alert a JOIN measure_administration ma ON ma.id = a.administration_id WHERE a.id = ?', [input.alertId]);
  if (!found) return refuseAsNotFound(session, actor, { type: 'measure_alert', id: input.alertId });
  const kase = await caseToWrite(session, actor, (found as { caseId: number }).caseId);
  await inWriteTransaction(session.dataSource, async (tx) => {
    const alert = await tx.getRepository(MeasureAlertEntity).findOneByOrFail({ id: input.alertId });
    if (alert.followedUpAt !== null) throw new AppError('VALIDATION', 'This alert is already followed up.', { issues: [{ path: 'alertId', code: 'alert_already_followed_up', message: 'This alert is already followed up.' }] });
    const noteId = await signedReasonNote(tx, actor, kase, input.note);
    await tx.getRepository(MeasureAlertEntity).update({ id: alert.id }, { followUpKind: 'note', followUpNoteId: noteId, followedUpAt: actor.at, followedUpByUserId: actor.actorUserId });
    await appendAudit(tx, { ...actor, action: 'measure.alert_follow_up', recordType: 'case', recordId: String(kase.id), outcome: 'success', detail: { alertId: alert.id, kind: 'note', noteId } });
  });
  const [view] = await queryAlerts(m, 'a.id = ?', [input.alertId]);
  return view!;
}
