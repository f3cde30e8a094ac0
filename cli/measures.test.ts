import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicWithCounsellor, ADMIN, COUNSELLOR } from '../tests/helpers/vault-fixture';
import { tenang } from '../tests/helpers/run-cli';

/**
 * `tenang call` reaches the measures channels (issue 12) through the same dispatcher, role
 * checks and caseload wall as the app: a counsellor records questionnaires and reads the
 * outcome; an admin reads scores, never answers; an error names the field.
 */
describe('tenang call measures.*', () => {
  let vaultDir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  const as = (who: { username: string; passphrase: string }, stdin?: unknown) => ({
    env: { TENANG_PASSPHRASE: who.passphrase },
    ...(stdin === undefined ? {} : { stdin: JSON.stringify(stdin) }),
  });
  const call = (who: { username: string; passphrase: string }, channel: string, input?: unknown) =>
    tenang(['call', channel, ...(input === undefined ? [] : ['-']), '--vault', vaultDir, '--user', who.username, '--json'], as(who, input));

  beforeAll(async () => {
    delete process.env.TENANG_PASSPHRASE;
    const clinic = await clinicWithCounsellor();
    vaultDir = clinic.dir;
    cleanup = clinic.cleanup;
    await clinic.app.runAdminTask('test', async (session) => {
      const q = (sql: string, params: unknown[] = []) => session.dataSource.query(sql, params);
      const at = '2026-11-20T01:00:00.000Z';
      await q(`INSERT INTO agency (name, sector, created_at, updated_at) VALUES ('Dinas Pemadam Kebakaran', 'emergency_services', ?, ?)`, [at, at]);
      await q(`INSERT INTO client (code, agency_id, given_name, family_name, folded_name, created_at, updated_at) VALUES ('TN-2026-000123', 1, 'Siti', 'Rahayu', 'siti rahayu', ?, ?)`, [at, at]);
      await q(`INSERT INTO client_case (client_id, counsellor_id, presenting_issues, opened_date, created_at, updated_at) VALUES (1, ?, '["burnout"]', '2026-11-20', ?, ?)`, [clinic.counsellorId, at, at]);
    });
    await clinic.app.close();
  });
  afterAll(() => cleanup());

  it('records, lists and works out the outcome for the counsellor; an admin sees scores without answers', () => {
    const given = call(COUNSELLOR, 'measures.record', { caseId: 1, instrumentId: 'gad7', administeredAt: '2026-11-21T10:00', mode: 'counsellor', responses: [2, 2, 2, 2, 1, 1, 1] });
    expect(given.stderr).toBe('');
    expect(JSON.parse(given.stdout)).toMatchObject({ score: { total: 11, band: 'moderate', caseness: true }, responses: [2, 2, 2, 2, 1, 1, 1] });
    call(COUNSELLOR, 'measures.record', { caseId: 1, instrumentId: 'gad7', administeredAt: '2026-11-25T10:00', mode: 'counsellor', responses: [1, 1, 0, 1, 0, 1, 1] });

    const outcome = JSON.parse(call(COUNSELLOR, 'measures.caseOutcome', { caseId: 1 }).stdout);
    expect(outcome.instruments).toEqual([expect.objectContaining({ instrumentId: 'gad7', change: -6, reliableChange: 'improved' })]);
    expect(outcome.paired.recovered).toBeNull(); // no PHQ-9 yet

    const listed = JSON.parse(call(ADMIN, 'measures.list', { clientId: 1 }).stdout);
    expect(listed.administrations.map((a: { score: { total: number }; responses: unknown }) => [a.score.total, a.responses])).toEqual([
      [11, null],
      [5, null],
    ]);
  });

  it('names the wrong answer and the role that may not record', () => {
    const wrong = call(COUNSELLOR, 'measures.record', { caseId: 1, instrumentId: 'phq9', administeredAt: '2026-11-21T10:00', mode: 'counsellor', responses: [0, 0, 0, 0, 0, 0, 0, 0, 7] });
    expect(wrong.code).toBe(2); // invalid input
    expect(wrong.stderr).toContain('responses.8');
    const admin = call(ADMIN, 'measures.record', { caseId: 1, instrumentId: 'phq9', administeredAt: '2026-11-21T10:00', mode: 'counsellor', responses: [0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(admin.stderr).toContain('[FORBIDDEN]');
    expect(admin.code).toBe(3);
  });
});
