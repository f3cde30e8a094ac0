import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from '../../shared/domain/agencies';
import type { ReportData } from '../../shared/reports/report-tables';
import type { TenangApp } from '../tenang-app';
import { call, WEEKDAYS_8_TO_4 } from '../../tests/helpers/booking-fixture';
import { gad7Answers, phq9Answers } from '../../tests/helpers/measure-answers';
import { countMap } from '../../tests/helpers/report-counts';
import { ADMIN, clinicWithCounsellor, COUNSELLOR, manualClock, signIn } from '../../tests/helpers/vault-fixture';
import { readReportData } from './report-data';

/**
 * The report's counts on a small clinic built by hand through the channels, where every
 * expected number can be worked out on paper (the comments do). The clock starts on
 * Monday 1 June 2026, 09:00 in Jakarta, and ends on Friday 3 July.
 */

const ZONE = 'Asia/Jakarta';
const START = Date.parse('2026-06-01T02:00:00Z');
const END = Date.parse('2026-07-03T03:00:00Z');

interface Built {
  app: TenangApp;
  agencyA: number;
  agencyB: number;
  cleanup(): Promise<void>;
}

async function referral(app: TenangApp, agencyId: number, receivedDate: string, urgency: string, referralType: string, presentingIssues: string[], givenName: string) {
  const created = await call<{ referral: { id: number; clientId: number } }>(app, 'referrals.create', {
    agencyId,
    receivedDate,
    referralType,
    urgency,
    presentingIssues,
    ...(referralType === 'self' ? {} : { referrerName: 'Kepala Regu', referrerContact: 'kepala@example.org' }),
    client: { mode: 'new', givenName, familyName: 'Uji' },
  });
  return created.referral;
}

async function assign(app: TenangApp, id: number, counsellorId: number): Promise<number> {
  await call(app, 'referrals.move', { id, to: 'triaged' });
  await call(app, 'referrals.move', { id, to: 'waitlisted' });
  return (await call<{ caseId: number }>(app, 'referrals.assign', { id, counsellorId })).caseId;
}

