import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { ADMIN, addCounsellor, signIn, COUNSELLOR } from '../tests/helpers/vault-fixture';
import { assignedReferral, bookingClinic, call, counselling, CLIENT, type BookingClinic } from '../tests/helpers/booking-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function clinic(policy: 'warn' | 'deny' = 'warn', allowance = 3): Promise<BookingClinic> {
  const c = await bookingClinic(policy, allowance);
  cleanups.push(c.cleanup);
  return c;
}

interface Session {
  id: number;
  startMs: number;
  endMs: number;
  status: string;
  roomName: string | null;
  clientCode: string | null;
  clientName: string | null;
}
type Booked = { outcome: 'booked'; sessions: Session[] };
type Confirm = { outcome: 'needs_confirmation'; overrides: Array<{ occurrence: number; kind: string }>; allowance: { used: number; allowed: number; adding: number; yearStart: string; yearEnd: string } | null };

const jakarta = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Jakarta' }).toMillis();

async function sessionCount(c: BookingClinic): Promise<number> {
  const { sessions } = await call<{ sessions: Session[] }>(c.app, 'sessions.list', { fromMs: jakarta('2026-11-01T00:00'), toMs: jakarta('2026-12-31T00:00') });
  return sessions.length;
}

async function auditActions(c: BookingClinic): Promise<string[]> {
  const { entries } = await call<{ entries: Array<{ action: string }> }>(c.app, 'audit.list', { limit: 200 });
  return entries.map((e) => e.action);
}

