import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 4: clients, referrals with their status history, and cases (episodes).
 * Presenting issues are JSON arrays of taxonomy codes (checked by json_valid), so a case
 * and a referral carry them without a join table; reporting reads them with json_each.
 * The status history is append-only, like the audit log: who moved a referral and when
 * is evidence, never edited.
 */
export class ClientsReferralsCases1764300000004 implements MigrationInterface {
  name = 'ClientsReferralsCases1764300000004';
  readonly schemaVersion = 4;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE client (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      code VARCHAR NOT NULL UNIQUE,
      agency_id INTEGER NOT NULL REFERENCES agency(id),
      given_name VARCHAR NOT NULL,
      family_name VARCHAR NOT NULL DEFAULT '',
      preferred_name VARCHAR NOT NULL DEFAULT '',
      folded_name VARCHAR NOT NULL,
      date_of_birth VARCHAR,
      gender VARCHAR,
      gender_description VARCHAR NOT NULL DEFAULT '',
      email VARCHAR NOT NULL DEFAULT '',
      phone VARCHAR NOT NULL DEFAULT '',
      job_role VARCHAR,
      preferred_language VARCHAR NOT NULL DEFAULT 'id',
      emergency_contact_name VARCHAR NOT NULL DEFAULT '',
      emergency_contact_phone VARCHAR NOT NULL DEFAULT '',
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL
    )`);
    await q.query(`CREATE INDEX client_agency_name ON client (agency_id, folded_name)`);
    // The client list's search reads only this index (name, code, agency) in name order,
    // and fetches rows for the page shown: a search of 100,000 clients decrypts no table pages.
    await q.query(`CREATE INDEX client_search ON client (folded_name, code, agency_id)`);
    await q.query(`CREATE INDEX client_email ON client (email) WHERE email <> ''`);

    await q.query(`CREATE TABLE client_case (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id INTEGER NOT NULL REFERENCES client(id),
      counsellor_id INTEGER NOT NULL REFERENCES user_account(id),
      presenting_issues TEXT NOT NULL CHECK (json_valid(presenting_issues) AND json_type(presenting_issues) = 'array'),
      opened_date VARCHAR NOT NULL,
      closed_date VARCHAR,
      closure_reason VARCHAR,
      sessions_used INTEGER NOT NULL DEFAULT 0 CHECK (sessions_used >= 0),
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL,
      CHECK ((closed_date IS NULL) = (closure_reason IS NULL)),
      CHECK (closed_date IS NULL OR closed_date >= opened_date)
    )`);
    await q.query(`CREATE INDEX client_case_counsellor ON client_case (counsellor_id, closed_date)`);
    await q.query(`CREATE INDEX client_case_client ON client_case (client_id)`);

    await q.query(`CREATE TABLE referral (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      agency_id INTEGER NOT NULL REFERENCES agency(id),
      contract_id INTEGER REFERENCES contract(id),
      client_id INTEGER NOT NULL REFERENCES client(id),
      received_date VARCHAR NOT NULL,
      clock_started_at VARCHAR NOT NULL,
      referral_type VARCHAR NOT NULL,
      urgency VARCHAR NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'routine')),
      presenting_issues TEXT NOT NULL CHECK (json_valid(presenting_issues) AND json_type(presenting_issues) = 'array'),
      referrer_name VARCHAR NOT NULL DEFAULT '',
      referrer_contact VARCHAR NOT NULL DEFAULT '',
      consent_level VARCHAR NOT NULL DEFAULT 'none',
      consent_date VARCHAR,
      consent_expiry VARCHAR,
      reason VARCHAR NOT NULL DEFAULT '',
      status VARCHAR NOT NULL,
      closure_reason VARCHAR,
      counsellor_id INTEGER REFERENCES user_account(id),
      case_id INTEGER REFERENCES client_case(id),
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL,
      CHECK ((status = 'closed') = (closure_reason IS NOT NULL)),
      CHECK (status NOT IN ('assigned', 'first_session_booked') OR (counsellor_id IS NOT NULL AND case_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX referral_waiting ON referral (status, urgency, clock_started_at)`);
    await q.query(`CREATE INDEX referral_counsellor ON referral (counsellor_id)`);
    await q.query(`CREATE INDEX referral_client ON referral (client_id)`);
    await q.query(`CREATE INDEX referral_case ON referral (case_id) WHERE case_id IS NOT NULL`);

    await q.query(`CREATE TABLE referral_status_change (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      referral_id INTEGER NOT NULL REFERENCES referral(id),
      from_status VARCHAR,
      to_status VARCHAR NOT NULL,
      closure_reason VARCHAR,
      note VARCHAR NOT NULL DEFAULT '',
      changed_at VARCHAR NOT NULL,
      changed_by_user_id INTEGER NOT NULL REFERENCES user_account(id)
    )`);
    await q.query(`CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id, id)`);
    await q.query(`CREATE TRIGGER referral_status_change_no_update BEFORE UPDATE ON referral_status_change
      BEGIN SELECT RAISE(ABORT, 'referral status history is append-only'); END`);
    await q.query(`CREATE TRIGGER referral_status_change_no_delete BEFORE DELETE ON referral_status_change
      BEGIN SELECT RAISE(ABORT, 'referral status history is append-only'); END`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
