import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schema version 1: users, clinic settings, the append-only audit log with its head,
 * and form drafts.
 */
export class InitialSchema1764300000001 implements MigrationInterface {
  name = 'InitialSchema1764300000001';
  readonly schemaVersion = 1;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE user_account (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      username VARCHAR NOT NULL UNIQUE,
      display_name VARCHAR NOT NULL,
      role VARCHAR NOT NULL,
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at VARCHAR NOT NULL,
      disabled_at VARCHAR NULL
    )`);
    await q.query(`CREATE TABLE setting (key VARCHAR PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
    await q.query(`CREATE TABLE audit_entry (
      seq INTEGER PRIMARY KEY NOT NULL,
      at VARCHAR NOT NULL,
      actor_user_id INTEGER NULL,
      actor_username VARCHAR NULL,
      action VARCHAR NOT NULL,
      record_type VARCHAR NULL,
      record_id VARCHAR NULL,
      outcome VARCHAR NOT NULL,
      detail TEXT NULL,
      prev_hash VARCHAR NOT NULL,
      hash VARCHAR NOT NULL
    )`);
    await q.query(`CREATE INDEX audit_entry_at ON audit_entry (at)`);
    await q.query(`CREATE INDEX audit_entry_actor ON audit_entry (actor_user_id, seq)`);
    await q.query(`CREATE INDEX audit_entry_record ON audit_entry (record_type, record_id, seq)`);
    // The chain's last link, kept by trigger, so deleting entries from the end shows too.
    await q.query(`CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash VARCHAR NOT NULL)`);
    await q.query(`CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`);
    await q.query(`CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`);
    await q.query(`CREATE TRIGGER audit_entry_head AFTER INSERT ON audit_entry
      BEGIN INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, NEW.seq, NEW.hash); END`);
    await q.query(`CREATE TABLE draft (
      user_id INTEGER NOT NULL REFERENCES user_account(id),
      form_key VARCHAR NOT NULL,
      payload TEXT NOT NULL,
      saved_at VARCHAR NOT NULL,
      PRIMARY KEY (user_id, form_key)
    )`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
