import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A note's searchable text: its sections' text, one per line. */
const NOTE_BODY = (row: 'NEW') => `(SELECT group_concat(value, char(10)) FROM json_each(${row}.content))`;

/**
 * Schema version 8: full-text search over notes and addenda, and attachments (issue 5).
 *
 * `note_fts` is an FTS5 index inside the encrypted database (diacritics folded, so
 * "cemas" finds "cémas"; prefix indexes for type-ahead). Triggers keep it in step with
 * every write to `note` and `note_addendum`, in the writer's own transaction: a note's
 * row id is its rowid, an addendum's is its negated id. Access control is not the
 * index's job: every search joins back to the note and its case.
 *
 * `attachment` holds consent forms, letters and scans as blobs inside the vault; they are
 * never written to disk in plain text except as the short-lived copy a user opens.
 */
export class NoteSearchAndAttachments1764300000008 implements MigrationInterface {
  name = 'NoteSearchAndAttachments1764300000008';
  readonly schemaVersion = 8;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIRTUAL TABLE note_fts USING fts5(body, note_id UNINDEXED, addendum_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
    await q.query(`CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN
      INSERT INTO note_fts (rowid, body, note_id, addendum_id) VALUES (NEW.id, ${NOTE_BODY('NEW')}, NEW.id, NULL);
    END`);
    await q.query(`CREATE TRIGGER note_fts_update AFTER UPDATE OF content ON note BEGIN
      DELETE FROM note_fts WHERE rowid = OLD.id;
      INSERT INTO note_fts (rowid, body, note_id, addendum_id) VALUES (NEW.id, ${NOTE_BODY('NEW')}, NEW.id, NULL);
    END`);
    await q.query(`CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN DELETE FROM note_fts WHERE rowid = OLD.id; END`);
    await q.query(`CREATE TRIGGER note_addendum_fts_insert AFTER INSERT ON note_addendum BEGIN
      INSERT INTO note_fts (rowid, body, note_id, addendum_id) VALUES (-NEW.id, NEW.text, NEW.note_id, NEW.id);
    END`);
    // Already-written notes (a vault migrated from version 7) join the index now.
    await q.query(`INSERT INTO note_fts (rowid, body, note_id, addendum_id) SELECT id, (SELECT group_concat(value, char(10)) FROM json_each(note.content)), id, NULL FROM note`);
    await q.query(`INSERT INTO note_fts (rowid, body, note_id, addendum_id) SELECT -id, text, note_id, id FROM note_addendum`);

    await q.query(`CREATE TABLE attachment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id INTEGER NOT NULL REFERENCES client(id),
      case_id INTEGER REFERENCES client_case(id),
      kind VARCHAR NOT NULL CHECK (kind IN ('consent_form', 'letter', 'scanned_document', 'other')),
      media_type VARCHAR NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
      title VARCHAR NOT NULL CHECK (length(trim(title)) > 0),
      size_bytes INTEGER NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520 AND size_bytes = length(data)),
      sha256 VARCHAR NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
      data BLOB NOT NULL,
      added_at VARCHAR NOT NULL,
      added_by_user_id INTEGER NOT NULL REFERENCES user_account(id)
    )`);
    await q.query(`CREATE INDEX attachment_client ON attachment (client_id, id)`);
    // Records are never lost: an attachment, once added, stays as it was.
    await q.query(`CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment BEGIN SELECT RAISE(ABORT, 'an attachment cannot change'); END`);
    await q.query(`CREATE TRIGGER attachment_no_delete BEFORE DELETE ON attachment BEGIN SELECT RAISE(ABORT, 'an attachment cannot be deleted'); END`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
