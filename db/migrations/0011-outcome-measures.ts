import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 11: outcome measures (issue 12).
 *
 * - `measure_administration`: one questionnaire given, its answers item by item exactly as
 *   given (a JSON array of option values, null for an unanswered item), with the version of
 *   the instrument it was given in. No total, band or outcome is stored: they are derived
 *   from the answers by `shared/measures/scoring.ts` whenever they are shown, so they can
 *   never disagree with the answers. Answers are a clinical record: never changed, never
 *   deleted (triggers).
 * - `measure_alert`: an answer that needs the counsellor at once (PHQ-9 item 9 above 0),
 *   and how it was followed up: a risk flag raised, or a signed note recording the decision
 *   not to raise one. A case with an alert not followed up cannot close.
 * - `instrument_setting`: a bundled instrument the clinic switched off, or an instrument
 *   file an admin added (its JSON, checked against the instrument schema when added).
 * - `client_case.measurement_plan`: the case's own plan (JSON); NULL follows the clinic's
 *   default, kept in `setting` under `measures.default_plan`.
 */
export class OutcomeMeasures1764300000011 implements MigrationInterface {
  name = 'OutcomeMeasures1764300000011';
  readonly schemaVersion = 11;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE measure_administration (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id INTEGER NOT NULL REFERENCES client_case(id),
      session_id INTEGER REFERENCES session(id),
      instrument_id VARCHAR NOT NULL,
      instrument_version VARCHAR NOT NULL,
      administered_at VARCHAR NOT NULL CHECK (administered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
      mode VARCHAR NOT NULL CHECK (mode IN ('counsellor', 'client')),
      responses TEXT NOT NULL CHECK (json_valid(responses) AND json_type(responses) = 'array'),
      recorded_by_user_id INTEGER NOT NULL REFERENCES user_account(id),
      recorded_at VARCHAR NOT NULL
    )`);
    await q.query(`CREATE INDEX measure_administration_case ON measure_administration (case_id, administered_at)`);
    await q.query(`CREATE TRIGGER measure_administration_no_update BEFORE UPDATE ON measure_administration BEGIN SELECT RAISE(ABORT, 'answers are kept as given'); END`);
    await q.query(`CREATE TRIGGER measure_administration_no_delete BEFORE DELETE ON measure_administration BEGIN SELECT RAISE(ABORT, 'answers are kept as given'); END`);

    await q.query(`CREATE TABLE measure_alert (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      administration_id INTEGER NOT NULL REFERENCES measure_administration(id),
      alert VARCHAR NOT NULL,
      raised_at VARCHAR NOT NULL,
      follow_up_kind VARCHAR CHECK (follow_up_kind IS NULL OR follow_up_kind IN ('risk_flag', 'note')),
      follow_up_risk_flag_id INTEGER REFERENCES risk_flag(id),
      follow_up_note_id INTEGER REFERENCES note(id),
      followed_up_at VARCHAR,
      followed_up_by_user_id INTEGER REFERENCES user_account(id),
      UNIQUE (administration_id, alert),
      CHECK ((follow_up_kind IS NULL) = (followed_up_at IS NULL)),
      CHECK (follow_up_kind IS NOT 'risk_flag' OR follow_up_risk_flag_id IS NOT NULL),
      CHECK (follow_up_kind IS NOT 'note' OR follow_up_note_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX measure_alert_open ON measure_alert (followed_up_at, administration_id)`);
    // A follow-up, once recorded, stays: it is the clinical decision the closure relied on.
    await q.query(`CREATE TRIGGER measure_alert_follow_up_kept BEFORE UPDATE ON measure_alert WHEN OLD.followed_up_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a follow-up is kept as recorded'); END`);
    await q.query(`CREATE TRIGGER measure_alert_no_delete BEFORE DELETE ON measure_alert BEGIN SELECT RAISE(ABORT, 'alerts are kept'); END`);

    await q.query(`CREATE TABLE instrument_setting (
      instrument_id VARCHAR PRIMARY KEY,
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      definition TEXT CHECK (definition IS NULL OR json_valid(definition)),
      updated_by_user_id INTEGER NOT NULL REFERENCES user_account(id),
      updated_at VARCHAR NOT NULL
    )`);
    await q.query(`ALTER TABLE client_case ADD COLUMN measurement_plan TEXT CHECK (measurement_plan IS NULL OR json_valid(measurement_plan))`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
