import { DateTime } from 'luxon';
import { AppError } from '../shared/errors';
import { NOTE_SEARCH_PAGE_SIZE, SNIPPET_MARK_END, SNIPPET_MARK_START, type ChannelOutput, type NoteSearchHit, type ParsedInput } from '../shared/contract';
import { noteSearchQuery } from '../shared/domain/notes';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import { readableNoteSql } from './caseload';
import { clientName } from './record-views';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * Full-text search over notes and addenda (issue 5). Access is decided in the same SQL that
 * finds, ranks and counts the hits: a note counts only when the note rule of `caseload.ts`
 * lets the caller read it (issue 11). So no snippet or count ever reflects a note they may
 * not open. The channel is for counsellors only: an admin searches nothing clinical.
 */

/** The notes the caller may read and the filters asked for, over note n and its case c. */
function readable(session: OpenSession, input: ParsedInput<'notes.search'>): { sql: string; params: unknown[] } {
  const rule = readableNoteSql(session.user);
  const parts = [rule.sql];
  const params: unknown[] = [...rule.params];
  const zone = session.settings.timeZone;
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (input.clientId !== undefined) add('c.client_id = ?', input.clientId);
  if (input.template !== undefined) add('n.template = ?', input.template);
  if (input.from !== undefined) add('n.created_at >= ?', DateTime.fromISO(input.from, { zone }).startOf('day').toUTC().toISO());
  if (input.to !== undefined) add('n.created_at < ?', DateTime.fromISO(input.to, { zone }).plus({ days: 1 }).startOf('day').toUTC().toISO());
  return { sql: parts.join(' AND '), params };
}

/**
 * The rowids in the index the caller may see: their readable notes, and those notes'
 * addenda (negated ids). Built first and materialised, so the word's matches are tested
 * against a small in-memory set rather than each looked up in the note table: a common
 * word matches a hundred thousand notes of the clinic, a counsellor reads a few hundred.
 */
function candidates(where: { sql: string; params: unknown[] }): { cte: string; params: unknown[] } {
  return {
    cte: `WITH candidate(rid) AS MATERIALIZED (
      SELECT n.id FROM client_case c JOIN note n ON n.case_id = c.id WHERE ${where.sql}
      UNION ALL
      SELECT -a.id FROM client_case c JOIN note n ON n.case_id = c.id JOIN note_addendum a ON a.note_id = n.id WHERE ${where.sql})`,
    params: [...where.params, ...where.params],
  };
}

type HitRow = { rid: number; noteId: number; addendumId: number | null; snippet: string };
type DetailRow = Omit<NoteSearchHit, 'clientName' | 'addendumId' | 'snippet'> & { givenName: string; familyName: string; caseCounsellorId: number };

export async function searchNotes(session: OpenSession, clock: Clock, input: ParsedInput<'notes.search'>): Promise<ChannelOutput<'notes.search'>> {
  const match = noteSearchQuery(input.query);
  if (match === null) throw new AppError('VALIDATION', 'Type a word to search for.', { issues: [{ path: 'query', code: 'search_required', message: 'Type a word to search for.' }] });
  if (input.from !== undefined && input.to !== undefined && input.to < input.from) {
    throw new AppError('VALIDATION', 'The end date is before the start date.', { issues: [{ path: 'to', code: 'date_range_reversed', message: 'The end date is before the start date.' }] });
  }
  const m = session.dataSource.manager;
  const { cte, params } = candidates(readable(session, input));
  const matching = 'FROM candidate JOIN note_fts f ON f.rowid = candidate.rid WHERE note_fts MATCH ?';
  const [{ total }] = (await m.query(`${cte} SELECT count(*) AS total ${matching}`, [...params, match])) as [{ total: number }];
  const rows: HitRow[] = await m.query(
    `${cte} SELECT f.rowid AS rid, f.note_id AS noteId, f.addendum_id AS addendumId, snippet(note_fts, 0, ?, ?, '…', 16) AS snippet ${matching} ORDER BY f.rank, f.rowid LIMIT ? OFFSET ?`,
    [...params, SNIPPET_MARK_START, SNIPPET_MARK_END, match, NOTE_SEARCH_PAGE_SIZE, input.page * NOTE_SEARCH_PAGE_SIZE],
  );
  const noteIds = [...new Set(rows.map((r) => r.noteId))];
  const details: DetailRow[] = noteIds.length === 0 ? [] : await m.query(
    `SELECT n.id AS noteId, c.client_id AS clientId, cl.code AS clientCode, cl.given_name AS givenName, cl.family_name AS familyName, c.counsellor_id AS caseCounsellorId,
       n.template AS template, n.status AS status, u.display_name AS authorName, n.created_at AS writtenAt
     FROM note n JOIN client_case c ON c.id = n.case_id JOIN client cl ON cl.id = c.client_id JOIN user_account u ON u.id = n.author_user_id
     WHERE n.id IN (${noteIds.map(() => '?').join(', ')})`,
    noteIds,
  );
  const byNote = new Map(details.map((d) => [d.noteId, d]));
  const hits = rows.map((row) => {
    const { givenName, familyName, caseCounsellorId, ...detail } = byNote.get(row.noteId)!;
    return { ...detail, addendumId: row.addendumId, snippet: row.snippet, clientName: caseCounsellorId === session.user.id ? clientName({ givenName, familyName }) : null };
  });
  await inWriteTransaction(session.dataSource, (w) =>
    appendAudit(w, { ...actorOf(session, clock), action: 'note.search', recordType: 'note', recordId: '*', outcome: 'success', detail: { hits: total } }),
  );
  return { hits, total, page: input.page, pageSize: NOTE_SEARCH_PAGE_SIZE };
}
