import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AppError, type FieldIssue } from '../shared/errors';
import type { ChannelOutput, ParsedInput, Referral, Settings, StatusChange } from '../shared/contract';
import { contractInForce, URGENCIES } from '../shared/domain/agencies';
import { canMoveReferral, type ClosureReason, type ReferralStatus } from '../shared/domain/referrals';
import { referralClockStart } from '../shared/domain/first-appointment';
import { clinicDate } from '../shared/domain/clinic-time';
import {
  AgencyEntity,
  ClientCaseEntity,
  ClientEntity,
  ContractEntity,
  ReferralEntity,
  ReferralStatusChangeEntity,
  UserAccountEntity,
  type ReferralRow,
} from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import { assertBornInThePast, createClientRecord, findDuplicateClients } from './client-service';
import { referralViews } from './record-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/** Referral intake, the status life cycle, the waitlist and assignment (issue 3). */

function invalid(path: string, code: string, message: string): AppError {
  const issues: FieldIssue[] = [{ path, code, message }];
  return new AppError('VALIDATION', message, { issues });
}

export async function recordStatus(m: EntityManager, actor: Actor, referralId: number, from: ReferralStatus | null, to: ReferralStatus, closureReason: ClosureReason | null, note: string): Promise<void> {
  await m.getRepository(ReferralStatusChangeEntity).insert({ referralId, fromStatus: from, toStatus: to, closureReason, note, changedAt: actor.at, changedByUserId: actor.actorUserId });
}

/**
 * Intake inside the caller's transaction (the CSV import runs many in one): the agency
 * must be active, the date received not in the future; a new client who looks like one
 * the agency already has is not created until the user has seen the candidates.
 */
export async function intakeReferral(m: EntityManager, actor: Actor, settings: Settings, input: ParsedInput<'referrals.create'>): Promise<ChannelOutput<'referrals.create'>> {
  const agency = await m.getRepository(AgencyEntity).findOneBy({ id: input.agencyId });
  if (!agency) throw invalid('agencyId', 'unknown_agency', 'There is no such agency.');
  if (!agency.active) throw invalid('agencyId', 'agency_inactive', 'This agency is marked inactive.');
  if (input.receivedDate > clinicDate(actor.at, settings.timeZone)) throw invalid('receivedDate', 'date_in_future', 'The date received is in the future.');

  let clientId: number;
  if (input.client.mode === 'existing') {
    const client = await m.getRepository(ClientEntity).findOneBy({ id: input.client.clientId });
    if (!client) throw invalid('client.clientId', 'unknown_client', 'There is no such client.');
    if (client.agencyId !== agency.id) throw invalid('client.clientId', 'client_other_agency', 'This client belongs to another agency.');
    clientId = client.id;
  } else {
    const { mode: _mode, ...fields } = input.client;
    assertBornInThePast(fields.dateOfBirth, actor, settings.timeZone, 'client.dateOfBirth');
    if (!input.allowDuplicate) {
      const candidates = await findDuplicateClients(m, agency.id, fields);
      if (candidates.length > 0) return { outcome: 'possible_duplicates', candidates };
    }
    clientId = (await createClientRecord(m, actor, settings.timeZone, agency.id, fields)).id;
  }

  const contracts = await m.getRepository(ContractEntity).findBy({ agencyId: agency.id });
  const row = await m.getRepository(ReferralEntity).save({
    agencyId: agency.id,
    contractId: contractInForce(contracts, input.receivedDate)?.id ?? null,
    clientId,
    receivedDate: input.receivedDate,
    clockStartedAt: referralClockStart(input.receivedDate, actor.at, settings.timeZone),
    referralType: input.referralType,
    urgency: input.urgency,
    presentingIssues: JSON.stringify(input.presentingIssues),
    referrerName: input.referrerName,
    referrerContact: input.referrerContact,
    consentLevel: input.consentLevel,
    consentDate: input.consentDate,
    consentExpiry: input.consentExpiry,
    // Without consent there is nothing to date: the column keeps its default.
    consentDates: input.consentLevel === 'none' ? 'month' : input.consentDates,
    reason: input.reason,
    status: 'new',
    closureReason: null,
    counsellorId: null,
    caseId: null,
    clockStoppedAt: null,
    createdAt: actor.at,
    updatedAt: actor.at,
  });
  await recordStatus(m, actor, row.id, null, 'new', null, '');
  await appendAudit(m, {
    ...actor,
    action: 'referral.create',
    recordType: 'referral',
    recordId: String(row.id),
    outcome: 'success',
    detail: { agencyId: agency.id, clientId, urgency: row.urgency, referralType: row.referralType, contractId: row.contractId },
  });
  const [referral] = await referralViews(m, [row], settings);
  return { outcome: 'created', referral: referral! };
}

