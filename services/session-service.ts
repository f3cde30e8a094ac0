import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { In, type EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import {
  OVERRIDABLE_PROBLEMS,
  type AllowanceState,
  type ChannelOutput,
  type ParsedInput,
  type ScheduleProblem,
  type SessionView,
} from '../shared/contract';
import { ALLOWANCE_STATUSES, ALLOWANCE_TYPES, allowanceVerdict, canMoveSession, contractYearOf, countsTowardAllowance, isGroupType, type SessionStatus } from '../shared/domain/sessions';
import { bookingOccurrences, type TimeSpan } from '../shared/domain/scheduling';
import type { PresentingIssue } from '../shared/domain/referrals';
import {
  AgencyEntity,
  ClientCaseEntity,
  ClientEntity,
  ContractEntity,
  ReferralEntity,
  RoomEntity,
  SessionAttendeeEntity,
  SessionChangeEntity,
  SessionEntity,
  UserAccountEntity,
  type ClientCaseRow,
  type SessionRow,
} from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import { issuesOf } from './record-views';
import { assertMayName, attendeesAfterSave, attendeesSeenBy } from './session-attendees';
import { recordStatus } from './referral-service';
import { findScheduleProblems, type Placement } from './schedule-check';
import { querySessionViews, sessionHistory, sessionViews } from './session-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';
import { AccessDenied } from './access-denied';

/**
 * Booking, moving and closing sessions (issue 4). Every rule is enforced here, inside one
 * write transaction per request, whatever the UI checked: conflicts are refused and named
 * by time and room only; outside hours, leave, holidays and a warn-policy allowance need
 * a reason the user gives after seeing them; a series is booked whole or not at all.
 */

type BookResult = ChannelOutput<'sessions.book'>;

function invalid(path: string, code: string, message: string): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path, code, message }] });
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'There is no such record.');
}

/** A counsellor books, moves and records only their own sessions; an admin anyone's. */
/** A counsellor works only in their own calendar: another's session (or booking for another) is "not found", and audited. */
function assertOwnSession(session: OpenSession, counsellorId: number, record: { type: string; id: number }): void {
  if (session.user.role !== 'admin' && session.user.id !== counsellorId) throw new AccessDenied(record);
}

async function activeCounsellor(m: EntityManager, id: number): Promise<void> {
  const user = await m.getRepository(UserAccountEntity).findOneBy({ id });
  if (!user || !user.active || user.role !== 'counsellor') throw new AppError('COUNSELLOR_UNAVAILABLE', 'Choose an active counsellor.');
}

const SCHEDULE_CONFLICT_MESSAGE = 'The time asked for is taken or not bookable; nothing was saved.';

function conflictError(problems: ScheduleProblem[]): AppError {
  return new AppError('SCHEDULE_CONFLICT', SCHEDULE_CONFLICT_MESSAGE, { problems });
}

/** The trigger's refusal (a writer that got past the checks, e.g. another process) as the same conflict error. */
async function guarded<T>(write: () => Promise<T>, occurrence: TimeSpan): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const text = String((error as Error).message);
    if (/session_counsellor_busy|session_room_busy/.test(text)) {
      throw conflictError([{ occurrence: 0, occurrenceStartMs: occurrence.startMs, kind: text.includes('room') ? 'room_busy' : 'counsellor_busy', other: null }]);
    }
    throw error;
  }
}

/** Hard problems refuse; overridable ones wait for a reason. */
function splitProblems(problems: ScheduleProblem[]): { hard: ScheduleProblem[]; overridable: ScheduleProblem[] } {
  return {
    hard: problems.filter((p) => !OVERRIDABLE_PROBLEMS.includes(p.kind)),
    overridable: problems.filter((p) => OVERRIDABLE_PROBLEMS.includes(p.kind)),
  };
}

function skippedTimeProblems(spans: TimeSpan[], skipped: number[]): ScheduleProblem[] {
  return skipped.map((i) => ({ occurrence: i, occurrenceStartMs: spans[i]!.startMs, kind: 'nonexistent_time' as const, other: null }));
}

/** What one case's sessions count against: the contract of the referral that opened it. */
async function contractOfCase(m: EntityManager, caseId: number) {
  const referral = await m.getRepository(ReferralEntity).findOne({ where: { caseId }, order: { id: 'ASC' } });
  return referral?.contractId ? m.getRepository(ContractEntity).findOneBy({ id: referral.contractId }) : null;
}

function dayStartMs(date: string, timeZone: string): number {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis();
}

/**
 * The allowance of the client's presenting issue in each contract year the new sessions
 * fall in: sessions of any of the client's cases for that issue count, cancellations by
 * either side excepted. Returns the first year the booking would pass, or null.
 */
