import { EntitySchema } from 'typeorm';
import type { NoteTemplate, RiskKind, RiskLevel } from '../../shared/domain/notes';
import type { BreakGlassCategory } from '../../shared/domain/accountability';

const integer = (name: string, nullable = false) => ({ type: 'integer' as const, name, nullable });
const text = (name: string, nullable = false) => ({ type: 'varchar' as const, name, nullable });

/** A case note: a draft while it is typed, then signed and never changed (the schema refuses it). */
export interface NoteRow {
  id: number;
  caseId: number;
  sessionId: number | null;
  authorUserId: number;
  template: NoteTemplate;
  /** The sections' text as a JSON object. */
  content: string;
  status: 'draft' | 'signed';
  signedAt: string | null;
  signedByUserId: number | null;
  contentSha256: string | null;
  createdAt: string;
  updatedAt: string;
}

export const NoteEntity = new EntitySchema<NoteRow>({
  name: 'Note',
  tableName: 'note',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: integer('case_id'),
    sessionId: integer('session_id', true),
    authorUserId: integer('author_user_id'),
    template: text('template'),
    content: text('content'),
    status: text('status'),
    signedAt: text('signed_at', true),
    signedByUserId: integer('signed_by_user_id', true),
    contentSha256: text('content_sha256', true),
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
  },
});

/** A correction of a signed note: signed as it is written, append-only. */
export interface NoteAddendumRow {
  id: number;
  noteId: number;
  text: string;
  signedAt: string;
  signedByUserId: number;
  contentSha256: string;
}

export const NoteAddendumEntity = new EntitySchema<NoteAddendumRow>({
  name: 'NoteAddendum',
  tableName: 'note_addendum',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    noteId: integer('note_id'),
    text: text('text'),
    signedAt: text('signed_at'),
    signedByUserId: integer('signed_by_user_id'),
    contentSha256: text('content_sha256'),
  },
});

export interface RiskFlagRow {
  id: number;
  clientId: number;
  kind: RiskKind;
  level: RiskLevel;
  raisedDate: string;
  reviewDate: string;
  raisedByUserId: number;
  raisedNoteId: number;
  clearedAt: string | null;
  clearedByUserId: number | null;
  clearedNoteId: number | null;
}

export const RiskFlagEntity = new EntitySchema<RiskFlagRow>({
  name: 'RiskFlag',
  tableName: 'risk_flag',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    clientId: integer('client_id'),
    kind: text('kind'),
    level: text('level'),
    raisedDate: text('raised_date'),
    reviewDate: text('review_date'),
    raisedByUserId: integer('raised_by_user_id'),
    raisedNoteId: integer('raised_note_id'),
    clearedAt: text('cleared_at', true),
    clearedByUserId: integer('cleared_by_user_id', true),
    clearedNoteId: integer('cleared_note_id', true),
  },
});

/** A break-glass opening of a note by someone outside the client's caseload: append-only. */
export interface NoteAccessRow {
  id: number;
  noteId: number;
  userId: number;
  reason: string;
  /** Null for openings logged before schema 9. */
  category: BreakGlassCategory | null;
  openedAt: string;
}

export const NoteAccessEntity = new EntitySchema<NoteAccessRow>({
  name: 'NoteAccess',
  tableName: 'note_access',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    noteId: integer('note_id'),
    userId: integer('user_id'),
    reason: text('reason'),
    category: text('category', true),
    openedAt: text('opened_at'),
  },
});