export async function createReferral(session: OpenSession, clock: Clock, input: ParsedInput<'referrals.create'>): Promise<ChannelOutput<'referrals.create'>> {
  return inWriteTransaction(session.dataSource, (m) => intakeReferral(m, actorOf(session, clock), session.settings, input));
}

/** A referral the caller may see: counsellors only those assigned to them (others look absent, and are logged). */
async function visibleReferral(session: OpenSession, actor: Actor, id: number): Promise<ReferralRow> {
  const row = await session.dataSource.getRepository(ReferralEntity).findOneBy({ id });
  if (row && (session.user.role === 'admin' || row.counsellorId === session.user.id)) return row;
  if (row) {
    await inWriteTransaction(session.dataSource, (m) =>
      appendAudit(m, { ...actor, action: 'access.denied', recordType: 'referral', recordId: String(id), outcome: 'denied', detail: { role: session.user.role } }),
    );
  }
  throw new AppError('NOT_FOUND', 'There is no such record.');
}

export async function listReferrals(session: OpenSession, input: ParsedInput<'referrals.list'>): Promise<Referral[]> {
  const where = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.agencyId ? { agencyId: input.agencyId } : {}),
    ...(session.user.role === 'admin' ? {} : { counsellorId: session.user.id }),
  };
  const rows = await session.dataSource.getRepository(ReferralEntity).find({ where, order: { receivedDate: 'DESC', id: 'DESC' }, take: input.limit });
  return referralViews(session.dataSource.manager, rows, session.settings);
}

export async function getReferral(session: OpenSession, clock: Clock, id: number): Promise<{ referral: Referral; history: StatusChange[] }> {
  const actor = actorOf(session, clock);
  const row = await visibleReferral(session, actor, id);
  const m = session.dataSource.manager;
  // A referral names the client and why they were referred: opening one is on record, like a client's.
  await inWriteTransaction(session.dataSource, (w) => appendAudit(w, { ...actor, action: 'referral.view', recordType: 'referral', recordId: String(id), outcome: 'success' }));
  const changes = await m.getRepository(ReferralStatusChangeEntity).find({ where: { referralId: id }, order: { id: 'ASC' } });
  const users = await m.getRepository(UserAccountEntity).findBy({ id: In([...new Set(changes.map((c) => c.changedByUserId))]) });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const [referral] = await referralViews(m, [row], session.settings);
  return {
    referral: referral!,
    history: changes.map((c) => ({ fromStatus: c.fromStatus, toStatus: c.toStatus, closureReason: c.closureReason, note: c.note, changedAt: c.changedAt, changedBy: names.get(c.changedByUserId) ?? '' })),
  };
}

async function referralForUpdate(m: EntityManager, id: number): Promise<ReferralRow> {
  const row = await m.getRepository(ReferralEntity).findOneBy({ id });
  if (!row) throw new AppError('NOT_FOUND', 'There is no such record.');
  return row;
}