async function allowanceOverrun(m: EntityManager, kase: ClientCaseRow, issue: PresentingIssue, spans: TimeSpan[], timeZone: string): Promise<{ state: AllowanceState; policy: 'warn' | 'deny' } | null> {
  const contract = await contractOfCase(m, kase.id);
  if (!contract) return null;
  const years = new Map<string, { start: string; end: string; adding: number }>();
  for (const span of spans) {
    const date = DateTime.fromMillis(span.startMs, { zone: timeZone }).toISODate()!;
    const year = contractYearOf(date, contract);
    if (!year) continue;
    const entry = years.get(year.startDate) ?? { start: year.startDate, end: year.endDate, adding: 0 };
    entry.adding += 1;
    years.set(year.startDate, entry);
  }
  const caseIds = (await m.getRepository(ClientCaseEntity).find({ select: { id: true }, where: { clientId: kase.clientId } })).map((c) => c.id);
  for (const year of years.values()) {
    const used = await m
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.case_id IN (:...caseIds) AND s.presenting_issue = :issue AND s.session_type IN (:...types) AND s.status IN (:...statuses)', {
        caseIds,
        issue,
        types: ALLOWANCE_TYPES,
        statuses: ALLOWANCE_STATUSES,
      })
      .andWhere('s.start_ms >= :from AND s.start_ms < :to', { from: dayStartMs(year.start, timeZone), to: dayStartMs(year.end, timeZone) + 86_400_000 })
      .getCount();
    if (allowanceVerdict(used, year.adding, contract.sessionAllowance, contract.allowancePolicy) !== 'within') {
      return { state: { presentingIssue: issue, used, allowed: contract.sessionAllowance, adding: year.adding, yearStart: year.start, yearEnd: year.end }, policy: contract.allowancePolicy };
    }
  }
  return null;
}

/** Keeps client_case.sessions_used equal to the sessions the allowance counts. */
async function adjustSessionsUsed(m: EntityManager, caseId: number | null, delta: number, at: string): Promise<void> {
  if (caseId === null || delta === 0) return;
  await m.query('UPDATE client_case SET sessions_used = max(0, sessions_used + ?), updated_at = ? WHERE id = ?', [delta, at, caseId]);
}

/** The referral milestone: the first booking moves an assigned referral to "first session booked". */
async function markFirstSessionBooked(m: EntityManager, actor: Actor, caseId: number): Promise<void> {
  const referral = await m.getRepository(ReferralEntity).findOneBy({ caseId, status: 'assigned' });
  if (!referral) return;
  await m.getRepository(ReferralEntity).update({ id: referral.id }, { status: 'first_session_booked', updatedAt: actor.at });
  await recordStatus(m, actor, referral.id, 'assigned', 'first_session_booked', null, '');
  await appendAudit(m, { ...actor, action: 'referral.status_change', recordType: 'referral', recordId: String(referral.id), outcome: 'success', detail: { from: 'assigned', to: 'first_session_booked' } });
}

/** The time-to-first-appointment clock stops at the first attended session of the case; recomputed when an outcome changes. */
async function updateReferralClock(m: EntityManager, caseId: number | null, at: string): Promise<void> {
  if (caseId === null) return;
  const [first] = await m.query(
    `SELECT min(start_ms) AS first FROM session WHERE case_id = ? AND status = 'attended' AND session_type IN (${ALLOWANCE_TYPES.map(() => '?').join(', ')})`,
    [caseId, ...ALLOWANCE_TYPES],
  );
  const stoppedAt = first?.first == null ? null : new Date(Number(first.first)).toISOString();
  await m.query('UPDATE referral SET clock_stopped_at = ?, updated_at = ? WHERE case_id = ? AND clock_stopped_at IS NOT ?', [stoppedAt, at, caseId, stoppedAt]);
}

