import { DateTime } from 'luxon';
import { AppError } from '../shared/errors';
import type { ParsedInput } from '../shared/contract';
import { buildIcsCalendar, type IcsEvent } from '../shared/domain/ics';
import { CANCELLED_STATUSES, type Modality, type SessionStatus, type SessionType, type WorkshopTopic } from '../shared/domain/sessions';
import { SessionEntity, UserAccountEntity } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf, type Actor } from './actor';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * `.ics` export of a counsellor's calendar (issue 4, "Exports"). A calendar file leaves
 * the vault for phones and mail servers, so each event says only what a counsellor needs
 * to find the appointment: the kind of session, the client's code (never a name; with
 * "include initials", the initials), where, and whether it still stands. Never the
 * presenting issue, a cancellation reason, or the agency of a client.
 */

/** The longest span one export covers: a year, a leap year included. */
export const MAX_EXPORT_DAYS = 366;

export interface CalendarExport {
  fileName: string;
  ics: string;
  sessions: number;
}

export async function exportCalendarIcs(session: OpenSession, clock: Clock, input: ParsedInput<'calendar.exportIcs'>): Promise<CalendarExport> {
  const actor = actorOf(session, clock);
  const span = clinicDaySpan(input.fromDate, input.toDate, session.settings.timeZone);
  await assertMayExport(session, actor, input.counsellorId);
  const counsellor = await session.dataSource.getRepository(UserAccountEntity).findOneBy({ id: input.counsellorId });
  if (!counsellor) throw new AppError('USER_NOT_FOUND', 'There is no such user.');

  const rows = await sessionsStartingIn(session, input.counsellorId, span);
  const ics = buildIcsCalendar({
    name: `Tenang · ${counsellor.displayName}`,
    stampMs: clock.now(),
    events: rows.map((row) => sessionEvent(row, session.vaultId, input.includeInitials)),
  });
  // Written before the file is handed over: no export leaves without its audit entry.
  await inWriteTransaction(session.dataSource, (m) =>
    appendAudit(m, {
      ...actor,
      action: 'calendar.export',
      recordType: 'user',
      recordId: String(counsellor.id),
      outcome: 'success',
      detail: { sessions: rows.length, includeInitials: input.includeInitials, fromDate: input.fromDate, toDate: input.toDate },
    }),
  );
  // The user's name and the dates only: a file name shows up in download lists and mail.
  return { fileName: `tenang-calendar-${counsellor.username}-${input.fromDate}-to-${input.toDate}.ics`, ics, sessions: rows.length };
}

/** A counsellor's calendar is theirs and an admin's; another counsellor's attempt is refused and logged. */
async function assertMayExport(session: OpenSession, actor: Actor, counsellorId: number): Promise<void> {
  if (session.user.role === 'admin' || session.user.id === counsellorId) return;
  await inWriteTransaction(session.dataSource, (m) =>
    appendAudit(m, { ...actor, action: 'access.denied', recordType: 'user', recordId: String(counsellorId), outcome: 'denied', detail: { role: session.user.role } }),
  );
  throw new AppError('FORBIDDEN', 'You may export only your own calendar.');
}

export interface InstantSpan {
  /** The first instant of the first day, inclusive. */
  fromMs: number;
  /** The first instant after the last day, exclusive. */
  toMs: number;
}

/**
 * Inclusive calendar dates as the clinic's days: from the start of `fromDate` to the start
 * of the day after `toDate` in the clinic's zone, so a session at 23:30 on the last day is
 * in and one at 00:30 the next day is out, whatever the UTC date.
 */
export function clinicDaySpan(fromDate: string, toDate: string, timeZone: string): InstantSpan {
  const days = DateTime.fromISO(toDate, { zone: 'utc' }).diff(DateTime.fromISO(fromDate, { zone: 'utc' }), 'days').days + 1;
  if (days > MAX_EXPORT_DAYS) {
    const message = `An export covers at most ${MAX_EXPORT_DAYS} days.`;
    throw new AppError('VALIDATION', message, { issues: [{ path: 'toDate', code: 'range_too_long', message }] });
  }
  const from = DateTime.fromISO(fromDate, { zone: timeZone }).startOf('day');
  const to = DateTime.fromISO(toDate, { zone: timeZone }).plus({ days: 1 }).startOf('day');
  return { fromMs: from.toMillis(), toMs: to.toMillis() };
}

/** What an event is built from: the session and just enough of its room, client and agency. */
interface ExportRow {
  id: number;
  startMs: number;
  endMs: number;
  sessionType: SessionType;
  modality: Modality;
  videoLink: string;
  status: SessionStatus;
  topic: WorkshopTopic | null;
  roomName: string | null;
  clientCode: string | null;
  givenName: string | null;
  familyName: string | null;
  agencyName: string | null;
  changes: number;
}

