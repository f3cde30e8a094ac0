import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DateTime } from 'luxon';
import type { ChannelOutput } from '../../shared/contract';
import { letterBlocks } from '../../shared/domain/referral-letter-text';
import type { LetterFacts } from '../../shared/domain/referral-letter';
import en from '../../shared/i18n/en.json';
import id from '../../shared/i18n/id.json';
import { ADMIN, COUNSELLOR, addCounsellor, clinicWithCounsellor, expectOk, manualClock, signIn } from '../../tests/helpers/vault-fixture';
import { pdfLines } from '../../tests/helpers/pdf-text';
import { createTenangApp, type TenangApp } from '../tenang-app';
import { readRegister } from '../reports/report-register';
import { writeReferralLetter } from './referral-letter';

/**
 * Consent-scoped letters to a formal referral's referrer, and the compliance answer they
 * may carry (issue 13), on a real vault. The clock stands on Saturday 28 November 2026,
 * 09:00 in Jakarta. Siti was referred by her manager on 1 October, consenting (until
 * 31 December) to her attendance and compliance being told, dated by day.
 */

const NOW = Date.parse('2026-11-28T02:00:00Z');
const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const REASON = 'Konflik berulang dengan atasan langsung';
const jakarta = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Jakarta' }).toMillis();

type Failure = { ok: false; error: { code: string; issues?: Array<{ path: string; code: string }> } };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function call<T>(app: TenangApp, channel: string, input: unknown): Promise<T> {
  return expectOk(await app.dispatch(channel, input)) as T;
}

