import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 3: partner agencies and their EAP contracts. Triggers refuse a contract
 * whose period overlaps another of the same agency, so the rule holds for every writer,
 * not only for the service that checks it first.
 */
export class AgenciesAndContracts1764300000003 implements MigrationInterface {
  name = 'AgenciesAndContracts1764300000003';
  readonly schemaVersion = 3;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE agency (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name VARCHAR NOT NULL,
      sector VARCHAR NOT NULL,
      address VARCHAR NOT NULL DEFAULT '',
      contact_name VARCHAR NOT NULL DEFAULT '',
      contact_email VARCHAR NOT NULL DEFAULT '',
      contact_phone VARCHAR NOT NULL DEFAULT '',
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL
    )`);
    await q.query(`CREATE INDEX agency_name ON agency (name)`);
    await q.query(`CREATE TABLE contract (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      agency_id INTEGER NOT NULL REFERENCES agency(id),
      start_date VARCHAR NOT NULL,
      end_date VARCHAR NOT NULL,
      covered_headcount INTEGER NOT NULL CHECK (covered_headcount > 0),
      session_allowance INTEGER NOT NULL CHECK (session_allowance > 0),
      allowance_policy VARCHAR NOT NULL CHECK (allowance_policy IN ('warn', 'deny')),
      targets TEXT NOT NULL,
      min_cell_size INTEGER NOT NULL CHECK (min_cell_size BETWEEN 3 AND 20),
      reporting_frequency VARCHAR NOT NULL,
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL,
      CHECK (start_date <= end_date)
    )`);
    await q.query(`CREATE INDEX contract_agency_period ON contract (agency_id, start_date, end_date)`);
    await q.query(`CREATE TRIGGER contract_no_overlap_insert BEFORE INSERT ON contract
      WHEN EXISTS (SELECT 1 FROM contract c WHERE c.agency_id = NEW.agency_id AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date)
      BEGIN SELECT RAISE(ABORT, 'contract periods of one agency may not overlap'); END`);
    await q.query(`CREATE TRIGGER contract_no_overlap_update BEFORE UPDATE OF agency_id, start_date, end_date ON contract
      WHEN EXISTS (SELECT 1 FROM contract c WHERE c.id <> NEW.id AND c.agency_id = NEW.agency_id AND c.start_date <= NEW.end_date AND NEW.start_date <= c.end_date)
      BEGIN SELECT RAISE(ABORT, 'contract periods of one agency may not overlap'); END`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