async function sessionsStartingIn(session: OpenSession, counsellorId: number, span: InstantSpan): Promise<ExportRow[]> {
  const raw = await session.dataSource
    .getRepository(SessionEntity)
    .createQueryBuilder('s')
    .leftJoin('room', 'room', 'room.id = s.room_id')
    .leftJoin('client_case', 'cc', 'cc.id = s.case_id')
    .leftJoin('client', 'client', 'client.id = cc.client_id')
    .leftJoin('agency', 'agency', 'agency.id = s.agency_id')
    .select('s.id', 'id')
    .addSelect('s.start_ms', 'startMs')
    .addSelect('s.end_ms', 'endMs')
    .addSelect('s.session_type', 'sessionType')
    .addSelect('s.modality', 'modality')
    .addSelect('s.video_link', 'videoLink')
    .addSelect('s.status', 'status')
    .addSelect('s.topic', 'topic')
    .addSelect('room.name', 'roomName')
    .addSelect('client.code', 'clientCode')
    // Read for initials only; the full names never reach the event text.
    .addSelect('client.given_name', 'givenName')
    .addSelect('client.family_name', 'familyName')
    .addSelect('agency.name', 'agencyName')
    .addSelect('(SELECT count(*) FROM session_change sc WHERE sc.session_id = s.id)', 'changes')
    // One range of the session_counsellor_start index.
    .where('s.counsellor_id = :counsellorId AND s.start_ms >= :fromMs AND s.start_ms < :toMs', { counsellorId, ...span })
    .orderBy('s.start_ms', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .getRawMany<ExportRow>();
  return raw.map((r) => ({ ...r, id: Number(r.id), startMs: Number(r.startMs), endMs: Number(r.endMs), changes: Number(r.changes) }));
}

/** Globally unique and the same in every export of this vault, so re-importing updates events. */
export function sessionEventUid(sessionId: number, vaultId: string): string {
  return `session-${sessionId}.${vaultId}@tenang.local`;
}

const TYPE_TITLES: Record<SessionType, string> = {
  intake_assessment: 'Intake assessment',
  counselling: 'Counselling',
  follow_up: 'Follow-up',
  group_workshop: 'Group workshop',
  manager_consultation: 'Manager consultation',
  critical_incident_debrief: 'Critical incident debrief',
};

const TOPIC_TITLES: Record<WorkshopTopic, string> = {
  stress_management: 'Stress management',
  resilience: 'Resilience',
  conflict_resolution: 'Conflict resolution',
  leader_manager_training: 'Leader and manager training',
  critical_incident_debrief: 'Critical incident debrief',
  other: 'Workshop',
};

const MODALITY_TEXT: Record<Modality, string> = { in_person: 'In person', phone: 'Phone', video: 'Video' };

const STATUS_TEXT: Record<SessionStatus, string> = {
  scheduled: 'Scheduled',
  attended: 'Attended',
  did_not_attend: 'Did not attend',
  late_cancellation: 'Late cancellation',
  cancelled_by_client: 'Cancelled by the client',
  cancelled_by_clinic: 'Cancelled by the clinic',
};

function sessionEvent(row: ExportRow, vaultId: string, includeInitials: boolean): IcsEvent {
  const cancelled = CANCELLED_STATUSES.includes(row.status);
  const description = [`Modality: ${MODALITY_TEXT[row.modality]}`, `Status: ${STATUS_TEXT[row.status]}`];
  // A workshop is the agency's own event, not a client's: its name is no one's secret.
  if (row.sessionType === 'group_workshop' && row.agencyName) description.unshift(`Agency: ${row.agencyName}`);
  return {
    uid: sessionEventUid(row.id, vaultId),
    startMs: row.startMs,
    endMs: row.endMs,
    // Some calendar apps show an imported cancelled event anyway: the title says it too.
    title: `${cancelled ? 'Cancelled: ' : ''}${sessionTitle(row, includeInitials)}`,
    location: row.modality === 'in_person' ? (row.roomName ?? MODALITY_TEXT.in_person) : MODALITY_TEXT[row.modality],
    description: description.join('\n'),
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    ...(row.modality === 'video' && row.videoLink !== '' ? { url: row.videoLink } : {}),
    sequence: row.changes,
  };
}

function sessionTitle(row: ExportRow, includeInitials: boolean): string {
  if (row.sessionType === 'group_workshop') return `${row.topic ? TOPIC_TITLES[row.topic] : TYPE_TITLES.group_workshop} · group`;
  const parts = [TYPE_TITLES[row.sessionType]];
  if (row.clientCode) {
    parts.push(row.clientCode);
    const initials = includeInitials ? initialsOf(row.givenName ?? '', row.familyName ?? '') : '';
    if (initials) parts.push(initials);
  }
  return parts.join(' · ');
}

/** "Budi" "Santoso" → "B.S."; one letter per name, so a long given name gives away no more. */
export function initialsOf(givenName: string, familyName: string): string {
  return [givenName, familyName]
    .map((name) => [...name.trim()][0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toUpperCase()}.`)
    .join('');
}
