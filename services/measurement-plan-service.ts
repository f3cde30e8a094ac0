import { IsNull, type EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import { measurementPlanSchema, type DueMeasure, type ParsedInput } from '../shared/contract';
import { clinicWallClock } from '../shared/domain/clinic-time';
import { DEFAULT_MEASUREMENT_PLAN, PLAN_SESSION_STATUSES, PLAN_SESSION_TYPES, unmetDuePoints, type MeasurementPlan } from '../shared/domain/measurement-plan';
import { ClientCaseEntity, SettingEntity, type ClientCaseRow } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { caseToRead, caseToWrite } from './measure-access';
import { catalogue } from './instrument-catalogue';
import { clientName } from './record-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Measurement plans (issue 12): the clinic's default, kept with the settings, and a case's
 * own plan where its counsellor changed it. What is due, and overdue, is worked out by
 * `shared/domain/measurement-plan.ts` from the case's sessions and the measures given.
 */

const DEFAULT_PLAN_KEY = 'measures.default_plan';
const inList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export async function readDefaultPlan(m: EntityManager): Promise<MeasurementPlan> {
  const row = await m.getRepository(SettingEntity).findOneBy({ key: DEFAULT_PLAN_KEY });
  if (!row) return DEFAULT_MEASUREMENT_PLAN;
  const parsed = measurementPlanSchema.safeParse(JSON.parse(row.value));
  if (!parsed.success) throw new AppError('VAULT_DAMAGED', 'The clinic’s measurement plan in this vault is unreadable.');
  return parsed.data;
}

function casePlan(kase: ClientCaseRow, clinicDefault: MeasurementPlan): { plan: MeasurementPlan; clinicDefault: boolean } {
  if (kase.measurementPlan === null) return { plan: clinicDefault, clinicDefault: true };
  const parsed = measurementPlanSchema.safeParse(JSON.parse(kase.measurementPlan));
  if (!parsed.success) throw new AppError('VAULT_DAMAGED', 'A case’s measurement plan in this vault is unreadable.');
  return { plan: parsed.data, clinicDefault: false };
}

/** A plan may name only instruments the clinic uses. */
async function assertPlanInstruments(m: EntityManager, plan: MeasurementPlan): Promise<void> {
  const enabled = new Set((await catalogue(m)).filter((entry) => entry.enabled).map((entry) => entry.instrument.id));
  const issues = plan.instruments.flatMap((id, index) => (enabled.has(id) ? [] : [{ path: `plan.instruments.${index}`, code: 'instrument_not_active', message: 'The clinic does not use this instrument.' }]));
  if (issues.length > 0) throw new AppError('VALIDATION', 'The plan names an instrument the clinic does not use.', { issues });
}

export async function getDefaultPlan(session: OpenSession): Promise<{ plan: MeasurementPlan }> {
  return { plan: await readDefaultPlan(session.dataSource.manager) };
}

export async function setDefaultPlan(session: OpenSession, clock: Clock, input: ParsedInput<'measures.setDefaultPlan'>): Promise<{ plan: MeasurementPlan }> {
  const actor = actorOf(session, clock);
  await assertPlanInstruments(session.dataSource.manager, input.plan);
  await inWriteTransaction(session.dataSource, async (m) => {
    await m.getRepository(SettingEntity).save({ key: DEFAULT_PLAN_KEY, value: JSON.stringify(input.plan) });
    await appendAudit(m, { ...actor, action: 'measure.default_plan_change', recordType: 'settings', recordId: DEFAULT_PLAN_KEY, outcome: 'success', detail: { instruments: input.plan.instruments.join(','), everySessions: input.plan.everySessions } });
  });
  return { plan: input.plan };
}

export async function getCasePlan(session: OpenSession, clock: Clock, input: ParsedInput<'measures.plan'>): Promise<{ caseId: number; plan: MeasurementPlan; clinicDefault: boolean }> {
  const kase = await caseToRead(session, actorOf(session, clock), input.caseId);
  return { caseId: kase.id, ...casePlan(kase, await readDefaultPlan(session.dataSource.manager)) };
}

/** The case's counsellor changes its plan, or (plan null) returns it to the clinic's default. */
export async function setCasePlan(session: OpenSession, clock: Clock, input: ParsedInput<'measures.setPlan'>): Promise<{ caseId: number; plan: MeasurementPlan; clinicDefault: boolean }> {
  const actor = actorOf(session, clock);
  const kase = await caseToWrite(session, actor, input.caseId);
  if (input.plan !== null) await assertPlanInstruments(session.dataSource.manager, input.plan);
  const stored = input.plan === null ? null : JSON.stringify(input.plan);
  await inWriteTransaction(session.dataSource, async (m) => {
    await m.getRepository(ClientCaseEntity).update({ id: kase.id }, { measurementPlan: stored, updatedAt: actor.at });
    await appendAudit(m, { ...actor, action: 'measure.plan_change', recordType: 'case', recordId: String(kase.id), outcome: 'success', detail: { clinicDefault: input.plan === null } });
  });
  return getCasePlan(session, clock, { caseId: kase.id });
}

/**
 * What the plan asks of an open case that has not been given: at its sessions (overdue once
 * the session has taken place), and, at closure, each planned instrument.
 */
export async function dueOnCase(m: EntityManager, kase: ClientCaseRow, timeZone: string, nowMs: number): Promise<DueMeasure[]> {
  if (kase.closedDate !== null) return [];
  const { plan } = casePlan(kase, await readDefaultPlan(m));
  if (plan.instruments.length === 0) return [];
  const sessions: { id: number; startMs: number; status: string }[] = await m.query(
    `SELECT id, start_ms AS startMs, status FROM session WHERE case_id = ? AND session_type IN (${inList(PLAN_SESSION_TYPES)}) AND status IN (${inList(PLAN_SESSION_STATUSES)}) ORDER BY start_ms, id`,
    [kase.id],
  );
  const given: { instrumentId: string; administeredAt: string }[] = await m.query(
    'SELECT instrument_id AS instrumentId, administered_at AS administeredAt FROM measure_administration WHERE case_id = ?',
    [kase.id],
  );
  const [client] = await m.query('SELECT code, given_name AS givenName, family_name AS familyName FROM client WHERE id = ?', [kase.clientId]);
  const { code, givenName, familyName } = client as { code: string; givenName: string; familyName: string };
  const names = new Map((await catalogue(m)).map((entry) => [entry.instrument.id, entry.instrument.shortName]));
  const planSessions = sessions.map((s) => ({ id: s.id, startsAt: clinicWallClock(s.startMs, timeZone), attended: s.status === 'attended' }));
  const about = { caseId: kase.id, clientId: kase.clientId, clientCode: code, clientName: clientName({ givenName, familyName }) };
  const atSessions = unmetDuePoints(plan, planSessions, given, clinicWallClock(nowMs, timeZone)).map((point) => ({
    ...about,
    instrumentId: point.instrumentId,
    shortName: names.get(point.instrumentId) ?? point.instrumentId,
    reason: point.reason,
    sessionId: point.sessionId,
    sessionNumber: point.sessionNumber,
    sessionStartsAt: point.sessionStartsAt,
    overdue: point.overdue,
  }));
  const atClosure = plan.atClosure
    ? plan.instruments.map((instrumentId) => ({ ...about, instrumentId, shortName: names.get(instrumentId) ?? instrumentId, reason: 'closure' as const, sessionId: null, sessionNumber: null, sessionStartsAt: null, overdue: false }))
    : [];
  return [...atSessions, ...atClosure];
}

export async function dueMeasures(session: OpenSession, clock: Clock, input: ParsedInput<'measures.due'>): Promise<DueMeasure[]> {
  const kase = await caseToRead(session, actorOf(session, clock), input.caseId);
  return dueOnCase(session.dataSource.manager, kase, session.settings.timeZone, clock.now());
}

/** Overdue measures of the counsellor's open cases: for their Home. */
export async function overdueMeasuresOf(m: EntityManager, counsellorId: number, timeZone: string, nowMs: number): Promise<DueMeasure[]> {
  const open = await m.getRepository(ClientCaseEntity).find({ where: { counsellorId, closedDate: IsNull() }, order: { openedDate: 'ASC', id: 'ASC' } });
  const due = await Promise.all(open.map((kase) => dueOnCase(m, kase, timeZone, nowMs)));
  return due.flat().filter((measure) => measure.overdue);
}