function assertMove(from: ReferralStatus, to: ReferralStatus): void {
  if (!canMoveReferral(from, to)) throw new AppError('ILLEGAL_TRANSITION', `A referral cannot move from ${from} to ${to}.`);
}

export async function moveReferral(session: OpenSession, clock: Clock, input: ParsedInput<'referrals.move'>): Promise<Referral> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const row = await referralForUpdate(m, input.id);
    assertMove(row.status, input.to);
    const after = { ...row, status: input.to, closureReason: input.closureReason, updatedAt: actor.at };
    await m.getRepository(ReferralEntity).save(after);
    await recordStatus(m, actor, row.id, row.status, input.to, input.closureReason, input.note);
    await appendAudit(m, { ...actor, action: 'referral.status_change', recordType: 'referral', recordId: String(row.id), outcome: 'success', detail: { from: row.status, to: input.to, closureReason: input.closureReason } });
    const [view] = await referralViews(m, [after], session.settings);
    return view!;
  });
}

/** Assigning a waitlisted referral opens the client's case with that counsellor, in one transaction. */
export async function assignReferral(session: OpenSession, clock: Clock, input: ParsedInput<'referrals.assign'>): Promise<Referral> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const row = await referralForUpdate(m, input.id);
    assertMove(row.status, 'assigned');
    const counsellor = await m.getRepository(UserAccountEntity).findOneBy({ id: input.counsellorId });
    if (!counsellor || !counsellor.active || counsellor.role !== 'counsellor') throw new AppError('COUNSELLOR_UNAVAILABLE', 'Choose an active counsellor.');
    const opened = await m.getRepository(ClientCaseEntity).save({
      clientId: row.clientId,
      counsellorId: counsellor.id,
      presentingIssues: row.presentingIssues,
      openedDate: clinicDate(actor.at, session.settings.timeZone),
      closedDate: null,
      closureReason: null,
      sessionsUsed: 0,
      createdAt: actor.at,
      updatedAt: actor.at,
    });
    const after = { ...row, status: 'assigned' as const, counsellorId: counsellor.id, caseId: opened.id, updatedAt: actor.at };
    await m.getRepository(ReferralEntity).save(after);
    await recordStatus(m, actor, row.id, row.status, 'assigned', null, '');
    await appendAudit(m, { ...actor, action: 'case.open', recordType: 'case', recordId: String(opened.id), outcome: 'success', detail: { clientId: row.clientId, counsellorId: counsellor.id } });
    await appendAudit(m, { ...actor, action: 'referral.assign', recordType: 'referral', recordId: String(row.id), outcome: 'success', detail: { counsellorId: counsellor.id, caseId: opened.id } });
    const [view] = await referralViews(m, [after], session.settings);
    return view!;
  });
}

const WAITING: ReferralStatus[] = ['new', 'triaged', 'waitlisted'];

/**
 * The waitlist: waiting referrals, most urgent first, then the longest waiting; the first
 * `limit` of them and how many wait in all. One query per urgency, in order, each read
 * from the referral_waiting index.
 */
export async function waitlist(session: OpenSession, input: ParsedInput<'referrals.waitlist'>): Promise<{ referrals: Referral[]; total: number }> {
  const repository = session.dataSource.getRepository(ReferralEntity);
  const where = { status: In(WAITING), ...(input.agencyId ? { agencyId: input.agencyId } : {}) };
  const urgencies = input.urgency ? [input.urgency] : URGENCIES;
  const total = await repository.count({ where: { ...where, urgency: In([...urgencies]) } });
  const rows: ReferralRow[] = [];
  for (const urgency of urgencies) {
    if (rows.length >= input.limit) break;
    rows.push(...(await repository.find({ where: { ...where, urgency }, order: { clockStartedAt: 'ASC', id: 'ASC' }, take: input.limit - rows.length })));
  }
  return { referrals: await referralViews(session.dataSource.manager, rows, session.settings), total };
}