export async function bookSessions(session: OpenSession, clock: Clock, input: ParsedInput<'sessions.book'>): Promise<BookResult> {
  const timeZone = session.settings.timeZone;
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    let kase: ClientCaseRow | null = null;
    let agencyId: number;
    if (input.caseId !== null) {
      kase = await m.getRepository(ClientCaseEntity).findOneBy({ id: input.caseId });
      if (!kase) throw notFound();
      if (session.user.role !== 'admin' && kase.counsellorId !== session.user.id) throw new AccessDenied({ type: 'case', id: kase.id });
      if (kase.closedDate !== null) throw new AppError('CASE_CLOSED', 'This case is closed.');
      if (kase.counsellorId !== input.counsellorId) throw invalid('counsellorId', 'not_case_counsellor', 'A client’s sessions are with the counsellor of their case.');
      const client = await m.getRepository(ClientEntity).findOneByOrFail({ id: kase.clientId });
      agencyId = client.agencyId;
    } else {
      const agency = input.agencyId === null ? null : await m.getRepository(AgencyEntity).findOneBy({ id: input.agencyId });
      if (!agency) throw invalid('agencyId', 'unknown_agency', 'There is no such agency.');
      if (!agency.active) throw invalid('agencyId', 'agency_inactive', 'This agency is marked inactive.');
      agencyId = agency.id;
    }
    assertOwnSession(session, input.counsellorId, { type: 'user', id: input.counsellorId });
    await activeCounsellor(m, input.counsellorId);
    if (input.roomId !== null) {
      const room = await m.getRepository(RoomEntity).findOneBy({ id: input.roomId });
      if (!room) throw invalid('roomId', 'unknown_room', 'There is no such room.');
      if (input.capacity !== null && input.capacity > room.capacity) throw invalid('capacity', 'over_room_capacity', 'The group is larger than the room holds.');
    }
    let presentingIssue: PresentingIssue | null = null;
    if (kase && ALLOWANCE_TYPES.includes(input.sessionType)) {
      const issues = issuesOf(kase.presentingIssues);
      presentingIssue = input.presentingIssue ?? issues[0] ?? 'other';
      if (!issues.includes(presentingIssue) && issues.length > 0) throw invalid('presentingIssue', 'not_case_issue', 'Choose one of the case’s presenting issues.');
    }

    const { spans, skippedTimes } = bookingOccurrences({ firstLocalStart: input.localStart, durationMinutes: input.durationMinutes, timeZone, repeat: input.repeat });
    const placement: Placement = { counsellorId: input.counsellorId, roomId: input.roomId, sessionType: input.sessionType, capacity: input.capacity };
    const { hard, overridable } = splitProblems([...skippedTimeProblems(spans, skippedTimes), ...(await findScheduleProblems(m, timeZone, placement, spans))]);
    if (hard.length) throw conflictError(hard.sort((a, b) => a.occurrence - b.occurrence));

    const overrun = kase && presentingIssue ? await allowanceOverrun(m, kase, presentingIssue, spans, timeZone) : null;
    if (overrun?.policy === 'deny') throw new AppError('ALLOWANCE_EXCEEDED', 'The session allowance is used up and the contract refuses more sessions.');
    const needsOverride = overridable.length > 0 && input.overrideReason === '';
    const needsAllowanceReason = overrun !== null && input.allowanceReason === '';
    if (needsOverride || needsAllowanceReason) {
      return { outcome: 'needs_confirmation', overrides: needsOverride ? overridable : [], allowance: needsAllowanceReason ? overrun.state : null };
    }

    const seriesId = spans.length > 1 ? randomUUID() : null;
    const rows: SessionRow[] = [];
    for (const span of spans) {
      const row = await guarded(
        () =>
          m.getRepository(SessionEntity).save({
            caseId: input.caseId,
            agencyId,
            counsellorId: input.counsellorId,
            roomId: input.roomId,
            startMs: span.startMs,
            endMs: span.endMs,
            timeZone,
            sessionType: input.sessionType,
            modality: input.modality,
            videoLink: input.modality === 'video' ? input.videoLink : '',
            presentingIssue,
            status: 'scheduled' as const,
            statusReason: '',
            topic: input.topic,
            capacity: input.capacity,
            headCount: null,
            seriesId,
            overrideReason: overridable.length ? input.overrideReason : '',
            allowanceReason: overrun ? input.allowanceReason : '',
            createdAt: actor.at,
            createdByUserId: actor.actorUserId,
            updatedAt: actor.at,
          }),
        span,
      );
      rows.push(row);
      // Reasons are free text a user typed: they stay on the session, out of the audit log.
      await appendAudit(m, { ...actor, action: 'session.book', recordType: 'session', recordId: String(row.id), outcome: 'success', detail: { caseId: input.caseId, counsellorId: input.counsellorId, type: input.sessionType, seriesId } });
    }
    if (overridable.length) {
      await appendAudit(m, { ...actor, action: 'session.override', recordType: 'session', recordId: String(rows[0]!.id), outcome: 'success', detail: { kinds: [...new Set(overridable.map((p) => p.kind))].join(','), sessions: rows.length } });
    }
    if (overrun) {
      await appendAudit(m, { ...actor, action: 'session.allowance_exceeded', recordType: 'case', recordId: String(kase!.id), outcome: 'success', detail: { used: overrun.state.used, allowed: overrun.state.allowed, adding: overrun.state.adding } });
    }
    if (kase) {
      await adjustSessionsUsed(m, kase.id, rows.filter((r) => countsTowardAllowance(r.sessionType, r.status)).length, actor.at);
      await markFirstSessionBooked(m, actor, kase.id);
    }
    return { outcome: 'booked', sessions: await sessionViews(m, rows, session.user) };
  });
}

