import type { MigrationInterface, QueryRunner } from 'typeorm';

const TEMPLATES = "('soap', 'dap', 'birp', 'free_text', 'intake_assessment', 'closing_summary')";

function appendOnly(table: string, what: string): string[] {
  return [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} is append-only'); END`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} is append-only'); END`,
  ];
}

/**
 * Schema version 7: case notes (issue 5, first slice). A note belongs to a case and, for
 * a session note, to its session (one note per session); its content is the template's
 * sections as a JSON object. A draft is the note row itself, saved as it is typed. Once
 * signed (signer, time, SHA-256 of the canonical text) the database refuses any UPDATE or
 * DELETE of it, whatever the caller; corrections are addenda, signed when written and
 * append-only. Risk flags on a client are raised, and cleared, with a note. Break-glass
 * openings of a note by someone outside the client's caseload are kept append-only, to be
 * shown to the note's counsellor.
 */
export class CaseNotes1764300000007 implements MigrationInterface {
  name = 'CaseNotes1764300000007';
  readonly schemaVersion = 7;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE note (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id INTEGER NOT NULL REFERENCES client_case(id),
      session_id INTEGER REFERENCES session(id),
      author_user_id INTEGER NOT NULL REFERENCES user_account(id),
      template VARCHAR NOT NULL CHECK (template IN ${TEMPLATES}),
      content TEXT NOT NULL CHECK (json_valid(content) AND json_type(content) = 'object'),
      status VARCHAR NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
      signed_at VARCHAR,
      signed_by_user_id INTEGER REFERENCES user_account(id),
      content_sha256 VARCHAR CHECK (content_sha256 IS NULL OR (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*')),
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL,
      CHECK ((status = 'signed') = (signed_at IS NOT NULL AND signed_by_user_id IS NOT NULL AND content_sha256 IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX note_session ON note (session_id) WHERE session_id IS NOT NULL`);
    await q.query(`CREATE INDEX note_case ON note (case_id, created_at)`);
    // "Notes to sign", oldest first, for each counsellor's home screen.
    await q.query(`CREATE INDEX note_to_sign ON note (author_user_id, created_at) WHERE status = 'draft'`);
    await q.query(`CREATE TRIGGER note_signed_no_update BEFORE UPDATE ON note WHEN OLD.status = 'signed'
      BEGIN SELECT RAISE(ABORT, 'a signed note cannot change; add an addendum'); END`);
    await q.query(`CREATE TRIGGER note_signed_no_delete BEFORE DELETE ON note WHEN OLD.status = 'signed'
      BEGIN SELECT RAISE(ABORT, 'a signed note cannot be deleted'); END`);

    await q.query(`CREATE TABLE note_addendum (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      note_id INTEGER NOT NULL REFERENCES note(id),
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      signed_at VARCHAR NOT NULL,
      signed_by_user_id INTEGER NOT NULL REFERENCES user_account(id),
      content_sha256 VARCHAR NOT NULL CHECK (length(content_sha256) = 64 AND content_sha256 NOT GLOB '*[^0-9a-f]*')
    )`);
    await q.query(`CREATE INDEX note_addendum_note ON note_addendum (note_id, id)`);
    await q.query(`CREATE TRIGGER note_addendum_signed_note_only BEFORE INSERT ON note_addendum
      WHEN (SELECT status FROM note WHERE id = NEW.note_id) IS NOT 'signed'
      BEGIN SELECT RAISE(ABORT, 'an addendum corrects a signed note'); END`);
    for (const sql of appendOnly('note_addendum', 'an addendum')) await q.query(sql);

    await q.query(`CREATE TABLE risk_flag (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id INTEGER NOT NULL REFERENCES client(id),
      kind VARCHAR NOT NULL CHECK (kind IN ('suicide_self_harm', 'risk_to_others', 'safeguarding')),
      level VARCHAR NOT NULL CHECK (level IN ('low', 'medium', 'high')),
      raised_date VARCHAR NOT NULL,
      review_date VARCHAR NOT NULL,
      raised_by_user_id INTEGER NOT NULL REFERENCES user_account(id),
      raised_note_id INTEGER NOT NULL REFERENCES note(id),
      cleared_at VARCHAR,
      cleared_by_user_id INTEGER REFERENCES user_account(id),
      cleared_note_id INTEGER REFERENCES note(id),
      CHECK (review_date >= raised_date),
      CHECK ((cleared_at IS NULL) = (cleared_by_user_id IS NULL) AND (cleared_at IS NULL) = (cleared_note_id IS NULL))
    )`);
    await q.query(`CREATE INDEX risk_flag_client ON risk_flag (client_id) WHERE cleared_at IS NULL`);
    await q.query(`CREATE INDEX risk_flag_review ON risk_flag (review_date) WHERE cleared_at IS NULL`);

    await q.query(`CREATE TABLE note_access (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      note_id INTEGER NOT NULL REFERENCES note(id),
      user_id INTEGER NOT NULL REFERENCES user_account(id),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      opened_at VARCHAR NOT NULL
    )`);
    await q.query(`CREATE INDEX note_access_note ON note_access (note_id, id)`);
    for (const sql of appendOnly('note_access', 'the break-glass log')) await q.query(sql);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
