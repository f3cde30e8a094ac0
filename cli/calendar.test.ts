import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DateTime } from 'luxon';
import { addCounsellor, ADMIN, clinicWithCounsellor, COUNSELLOR } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const CLIENT = { code: 'TN-2026-000123', givenName: 'Siti', familyName: 'Rahayu' };
const jakarta = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Jakarta' }).toMillis();

describe('tenang calendar export', () => {
  let vaultDir = '';
  let root = '';
  let cleanup: () => Promise<void> = async () => undefined;
  const file = (name: string) => join(root, name);
  const vault = () => ['--vault', vaultDir];
  const as = (who: { username: string; passphrase: string }) => ({ env: { TENANG_PASSPHRASE: who.passphrase } });
  const december = ['--from', '2026-12-01', '--to', '2026-12-31'];

  beforeAll(async () => {
    delete process.env.TENANG_PASSPHRASE;
    // The vault and its sessions are made in-process (booking is another command's job); every export below runs the real `tenang`.
    const clinic = await clinicWithCounsellor();
    vaultDir = clinic.dir;
    root = dirname(clinic.dir);
    cleanup = clinic.cleanup;
    const citraId = await addCounsellor(clinic.app, CITRA);
    await clinic.app.runAdminTask('test', async (session) => {
      const q = (sql: string, params: unknown[]) => session.dataSource.query(sql, params);
      const at = '2026-11-27T01:00:00.000Z';
      await q(`INSERT INTO agency (name, sector, created_at, updated_at) VALUES (?, ?, ?, ?)`, ['Dinas Pemadam Kebakaran', 'emergency_services', at, at]);
      await q(`INSERT INTO room (name, capacity, created_at, updated_at) VALUES (?, ?, ?, ?)`, ['Ruang Melati', 2, at, at]);
      await q(`INSERT INTO client (code, agency_id, given_name, family_name, folded_name, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?)`, [
        CLIENT.code,
        CLIENT.givenName,
        CLIENT.familyName,
        'siti rahayu',
        at,
        at,
      ]);
      await q(`INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, ?, '["burnout"]', '2026-11-20', ?, ?)`, [clinic.counsellorId, at, at]);
      const book = (counsellorId: number, local: string, modality: 'in_person' | 'phone', status: string, reason = '') =>
        q(
          `INSERT INTO session (case_id, agency_id, counsellor_id, room_id, start_ms, end_ms, time_zone, session_type, modality, status, status_reason, created_at, created_by_user_id, updated_at)
           VALUES (1, 1, ?, ?, ?, ?, 'Asia/Jakarta', 'counselling', ?, ?, ?, ?, 1, ?)`,
          [counsellorId, modality === 'in_person' ? 1 : null, jakarta(local), jakarta(local) + 50 * 60_000, modality, status, reason, at, at],
        );
      await book(clinic.counsellorId, '2026-12-01T09:00', 'in_person', 'scheduled');
      await book(clinic.counsellorId, '2026-12-08T09:00', 'phone', 'cancelled_by_client', 'Sakit keras');
      await book(citraId, '2026-12-02T09:00', 'phone', 'scheduled');
    });
    await clinic.app.close();
  });
  afterAll(() => cleanup());

  it('writes an admin’s export of a counsellor’s calendar to a file only its owner can read, with codes and no names', () => {
    const r = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'budi', ...december, '--out', file('budi.ics')], as(ADMIN));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`Exported 2 sessions of budi (2026-12-01 to 2026-12-31) to ${file('budi.ics')}, with client codes only.`);
    const ics = readFileSync(file('budi.ics'), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(ics).toContain(`SUMMARY:Counselling · ${CLIENT.code}\r\n`);
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics).toContain('LOCATION:Ruang Melati\r\n');
    for (const secret of [CLIENT.givenName, CLIENT.familyName, 'S.R.', 'Sakit', 'burnout']) expect(ics).not.toContain(secret);
    if (process.platform !== 'win32') expect(statSync(file('budi.ics')).mode & 0o777).toBe(0o600);
    // No temp file is left beside it.
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('will not overwrite a file without --force, and replaces it with --force, owner-only again', () => {
    writeFileSync(file('existing.ics'), 'keep me');
    chmodSync(file('existing.ics'), 0o644);
    const refused = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'budi', ...december, '--out', file('existing.ics')], as(ADMIN));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(file('existing.ics'), 'utf8')).toBe('keep me');

    const forced = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'budi', ...december, '--out', file('existing.ics'), '--force', '--initials', '--json'], as(ADMIN));
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toEqual({ path: file('existing.ics'), counsellor: 'budi', fromDate: '2026-12-01', toDate: '2026-12-31', sessions: 2, includeInitials: true });
    const ics = readFileSync(file('existing.ics'), 'utf8');
    expect(ics).toContain(`SUMMARY:Counselling · ${CLIENT.code} · S.R.\r\n`);
    expect(ics).not.toContain(CLIENT.givenName);
    if (process.platform !== 'win32') expect(statSync(file('existing.ics')).mode & 0o777).toBe(0o600);
  });

  it('lets a counsellor export their own calendar, refuses a colleague’s (exit 3), and writes nothing then', () => {
    const own = tenang(['calendar', 'export', ...vault(), '--user', COUNSELLOR.username, '--counsellor', 'BUDI', ...december, '--out', file('own.ics'), '--json'], as(COUNSELLOR));
    expect(own.stderr).toBe('');
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout)).toMatchObject({ counsellor: 'budi', sessions: 2 });

    const colleague = tenang(['calendar', 'export', ...vault(), '--user', COUNSELLOR.username, '--counsellor', CITRA.username, ...december, '--out', file('citra.ics')], as(COUNSELLOR));
    expect(colleague.code).toBe(3);
    expect(colleague.stderr).toContain('FORBIDDEN');
    expect(existsSync(file('citra.ics'))).toBe(false);

    // Citra's own calendar holds her one session, none of Budi's.
    const hers = tenang(['calendar', 'export', ...vault(), '--user', CITRA.username, '--counsellor', CITRA.username, ...december, '--out', file('citra.ics'), '--json'], as(CITRA));
    expect(hers.code).toBe(0);
    expect(JSON.parse(hers.stdout)).toMatchObject({ sessions: 1 });
  });

  it('refuses a bad date or a missing folder before signing in (exit 2)', () => {
    const badDate = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'budi', '--from', '2026-02-30', '--to', '2026-03-01', '--out', file('x.ics')]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--from takes a date written YYYY-MM-DD');
    const noFolder = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'budi', ...december, '--out', join(root, 'nowhere', 'x.ics')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('folder');
  });

  it('refuses an unknown counsellor and a span over 366 days (exit 2), writing nothing', () => {
    const unknown = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'nobody', ...december, '--out', file('x.ics')], as(ADMIN));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('USER_NOT_FOUND');
    const tooLong = tenang(['calendar', 'export', ...vault(), '--user', ADMIN.username, '--counsellor', 'budi', '--from', '2026-01-01', '--to', '2027-01-02', '--out', file('x.ics')], as(ADMIN));
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('range_too_long');
    expect(existsSync(file('x.ics'))).toBe(false);
  });

  it('is on the audit log: one calendar.export entry per export, counts only', () => {
    const r = tenang(['audit', 'list', ...vault(), '--user', ADMIN.username, '--action', 'calendar.export', '--json'], as(ADMIN));
    expect(r.code).toBe(0);
    const { entries } = JSON.parse(r.stdout) as { entries: Array<{ actorUsername: string; recordType: string; detail: Record<string, unknown> }> };
    expect(entries).toHaveLength(4);
    expect(entries.map((e) => e.actorUsername).sort()).toEqual(['ayu', 'ayu', 'budi', 'citra']);
    expect(entries.every((e) => e.recordType === 'user')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(CLIENT.code);
  });

  it('books through `tenang call`, and a double booking names the time and room in the way, never the client (exit 1)', () => {
    const input = { caseId: 1, counsellorId: 2, sessionType: 'counselling', modality: 'phone', localStart: '2026-12-01T09:20', durationMinutes: 50 };
    const clash = tenang(['call', 'sessions.book', '-', ...vault(), '--user', ADMIN.username], { ...as(ADMIN), stdin: JSON.stringify(input) });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('occurrence 1 at 2026-12-01T02:20:00.000Z: counsellor_busy (2026-12-01T02:00:00.000Z–2026-12-01T02:50:00.000Z, Ruang Melati)');
    expect(clash.stderr).toContain('[SCHEDULE_CONFLICT]');
    for (const secret of [CLIENT.code, CLIENT.givenName]) expect(clash.stderr).not.toContain(secret);
    // Budi has no working hours yet, so a free time needs a confirmed override.
    const free = tenang(['call', 'sessions.book', '-', ...vault(), '--user', ADMIN.username, '--json'], { ...as(ADMIN), stdin: JSON.stringify({ ...input, localStart: '2026-12-01T11:00' }) });
    expect(free.code).toBe(0);
    expect(JSON.parse(free.stdout)).toMatchObject({ outcome: 'needs_confirmation', overrides: [{ kind: 'outside_hours' }] });
  });
});
