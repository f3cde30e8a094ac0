import { EntitySchema } from 'typeorm';
import type { Modality, SessionStatus, SessionType, WorkshopTopic } from '../../shared/domain/sessions';

/** A booked session: one client's (through a case), or an agency's group session or workshop. */
export interface SessionRow {
  id: number;
  caseId: number | null;
  agencyId: number;
  counsellorId: number;
  roomId: number | null;
  startMs: number;
  endMs: number;
  /** The clinic's IANA zone when booked: what its wall-clock time means. */
  timeZone: string;
  sessionType: SessionType;
  modality: Modality;
  videoLink: string;
  /** Which of the case's presenting issues the session's allowance is counted against. */
  presentingIssue: string | null;
  status: SessionStatus;
  statusReason: string;
  topic: WorkshopTopic | null;
  capacity: number | null;
  headCount: number | null;
  seriesId: string | null;
  overrideReason: string;
  allowanceReason: string;
  createdAt: string;
  createdByUserId: number;
  updatedAt: string;
}

const integer = (name: string, nullable = false) => ({ type: 'integer' as const, name, nullable });

export const SessionEntity = new EntitySchema<SessionRow>({
  name: 'Session',
  tableName: 'session',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: integer('case_id', true),
    agencyId: integer('agency_id'),
    counsellorId: integer('counsellor_id'),
    roomId: integer('room_id', true),
    startMs: integer('start_ms'),
    endMs: integer('end_ms'),
    timeZone: { type: 'varchar', name: 'time_zone' },
    sessionType: { type: 'varchar', name: 'session_type' },
    modality: { type: 'varchar' },
    videoLink: { type: 'varchar', name: 'video_link' },
    presentingIssue: { type: 'varchar', name: 'presenting_issue', nullable: true },
    status: { type: 'varchar' },
    statusReason: { type: 'varchar', name: 'status_reason' },
    topic: { type: 'varchar', nullable: true },
    capacity: integer('capacity', true),
    headCount: integer('head_count', true),
    seriesId: { type: 'varchar', name: 'series_id', nullable: true },
    overrideReason: { type: 'varchar', name: 'override_reason' },
    allowanceReason: { type: 'varchar', name: 'allowance_reason' },
    createdAt: { type: 'varchar', name: 'created_at' },
    createdByUserId: integer('created_by_user_id'),
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});

/** One change of a session (reschedule, outcome, cancellation): append-only, like the audit log. */
export interface SessionChangeRow {
  id: number;
  sessionId: number;
  kind: 'rescheduled' | 'status';
  fromStartMs: number | null;
  fromEndMs: number | null;
  fromRoomId: number | null;
  fromStatus: SessionStatus | null;
  toStartMs: number | null;
  toEndMs: number | null;
  toRoomId: number | null;
  toStatus: SessionStatus | null;
  reason: string;
  changedAt: string;
  changedByUserId: number;
}

export const SessionChangeEntity = new EntitySchema<SessionChangeRow>({
  name: 'SessionChange',
  tableName: 'session_change',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    sessionId: integer('session_id'),
    kind: { type: 'varchar' },
    fromStartMs: integer('from_start_ms', true),
    fromEndMs: integer('from_end_ms', true),
    fromRoomId: integer('from_room_id', true),
    fromStatus: { type: 'varchar', name: 'from_status', nullable: true },
    toStartMs: integer('to_start_ms', true),
    toEndMs: integer('to_end_ms', true),
    toRoomId: integer('to_room_id', true),
    toStatus: { type: 'varchar', name: 'to_status', nullable: true },
    reason: { type: 'varchar' },
    changedAt: { type: 'varchar', name: 'changed_at' },
    changedByUserId: integer('changed_by_user_id'),
  },
});

/** A named client at a group session. */
export interface SessionAttendeeRow {
  sessionId: number;
  clientId: number;
}

export const SessionAttendeeEntity = new EntitySchema<SessionAttendeeRow>({
  name: 'SessionAttendee',
  tableName: 'session_attendee',
  columns: {
    sessionId: { type: 'integer', name: 'session_id', primary: true },
    clientId: { type: 'integer', name: 'client_id', primary: true },
  },
});
