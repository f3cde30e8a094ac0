import { DateTime } from 'luxon';
import { In, type EntityManager } from 'typeorm';
import type { ScheduleProblem } from '../shared/contract';
import { MAX_SESSION_MINUTES, OCCUPYING_STATUSES, isGroupType, type SessionType } from '../shared/domain/sessions';
import { spansOverlap, withinWorkingHours, type TimeSpan } from '../shared/domain/scheduling';
import { ClinicHolidayEntity, LeaveEntity, RoomEntity, SessionEntity, WorkingHoursEntity, type RoomRow, type SessionRow } from '../db/entities';

/**
 * Whether sessions can go where they are asked to (issue 4), before anything is saved:
 * the counsellor and the room free (a group may share a room while capacities fit), the
 * room in use, and the time inside the counsellor's working hours, off leave and off
 * clinic holidays. The first kind are hard conflicts; the last three a user may book
 * through with a reason. The schema's triggers refuse the hard conflicts again, so a
 * race between two writers cannot get past them.
 */

/** Where and what a session would be. */
export interface Placement {
  counsellorId: number;
  roomId: number | null;
  sessionType: SessionType;
  capacity: number | null;
  /** A session being moved does not stand in its own way. */
  exceptSessionId?: number;
}

const LONGEST_MS = MAX_SESSION_MINUTES * 60_000;

/** Live sessions of one counsellor or room that could overlap any of `spans` (one indexed range read). */
async function liveSessionsNear(m: EntityManager, where: { counsellorId: number } | { roomId: number }, spans: readonly TimeSpan[], exceptId?: number): Promise<SessionRow[]> {
  const from = Math.min(...spans.map((s) => s.startMs)) - LONGEST_MS;
  const to = Math.max(...spans.map((s) => s.endMs));
  const column = 'counsellorId' in where ? 'counsellor_id' : 'room_id';
  const value = 'counsellorId' in where ? where.counsellorId : where.roomId;
  const rows = await m
    .getRepository(SessionEntity)
    .createQueryBuilder('s')
    .where(`s.${column} = :value AND s.start_ms > :from AND s.start_ms < :to AND s.status IN (:...live)`, { value, from, to, live: OCCUPYING_STATUSES })
    .getMany();
  return rows.filter((r) => r.id !== exceptId);
}

export async function findScheduleProblems(m: EntityManager, timeZone: string, placement: Placement, spans: readonly TimeSpan[]): Promise<ScheduleProblem[]> {
  if (spans.length === 0) return [];
  const problems: ScheduleProblem[] = [];
  const add = (occurrence: number, kind: ScheduleProblem['kind'], other: SessionRow | null, rooms?: Map<number, RoomRow>) =>
    problems.push({
      occurrence,
      occurrenceStartMs: spans[occurrence]!.startMs,
      kind,
      other: other ? { startMs: other.startMs, endMs: other.endMs, roomName: other.roomId === null ? null : (rooms?.get(other.roomId)?.name ?? null) } : null,
    });

  const counsellorSessions = await liveSessionsNear(m, { counsellorId: placement.counsellorId }, spans, placement.exceptSessionId);
  const roomSessions = placement.roomId === null ? [] : await liveSessionsNear(m, { roomId: placement.roomId }, spans, placement.exceptSessionId);
  const roomIds = [...new Set([placement.roomId, ...counsellorSessions.map((s) => s.roomId)].filter((id): id is number => id !== null))];
  const rooms = new Map((roomIds.length ? await m.getRepository(RoomEntity).findBy({ id: In(roomIds) }) : []).map((r) => [r.id, r]));
  const room = placement.roomId === null ? null : rooms.get(placement.roomId);

  spans.forEach((span, i) => {
    const busy = counsellorSessions.find((s) => spansOverlap(s, span));
    if (busy) add(i, 'counsellor_busy', busy, rooms);
    if (room) {
      if (!room.active) add(i, 'room_inactive', null);
      // The counsellor's own session in this room is reported once, as the counsellor's.
      const sharing = roomSessions.filter((s) => spansOverlap(s, span) && s.id !== busy?.id);
      const blocker = sharing.find((s) => !(isGroupType(s.sessionType) && isGroupType(placement.sessionType)));
      const seats = sharing.reduce((sum, s) => sum + (s.capacity ?? 0), 0) + (placement.capacity ?? 0);
      if (blocker) add(i, 'room_busy', blocker, rooms);
      else if (sharing.length > 0 && seats > room.capacity) add(i, 'room_busy', sharing[0]!, rooms);
    }
  });

  const hours = await m.getRepository(WorkingHoursEntity).findBy({ userId: placement.counsellorId });
  const dates = spans.map((s) => DateTime.fromMillis(s.startMs, { zone: timeZone }).toISODate()!);
  const leave = await m.getRepository(LeaveEntity).findBy({ userId: placement.counsellorId });
  const holidays = new Set((await m.getRepository(ClinicHolidayEntity).findBy({ date: In([...new Set(dates)]) })).map((h) => h.date));
  spans.forEach((span, i) => {
    const date = dates[i]!;
    if (!withinWorkingHours(span, hours, timeZone)) add(i, 'outside_hours', null);
    if (leave.some((l) => l.startDate <= date && date <= l.endDate)) add(i, 'on_leave', null);
    if (holidays.has(date)) add(i, 'holiday', null);
  });
  return problems.sort((a, b) => a.occurrence - b.occurrence);
}
