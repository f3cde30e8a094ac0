import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { BreakGlassOpening, Note, NoteAddendum, NoteSummary } from '../shared/contract';
import { canonicalAddendumText, canonicalNoteText, type NoteContent, type NoteTemplate } from '../shared/domain/notes';
import { NoteAddendumEntity, UserAccountEntity, type NoteRow } from '../db/entities';
import { readableNoteSql } from './caseload';
import { byId, clientName, unique } from './record-views';
import type { SessionUser } from './session';

/**
 * Notes as the channels show them. A list never carries content; one SQL statement builds
 * each row as a JSON object (a client's list must open in well under 30 ms on a vault of
 * 200,000 notes). The client's name goes only to those who may see it: the case's
 * counsellor and admins, the same rule as the client record.
 */

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function noteHash(template: NoteTemplate, content: NoteContent): string {
  return sha256Hex(canonicalNoteText(template, content));
}

export function addendumHash(noteId: number, text: string): string {
  return sha256Hex(canonicalAddendumText(noteId, text));
}

const SUMMARY_FIELDS: Record<string, string> = {
  id: 'n.id',
  caseId: 'n.case_id',
  clientId: 'c.client_id',
  clientCode: 'cl.code',
  givenName: 'cl.given_name',
  familyName: 'cl.family_name',
  caseCounsellorId: 'c.counsellor_id',
  sessionId: 'n.session_id',
  sessionStartMs: 's.start_ms',
  authorUserId: 'n.author_user_id',
  authorName: 'u.display_name',
  template: 'n.template',
  status: 'n.status',
  createdAt: 'n.created_at',
  updatedAt: 'n.updated_at',
  signedAt: 'n.signed_at',
  addendumCount: '(SELECT count(*) FROM note_addendum a WHERE a.note_id = n.id)',
};

const SUMMARY_SELECT = `SELECT json_object(${Object.entries(SUMMARY_FIELDS)
  .map(([key, sql]) => `'${key}', ${sql}`)
  .join(', ')}) AS view
  FROM note n
  JOIN client_case c ON c.id = n.case_id
  JOIN client cl ON cl.id = c.client_id
  JOIN user_account u ON u.id = n.author_user_id
  LEFT JOIN session s ON s.id = n.session_id`;

type SummaryRow = Omit<NoteSummary, 'clientName'> & { givenName: string; familyName: string; caseCounsellorId: number };

export function mayNameClient(viewer: SessionUser, caseCounsellorId: number): boolean {
  return viewer.role === 'admin' || caseCounsellorId === viewer.id;
}

async function summaries(m: EntityManager, where: string, params: unknown[], viewer: SessionUser, tail = ''): Promise<NoteSummary[]> {
  const rows: Array<{ view: string }> = await m.query(`${SUMMARY_SELECT} WHERE ${where} ${tail}`, params);
  return rows.map((r) => {
    const { givenName, familyName, caseCounsellorId, ...row } = JSON.parse(r.view) as SummaryRow;
    return { ...row, clientName: mayNameClient(viewer, caseCounsellorId) ? clientName({ givenName, familyName }) : null };
  });
}

/**
 * Notes matching `where` (SQL over aliases n, c, cl, s) that the viewer may read, newest
 * first: for a counsellor the note rule of `caseload.ts` (a draft is its author's alone);
 * for an admin the metadata of signed notes.
 */
export function queryNoteSummaries(m: EntityManager, where: string, params: unknown[], viewer: SessionUser, order = 'n.created_at DESC, n.id DESC', limit = 500): Promise<NoteSummary[]> {
  const readable = readableNoteSql(viewer);
  return summaries(m, `(${where}) AND ${readable.sql}`, [...params, ...readable.params], viewer, `ORDER BY ${order} LIMIT ${limit}`);
}

export async function addendaOf(m: EntityManager, noteId: number): Promise<NoteAddendum[]> {
  const rows = await m.getRepository(NoteAddendumEntity).find({ where: { noteId }, order: { id: 'ASC' } });
  const users = await byId<{ id: number; displayName: string }>(m, UserAccountEntity, unique(rows.map((r) => r.signedByUserId)));
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    signedAt: r.signedAt,
    signedByName: users.get(r.signedByUserId)?.displayName ?? '',
    contentSha256: r.contentSha256,
    hashVerified: addendumHash(r.noteId, r.text) === r.contentSha256,
  }));
}

