import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Statuses that hold a counsellor and a room (shared/domain/sessions.ts OCCUPYING_STATUSES). */
const OCCUPYING = "('scheduled', 'attended', 'did_not_attend')";
/** MAX_SESSION_MINUTES in milliseconds: an overlapping session starts less than this before the new one ends. */
const LONGEST_MS = 720 * 60_000;

/** The live sessions of one column (`counsellor_id` or `room_id`) that overlap NEW, found through its (column, start_ms) index. */
function overlapping(column: 'counsellor_id' | 'room_id', exceptSelf: boolean): string {
  return `FROM session s WHERE s.${column} = NEW.${column} AND s.status IN ${OCCUPYING}
      AND s.start_ms > NEW.start_ms - ${LONGEST_MS} AND s.start_ms < NEW.end_ms AND s.end_ms > NEW.start_ms${exceptSelf ? ' AND s.id <> NEW.id' : ''}`;
}

/**
 * The database's own refusal of double bookings, whatever the caller checked first: two
 * people booking one slot at the same moment are serialised by SQLite's write lock, and
 * the second insert meets this trigger. A counsellor holds one live session at a time; a
 * room holds one, except group sessions, which may share it while their capacities fit.
 */
function guardTriggers(when: 'INSERT' | 'UPDATE'): string[] {
  const self = when === 'UPDATE';
  const event = self ? 'UPDATE OF counsellor_id, room_id, start_ms, end_ms, status, capacity' : 'INSERT';
  const suffix = self ? 'update' : 'insert';
  return [
    `CREATE TRIGGER session_counsellor_free_${suffix} BEFORE ${event} ON session
      WHEN NEW.status IN ${OCCUPYING} AND EXISTS (SELECT 1 ${overlapping('counsellor_id', self)})
      BEGIN SELECT RAISE(ABORT, 'session_counsellor_busy'); END`,
    `CREATE TRIGGER session_room_free_${suffix} BEFORE ${event} ON session
      WHEN NEW.room_id IS NOT NULL AND NEW.status IN ${OCCUPYING} AND (
        EXISTS (SELECT 1 ${overlapping('room_id', self)} AND (s.session_type <> 'group_workshop' OR NEW.session_type <> 'group_workshop'))
        OR (NEW.session_type = 'group_workshop' AND NEW.capacity + (SELECT coalesce(sum(s.capacity), 0) ${overlapping('room_id', self)})
            > (SELECT capacity FROM room WHERE id = NEW.room_id)))
      BEGIN SELECT RAISE(ABORT, 'session_room_busy'); END`,
  ];
}

/**
 * Schema version 6: sessions (issue 4). Start and end are UTC instants in milliseconds
 * with the clinic's IANA zone at booking, so a week view is one index range and
 * recurrence is computed in the zone. A session's changes (reschedule, outcome, cancel)
 * are kept append-only in session_change. Group sessions count named attendees in
 * session_attendee or an anonymous head count. The referral learns when its clock
 * stopped (the first attended session).
 */