describe('booking a session', () => {
  it('books the first session of a case, moves its referral to "first session booked" and counts it against the allowance', async () => {
    const c = await clinic();
    const booked = await call<Booked>(c.app, 'sessions.book', counselling(c));
    expect(booked.outcome).toBe('booked');
    expect(booked.sessions[0]).toMatchObject({ startMs: jakarta('2026-11-30T09:00'), endMs: jakarta('2026-11-30T09:50'), roomName: 'Ruang Melati', status: 'scheduled', clientName: 'Siti Rahayu' });
    const { referral, history } = await call<{ referral: { status: string }; history: Array<{ toStatus: string }> }>(c.app, 'referrals.get', { id: c.referralId });
    expect(referral.status).toBe('first_session_booked');
    expect(history.map((h) => h.toStatus)).toContain('first_session_booked');
    const { cases } = await call<{ cases: Array<{ id: number; sessionsUsed: number; sessionAllowance: number }> }>(c.app, 'cases.list', {});
    expect(cases.find((k) => k.id === c.caseId)).toMatchObject({ sessionsUsed: 1, sessionAllowance: 3 });
    expect(await auditActions(c)).toEqual(expect.arrayContaining(['session.book', 'referral.view']));
  });

  it('refuses a double booking of the counsellor or the room, naming the time and room of the session in the way and never its client', async () => {
    const c = await clinic();
    await call(c.app, 'sessions.book', counselling(c));
    const again = await c.app.dispatch('sessions.book', counselling(c, { localStart: '2026-11-30T09:30', roomId: c.aula }));
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'SCHEDULE_CONFLICT', problems: [{ occurrence: 0, kind: 'counsellor_busy', other: { startMs: jakarta('2026-11-30T09:00'), endMs: jakarta('2026-11-30T09:50'), roomName: 'Ruang Melati' } }] },
    });

    // Another counsellor wants Ruang Melati at the same time for an agency consultation.
    const citraId = await addCounsellor(c.app, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' });
    await call(c.app, 'availability.setHours', { userId: citraId, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 960 })) });
    const roomClash = await c.app.dispatch('sessions.book', { agencyId: c.agencyId, counsellorId: citraId, sessionType: 'manager_consultation', modality: 'in_person', roomId: c.melati, localStart: '2026-11-30T09:20', durationMinutes: 30 });
    expect(roomClash).toMatchObject({ ok: false, error: { code: 'SCHEDULE_CONFLICT', problems: [{ kind: 'room_busy', other: { roomName: 'Ruang Melati' } }] } });
    const text = JSON.stringify(roomClash);
    for (const secret of [CLIENT.givenName, CLIENT.familyName, 'TN-']) expect(text).not.toContain(secret);
    expect(await sessionCount(c)).toBe(1);
  });

  it('checks every occurrence of a series and saves none when one conflicts', async () => {
    const c = await clinic('warn', 20);
    await call(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-14T10:00' }));
    const series = await c.app.dispatch('sessions.book', counselling(c, { localStart: '2026-11-30T10:00', repeat: { recurrence: 'weekly', count: 4 } }));
    expect(series).toMatchObject({ ok: false, error: { code: 'SCHEDULE_CONFLICT', problems: [{ occurrence: 2, occurrenceStartMs: jakarta('2026-12-14T10:00'), kind: 'counsellor_busy' }] } });
    expect(await sessionCount(c)).toBe(1);

    const fortnightly = await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-11-30T11:00', repeat: { recurrence: 'fortnightly', count: 3 } }));
    expect(fortnightly.sessions.map((s) => DateTime.fromMillis(s.startMs, { zone: 'Asia/Jakarta' }).toFormat('yyyy-MM-dd HH:mm'))).toEqual(['2026-11-30 11:00', '2026-12-14 11:00', '2026-12-28 11:00']);
  });

  it('asks for a reason before booking outside working hours, on leave or on a holiday, and logs the override', async () => {
    const c = await clinic('warn', 20);
    await call(c.app, 'leave.add', { userId: c.counsellorId, startDate: '2026-12-02', endDate: '2026-12-02' });
    await call(c.app, 'holidays.add', { date: '2026-12-03', name: 'Hari Libur Klinik' });
    const evening = await call<Confirm>(c.app, 'sessions.book', counselling(c, { localStart: '2026-11-30T17:00' }));
    expect(evening).toEqual({ outcome: 'needs_confirmation', overrides: [expect.objectContaining({ occurrence: 0, kind: 'outside_hours' })], allowance: null });
    const week = await call<Confirm>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-01T09:00', modality: 'phone', roomId: null, repeat: { recurrence: 'weekly', count: 1 + 1 } }));
    expect(week.outcome).toBe('booked'); // 1 and 8 December: both working days
    const leave = await call<Confirm>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-02T09:00' }));
    expect(leave.overrides.map((o) => o.kind)).toEqual(['on_leave']);
    const holiday = await call<Confirm>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-03T09:00' }));
    expect(holiday.overrides.map((o) => o.kind)).toEqual(['holiday']);
    expect(await sessionCount(c)).toBe(2);

    const confirmed = await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-11-30T17:00', overrideReason: 'Client works shifts; agreed evening slot.' }));
    expect(confirmed.outcome).toBe('booked');
    expect(await auditActions(c)).toContain('session.override');
  });

  it('asks for a reason past the allowance under a warn policy, and counts by presenting issue and contract year', async () => {
    const c = await clinic('warn', 2);
    await call(c.app, 'sessions.book', counselling(c, { localStart: '2026-11-30T09:00', repeat: { recurrence: 'weekly', count: 2 } }));
    const third = await call<Confirm>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-14T09:00' }));
    expect(third).toEqual({ outcome: 'needs_confirmation', overrides: [], allowance: { presentingIssue: 'workload_stress', used: 2, allowed: 2, adding: 1, yearStart: '2026-01-01', yearEnd: '2026-12-31' } });
    // Another presenting issue of the case has its own allowance; so does the next contract year.
    expect((await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-14T09:00', presentingIssue: 'burnout' }))).outcome).toBe('booked');
    expect((await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2027-01-04T09:00' }))).outcome).toBe('booked');
    const withReason = await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-15T09:00', allowanceReason: 'Approved by the agency’s HR on 10 December.' }));
    expect(withReason.outcome).toBe('booked');
    expect(await auditActions(c)).toContain('session.allowance_exceeded');
    // An issue the case does not have is refused.
    expect(await c.app.dispatch('sessions.book', counselling(c, { localStart: '2026-12-16T09:00', presentingIssue: 'financial' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'presentingIssue' }] } });
  });

  it('refuses past the allowance under a deny policy; a session cancelled by the clinic gives its place back', async () => {
    const c = await clinic('deny', 1);
    const [first] = (await call<Booked>(c.app, 'sessions.book', counselling(c))).sessions;
    expect(await c.app.dispatch('sessions.book', counselling(c, { localStart: '2026-12-07T09:00' }))).toMatchObject({ ok: false, error: { code: 'ALLOWANCE_EXCEEDED' } });
    await call(c.app, 'sessions.setStatus', { id: first!.id, status: 'cancelled_by_clinic', reason: 'Counsellor ill' });
    expect((await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-07T09:00' }))).outcome).toBe('booked');
  });

  it('refuses a wall-clock time that a DST change skips, and keeps a weekly series at its local time across the change', async () => {
    const c = await clinic('warn', 20);
    await call(c.app, 'settings.update', { timeZone: 'Australia/Sydney' });
    await call(c.app, 'availability.setHours', { userId: c.counsellorId, hours: [0, 1, 2, 3, 4, 5, 6].map((i) => ({ weekday: i + 1, startMinute: 0, endMinute: 1440 })) });
    const sydney = (ms: number) => DateTime.fromMillis(ms, { zone: 'Australia/Sydney' }).toFormat('yyyy-MM-dd HH:mm');
    const series = await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-09-28T09:00', repeat: { recurrence: 'weekly', count: 3 }, modality: 'phone', roomId: null }));
    expect(series.sessions.map((s) => sydney(s.startMs))).toEqual(['2026-09-28 09:00', '2026-10-05 09:00', '2026-10-12 09:00']);
    expect(series.sessions[1]!.startMs - series.sessions[0]!.startMs).toBe(7 * 86_400_000 - 3_600_000);
    expect(await c.app.dispatch('sessions.book', counselling(c, { localStart: '2026-10-04T02:30', modality: 'phone', roomId: null }))).toMatchObject({ ok: false, error: { code: 'SCHEDULE_CONFLICT', problems: [{ kind: 'nonexistent_time' }] } });
  });
});

describe('changing a session', () => {
  it('reschedules through the same checks and keeps the old time, who and why in its history', async () => {
    const c = await clinic('warn', 20);
    const [a] = (await call<Booked>(c.app, 'sessions.book', counselling(c))).sessions;
    await call(c.app, 'sessions.book', counselling(c, { localStart: '2026-11-30T11:00' }));
    expect(await c.app.dispatch('sessions.reschedule', { id: a!.id, localStart: '2026-11-30T10:30' })).toMatchObject({ ok: false, error: { code: 'SCHEDULE_CONFLICT', problems: [{ kind: 'counsellor_busy' }] } });
    const moved = await call<Booked>(c.app, 'sessions.reschedule', { id: a!.id, localStart: '2026-11-30T13:00', roomId: c.aula, reason: 'Client asked for the afternoon' });
    expect(moved.sessions[0]).toMatchObject({ startMs: jakarta('2026-11-30T13:00'), roomName: 'Aula' });
    // Moving a session onto its own old slot, half overlapping itself, is fine.
    await call(c.app, 'sessions.reschedule', { id: a!.id, localStart: '2026-11-30T13:20' });
    const { history } = await call<{ history: Array<{ kind: string; fromStartMs: number | null; toStartMs: number | null; reason: string; changedBy: string }> }>(c.app, 'sessions.get', { id: a!.id });
    expect(history.map((h) => h.kind)).toEqual(['booked', 'rescheduled', 'rescheduled']);
    expect(await auditActions(c)).toContain('session.view');
    expect(history[1]).toMatchObject({ fromStartMs: jakarta('2026-11-30T09:00'), toStartMs: jakarta('2026-11-30T13:00'), reason: 'Client asked for the afternoon', changedBy: 'Ayu Lestari' });
  });

  it('records a no-show only once the session has begun, and stops the referral clock at the first attended session', async () => {
    const c = await clinic('warn', 20);
    const [first, second] = (await call<Booked>(c.app, 'sessions.book', counselling(c, { repeat: { recurrence: 'weekly', count: 2 } }))).sessions;
    expect(await c.app.dispatch('sessions.setStatus', { id: first!.id, status: 'did_not_attend' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'status', code: 'outcome_before_start' }] } });
    expect(await c.app.dispatch('sessions.setStatus', { id: first!.id, status: 'cancelled_by_client' })).toMatchObject({ ok: false, error: { issues: [{ path: 'reason' }] } });
    c.clock.set(jakarta('2026-11-30T10:00'));
    expect((await call<Session>(c.app, 'sessions.setStatus', { id: first!.id, status: 'did_not_attend' })).status).toBe('did_not_attend');
    const noShowCounts = await call<{ cases: Array<{ id: number; sessionsUsed: number }> }>(c.app, 'cases.list', {});
    expect(noShowCounts.cases.find((k) => k.id === c.caseId)?.sessionsUsed).toBe(2); // a no-show still uses a session
    c.clock.set(jakarta('2026-12-07T10:00'));
    await call(c.app, 'sessions.setStatus', { id: second!.id, status: 'attended' });
    const { referral } = await call<{ referral: { clockStoppedAt: string | null } }>(c.app, 'referrals.get', { id: c.referralId });
    expect(referral.clockStoppedAt).toBe(new Date(jakarta('2026-12-07T09:00')).toISOString());
    // Cancelled stays cancelled; an outcome can be corrected.
    await call(c.app, 'sessions.setStatus', { id: second!.id, status: 'late_cancellation', reason: 'Recorded the wrong client' });
    expect((await call<{ referral: { clockStoppedAt: string | null } }>(c.app, 'referrals.get', { id: c.referralId })).referral.clockStoppedAt).toBeNull();
    const [third] = (await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-08T09:00' }))).sessions;
    await call(c.app, 'sessions.setStatus', { id: third!.id, status: 'cancelled_by_clinic', reason: 'Clinic closed' });
    expect(await c.app.dispatch('sessions.setStatus', { id: third!.id, status: 'scheduled' })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    const { history } = await call<{ history: Array<{ kind: string; fromStatus: string | null; toStatus: string | null }> }>(c.app, 'sessions.get', { id: first!.id });
    expect(history[1]).toMatchObject({ kind: 'status', fromStatus: 'scheduled', toStatus: 'did_not_attend' });
  });

  it('keeps a counsellor to their own sessions and cases', async () => {
    const c = await clinic('warn', 20);
    const citraId = await addCounsellor(c.app, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' });
    const other = await assignedReferral(c.app, c.agencyId, citraId, { givenName: 'Andi', familyName: 'Wijaya' });
    await call(c.app, 'availability.setHours', { userId: citraId, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 960 })) });
    const [citras] = (await call<Booked>(c.app, 'sessions.book', { caseId: other.caseId, counsellorId: citraId, sessionType: 'counselling', modality: 'phone', localStart: '2026-11-30T09:00', durationMinutes: 50 })).sessions;
    await signIn(c.app, COUNSELLOR);
    expect(await c.app.dispatch('sessions.book', { caseId: other.caseId, counsellorId: citraId, sessionType: 'counselling', modality: 'phone', localStart: '2026-12-01T09:00', durationMinutes: 50 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const [channel, input] of [
      ['sessions.get', { id: citras!.id }],
      ['sessions.reschedule', { id: citras!.id, localStart: '2026-12-01T09:00' }],
      ['sessions.setStatus', { id: citras!.id, status: 'cancelled_by_clinic', reason: 'x' }],
    ] as const) {
      expect(await c.app.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    // Each refusal is on record, though what it asked for was not done.
    await signIn(c.app, ADMIN);
    const denied = await call<{ entries: Array<{ recordType: string; recordId: string }> }>(c.app, 'audit.list', { action: 'access.denied' });
    expect(denied.entries.map((e) => `${e.recordType} ${e.recordId}`).sort()).toEqual([`case ${other.caseId}`, `session ${citras!.id}`, `session ${citras!.id}`, `session ${citras!.id}`]);
    await signIn(c.app, COUNSELLOR);
    // Asking for the whole clinic still shows only their own sessions.
    const own = await call<Booked>(c.app, 'sessions.book', counselling(c));
    const { sessions } = await call<{ sessions: Session[] }>(c.app, 'sessions.list', { fromMs: jakarta('2026-11-30T00:00'), toMs: jakarta('2026-12-01T00:00'), counsellorId: citraId });
    expect(sessions.map((s) => s.id)).toEqual([own.sessions[0]!.id]);
  });
});

describe('group sessions and workshops', () => {
  it('share a hall while their capacities fit, record a head count or named clients, and use no client’s allowance', async () => {
    const c = await clinic('deny', 1);
    const citraId = await addCounsellor(c.app, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' });
    await call(c.app, 'availability.setHours', { userId: citraId, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 960 })) });
    const workshop = { agencyId: c.agencyId, sessionType: 'group_workshop', modality: 'in_person', roomId: c.aula, localStart: '2026-12-01T09:00', durationMinutes: 120, topic: 'resilience' } as const;
    const [first] = (await call<Booked>(c.app, 'sessions.book', { ...workshop, counsellorId: c.counsellorId, capacity: 12 })).sessions;
    await call(c.app, 'sessions.book', { ...workshop, counsellorId: citraId, capacity: 8, topic: 'stress_management' });
    const tono = await addCounsellor(c.app, { username: 'tono', displayName: 'Tono', passphrase: 'hujan deras di kota tua sore ini' });
    await call(c.app, 'availability.setHours', { userId: tono, hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 960 })) });
    expect(await c.app.dispatch('sessions.book', { ...workshop, counsellorId: tono, capacity: 1 })).toMatchObject({ ok: false, error: { code: 'SCHEDULE_CONFLICT', problems: [{ kind: 'room_busy', other: { roomName: 'Aula' } }] } });
    expect(await c.app.dispatch('sessions.book', { ...workshop, counsellorId: tono, roomId: c.melati, capacity: 3 })).toMatchObject({ ok: false, error: { issues: [{ path: 'capacity', code: 'over_room_capacity' }] } });

    c.clock.set(jakarta('2026-12-01T12:00'));
    await call(c.app, 'sessions.setStatus', { id: first!.id, status: 'attended' });
    const counted = await call<Session & { headCount: number | null; attendeeCount: number }>(c.app, 'sessions.setAttendance', { id: first!.id, headCount: 11 });
    expect(counted).toMatchObject({ headCount: 11, attendeeCount: 0 });
    const named = await call<{ attendeeCount: number }>(c.app, 'sessions.setAttendance', { id: first!.id, clientIds: [c.clientId] });
    expect(named.attendeeCount).toBe(1);
    const elsewhere = await call<{ id: number }>(c.app, 'agencies.create', { name: 'Dinas Pendidikan', sector: 'education' });
    await call(c.app, 'contracts.create', { agencyId: elsewhere.id, startDate: '2026-01-01', endDate: '2026-12-31', coveredHeadcount: 10, sessionAllowance: 6, allowancePolicy: 'warn', targets: { emergency: { unit: 'same_day', amount: 0 }, urgent: { unit: 'hours', amount: 48 }, routine: { unit: 'business_days', amount: 10 } }, minCellSize: 5, reportingFrequency: 'quarterly' });
    const stranger = await assignedReferral(c.app, elsewhere.id, citraId, { givenName: 'Rudi', familyName: 'Hartono' });
    expect(await c.app.dispatch('sessions.setAttendance', { id: first!.id, clientIds: [stranger.clientId] })).toMatchObject({ ok: false, error: { issues: [{ path: 'clientIds' }] } });
    // The deny-policy allowance of one session is untouched by the workshop.
    expect((await call<Booked>(c.app, 'sessions.book', counselling(c, { localStart: '2026-12-07T09:00' }))).outcome).toBe('booked');
  });
});
