import { In, type EntityManager } from 'typeorm';
import type { SessionChange, SessionView } from '../shared/contract';
import type { PresentingIssue } from '../shared/domain/referrals';
import {
  AgencyEntity,
  ClientCaseEntity,
  ClientEntity,
  RoomEntity,
  SessionAttendeeEntity,
  SessionChangeEntity,
  UserAccountEntity,
  type ClientCaseRow,
  type ClientRow,
  type RoomRow,
  type SessionRow,
} from '../db/entities';
import { byId, clientName, unique } from './record-views';
import type { SessionUser } from './session';

/**
 * Sessions as the channels show them: client code (and the name for whom may see it),
 * agency, counsellor and room names joined in, batched per list so a week of a busy
 * clinic costs a handful of queries.
 */
export async function sessionViews(m: EntityManager, rows: readonly SessionRow[], viewer: SessionUser): Promise<SessionView[]> {
  const cases = await byId<ClientCaseRow>(m, ClientCaseEntity, unique(rows.map((r) => r.caseId)));
  const clients = await byId<ClientRow>(m, ClientEntity, unique([...cases.values()].map((c) => c.clientId)));
  const agencies = await byId<{ id: number; name: string }>(m, AgencyEntity, unique(rows.map((r) => r.agencyId)));
  const users = await byId<{ id: number; displayName: string }>(m, UserAccountEntity, unique(rows.map((r) => r.counsellorId)));
  const rooms = await byId<RoomRow>(m, RoomEntity, unique(rows.map((r) => r.roomId)));
  const groupIds = rows.filter((r) => r.sessionType === 'group_workshop').map((r) => r.id);
  const attendees = new Map<number, number>();
  if (groupIds.length) {
    const counts: Array<{ session_id: number; n: number }> = await m
      .getRepository(SessionAttendeeEntity)
      .createQueryBuilder('a')
      .select('a.session_id', 'session_id')
      .addSelect('count(*)', 'n')
      .where({ sessionId: In(groupIds) })
      .groupBy('a.session_id')
      .getRawMany();
    for (const c of counts) attendees.set(c.session_id, Number(c.n));
  }
  return rows.map((r) => {
    const kase = r.caseId === null ? undefined : cases.get(r.caseId);
    const client = kase ? clients.get(kase.clientId) : undefined;
    // The same rule as the client record: the case's counsellor and admins see the name.
    const mayName = client !== undefined && (viewer.role === 'admin' || kase?.counsellorId === viewer.id);
    return {
      id: r.id,
      caseId: r.caseId,
      clientId: client?.id ?? null,
      clientCode: client?.code ?? null,
      clientName: mayName ? clientName(client) : null,
      agencyId: r.agencyId,
      agencyName: agencies.get(r.agencyId)?.name ?? '',
      counsellorId: r.counsellorId,
      counsellorName: users.get(r.counsellorId)?.displayName ?? '',
      roomId: r.roomId,
      roomName: r.roomId === null ? null : (rooms.get(r.roomId)?.name ?? null),
      startMs: r.startMs,
      endMs: r.endMs,
      timeZone: r.timeZone,
      sessionType: r.sessionType,
      modality: r.modality,
      videoLink: r.videoLink,
      presentingIssue: r.presentingIssue as PresentingIssue | null,
      status: r.status,
      statusReason: r.statusReason,
      topic: r.topic,
      capacity: r.capacity,
      headCount: r.headCount,
      attendeeCount: attendees.get(r.id) ?? 0,
      seriesId: r.seriesId,
      overrideReason: r.overrideReason,
      allowanceReason: r.allowanceReason,
    };
  });
}

/** A session's history: its booking, then every change, oldest first. */
export async function sessionHistory(m: EntityManager, row: SessionRow): Promise<SessionChange[]> {
  const changes = await m.getRepository(SessionChangeEntity).find({ where: { sessionId: row.id }, order: { id: 'ASC' } });
  const users = await byId<{ id: number; displayName: string }>(m, UserAccountEntity, unique([row.createdByUserId, ...changes.map((c) => c.changedByUserId)]));
  const by = (id: number) => users.get(id)?.displayName ?? '';
  // The time first booked: before the first move, or the time it still has.
  const bookedStartMs = changes.find((c) => c.kind === 'rescheduled')?.fromStartMs ?? row.startMs;
  return [
    { kind: 'booked', fromStartMs: null, toStartMs: bookedStartMs, fromStatus: null, toStatus: 'scheduled', reason: row.overrideReason || row.allowanceReason, changedAt: row.createdAt, changedBy: by(row.createdByUserId) },
    ...changes.map((c) => ({ kind: c.kind, fromStartMs: c.fromStartMs, toStartMs: c.toStartMs, fromStatus: c.fromStatus, toStatus: c.toStatus, reason: c.reason, changedAt: c.changedAt, changedBy: by(c.changedByUserId) })),
  ];
}
