import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('migration 5: rooms and availability', () => {
  it('creates rooms with unique names, non-overlapping working hours, leave and holidays', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    await ds.query("INSERT INTO user_account (username, display_name, role, active, created_at) VALUES ('budi', 'Budi', 'counsellor', 1, 'x')");
    await ds.query("INSERT INTO room (name, capacity, created_at, updated_at) VALUES ('Ruang Melati', 2, 'x', 'x')");
    await expect(ds.query("INSERT INTO room (name, capacity, created_at, updated_at) VALUES ('RUANG MELATI', 2, 'x', 'x')")).rejects.toThrow(/UNIQUE/);
    await expect(ds.query("INSERT INTO room (name, capacity, created_at, updated_at) VALUES ('Aula', 0, 'x', 'x')")).rejects.toThrow(/CHECK/);

    const hours = (weekday: number, start: number, end: number) => ds.query('INSERT INTO working_hours (user_id, weekday, start_minute, end_minute) VALUES (1, ?, ?, ?)', [weekday, start, end]);
    await hours(1, 480, 720);
    await hours(1, 720, 960);
    await expect(hours(1, 900, 1000)).rejects.toThrow(/may not overlap/);
    await expect(hours(8, 480, 600)).rejects.toThrow(/CHECK/);
    await expect(hours(2, 600, 600)).rejects.toThrow(/CHECK/);

    await expect(ds.query("INSERT INTO leave (user_id, start_date, end_date, created_at) VALUES (1, '2026-12-24', '2026-12-21', 'x')")).rejects.toThrow(/CHECK/);
    await ds.query("INSERT INTO clinic_holiday (date, name) VALUES ('2026-12-25', 'Hari Natal')");
    await expect(ds.query("INSERT INTO clinic_holiday (date, name) VALUES ('2026-12-25', 'Again')")).rejects.toThrow(/UNIQUE|PRIMARY/);
    await ds.destroy();
  });
});
