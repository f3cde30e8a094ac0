import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 12: agency reports and referral letters (issue 13).
 *
 * - `report_register`: every report and letter that left the clinic: who made it, when,
 *   its scope and period (months), the agencies whose data it carries, the format and
 *   language, the SHA-256 of the file, and what it published (JSON; hidden values are
 *   null). The disclosure check of each new report reads the earlier published values
 *   of the same agencies from here, so the register is kept as written (triggers).
 * - `clinic_signing_key`: the clinic's Ed25519 key that signs reports. It is made once
 *   and never replaced (agencies keep its public half), and its private half stays in
 *   the encrypted vault.
 * - `referral.consent_dates`: how finely a formal referral's consent lets a letter give
 *   the dates of attended sessions, by month or by day.
 * - `recommendation_compliance`: the counsellor's yes or no to "are the recommendations
 *   being followed?", the only clinical fact a letter with `attendance_and_compliance`
 *   consent may carry. Kept as recorded; the newest answer counts.
 * - Indexes for the report's counts (services/reports/report-data.ts): a year of one agency
 *   read 1.2–2.7 s on the large demo vault without them, 0.2–0.6 s with them. The session
 *   index covers every column the report reads, so its rows are never visited.
 */
export class ReportsAndLetters1764300000012 implements MigrationInterface {
  name = 'ReportsAndLetters1764300000012';
  readonly schemaVersion = 12;

  async up(q: QueryRunner): Promise<void> {
    const month = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'`;
    await q.query(`CREATE TABLE report_register (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind VARCHAR NOT NULL CHECK (kind IN ('agency_report', 'referral_letter')),
      made_by_user_id INTEGER NOT NULL REFERENCES user_account(id),
      made_at VARCHAR NOT NULL,
      scope_kind VARCHAR CHECK (scope_kind IS NULL OR scope_kind IN ('agency', 'sector', 'all')),
      scope_name VARCHAR,
      agency_ids TEXT NOT NULL CHECK (json_valid(agency_ids) AND json_type(agency_ids) = 'array'),
      period_from VARCHAR CHECK (period_from IS NULL OR ${month('period_from')}),
      period_to VARCHAR CHECK (period_to IS NULL OR ${month('period_to')}),
      referral_id INTEGER REFERENCES referral(id),
      format VARCHAR NOT NULL CHECK (format IN ('json', 'csv', 'pdf')),
      language VARCHAR NOT NULL CHECK (language IN ('en', 'id')),
      sha256 VARCHAR NOT NULL CHECK (length(sha256) = 64),
      published TEXT NOT NULL CHECK (json_valid(published)),
      CHECK (kind = 'referral_letter' OR (scope_kind IS NOT NULL AND period_from IS NOT NULL AND period_to IS NOT NULL AND period_from <= period_to)),
      CHECK (kind = 'agency_report' OR referral_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX report_register_period ON report_register (kind, period_from, period_to)`);
    await q.query(`CREATE TRIGGER report_register_no_update BEFORE UPDATE ON report_register BEGIN SELECT RAISE(ABORT, 'the report register is kept as written'); END`);
    await q.query(`CREATE TRIGGER report_register_no_delete BEFORE DELETE ON report_register BEGIN SELECT RAISE(ABORT, 'the report register is kept as written'); END`);

    await q.query(`CREATE TABLE clinic_signing_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      public_key TEXT NOT NULL,
      private_key TEXT NOT NULL,
      created_at VARCHAR NOT NULL
    )`);
    await q.query(`CREATE TRIGGER clinic_signing_key_no_update BEFORE UPDATE ON clinic_signing_key BEGIN SELECT RAISE(ABORT, 'the signing key is made once'); END`);
    await q.query(`CREATE TRIGGER clinic_signing_key_no_delete BEFORE DELETE ON clinic_signing_key BEGIN SELECT RAISE(ABORT, 'the signing key is made once'); END`);

    await q.query(`ALTER TABLE referral ADD COLUMN consent_dates VARCHAR NOT NULL DEFAULT 'month' CHECK (consent_dates IN ('month', 'day'))`);

    await q.query(`CREATE TABLE recommendation_compliance (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id INTEGER NOT NULL REFERENCES client_case(id),
      followed INTEGER NOT NULL CHECK (followed IN (0, 1)),
      recorded_at VARCHAR NOT NULL,
      recorded_by_user_id INTEGER NOT NULL REFERENCES user_account(id)
    )`);
    await q.query(`CREATE INDEX recommendation_compliance_case ON recommendation_compliance (case_id, id)`);
    await q.query(`CREATE TRIGGER recommendation_compliance_no_update BEFORE UPDATE ON recommendation_compliance BEGIN SELECT RAISE(ABORT, 'compliance is kept as recorded'); END`);
    await q.query(`CREATE TRIGGER recommendation_compliance_no_delete BEFORE DELETE ON recommendation_compliance BEGIN SELECT RAISE(ABORT, 'compliance is kept as recorded'); END`);
    await q.query(`CREATE INDEX session_report ON session (agency_id, start_ms, status, session_type, modality, case_id, topic, head_count)`);
    await q.query(`CREATE INDEX session_case_status ON session (case_id, status, session_type) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX referral_agency_received ON referral (agency_id, received_date)`);
    await q.query(`CREATE INDEX referral_agency_stopped ON referral (agency_id, clock_stopped_at) WHERE clock_stopped_at IS NOT NULL`);
    await q.query(`CREATE INDEX client_case_closed ON client_case (closed_date) WHERE closed_date IS NOT NULL`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