async function buildSmallClinic(): Promise<Built> {
  const clock = manualClock(START);
  const c = await clinicWithCounsellor(clock);
  const app = c.app;
  const agencyA = (await call<{ id: number }>(app, 'agencies.create', { name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services' })).id;
  const agencyB = (await call<{ id: number }>(app, 'agencies.create', { name: 'Rumah Sakit Umum Daerah', sector: 'health' })).id;
  const contract = { agencyId: agencyA, sessionAllowance: 10, allowancePolicy: 'warn', targets: DEFAULT_TARGETS, minCellSize: 5, reportingFrequency: 'quarterly' };
  await call(app, 'contracts.create', { ...contract, startDate: '2025-01-01', endDate: '2025-12-31', coveredHeadcount: 380 });
  await call(app, 'contracts.create', { ...contract, startDate: '2026-01-01', endDate: '2026-12-31', coveredHeadcount: 420 });
  // Agency B has no contract: its referral is measured against the clinic's default targets.
  await call(app, 'availability.setHours', { userId: c.counsellorId, hours: WEEKDAYS_8_TO_4 });
  const melati = (await call<{ id: number }>(app, 'rooms.create', { name: 'Ruang Melati', capacity: 2 })).id;
  const aula = (await call<{ id: number }>(app, 'rooms.create', { name: 'Aula', capacity: 20 })).id;

  // R1: received Friday 29 May (May's, not in the report), routine: due at the end of the 5th working day, Friday 5 June.
  const r1 = await referral(app, agencyA, '2026-05-29', 'routine', 'self', ['workload_stress', 'burnout'], 'Siti');
  const case1 = await assign(app, r1.id, c.counsellorId);
  // R2: received and entered Monday 1 June 09:00, urgent: due 48 hours later, Wednesday 09:00.
  const r2 = await referral(app, agencyA, '2026-06-01', 'urgent', 'formal_management', ['conflict_with_public', 'workload_stress'], 'Rina');
  const case2 = await assign(app, r2.id, c.counsellorId);
  // R3: waiting, never seen.
  await referral(app, agencyA, '2026-06-01', 'routine', 'self', ['burnout'], 'Tono');
  // R4: agency B, an emergency: due by midnight of the day received.
  const r4 = await referral(app, agencyB, '2026-06-01', 'emergency', 'critical_incident', ['critical_incident_trauma'], 'Wati');
  const case4 = await assign(app, r4.id, c.counsellorId);

  const book = async (input: Record<string, unknown>) => (await call<{ sessions: Array<{ id: number }> }>(app, 'sessions.book', { caseId: null, agencyId: null, counsellorId: c.counsellorId, durationMinutes: 50, ...input })).sessions[0]!.id;
  const inPerson = { modality: 'in_person', roomId: melati };
  const video = { modality: 'video', videoLink: 'https://meet.example.org/sesi' };
  const s1 = await book({ caseId: case1, sessionType: 'counselling', ...inPerson, localStart: '2026-06-02T09:00' });
  const s2 = await book({ caseId: case1, sessionType: 'counselling', modality: 'phone', localStart: '2026-06-09T09:00' });
  const s3 = await book({ caseId: case1, sessionType: 'follow_up', ...video, localStart: '2026-06-16T09:00' });
  const s4 = await book({ caseId: case1, sessionType: 'counselling', ...inPerson, localStart: '2026-07-01T09:00' });
  const s5 = await book({ caseId: case1, sessionType: 'counselling', ...inPerson, localStart: '2026-06-23T09:00' });
  const s6 = await book({ caseId: case2, sessionType: 'intake_assessment', ...inPerson, localStart: '2026-06-03T10:00' });
  const s7 = await book({ caseId: case4, sessionType: 'counselling', ...video, localStart: '2026-06-01T14:00' });
  // 06:00 on 1 July in Jakarta is still 30 June in UTC: July's.
  const s8 = await book({ agencyId: agencyA, sessionType: 'manager_consultation', modality: 'phone', localStart: '2026-07-01T06:00', overrideReason: 'Permintaan pimpinan' });
  const workshop = { agencyId: agencyA, sessionType: 'group_workshop', modality: 'in_person', roomId: aula, capacity: 15 };
  const w1 = await book({ ...workshop, topic: 'resilience', localStart: '2026-06-04T13:00' });
  const w2 = await book({ ...workshop, topic: 'stress_management', localStart: '2026-07-02T13:00' });
  const w3 = await book({ ...workshop, topic: 'resilience', localStart: '2026-06-18T13:00' });

  clock.set(END);
  const status = (id: number, to: string, reason = '') => call(app, 'sessions.setStatus', { id, status: to, reason });
  for (const id of [s1, s2, s6, s7, s8, w1, w2]) await status(id, 'attended');
  await status(s3, 'did_not_attend');
  await status(s4, 'late_cancellation', 'Sakit');
  await status(s5, 'cancelled_by_client', 'Dinas luar');
  await status(w3, 'cancelled_by_clinic', 'Aula dipakai');
  await call(app, 'sessions.setAttendance', { id: w1, headCount: 12 });
  await call(app, 'sessions.setAttendance', { id: w2, clientIds: [r1.clientId] });

  await signIn(app, COUNSELLOR);
  const record = (caseId: number, instrumentId: string, administeredAt: string, responses: number[]) => call(app, 'measures.record', { caseId, instrumentId, administeredAt, mode: 'counsellor', responses });
  // Case 1: PHQ-9 15 → 5 and GAD-7 12 → 4: at caseness, recovered, reliably improved (6 and 4 points needed).
  await record(case1, 'phq9', '2026-06-02T09:50', phq9Answers(15));
  await record(case1, 'gad7', '2026-06-02T09:50', gad7Answers(12));
  await record(case1, 'phq9', '2026-06-09T09:50', phq9Answers(5));
  await record(case1, 'gad7', '2026-06-09T09:50', gad7Answers(4));
  // WHO-5 40 → 64: a change of 24.
  await record(case1, 'who5', '2026-06-02T09:50', [2, 2, 2, 2, 2]);
  await record(case1, 'who5', '2026-06-09T09:50', [3, 3, 3, 3, 4]);
  // Case 2: one PHQ-9 only, and it closed after its intake: not paired, not finished.
  await record(case2, 'phq9', '2026-06-03T10:50', phq9Answers(12));
  await signIn(app, ADMIN);
  await call(app, 'cases.close', { id: case2, closedDate: '2026-06-20', closureReason: 'completed' });
  await call(app, 'cases.close', { id: case1, closedDate: '2026-07-02', closureReason: 'completed' });
  return { app, agencyA, agencyB, cleanup: c.cleanup };
}

describe('report data on a small clinic built by hand', () => {
  let clinic: Built;
  const read = (agencyIds: number[], from: string, to: string): Promise<ReportData> =>
    clinic.app.runAdminTask('test.report', (session) => readReportData(session.dataSource.manager, agencyIds, { from, to }, ZONE));

  beforeAll(async () => {
    clinic = await buildSmallClinic();
  });
  afterAll(async () => {
    await clinic?.cleanup();
  });

  it('counts each table per agency and month of the clinic’s zone, as worked out by hand', async () => {
    const { agencyA: a, agencyB: b } = clinic;
    const data = await read([a, b], '2026-06', '2026-07');
    expect(countMap(data.counts)).toEqual({
      // R1 was received in May: June has R2 and R3 of A, R4 of B.
      [`referrals_by_type|formal_management|referrals|${a}|2026-06`]: 1,
      [`referrals_by_type|self|referrals|${a}|2026-06`]: 1,
      [`referrals_by_type|critical_incident|referrals|${b}|2026-06`]: 1,
      [`referrals_by_urgency|urgent|referrals|${a}|2026-06`]: 1,
      [`referrals_by_urgency|routine|referrals|${a}|2026-06`]: 1,
      [`referrals_by_urgency|emergency|referrals|${b}|2026-06`]: 1,
      [`presenting_issues|conflict_with_public|referrals|${a}|2026-06`]: 1,
      [`presenting_issues|workload_stress|referrals|${a}|2026-06`]: 1,
      [`presenting_issues|burnout|referrals|${a}|2026-06`]: 1,
      [`presenting_issues|critical_incident_trauma|referrals|${b}|2026-06`]: 1,
      // Attended sessions of every kind; the manager consultation at 06:00 on 1 July is July's.
      [`sessions_by_type_and_modality|counselling|in_person|${a}|2026-06`]: 1,
      [`sessions_by_type_and_modality|counselling|phone|${a}|2026-06`]: 1,
      [`sessions_by_type_and_modality|intake_assessment|in_person|${a}|2026-06`]: 1,
      [`sessions_by_type_and_modality|group_workshop|in_person|${a}|2026-06`]: 1,
      [`sessions_by_type_and_modality|manager_consultation|phone|${a}|2026-07`]: 1,
      [`sessions_by_type_and_modality|group_workshop|in_person|${a}|2026-07`]: 1,
      [`sessions_by_type_and_modality|counselling|video|${b}|2026-06`]: 1,
      // Client sessions due: the cancellation in good time is not one.
      [`session_attendance|attended|sessions|${a}|2026-06`]: 3,
      [`session_attendance|did_not_attend|sessions|${a}|2026-06`]: 1,
      [`session_attendance|late_cancellation|sessions|${a}|2026-07`]: 1,
      [`session_attendance|attended|sessions|${b}|2026-06`]: 1,
      // R1 seen Tuesday 2 June (due 5 June): met; R2 seen Wednesday 10:00 (due 09:00): missed;
      // R4 (no contract, the default same-day target) seen the day it came: met.
      [`first_appointment_by_urgency|routine|met|${a}|2026-06`]: 1,
      [`first_appointment_by_urgency|urgent|missed|${a}|2026-06`]: 1,
      [`first_appointment_by_urgency|emergency|met|${b}|2026-06`]: 1,
      [`workshops_by_topic|resilience|workshops|${a}|2026-06`]: 1,
      [`workshops_by_topic|stress_management|workshops|${a}|2026-07`]: 1,
      // A head count of 12; one named attendee.
      [`workshop_attendance_by_topic|resilience|attendees|${a}|2026-06`]: 12,
      [`workshop_attendance_by_topic|stress_management|attendees|${a}|2026-07`]: 1,
      // Case 2 closed in June after its intake; case 1 in July after two attended sessions.
      [`closed_cases|cases|count|${a}|2026-06`]: 1,
      [`closed_cases|sessions|count|${a}|2026-06`]: 1,
      [`closed_cases|cases|count|${a}|2026-07`]: 1,
      [`closed_cases|sessions|count|${a}|2026-07`]: 2,
      [`outcomes|paired|cases|${a}|2026-07`]: 1,
      [`outcomes|caseness_at_start|cases|${a}|2026-07`]: 1,
      [`outcomes|recovered|cases|${a}|2026-07`]: 1,
      [`outcomes|reliably_improved|cases|${a}|2026-07`]: 1,
      [`outcomes|reliably_recovered|cases|${a}|2026-07`]: 1,
    });
    // Clients 1, 2 and 4 were seen; A's 2026 contract covers 420 and B has none.
    expect(data.figures).toEqual({ clientsSeen: 3, coveredHeadcount: 420, who5Pairs: 1, who5ChangeSum: 24 });
  });

  it('reads only the agencies and months asked for', async () => {
    const july = await read([clinic.agencyA], '2026-07', '2026-07');
    expect(new Set(july.counts.map((c) => `${c.agencyId}|${c.month}`))).toEqual(new Set([`${clinic.agencyA}|2026-07`]));
    // In July no client session was attended (the late cancellation and a consultation without a client).
    expect(july.figures).toEqual({ clientsSeen: 0, coveredHeadcount: 420, who5Pairs: 1, who5ChangeSum: 24 });
    const onlyB = await read([clinic.agencyB], '2026-06', '2026-07');
    expect(onlyB.counts.every((c) => c.agencyId === clinic.agencyB)).toBe(true);
    expect(onlyB.figures).toEqual({ clientsSeen: 1, coveredHeadcount: 0, who5Pairs: 0, who5ChangeSum: 0 });
  });

  it('takes the largest covered headcount when two contracts of an agency fall in the period', async () => {
    expect((await read([clinic.agencyA], '2025-12', '2026-01')).figures.coveredHeadcount).toBe(420);
    expect((await read([clinic.agencyA], '2025-11', '2025-12')).figures.coveredHeadcount).toBe(380);
  });

  it('gives nothing but numbers: no name, code or date leaves it', async () => {
    const data = await read([clinic.agencyA, clinic.agencyB], '2026-05', '2026-07');
    const text = JSON.stringify(data);
    for (const name of ['Siti', 'Rina', 'Tono', 'Wati', 'Uji']) expect(text).not.toContain(name);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/TN-/);
  });

  it('reads an empty scope as nothing', async () => {
    expect(await read([], '2026-06', '2026-07')).toEqual({ counts: [], figures: { clientsSeen: 0, coveredHeadcount: 0, who5Pairs: 0, who5ChangeSum: 0 } });
  });
});