async function formalClinic() {
  const clock = manualClock(NOW);
  const c = await clinicWithCounsellor(clock);
  cleanups.push(c.cleanup);
  const agency = await call<{ id: number }>(c.app, 'agencies.create', { name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' });
  const refer = async (overrides: object = {}) => {
    const created = await call<{ referral: { id: number; clientId: number } }>(c.app, 'referrals.create', {
      agencyId: agency.id,
      receivedDate: '2026-10-01',
      referralType: 'formal_management',
      urgency: 'routine',
      presentingIssues: ['conflict_with_public'],
      referrerName: 'Pak Hendra Wijaya',
      referrerContact: 'hendra@damkar.go.id',
      consentLevel: 'attendance_and_compliance',
      consentDate: '2026-10-01',
      consentExpiry: '2026-12-31',
      consentDates: 'day',
      reason: REASON,
      client: { mode: 'new', givenName: 'Siti', familyName: 'Rahayu', preferredLanguage: 'id' },
      ...overrides,
    });
    return created.referral;
  };
  const referral = await refer();
  await call(c.app, 'referrals.move', { id: referral.id, to: 'triaged' });
  await call(c.app, 'referrals.move', { id: referral.id, to: 'waitlisted' });
  const { caseId } = await call<{ caseId: number }>(c.app, 'referrals.assign', { id: referral.id, counsellorId: c.counsellorId });
  const sql = (statement: string, params: unknown[] = []) => c.app.runAdminTask('test', (session) => session.dataSource.query(statement, params));
  // Sessions held before "now" (booking is another feature's job). 06:30 on 1 November in
  // Jakarta is still 31 October in UTC: the letter dates by the clinic's calendar.
  const sessions: Array<[string, string]> = [
    ['2026-10-05T09:00', 'attended'],
    ['2026-10-12T09:00', 'did_not_attend'],
    ['2026-10-19T09:00', 'attended'],
    ['2026-11-01T06:30', 'attended'],
    ['2026-11-02T09:00', 'attended'],
    ['2026-11-09T09:00', 'cancelled_by_client'],
    ['2026-12-01T09:00', 'scheduled'],
  ];
  for (const [local, status] of sessions) {
    await sql(
      `INSERT INTO session (case_id, agency_id, counsellor_id, room_id, start_ms, end_ms, time_zone, session_type, modality, status, status_reason, created_at, created_by_user_id, updated_at)
       VALUES (?, ?, ?, NULL, ?, ?, 'Asia/Jakarta', 'counselling', 'phone', ?, ?, '2026-10-01T02:00:00.000Z', 1, '2026-10-01T02:00:00.000Z')`,
      [caseId, agency.id, c.counsellorId, jakarta(local), jakarta(local) + 50 * 60_000, status, status.startsWith('cancelled') ? 'Sakit' : ''],
    );
  }
  const register = () => c.app.runAdminTask('test', (session) => readRegister(session.dataSource.manager));
  const letterAudits = async () => (await call<{ entries: Array<{ recordId: string; detail: Record<string, unknown> }> }>(c.app, 'audit.list', { action: 'letter.referral' })).entries;
  const preview = (input: object = {}) => call<ChannelOutput<'letters.referralPreview'>>(c.app, 'letters.referralPreview', { referralId: referral.id, ...input });
  const write = (path: string, force = false, language?: 'en' | 'id') =>
    c.app.runAdminTask('letter.referral', (session, now) => writeReferralLetter(session, now, { referralId: referral.id, path, force, language }));
  const folder = dirname(c.dir);
  return { ...c, clock, agencyId: agency.id, referral, caseId, refer, sql, register, letterAudits, preview, write, file: (name: string) => join(folder, name) };
}

const ATTENDED_DAYS = ['2026-10-05', '2026-10-19', '2026-11-01', '2026-11-02'];

describe('recommendation compliance', () => {
  it('is answered by the counsellor of the case only; the newest answer counts and is shown with who and when', async () => {
    const c = await formalClinic();
    expect(await call(c.app, 'cases.compliance', { caseId: c.caseId })).toEqual({ caseId: c.caseId, clientId: c.referral.clientId, latest: null });
    // An admin writes letters but does not answer for the counsellor.
    expect(((await c.app.dispatch('cases.recordCompliance', { caseId: c.caseId, followed: true })) as Failure).error.code).toBe('FORBIDDEN');

    await signIn(c.app, COUNSELLOR);
    await call(c.app, 'cases.recordCompliance', { caseId: c.caseId, followed: false });
    c.clock.advance(26 * 3_600_000); // Sunday 29 November, 11:00 in Jakarta
    const answered = await call(c.app, 'cases.recordCompliance', { caseId: c.caseId, followed: true });
    expect(answered).toEqual({ caseId: c.caseId, clientId: c.referral.clientId, latest: { followed: true, recordedAt: '2026-11-29T04:00:00.000Z', recordedBy: COUNSELLOR.displayName } });
    expect(await call(c.app, 'cases.compliance', { caseId: c.caseId })).toEqual(answered);

    await signIn(c.app, ADMIN);
    expect(await call(c.app, 'cases.compliance', { caseId: c.caseId })).toEqual(answered);
    const audits = (await call<{ entries: Array<{ recordId: string; detail: unknown }> }>(c.app, 'audit.list', { action: 'case.compliance' })).entries;
    expect(audits.map((e) => [e.recordId, e.detail])).toEqual([
      [String(c.caseId), { followed: true }],
      [String(c.caseId), { followed: false }],
    ]);
    expect((await c.preview()).facts.compliance).toEqual({ followed: true, recordedOn: '2026-11-29' });
    // The preview names the client: who looked is in the audit log.
    const views = (await call<{ entries: Array<{ recordId: string; detail: unknown; actorUsername: string }> }>(c.app, 'audit.list', { action: 'referral.view' })).entries;
    expect(views[0]).toMatchObject({ recordId: String(c.referral.id), detail: { purpose: 'letter_preview' }, actorUsername: ADMIN.username });
  });

  it('is NOT_FOUND for another counsellor, exactly like a case that does not exist, and the attempt is audited', async () => {
    const c = await formalClinic();
    await addCounsellor(c.app, CITRA);
    await signIn(c.app, CITRA);
    for (const [channel, input] of [
      ['cases.compliance', { caseId: c.caseId }],
      ['cases.recordCompliance', { caseId: c.caseId, followed: false }],
      ['cases.compliance', { caseId: 999 }],
    ] as const) {
      const reply = (await c.app.dispatch(channel, input)) as Failure;
      expect(reply.error, channel).toEqual({ code: 'NOT_FOUND', message: 'There is no such record.' });
    }
    await signIn(c.app, ADMIN);
    const denied = (await call<{ entries: Array<{ recordType: string; recordId: string }> }>(c.app, 'audit.list', { action: 'access.denied' })).entries;
    expect(denied.filter((e) => e.recordType === 'case').map((e) => e.recordId)).toEqual(['999', String(c.caseId), String(c.caseId)]);
    expect(await call(c.app, 'cases.compliance', { caseId: c.caseId })).toEqual({ caseId: c.caseId, clientId: c.referral.clientId, latest: null });
  });
});

describe('the letter to the referrer', () => {
  it('with attendance and compliance consent by day: every attended day (by the clinic’s calendar), and "not recorded" before any answer', async () => {
    const c = await formalClinic();
    const { facts, blocks } = await c.preview();
    expect(facts).toEqual({
      referralId: c.referral.id,
      language: 'id',
      writtenOn: '2026-11-28',
      clinicName: 'Klinik Konseling Harapan',
      referrerName: 'Pak Hendra Wijaya',
      clientName: 'Siti Rahayu',
      consentLevel: 'attendance_and_compliance',
      consentDate: '2026-10-01',
      consentExpiry: '2026-12-31',
      attendance: { dating: 'day', days: ATTENDED_DAYS },
      compliance: null,
    });
    const text = blocks.map((b) => b.text);
    expect(text).toEqual(expect.arrayContaining(['5 Oktober 2026', '19 Oktober 2026', '1 November 2026', '2 November 2026', id.referralLetter.letter.complianceNotRecorded]));
  });

  it('with attendance consent by month: sessions counted per month, and nothing about compliance even when it was recorded', async () => {
    const c = await formalClinic();
    await signIn(c.app, COUNSELLOR);
    await call(c.app, 'cases.recordCompliance', { caseId: c.caseId, followed: false });
    await signIn(c.app, ADMIN);
    await c.sql(`UPDATE referral SET consent_level = 'attendance', consent_dates = 'month' WHERE id = ?`, [c.referral.id]);
    const { facts, blocks } = await c.preview({ language: 'en' });
    expect(facts.attendance).toEqual({ dating: 'month', months: [{ month: '2026-10', sessions: 2 }, { month: '2026-11', sessions: 2 }] });
    expect(facts).not.toHaveProperty('compliance');
    expect(blocks.filter((b) => b.kind === 'item').map((b) => b.text)).toEqual(['2 sessions in October 2026', '2 sessions in November 2026']);
    const words = blocks.map((b) => b.text).join('\n');
    expect(words).not.toMatch(/recommendation/i);
    expect(words).not.toMatch(/\b(5|19) October/);
  });

  it('writes the PDF (0600) after entering exactly its facts in the register and the audit log; an existing file needs force', async () => {
    const c = await formalClinic();
    const path = c.file('letter.pdf');
    const written = await c.write(path);
    const bytes = readFileSync(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(written.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const [entry, ...others] = await c.register();
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ id: written.registerId, kind: 'referral_letter', referralId: c.referral.id, agencyIds: [c.agencyId], format: 'pdf', language: 'id', sha256: written.sha256, madeAt: '2026-11-28T02:00:00.000Z' });
    expect(entry!.published).toEqual(written.facts);
    const [audit] = await c.letterAudits();
    expect(audit).toMatchObject({ recordId: String(c.referral.id), detail: { registerId: written.registerId, language: 'id', consentLevel: 'attendance_and_compliance', dating: 'day', sessions: 4, compliance: 'not_recorded', sha256: written.sha256 } });

    // Not over an existing file without force: refused before anything is entered.
    writeFileSync(c.file('taken.pdf'), 'mine');
    const refused = await c.write(c.file('taken.pdf')).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'out', code: 'file_exists' }] });
    expect(readFileSync(c.file('taken.pdf'), 'utf8')).toBe('mine');
    expect(await c.register()).toHaveLength(1);
    await c.write(c.file('taken.pdf'), true, 'en');
    expect(statSync(c.file('taken.pdf')).mode & 0o777).toBe(0o600);
    expect((await c.register()).map((e) => e.language)).toEqual(['en', 'id']);
  });

  it('says in the PDF exactly the allowed facts and nothing else: no presenting issue, reason, counsellor or other session', async () => {
    const c = await formalClinic();
    await signIn(c.app, COUNSELLOR);
    await call(c.app, 'cases.recordCompliance', { caseId: c.caseId, followed: true });
    await signIn(c.app, ADMIN);
    for (const language of ['en', 'id'] as const) {
      const path = c.file(`letter-${language}.pdf`);
      const written = await c.write(path, false, language);
      const text = (await pdfLines(readFileSync(path))).join(' ').replace(/\s+/g, ' ');
      const expected = letterBlocks(written.facts as LetterFacts).map((b) => (b.kind === 'item' ? `• ${b.text}` : b.text)).join(' ').replace(/\s+/g, ' ');
      expect(text).toBe(expected);
      const strings = language === 'en' ? en : id;
      for (const secret of [REASON, COUNSELLOR.displayName, strings.vocab.presentingIssue.conflict_with_public, 'hendra@damkar.go.id']) {
        expect(text, secret).not.toContain(secret);
      }
      // The missed, cancelled and coming sessions (12 October, 9 November, 1 December) are not attendance.
      expect(text).not.toMatch(/\b(12 Okt|12 Oct|9 Nov|1 Des|1 Dec)/);
      expect(text).toContain(language === 'en' ? 'Recommendations being followed: yes (as recorded by the counsellor on 28 November 2026).' : 'Rekomendasi dijalankan: ya (sesuai catatan konselor pada 28 November 2026).');
    }
  });

  it('is refused with a clear reason, writing nothing, when not formal, without consent, missing its dates or expired (by the clinic’s calendar)', async () => {
    const c = await formalClinic();
    const path = c.file('refused.pdf');
    const refusal = async (referralId = c.referral.id) => {
      const preview = ((await c.app.dispatch('letters.referralPreview', { referralId })) as Failure).error.code;
      const written = await c.app.runAdminTask('letter.referral', (session, now) => writeReferralLetter(session, now, { referralId, path, force: false })).catch((e: { code: string }) => e.code);
      expect(written).toBe(preview);
      return preview;
    };
    const informal = await c.refer({ referralType: 'self', referrerName: '', referrerContact: '', consentLevel: 'none', consentDate: null, consentExpiry: null, client: { mode: 'new', givenName: 'Rina', familyName: 'Kusuma' } });
    expect(await refusal(informal.id)).toBe('LETTER_NOT_FORMAL');
    const noConsent = await c.refer({ consentLevel: 'none', consentDate: null, consentExpiry: null, client: { mode: 'new', givenName: 'Dewi', familyName: 'Lestari' } });
    expect(await refusal(noConsent.id)).toBe('LETTER_NO_CONSENT');

    // A referral kept from before consent dates were required.
    await c.sql(`UPDATE referral SET consent_expiry = NULL WHERE id = ?`, [c.referral.id]);
    expect(await refusal()).toBe('LETTER_CONSENT_INCOMPLETE');
    await c.sql(`UPDATE referral SET consent_expiry = '2026-12-31' WHERE id = ?`, [c.referral.id]);

    // 31 December, 23:59 in Jakarta: the consent's last day. One minute later it has expired,
    // though it is still 31 December in UTC.
    c.clock.set(Date.parse('2026-12-31T16:59:00Z'));
    expect((await c.preview()).facts.writtenOn).toBe('2026-12-31');
    c.clock.set(Date.parse('2026-12-31T17:00:00Z'));
    expect(await refusal()).toBe('LETTER_CONSENT_EXPIRED');

    expect(existsSync(path)).toBe(false);
    expect(await c.register()).toEqual([]);
    expect(await c.letterAudits()).toEqual([]);
    // Each refusal is named in both languages.
    for (const code of ['LETTER_NOT_FORMAL', 'LETTER_NO_CONSENT', 'LETTER_CONSENT_INCOMPLETE', 'LETTER_CONSENT_EXPIRED'] as const) {
      expect(en.errors[code]).toMatch(/letter|referrer/);
      expect(id.errors[code]).toMatch(/surat|perujuk/);
    }
  });

  it('is refused to a counsellor, even the counsellor of the case', async () => {
    const c = await formalClinic();
    await signIn(c.app, COUNSELLOR);
    for (const channel of ['letters.referralPreview', 'letters.referralSave']) {
      expect(((await c.app.dispatch(channel, { referralId: c.referral.id })) as Failure).error.code, channel).toBe('FORBIDDEN');
    }
    await expect(c.write(c.file('counsellor.pdf'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(existsSync(c.file('counsellor.pdf'))).toBe(false);
    await signIn(c.app, ADMIN);
    expect(await c.register()).toEqual([]);
  });

  it('is saved from the app where the save dialog says, and not at all when the admin cancels', async () => {
    const c = await formalClinic();
    // Without a save dialog (the CLI's dispatcher) the app's way is unavailable.
    expect(((await c.app.dispatch('letters.referralSave', { referralId: c.referral.id })) as Failure).error.code).toBe('SAVE_UNAVAILABLE');
    await c.app.close();
    const asked: string[] = [];
    let answer: string | null = null;
    const app = createTenangApp({ vaultDir: c.dir, clock: c.clock, chooseSavePath: async (suggested) => (asked.push(suggested), answer) });
    cleanups.push(() => app.close());
    await signIn(app, ADMIN);
    expect(await call(app, 'letters.referralSave', { referralId: c.referral.id })).toEqual({ outcome: 'cancelled' });
    answer = c.file('chosen.pdf');
    const saved = await call<{ outcome: string; path: string; registerId: number; sha256: string }>(app, 'letters.referralSave', { referralId: c.referral.id, language: 'en' });
    expect(saved).toMatchObject({ outcome: 'saved', path: answer });
    // The suggested name says which referral and when, never who.
    expect(asked).toEqual([`referral-letter-${c.referral.id}-2026-11-28.pdf`, `referral-letter-${c.referral.id}-2026-11-28.pdf`]);
    expect(createHash('sha256').update(readFileSync(answer)).digest('hex')).toBe(saved.sha256);
    const entries = await app.runAdminTask('test', (session) => readRegister(session.dataSource.manager));
    expect(entries.map((e) => [e.id, e.language])).toEqual([[saved.registerId, 'en']]);
  });
});
