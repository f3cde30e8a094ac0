import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 5: what the calendar books against (issue 4). Rooms; each counsellor's
 * weekly working hours (minutes after local midnight in the clinic's zone, blocks of one
 * day never overlapping); leave as whole calendar days; clinic holidays, which also stop
 * the working-day count of first-appointment deadlines. Sessions join in a later version.
 */
export class RoomsAndAvailability1764300000005 implements MigrationInterface {
  name = 'RoomsAndAvailability1764300000005';
  readonly schemaVersion = 5;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE room (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name VARCHAR NOT NULL,
      capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at VARCHAR NOT NULL,
      updated_at VARCHAR NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX room_name ON room (lower(name))`);

    await q.query(`CREATE TABLE working_hours (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES user_account(id),
      weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
      CHECK (start_minute < end_minute)
    )`);
    await q.query(`CREATE INDEX working_hours_user ON working_hours (user_id, weekday)`);
    await q.query(`CREATE TRIGGER working_hours_no_overlap BEFORE INSERT ON working_hours
      WHEN EXISTS (SELECT 1 FROM working_hours w WHERE w.user_id = NEW.user_id AND w.weekday = NEW.weekday AND w.start_minute < NEW.end_minute AND NEW.start_minute < w.end_minute)
      BEGIN SELECT RAISE(ABORT, 'working hours of one day may not overlap'); END`);

    await q.query(`CREATE TABLE leave (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      user_id INTEGER NOT NULL REFERENCES user_account(id),
      start_date VARCHAR NOT NULL,
      end_date VARCHAR NOT NULL,
      note VARCHAR NOT NULL DEFAULT '',
      created_at VARCHAR NOT NULL,
      CHECK (start_date <= end_date)
    )`);
    await q.query(`CREATE INDEX leave_user_period ON leave (user_id, start_date, end_date)`);

    await q.query(`CREATE TABLE clinic_holiday (
      date VARCHAR PRIMARY KEY,
      name VARCHAR NOT NULL
    )`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
