import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 10: what the note rule of issue 11 (whose notes a counsellor reads, see
 * `shared/domain/note-access.ts`) relies on.
 *
 * - `note_author`: a counsellor reads their own notes wherever they are, so finding every
 *   note they may read (note search) looks notes up by author as well as by case. Without
 *   the index that one term scanned the whole note table (1.3 s on 198,000 notes).
 * - A case keeps its counsellor: "the cases they hold or held" is `client_case.counsellor_id`,
 *   which no channel changes (a transfer closes the case and a new referral opens another).
 *   The trigger makes that a property of the vault, not only of today's code: a case
 *   handed to someone else would give them its history and take it from its counsellor.
 */
export class NoteReadingRule1764300000010 implements MigrationInterface {
  name = 'NoteReadingRule1764300000010';
  readonly schemaVersion = 10;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX note_author ON note (author_user_id)`);
    await q.query(`CREATE TRIGGER client_case_counsellor_fixed BEFORE UPDATE OF counsellor_id ON client_case
      WHEN NEW.counsellor_id IS NOT OLD.counsellor_id
      BEGIN SELECT RAISE(ABORT, 'a case keeps its counsellor: close it and open a new case'); END`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
