import type { EntityManager } from 'typeorm';
import type { SessionChange, SessionView } from '../shared/contract';
import { SessionChangeEntity, UserAccountEntity, type SessionRow } from '../db/entities';
import { byId, clientName, unique } from './record-views';
import type { SessionUser } from './session';

/**
 * Sessions as the channels show them: client code (and the name for whom may see it),
 * agency, counsellor and room names joined in. One SQL statement with its joins, read as
 * plain rows: a clinic's busy day is a thousand sessions or more, and hydrating entities
 * and looking names up in batches cost more than the query itself.
 */
const VIEW_SELECT = `SELECT s.id, s.case_id AS caseId, cl.id AS clientId, cl.code AS clientCode, cl.given_name AS givenName, cl.family_name AS familyName,
    c.counsellor_id AS caseCounsellorId, s.agency_id AS agencyId, a.name AS agencyName, s.counsellor_id AS counsellorId, u.display_name AS counsellorName,
    s.room_id AS roomId, r.name AS roomName, s.start_ms AS startMs, s.end_ms AS endMs, s.time_zone AS timeZone, s.session_type AS sessionType,
    s.modality, s.video_link AS videoLink, s.presenting_issue AS presentingIssue, s.status, s.status_reason AS statusReason, s.topic, s.capacity,
    s.head_count AS headCount, s.series_id AS seriesId, s.override_reason AS overrideReason, s.allowance_reason AS allowanceReason,
    CASE WHEN s.session_type = 'group_workshop' THEN (SELECT count(*) FROM session_attendee sa WHERE sa.session_id = s.id) ELSE 0 END AS attendeeCount
  FROM session s
  LEFT JOIN client_case c ON c.id = s.case_id
  LEFT JOIN client cl ON cl.id = c.client_id
  LEFT JOIN room r ON r.id = s.room_id
  JOIN agency a ON a.id = s.agency_id
  JOIN user_account u ON u.id = s.counsellor_id`;

type ViewRow = Omit<SessionView, 'clientName'> & { givenName: string | null; familyName: string | null; caseCounsellorId: number | null };

/** The sessions matching `where` (SQL over alias `s`), by start. */
export async function querySessionViews(m: EntityManager, where: string, params: unknown[], viewer: SessionUser): Promise<SessionView[]> {
  const rows: ViewRow[] = await m.query(`${VIEW_SELECT} WHERE ${where} ORDER BY s.start_ms, s.id`, params);
  return rows.map(({ givenName, familyName, caseCounsellorId, ...row }) => ({
    ...row,
    // The same rule as the client record: the case's counsellor and admins see the name.
    clientName: givenName !== null && (viewer.role === 'admin' || caseCounsellorId === viewer.id) ? clientName({ givenName, familyName: familyName ?? '' }) : null,
  }));
}

export async function sessionViews(m: EntityManager, rows: readonly SessionRow[], viewer: SessionUser): Promise<SessionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  return querySessionViews(m, `s.id IN (${ids.map(() => '?').join(', ')})`, ids, viewer);
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
