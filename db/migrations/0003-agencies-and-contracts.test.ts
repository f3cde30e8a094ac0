import { afterEach, describe, expect, it } from 'vitest';
import { newVaultFolder } from '../../tests/helpers/vault-fixture';
import { LATEST_SCHEMA_VERSION } from '.';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('migration 3: agencies and contracts', () => {
  it('creates both tables with their checks and overlap triggers', async () => {
    const { folder, key, cleanup } = newVaultFolder();
    cleanups.push(cleanup);
    const ds = await folder.open(key, { create: true });
    expect(await ds.query('PRAGMA user_version')).toEqual([{ user_version: LATEST_SCHEMA_VERSION }]);
    await ds.query("INSERT INTO agency (name, sector, created_at, updated_at) VALUES ('Sekolah Negeri 1', 'education', 'x', 'x')");
    const insert = (start: string, end: string, minCell = 5) =>
      ds.query(
        "INSERT INTO contract (agency_id, start_date, end_date, covered_headcount, session_allowance, allowance_policy, targets, min_cell_size, reporting_frequency, created_at, updated_at) VALUES (1, ?, ?, 10, 6, 'warn', '{}', ?, 'monthly', 'x', 'x')",
        [start, end, minCell],
      );
    await insert('2026-01-01', '2026-06-30');
    await insert('2026-07-01', '2026-12-31');
    await expect(insert('2026-06-30', '2026-07-01')).rejects.toThrow(/may not overlap/);
    await expect(insert('2027-02-01', '2027-01-01')).rejects.toThrow(/CHECK constraint/);
    await expect(insert('2028-01-01', '2028-12-31', 2)).rejects.toThrow(/CHECK constraint/);
    await expect(ds.query("UPDATE contract SET end_date = '2026-07-15' WHERE id = 1")).rejects.toThrow(/may not overlap/);
    await ds.destroy();
  });
});
