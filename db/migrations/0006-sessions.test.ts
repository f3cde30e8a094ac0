import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 2); // 09:00 in Jakarta

describe('migration 6: sessions', () => {
  it('refuses double bookings of a counsellor or a room in the database itself, and keeps history append-only', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    await ds.query("INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x'), ('sari', 'Sari', 'counsellor', 1, 'x')");
    await ds.query("INSERT INTO agency (name, sector, address, contact_name, contact_email, contact_phone, active, created_at, updated_at) VALUES ('Dinas', 'government', '', '', '', '', 1, 'x', 'x')");
    await ds.query("INSERT INTO room (name, capacity, created_at, updated_at) VALUES ('Melati', 2, 'x', 'x'), ('Aula', 20, 'x', 'x')");
    const book = (fields: Record<string, unknown>) => {
      const row: Record<string, unknown> = { agency_id: 1, counsellor_id: 1, room_id: null, start_ms: T0, end_ms: T0 + HOUR, time_zone: 'Asia/Jakarta', session_type: 'manager_consultation', modality: 'phone', created_at: 'x', created_by_user_id: 1, updated_at: 'x', ...fields };
      const names = Object.keys(row);
      return ds.query(`INSERT INTO session (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(row));
    };

    await book({});
    await expect(book({ start_ms: T0 + HOUR / 2, end_ms: T0 + 2 * HOUR })).rejects.toThrow(/session_counsellor_busy/);
    await book({ start_ms: T0 + HOUR, end_ms: T0 + 2 * HOUR }); // back to back is fine
    await book({ start_ms: T0, end_ms: T0 + HOUR, status: 'cancelled_by_client', status_reason: 'ill' }); // a cancelled one frees its slot

    await book({ counsellor_id: 2, modality: 'in_person', room_id: 1, start_ms: T0 + 5 * HOUR, end_ms: T0 + 6 * HOUR });
    await expect(book({ modality: 'in_person', room_id: 1, start_ms: T0 + 5 * HOUR, end_ms: T0 + 6 * HOUR })).rejects.toThrow(/session_room_busy/);

    const workshop = { session_type: 'group_workshop', topic: 'resilience', modality: 'in_person', room_id: 2, start_ms: T0 + 24 * HOUR, end_ms: T0 + 27 * HOUR };
    await book({ ...workshop, capacity: 12 });
    await book({ ...workshop, counsellor_id: 2, capacity: 8 }); // two groups share the hall while their capacities fit
    await expect(book({ ...workshop, counsellor_id: 2, modality: 'phone', room_id: null, start_ms: T0 + 26 * HOUR, end_ms: T0 + 28 * HOUR, capacity: 1 })).rejects.toThrow(/session_counsellor_busy/);
    await ds.query("INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('tono', 'Tono', 'counsellor', 1, 'x')");
    await expect(book({ ...workshop, counsellor_id: 3, capacity: 1 })).rejects.toThrow(/session_room_busy/);

    // Moving a session onto another one is refused as well.
    await expect(ds.query('UPDATE session SET start_ms = ?, end_ms = ? WHERE id = 2', [T0, T0 + HOUR])).rejects.toThrow(/session_counsellor_busy/);
    await ds.query('UPDATE session SET start_ms = ?, end_ms = ? WHERE id = 2', [T0 + 2 * HOUR, T0 + 3 * HOUR]);

    await expect(book({ modality: 'in_person', start_ms: T0 + 40 * HOUR, end_ms: T0 + 41 * HOUR })).rejects.toThrow(/CHECK/); // in person needs a room
    await expect(book({ modality: 'video', start_ms: T0 + 40 * HOUR, end_ms: T0 + 41 * HOUR })).rejects.toThrow(/CHECK/); // video needs a link
    await expect(book({ session_type: 'counselling', start_ms: T0 + 40 * HOUR, end_ms: T0 + 41 * HOUR })).rejects.toThrow(/CHECK/); // counselling needs a case
    await expect(book({ start_ms: T0 + 40 * HOUR, end_ms: T0 + 53 * HOUR })).rejects.toThrow(/CHECK/); // longer than 12 hours
    await expect(book({ start_ms: T0 + 40 * HOUR, end_ms: T0 + 41 * HOUR, status: 'cancelled_by_clinic' })).rejects.toThrow(/CHECK/); // a cancellation needs a reason

    await ds.query("INSERT INTO session_change (session_id, kind, from_status, to_status, reason, changed_at, changed_by_user_id) VALUES (1, 'status', 'scheduled', 'attended', '', 'x', 1)");
    await expect(ds.query("UPDATE session_change SET reason = 'edited'")).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM session_change')).rejects.toThrow(/append-only/);
    expect(await ds.query('SELECT clock_stopped_at FROM referral')).toEqual([]);
    await ds.destroy();
  });
});
