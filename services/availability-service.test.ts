import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS } from '../shared/domain/agencies';
import { addCounsellor, clinicWithCounsellor, expectOk, manualClock, signIn, COUNSELLOR } from '../tests/helpers/vault-fixture';
import type { TenangApp } from './tenang-app';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function call<T>(app: TenangApp, channel: string, input: unknown): Promise<T> {
  return expectOk(await app.dispatch(channel, input)) as T;
}

async function clinic() {
  const c = await clinicWithCounsellor(manualClock(Date.parse('2026-11-28T02:00:00Z')));
  cleanups.push(c.cleanup);
  return c;
}

const WEEKDAYS_8_TO_4 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 16 * 60 }));

describe('rooms', () => {
  it('adds, renames and retires rooms; names are unique whatever their case; counsellors only read', async () => {
    const c = await clinic();
    const room = await call<{ id: number }>(c.app, 'rooms.create', { name: 'Ruang Melati', capacity: 2 });
    expect(await c.app.dispatch('rooms.create', { name: 'ruang melati', capacity: 8 })).toMatchObject({ ok: false, error: { code: 'ROOM_NAME_TAKEN', issues: [{ path: 'name' }] } });
    expect(await c.app.dispatch('rooms.create', { name: 'Aula', capacity: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'capacity' }] } });
    await call(c.app, 'rooms.update', { id: room.id, name: 'Ruang Melati', capacity: 3, active: false });
    expect((await call<{ rooms: unknown[] }>(c.app, 'rooms.list', {})).rooms).toMatchObject([{ name: 'Ruang Melati', capacity: 3, active: false }]);
    await signIn(c.app, COUNSELLOR);
    expect((await call<{ rooms: unknown[] }>(c.app, 'rooms.list', {})).rooms).toHaveLength(1);
    expect(await c.app.dispatch('rooms.create', { name: 'Aula', capacity: 30 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('working hours and leave', () => {
  it('replaces the weekly pattern as a whole, refuses overlapping blocks, and keeps leave', async () => {
    const c = await clinic();
    const set = await call<{ hours: unknown[] }>(c.app, 'availability.setHours', { userId: c.counsellorId, hours: WEEKDAYS_8_TO_4 });
    expect(set.hours).toHaveLength(5);
    const overlapping = [...WEEKDAYS_8_TO_4, { weekday: 1, startMinute: 15 * 60, endMinute: 18 * 60 }];
    expect(await c.app.dispatch('availability.setHours', { userId: c.counsellorId, hours: overlapping })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'hours.5.startMinute', code: 'hours_overlap' }] },
    });
    expect((await call<{ hours: unknown[] }>(c.app, 'availability.get', { userId: c.counsellorId })).hours).toHaveLength(5);

    const leave = await call<{ id: number }>(c.app, 'leave.add', { userId: c.counsellorId, startDate: '2026-12-21', endDate: '2026-12-24', note: 'Family' });
    expect(await c.app.dispatch('leave.add', { userId: c.counsellorId, startDate: '2026-12-24', endDate: '2026-12-21' })).toMatchObject({ ok: false, error: { issues: [{ path: 'endDate', code: 'end_before_start' }] } });
    expect((await call<{ leave: unknown[] }>(c.app, 'availability.get', { userId: c.counsellorId })).leave).toMatchObject([{ id: leave.id, startDate: '2026-12-21', endDate: '2026-12-24' }]);

    const audit = await call<{ entries: Array<{ action: string; detail: Record<string, unknown> | null }> }>(c.app, 'audit.list', { limit: 50 });
    const leaveEntry = audit.entries.find((e) => e.action === 'leave.add');
    expect(leaveEntry?.detail).toEqual({ userId: c.counsellorId });
    expect(audit.entries.some((e) => e.action === 'availability.update')).toBe(true);
  });

  it('lets a counsellor manage their own hours and leave but nobody else’s', async () => {
    const c = await clinic();
    const citra = await addCounsellor(c.app, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' });
    await signIn(c.app, COUNSELLOR);
    await call(c.app, 'availability.setHours', { userId: c.counsellorId, hours: WEEKDAYS_8_TO_4 });
    const own = await call<{ id: number }>(c.app, 'leave.add', { userId: c.counsellorId, startDate: '2026-12-01', endDate: '2026-12-01' });
    await call(c.app, 'leave.remove', { id: own.id });
    for (const [channel, input] of [
      ['availability.get', { userId: citra }],
      ['availability.setHours', { userId: citra, hours: [] }],
      ['leave.add', { userId: citra, startDate: '2026-12-01', endDate: '2026-12-01' }],
    ] as const) {
      expect(await c.app.dispatch(channel, input), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('clinic holidays', () => {
  it('are listed by date, refused twice, and stop the working-day count of first-appointment deadlines', async () => {
    const c = await clinic();
    const agency = await call<{ id: number }>(c.app, 'agencies.create', { name: 'Dinas Sosial', sector: 'social_services' });
    await call(c.app, 'contracts.create', { agencyId: agency.id, startDate: '2026-01-01', endDate: '2026-12-31', coveredHeadcount: 100, sessionAllowance: 6, allowancePolicy: 'warn', targets: DEFAULT_TARGETS, minCellSize: 5, reportingFrequency: 'quarterly' });
    const created = await call<{ referral: { id: number; firstAppointmentDueAt: string } }>(c.app, 'referrals.create', {
      agencyId: agency.id,
      receivedDate: '2026-11-27',
      referralType: 'self',
      urgency: 'routine',
      presentingIssues: ['anxiety'],
      client: { mode: 'new', givenName: 'Rina' },
    });
    expect(created.referral.firstAppointmentDueAt).toBe('2026-12-04T17:00:00.000Z');

    await call(c.app, 'holidays.add', { date: '2026-12-25', name: 'Hari Natal' });
    await call(c.app, 'holidays.add', { date: '2026-12-01', name: 'Cuti bersama' });
    expect(await c.app.dispatch('holidays.add', { date: '2026-12-01', name: 'Again' })).toMatchObject({ ok: false, error: { code: 'HOLIDAY_EXISTS' } });
    expect((await call<{ holidays: Array<{ date: string }> }>(c.app, 'holidays.list', {})).holidays.map((h) => h.date)).toEqual(['2026-12-01', '2026-12-25']);
    expect((await call<{ holidays: unknown[] }>(c.app, 'holidays.list', { from: '2026-12-02' })).holidays).toHaveLength(1);

    const { referral } = await call<{ referral: { firstAppointmentDueAt: string } }>(c.app, 'referrals.get', { id: created.referral.id });
    expect(referral.firstAppointmentDueAt).toBe('2026-12-07T17:00:00.000Z');
    await call(c.app, 'holidays.remove', { date: '2026-12-01' });
    expect(await c.app.dispatch('holidays.remove', { date: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