export class Sessions1764300000006 implements MigrationInterface {
  name = 'Sessions1764300000006';
  readonly schemaVersion = 6;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE session (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      case_id INTEGER REFERENCES client_case(id),
      agency_id INTEGER NOT NULL REFERENCES agency(id),
      counsellor_id INTEGER NOT NULL REFERENCES user_account(id),
      room_id INTEGER REFERENCES room(id),
      start_ms INTEGER NOT NULL,
      end_ms INTEGER NOT NULL,
      time_zone VARCHAR NOT NULL,
      session_type VARCHAR NOT NULL CHECK (session_type IN ('intake_assessment', 'counselling', 'follow_up', 'group_workshop', 'manager_consultation', 'critical_incident_debrief')),
      modality VARCHAR NOT NULL CHECK (modality IN ('in_person', 'phone', 'video')),
      video_link VARCHAR NOT NULL DEFAULT '',
      presenting_issue VARCHAR,
      status VARCHAR NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'attended', 'did_not_attend', 'late_cancellation', 'cancelled_by_client', 'cancelled_by_clinic')),
      status_reason VARCHAR NOT NULL DEFAULT '',
      topic VARCHAR CHECK (topic IS NULL OR topic IN ('stress_management', 'resilience', 'conflict_resolution', 'leader_manager_training', 'critical_incident_debrief', 'other')),
      capacity INTEGER CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 500),
      head_count INTEGER CHECK (head_count IS NULL OR head_count BETWEEN 0 AND 10000),
      series_id VARCHAR,
      override_reason VARCHAR NOT NULL DEFAULT '',
      allowance_reason VARCHAR NOT NULL DEFAULT '',
      created_at VARCHAR NOT NULL,
      created_by_user_id INTEGER NOT NULL REFERENCES user_account(id),
      updated_at VARCHAR NOT NULL,
      CHECK (end_ms > start_ms AND end_ms - start_ms <= ${LONGEST_MS}),
      CHECK ((modality = 'in_person') = (room_id IS NOT NULL)),
      CHECK (modality <> 'video' OR video_link <> ''),
      CHECK (session_type <> 'group_workshop' OR case_id IS NULL),
      CHECK (case_id IS NOT NULL OR session_type IN ('group_workshop', 'manager_consultation', 'critical_incident_debrief')),
      CHECK ((session_type = 'group_workshop') = (topic IS NOT NULL AND capacity IS NOT NULL)),
      CHECK (head_count IS NULL OR session_type = 'group_workshop'),
      CHECK (status NOT IN ('late_cancellation', 'cancelled_by_client', 'cancelled_by_clinic') OR status_reason <> '')
    )`);
    await q.query(`CREATE INDEX session_counsellor_start ON session (counsellor_id, start_ms)`);
    await q.query(`CREATE INDEX session_room_start ON session (room_id, start_ms) WHERE room_id IS NOT NULL`);
    await q.query(`CREATE INDEX session_start ON session (start_ms)`);
    await q.query(`CREATE INDEX session_case ON session (case_id) WHERE case_id IS NOT NULL`);
    await q.query(`CREATE INDEX session_agency_start ON session (agency_id, start_ms)`);
    await q.query(`CREATE INDEX session_series ON session (series_id) WHERE series_id IS NOT NULL`);
    for (const sql of [...guardTriggers('INSERT'), ...guardTriggers('UPDATE')]) await q.query(sql);

    await q.query(`CREATE TABLE session_change (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      session_id INTEGER NOT NULL REFERENCES session(id),
      kind VARCHAR NOT NULL CHECK (kind IN ('rescheduled', 'status')),
      from_start_ms INTEGER,
      from_end_ms INTEGER,
      from_room_id INTEGER,
      from_status VARCHAR,
      to_start_ms INTEGER,
      to_end_ms INTEGER,
      to_room_id INTEGER,
      to_status VARCHAR,
      reason VARCHAR NOT NULL DEFAULT '',
      changed_at VARCHAR NOT NULL,
      changed_by_user_id INTEGER NOT NULL REFERENCES user_account(id)
    )`);
    await q.query(`CREATE INDEX session_change_session ON session_change (session_id, id)`);
    await q.query(`CREATE TRIGGER session_change_no_update BEFORE UPDATE ON session_change BEGIN SELECT RAISE(ABORT, 'session history is append-only'); END`);
    await q.query(`CREATE TRIGGER session_change_no_delete BEFORE DELETE ON session_change BEGIN SELECT RAISE(ABORT, 'session history is append-only'); END`);

    await q.query(`CREATE TABLE session_attendee (
      session_id INTEGER NOT NULL REFERENCES session(id),
      client_id INTEGER NOT NULL REFERENCES client(id),
      PRIMARY KEY (session_id, client_id)
    ) WITHOUT ROWID`);
    await q.query(`CREATE INDEX session_attendee_client ON session_attendee (client_id)`);

    await q.query(`ALTER TABLE referral ADD COLUMN clock_stopped_at VARCHAR`);
    await q.query(`PRAGMA user_version = ${this.schemaVersion}`);
  }

  async down(): Promise<void> {
    throw new Error('Tenang never migrates a vault downwards; restore a backup instead.');
  }
}
