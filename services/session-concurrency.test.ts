import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import fc from 'fast-check';
import { ADMIN, addCounsellor } from '../tests/helpers/vault-fixture';
import { spawnHelperScript } from '../tests/helpers/child-script';
import { bookingClinic, call, counselling, type BookingClinic } from '../tests/helpers/booking-fixture';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The machine's clock, read past the test clock that child processes install over Date. */
const realEpochMs = () => performance.timeOrigin + performance.now();

function bookInAnotherProcess(vaultDir: string, startAt: number, input: unknown): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawnHelperScript('book-race.mts', [vaultDir, ADMIN.username, String(startAt), JSON.stringify(input)], { TENANG_PASSPHRASE: ADMIN.passphrase });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`child exited ${code}`))));
  });
}

interface Listed {
  id: number;
  counsellorId: number;
  roomId: number | null;
  startMs: number;
  endMs: number;
  status: string;
  sessionType: string;
  capacity: number | null;
}

const jakarta = (local: string) => DateTime.fromISO(local, { zone: 'Asia/Jakarta' }).toMillis();
const LIVE = ['scheduled', 'attended', 'did_not_attend'];

async function liveSessions(c: BookingClinic): Promise<Listed[]> {
  const { sessions } = await call<{ sessions: Listed[] }>(c.app, 'sessions.list', { fromMs: jakarta('2026-11-29T00:00'), toMs: jakarta('2026-12-20T00:00') });
  return sessions.filter((s) => LIVE.includes(s.status));
}

/** Pairs of live sessions that hold one counsellor, or one room beyond what groups may share, at once. */
function doubleBookings(sessions: Listed[], roomCapacity: Map<number, number>): string[] {
  const found: string[] = [];
  for (const a of sessions) {
    const overlapping = sessions.filter((b) => b.id !== a.id && b.startMs < a.endMs && a.startMs < b.endMs);
    if (overlapping.some((b) => b.counsellorId === a.counsellorId)) found.push(`counsellor ${a.counsellorId} at session ${a.id}`);
    if (a.roomId === null) continue;
    const sameRoom = overlapping.filter((b) => b.roomId === a.roomId);
    const groupsOnly = a.sessionType === 'group_workshop' && sameRoom.every((b) => b.sessionType === 'group_workshop');
    const seats = [a, ...sameRoom].reduce((sum, s) => sum + (s.capacity ?? 0), 0);
    if (sameRoom.length && (!groupsOnly || seats > roomCapacity.get(a.roomId)!)) found.push(`room ${a.roomId} at session ${a.id}`);
  }
  return found;
}

describe('two bookings for one slot', () => {
  it('from two app instances at the same moment: exactly one wins', async () => {
    const c = await bookingClinic('warn', 20);
    cleanups.push(c.cleanup);
    // The agreed instant is on the machine's real clock (the children's Date runs on the test clock).
    const startAt = realEpochMs() + 6000;
    const input = counselling(c, { localStart: '2026-12-07T09:00' });
    const outcomes = await Promise.all([bookInAnotherProcess(c.dir, startAt, input), bookInAnotherProcess(c.dir, startAt, { ...input, roomId: c.aula })]);
    expect(outcomes.sort()).toEqual(['SCHEDULE_CONFLICT', 'booked']);
    expect((await liveSessions(c)).length).toBe(1);
  }, 60_000);
});

describe('random bookings, moves and cancellations', () => {
  it('never leave two live sessions of one counsellor, or one room beyond its shared groups, overlapping', async () => {
    const c = await bookingClinic('warn', 20);
    cleanups.push(c.cleanup);
    const second = await addCounsellor(c.app, { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' });
    const counsellors = [c.counsellorId, second];
    const rooms = [c.melati, c.aula, null];
    const roomCapacity = new Map([
      [c.melati, 2],
      [c.aula, 20],
    ]);
    const slot = fc.record({ day: fc.integer({ min: 0, max: 4 }), quarter: fc.integer({ min: 32, max: 64 }), minutes: fc.constantFrom(15, 30, 50, 90, 120) });
    const outcomes = { booked: 0, refused: 0 };
    const tally = (reply: { ok: boolean; error?: { code: string } }) => {
      if (reply.ok) outcomes.booked += 1;
      else if (reply.error?.code === 'SCHEDULE_CONFLICT') outcomes.refused += 1;
    };
    const localStart = (s: { day: number; quarter: number }) => DateTime.fromISO('2026-11-30T00:00', { zone: 'Asia/Jakarta' }).plus({ days: s.day, minutes: s.quarter * 15 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const operation = fc.oneof(
      { arbitrary: fc.record({ op: fc.constant('book' as const), who: fc.integer({ min: 0, max: 1 }), room: fc.integer({ min: 0, max: 2 }), group: fc.boolean(), capacity: fc.integer({ min: 1, max: 12 }), slot }), weight: 4 },
      { arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), room: fc.integer({ min: 0, max: 1 }), slot }), weight: 3 },
      { arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        for (const o of operations) {
          const live = await liveSessions(c);
          if (o.op === 'book') {
            const roomId = rooms[o.room]!;
            const group = o.group && !(roomId === c.melati && o.capacity > 2);
            const reply = await c.app.dispatch('sessions.book', {
              agencyId: c.agencyId,
              counsellorId: counsellors[o.who],
              sessionType: group ? 'group_workshop' : 'manager_consultation',
              modality: roomId === null ? 'phone' : 'in_person',
              roomId,
              localStart: localStart(o.slot),
              durationMinutes: o.slot.minutes,
              ...(group ? { topic: 'resilience', capacity: o.capacity } : {}),
              overrideReason: 'property test',
            });
            tally(reply);
          } else if (o.op === 'move' && live.length) {
            const target = live[o.pick % live.length]!;
            tally(await c.app.dispatch('sessions.reschedule', { id: target.id, localStart: localStart(o.slot), durationMinutes: o.slot.minutes, ...(target.roomId !== null ? { roomId: rooms[o.room] } : {}), overrideReason: 'property test' }));
          } else if (o.op === 'cancel' && live.length) {
            await c.app.dispatch('sessions.setStatus', { id: live[o.pick % live.length]!.id, status: 'cancelled_by_clinic', reason: 'property test' });
          }
        }
        expect(doubleBookings(await liveSessions(c), roomCapacity)).toEqual([]);
      }),
      // A fixed seed: the same sequences on every machine, so a failure can be replayed.
      { numRuns: 25, seed: 20261128 },
    );
    // The property is not vacuous: many bookings and moves went through, and many clashes were refused.
    expect(outcomes.booked).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(10);
  }, 300_000);
});