async function sessionForWrite(m: EntityManager, session: OpenSession, id: number): Promise<SessionRow> {
  const row = await m.getRepository(SessionEntity).findOneBy({ id });
  if (!row) throw notFound();
  assertOwnSession(session, row.counsellorId, { type: 'session', id });
  return row;
}

export async function rescheduleSession(session: OpenSession, clock: Clock, input: ParsedInput<'sessions.reschedule'>): Promise<BookResult> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const row = await sessionForWrite(m, session, input.id);
    if (row.status !== 'scheduled') throw new AppError('ILLEGAL_TRANSITION', 'Only a scheduled session can be moved.');
    const roomId = row.modality === 'in_person' ? (input.roomId ?? row.roomId) : null;
    if (input.roomId !== undefined && row.modality !== 'in_person') throw invalid('roomId', 'room_only_in_person', 'Only an in-person session has a room.');
    if (roomId !== null && roomId !== row.roomId) {
      const room = await m.getRepository(RoomEntity).findOneBy({ id: roomId });
      if (!room) throw invalid('roomId', 'unknown_room', 'There is no such room.');
      if (row.capacity !== null && row.capacity > room.capacity) throw invalid('roomId', 'over_room_capacity', 'The group is larger than the room holds.');
    }
    const durationMinutes = input.durationMinutes ?? Math.round((row.endMs - row.startMs) / 60_000);
    const { spans, skippedTimes } = bookingOccurrences({ firstLocalStart: input.localStart, durationMinutes, timeZone: row.timeZone, repeat: null });
    const span = spans[0]!;
    const placement: Placement = { counsellorId: row.counsellorId, roomId, sessionType: row.sessionType, capacity: row.capacity, exceptSessionId: row.id };
    const { hard, overridable } = splitProblems([...skippedTimeProblems(spans, skippedTimes), ...(await findScheduleProblems(m, row.timeZone, placement, spans))]);
    if (hard.length) throw conflictError(hard);
    if (overridable.length && input.overrideReason === '') return { outcome: 'needs_confirmation', overrides: overridable, allowance: null };

    const after: SessionRow = { ...row, startMs: span.startMs, endMs: span.endMs, roomId, updatedAt: actor.at, overrideReason: overridable.length ? input.overrideReason : row.overrideReason };
    await guarded(() => m.getRepository(SessionEntity).save(after), span);
    await m.getRepository(SessionChangeEntity).insert({
      sessionId: row.id,
      kind: 'rescheduled',
      fromStartMs: row.startMs,
      fromEndMs: row.endMs,
      fromRoomId: row.roomId,
      fromStatus: null,
      toStartMs: span.startMs,
      toEndMs: span.endMs,
      toRoomId: roomId,
      toStatus: null,
      reason: input.reason,
      changedAt: actor.at,
      changedByUserId: actor.actorUserId,
    });
    await appendAudit(m, { ...actor, action: 'session.reschedule', recordType: 'session', recordId: String(row.id), outcome: 'success', detail: { roomChanged: roomId !== row.roomId } });
    if (overridable.length) await appendAudit(m, { ...actor, action: 'session.override', recordType: 'session', recordId: String(row.id), outcome: 'success', detail: { kinds: [...new Set(overridable.map((p) => p.kind))].join(','), sessions: 1 } });
    return { outcome: 'booked', sessions: await sessionViews(m, [after], session.user) };
  });
}

/** Outcomes other than a cancellation are facts about the past: a session that has not begun cannot have been attended. */
const OUTCOMES_AFTER_START: readonly SessionStatus[] = ['attended', 'did_not_attend'];

