import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BREAK_GLASS_CATEGORIES, REASON_MIN_LENGTH } from '../../shared/domain/accountability';

const CATEGORIES = BREAK_GLASS_CATEGORIES.map((c) => `'${c}'`).join(', ');

/**
 * Schema version 9: what admins do with clinical content is seen by counsellors (issue 11).
 *
 * - `note_access.category`: why a note was opened through break-glass, besides the reason
 *   in words. Openings logged before this version have none (NULL); the service requires
 *   one for every new opening. (No trigger insists, since a restore writes old rows too.)
 * - `export_log`: every full export with who, when, the reason they gave, whether the file
 *   was encrypted and how many rows it held. Append-only, like the break-glass log: each
 *   counsellor's Home shows the exports that held their notes.
 */
export class Accountability1764300000009 implements MigrationInterface {
  name = 'Accountability1764300000009';
  readonly schemaVersion = 9;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE note_access ADD COLUMN category VARCHAR CHECK (category IS NULL OR category IN (${CATEGORIES}))`);
    await q.query(`CREATE TABLE export_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES user_account(id),
      exported_at VARCHAR NOT NULL,
      reason TEXT NOT NULL CHECK (length(trim(reason)) >= ${REASON_MIN_LENGTH}),
      encrypted INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
      row_count INTEGER NOT NULL CHECK (row_count >= 0)
    )`);
    await q.query(`CREATE INDEX export_log_time ON export_log (exported_at)`);
    await q.query(`CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END`);
    await q.query(`CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log BEGIN SELECT RAISE(ABORT, 'the export log is append-only'); END`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
