import type { EntityManager } from 'typeorm';
import type { SessionChange, SessionView } from '../shared/contract';
import { SessionChangeEntity, UserAccountEntity, type SessionRow } from '../db/entities';
import { byId, clientName, unique } from './record-views';
import type { SessionUser } from './session';

/**
 * Sessions as the channels show them: client code (and the name for whom may see it),
 * agency, counsellor and room names joined in. One SQL statement with its joins, each row
 * built by SQLite as one JSON object: a clinic's busy day is well over a thousand
 * sessions, and the driver's building of a 30-key object per row, cell by cell, cost three
 * times the query itself.
 */
const VIEW_FIELDS: Record<string, string> = {
  id: 's.id',
  caseId: 's.case_id',
  clientId: 'cl.id',
  clientCode: 'cl.code',
  givenName: 'cl.given_name',
  familyName: 'cl.family_name',
  caseCounsellorId: 'c.counsellor_id',
  agencyId: 's.agency_id',
  agencyName: 'a.name',
  counsellorId: 's.counsellor_id',
  counsellorName: 'u.display_name',
  roomId: 's.room_id',
  roomName: 'r.name',
  startMs: 's.start_ms',
  endMs: 's.end_ms',
  timeZone: 's.time_zone',
  sessionType: 's.session_type',
  modality: 's.modality',
  videoLink: 's.video_link',
  presentingIssue: 's.presenting_issue',
  status: 's.status',
  statusReason: 's.status_reason',
  topic: 's.topic',
  capacity: 's.capacity',
  headCount: 's.head_count',
  seriesId: 's.series_id',
  overrideReason: 's.override_reason',
  allowanceReason: 's.allowance_reason',
  riskLevel: "(SELECT rf.level FROM risk_flag rf WHERE rf.client_id = cl.id AND rf.cleared_at IS NULL ORDER BY CASE rf.level WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END LIMIT 1)",
  noteId: '(SELECT nt.id FROM note nt WHERE nt.session_id = s.id)',
  noteStatus: '(SELECT nt.status FROM note nt WHERE nt.session_id = s.id)',
  attendeeCount: "CASE WHEN s.session_type = 'group_workshop' THEN (SELECT count(*) FROM session_attendee sa WHERE sa.session_id = s.id) ELSE 0 END",
};

const VIEW_SELECT = `SELECT json_object(${Object.entries(VIEW_FIELDS)
  .map(([key, sql]) => `'${key}', ${sql}`)
  .join(', ')}) AS view
  FROM session s
  LEFT JOIN client_case c ON c.id = s.case_id
  LEFT JOIN client cl ON cl.id = c.client_id
  LEFT JOIN room r ON r.id = s.room_id
  JOIN agency a ON a.id = s.agency_id
  JOIN user_account u ON u.id = s.counsellor_id`;

type ViewRow = Omit<SessionView, 'clientName'> & { givenName: string | null; familyName: string | null; caseCounsellorId: number | null };

/** The sessions matching `where` (SQL over alias `s`), by start. */
export async function querySessionViews(m: EntityManager, where: string, params: unknown[], viewer: SessionUser): Promise<SessionView[]> {
  const rows: Array<{ view: string }> = await m.query(`${VIEW_SELECT} WHERE ${where} ORDER BY s.start_ms, s.id`, params);
  return rows.map((r) => {
    const { givenName, familyName, caseCounsellorId, ...row } = JSON.parse(r.view) as ViewRow;
    // The same rule as the client record: the case's counsellor and admins see the name.
    const mayName = givenName !== null && (viewer.role === 'admin' || caseCounsellorId === viewer.id);
    return { ...row, clientName: mayName ? clientName({ givenName, familyName: familyName ?? '' }) : null };
  });
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