export async function setSessionStatus(session: OpenSession, clock: Clock, input: ParsedInput<'sessions.setStatus'>): Promise<SessionView> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const row = await sessionForWrite(m, session, input.id);
    if (row.status === input.status) return (await sessionViews(m, [row], session.user))[0]!;
    if (!canMoveSession(row.status, input.status)) throw new AppError('ILLEGAL_TRANSITION', `A session cannot move from ${row.status} to ${input.status}.`);
    if (OUTCOMES_AFTER_START.includes(input.status) && row.startMs > clock.now()) throw invalid('status', 'outcome_before_start', 'This session has not begun yet.');
    const after: SessionRow = { ...row, status: input.status, statusReason: input.reason, updatedAt: actor.at };
    await guarded(() => m.getRepository(SessionEntity).save(after), row);
    await m.getRepository(SessionChangeEntity).insert({
      sessionId: row.id,
      kind: 'status',
      fromStartMs: null,
      fromEndMs: null,
      fromRoomId: null,
      fromStatus: row.status,
      toStartMs: null,
      toEndMs: null,
      toRoomId: null,
      toStatus: input.status,
      reason: input.reason,
      changedAt: actor.at,
      changedByUserId: actor.actorUserId,
    });
    await adjustSessionsUsed(m, row.caseId, Number(countsTowardAllowance(after.sessionType, after.status)) - Number(countsTowardAllowance(row.sessionType, row.status)), actor.at);
    await updateReferralClock(m, row.caseId, actor.at);
    await appendAudit(m, { ...actor, action: 'session.status', recordType: 'session', recordId: String(row.id), outcome: 'success', detail: { from: row.status, to: input.status } });
    return (await sessionViews(m, [after], session.user))[0]!;
  });
}

export async function setAttendance(session: OpenSession, clock: Clock, input: ParsedInput<'sessions.setAttendance'>): Promise<SessionView> {
  const named = [...new Set(input.clientIds)];
  // Before anything else: a counsellor naming someone outside their caseload learns nothing, not even whether that client is of this agency.
  await assertMayName(session, actorOf(session, clock), named);
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const row = await sessionForWrite(m, session, input.id);
    if (!isGroupType(row.sessionType)) throw invalid('id', 'not_group_session', 'Only a group session or workshop records attendance this way.');
    if (named.length) {
      const ofAgency = await m.getRepository(ClientEntity).count({ where: { id: In(named), agencyId: row.agencyId } });
      if (ofAgency !== named.length) throw invalid('clientIds', 'client_not_of_agency', 'Every attendee must be a client of the session’s agency.');
    }
    const clientIds = await attendeesAfterSave(m, session.user, row.id, named);
    await m.getRepository(SessionAttendeeEntity).delete({ sessionId: row.id });
    if (clientIds.length) await m.getRepository(SessionAttendeeEntity).insert(clientIds.map((clientId) => ({ sessionId: row.id, clientId })));
    const after: SessionRow = { ...row, headCount: input.headCount, updatedAt: actor.at };
    await m.getRepository(SessionEntity).update({ id: row.id }, { headCount: input.headCount, updatedAt: actor.at });
    await appendAudit(m, { ...actor, action: 'session.attendance', recordType: 'session', recordId: String(row.id), outcome: 'success', detail: { named: clientIds.length, headCount: input.headCount } });
    return (await sessionViews(m, [after], session.user))[0]!;
  });
}

/** Sessions starting in a span: one counsellor's (a counsellor: always their own), a case's, or the clinic's. */
export async function listSessions(session: OpenSession, input: ParsedInput<'sessions.list'>): Promise<SessionView[]> {
  const counsellorId = session.user.role === 'admin' ? input.counsellorId : session.user.id;
  const where = ['s.start_ms >= ? AND s.start_ms < ?'];
  const params: unknown[] = [input.fromMs, input.toMs];
  if (counsellorId !== undefined) {
    where.push('s.counsellor_id = ?');
    params.push(counsellorId);
  }
  if (input.caseId !== undefined) {
    where.push('s.case_id = ?');
    params.push(input.caseId);
  }
  if (!input.includeCancelled) where.push("s.status NOT IN ('cancelled_by_client', 'cancelled_by_clinic', 'late_cancellation')");
  return querySessionViews(session.dataSource.manager, where.join(' AND '), params, session.user);
}

/** One session with its history; of a group's named attendees, a counsellor sees those of their caseload and a count of the rest. */
export async function getSession(session: OpenSession, clock: Clock, id: number): Promise<ChannelOutput<'sessions.get'>> {
  const m = session.dataSource.manager;
  const row = await m.getRepository(SessionEntity).findOneBy({ id });
  if (!row) throw notFound();
  assertOwnSession(session, row.counsellorId, { type: 'session', id });
  // Opening a session shows whose it is and why it moved: on record, like opening a client.
  await inWriteTransaction(session.dataSource, (w) => appendAudit(w, { ...actorOf(session, clock), action: 'session.view', recordType: 'session', recordId: String(id), outcome: 'success' }));
  const { attendees, otherAttendees } = await attendeesSeenBy(m, session.user, id);
  return { session: (await sessionViews(m, [row], session.user))[0]!, history: await sessionHistory(m, row), attendees, otherAttendees };
}