/** Break-glass openings: of one note, or of every note of a counsellor's caseload (for their home screen). */
export async function breakGlassOpenings(m: EntityManager, where: string, params: unknown[], limit = 50): Promise<BreakGlassOpening[]> {
  const rows: BreakGlassOpening[] = await m.query(
    `SELECT na.note_id AS noteId, cl.code AS clientCode, u.display_name AS userName, na.category AS category, na.reason AS reason, na.opened_at AS openedAt
     FROM note_access na JOIN note n ON n.id = na.note_id JOIN client_case c ON c.id = n.case_id JOIN client cl ON cl.id = c.client_id
     JOIN user_account u ON u.id = na.user_id
     WHERE ${where} ORDER BY na.id DESC LIMIT ${limit}`,
    params,
  );
  return rows;
}

/** One note whole: summary, content, signature check, addenda, and (for its counsellor) who broke the glass. */
export async function noteView(m: EntityManager, row: NoteRow, viewer: SessionUser, rights: { mayEdit: boolean; mayAddAddendum: boolean; showBreakGlass: boolean; readForContinuity: boolean }): Promise<Note> {
  // The caller has already been let in (a break-glass opening may be of another's draft).
  const [summary] = await summaries(m, 'n.id = ?', [row.id], viewer);
  const content = JSON.parse(row.content) as NoteContent;
  const signer = row.signedByUserId === null ? null : await m.getRepository(UserAccountEntity).findOneBy({ id: row.signedByUserId });
  return {
    ...summary!,
    content,
    signedByName: signer?.displayName ?? null,
    contentSha256: row.contentSha256,
    hashVerified: row.contentSha256 === null ? null : noteHash(row.template, content) === row.contentSha256,
    addenda: await addendaOf(m, row.id),
    breakGlass: rights.showBreakGlass ? await breakGlassOpenings(m, 'na.note_id = ?', [row.id]) : [],
    mayEdit: rights.mayEdit,
    mayAddAddendum: rights.mayAddAddendum,
    readForContinuity: rights.readForContinuity,
  };
}

export interface SignatureCheck {
  notes: number;
  addenda: number;
  /** Notes whose content, or one of whose addenda, no longer hashes to its signature (ids only, at most 100). */
  mismatchedNoteIds: number[];
}

/**
 * Recomputes every signature's SHA-256 (for `vault verify`). The triggers stop a changed
 * signed note through SQLite; this finds one changed by anything else (a tool that dropped
 * them, a restored file edited by hand). Reads in pages so a large vault is not held whole.
 */
export async function verifySignatures(m: EntityManager): Promise<SignatureCheck> {
  const result: SignatureCheck = { notes: 0, addenda: 0, mismatchedNoteIds: [] };
  const mismatch = (id: number) => {
    if (result.mismatchedNoteIds.length < 100 && !result.mismatchedNoteIds.includes(id)) result.mismatchedNoteIds.push(id);
  };
  for (let after = 0; ; ) {
    const rows: Array<{ id: number; template: NoteTemplate; content: string; hash: string }> = await m.query(
      "SELECT id, template, content, content_sha256 AS hash FROM note WHERE status = 'signed' AND id > ? ORDER BY id LIMIT 5000",
      [after],
    );
    if (rows.length === 0) break;
    for (const r of rows) if (noteHash(r.template, JSON.parse(r.content) as NoteContent) !== r.hash) mismatch(r.id);
    result.notes += rows.length;
    after = rows.at(-1)!.id;
  }
  for (let after = 0; ; ) {
    const rows: Array<{ id: number; noteId: number; text: string; hash: string }> = await m.query('SELECT id, note_id AS noteId, text, content_sha256 AS hash FROM note_addendum WHERE id > ? ORDER BY id LIMIT 5000', [after]);
    if (rows.length === 0) break;
    for (const r of rows) if (addendumHash(r.noteId, r.text) !== r.hash) mismatch(r.noteId);
    result.addenda += rows.length;
    after = rows.at(-1)!.id;
  }
  return result;
}
