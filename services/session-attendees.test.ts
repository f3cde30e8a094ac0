import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, COUNSELLOR, addCounsellor, signIn } from '../tests/helpers/vault-fixture';
import { assignedReferral, bookingClinic, call, CLIENT, type BookingClinic } from '../tests/helpers/booking-fixture';
import type { ChannelOutput, ClientSummary } from '../shared/contract';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const RINA = { givenName: 'Rina', familyName: 'Kusumawati', dateOfBirth: '1979-03-14' };
const JOKO = { givenName: 'Joko', familyName: 'Prasetyo', dateOfBirth: '1968-08-02' };

type Detail = ChannelOutput<'sessions.get'>;
type AuditEntries = { entries: Array<{ action: string; recordType: string; recordId: string; actorUsername: string }> };

/**
 * A workshop's attendees behind the caseload wall (issue 11): the reproduction from the
 * issue, then the admin's and the counsellor's views of one workshop, and a counsellor's save
 * that keeps the attendees they cannot see.
 */
describe('workshop attendance and the caseload', () => {
  async function clinic() {
    const c: BookingClinic = await bookingClinic();
    cleanups.push(c.cleanup);
    const citraId = await addCounsellor(c.app, CITRA);
    // Rina is Citra's client; Joko has a referral nobody has been given yet.
    const rina = await assignedReferral(c.app, c.agencyId, citraId, RINA);
    const joko = (await call<{ referral: { clientId: number } }>(c.app, 'referrals.create', { agencyId: c.agencyId, receivedDate: '2026-11-27', referralType: 'self', urgency: 'routine', presentingIssues: ['burnout'], client: { mode: 'new', ...JOKO } })).referral.clientId;
    await signIn(c.app, COUNSELLOR);
    const booked = await call<{ sessions: Array<{ id: number }> }>(c.app, 'sessions.book', {
      agencyId: c.agencyId,
      counsellorId: c.counsellorId,
      sessionType: 'group_workshop',
      modality: 'in_person',
      roomId: c.aula,
      topic: 'resilience',
      capacity: 12,
      localStart: '2026-12-01T09:00',
      durationMinutes: 90,
    });
    return { ...c, rina: rina.clientId, joko, workshopId: booked.sessions[0]!.id };
  }

  it('refuses a counsellor naming a client outside their caseload as not found, audits it and stores nothing', async () => {
    const c = await clinic();
    for (const clientIds of [[c.rina], [c.joko], [c.clientId, c.rina], [9_999]]) {
      expect(await c.app.dispatch('sessions.setAttendance', { id: c.workshopId, clientIds })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no such record.' } });
    }
    const detail = await call<Detail>(c.app, 'sessions.get', { id: c.workshopId });
    expect(detail).toMatchObject({ attendees: [], otherAttendees: 0, session: { attendeeCount: 0 } });

    await signIn(c.app, ADMIN);
    const { entries } = await call<AuditEntries>(c.app, 'audit.list', { action: 'access.denied' });
    expect(entries.map((e) => [e.actorUsername, e.recordType, e.recordId]).reverse()).toEqual([
      [COUNSELLOR.username, 'client', String(c.rina)],
      [COUNSELLOR.username, 'client', String(c.joko)],
      [COUNSELLOR.username, 'client', String(c.rina)],
      [COUNSELLOR.username, 'client', '9999'],
    ]);
    expect((await call<AuditEntries>(c.app, 'audit.list', { action: 'session.attendance' })).entries).toEqual([]);
  });

  it('shows a counsellor only their own clients among the attendees an admin named, and counts the others', async () => {
    const c = await clinic();
    await signIn(c.app, ADMIN);
    await call(c.app, 'sessions.setAttendance', { id: c.workshopId, clientIds: [c.rina, c.clientId, c.joko] });
    const asAdmin = await call<Detail>(c.app, 'sessions.get', { id: c.workshopId });
    expect(asAdmin.attendees.map((a: ClientSummary) => a.givenName).sort()).toEqual([CLIENT.givenName, JOKO.givenName, RINA.givenName].sort());
    expect(asAdmin.otherAttendees).toBe(0);

    await signIn(c.app, COUNSELLOR);
    const asCounsellor = await call<Detail>(c.app, 'sessions.get', { id: c.workshopId });
    expect(asCounsellor.attendees).toEqual([expect.objectContaining({ id: c.clientId, givenName: CLIENT.givenName })]);
    expect(asCounsellor.otherAttendees).toBe(2);
    expect(asCounsellor.session.attendeeCount).toBe(3);
    const { sessions } = await call<ChannelOutput<'sessions.list'>>(c.app, 'sessions.list', { fromMs: Date.parse('2026-11-30T00:00:00Z'), toMs: Date.parse('2026-12-03T00:00:00Z') });
    for (const reply of [asCounsellor, sessions]) {
      const text = JSON.stringify(reply);
      for (const hidden of [RINA.givenName, RINA.familyName, RINA.dateOfBirth, JOKO.givenName, JOKO.dateOfBirth]) expect(text).not.toContain(hidden);
    }
  });

  it('keeps, when a counsellor saves, the attendees outside their caseload; an admin may still remove them', async () => {
    const c = await clinic();
    await signIn(c.app, ADMIN);
    await call(c.app, 'sessions.setAttendance', { id: c.workshopId, clientIds: [c.rina, c.clientId] });

    await signIn(c.app, COUNSELLOR);
    // Siti did not come after all: the counsellor takes her off, and cannot take Rina off unseen.
    expect(await call<{ attendeeCount: number }>(c.app, 'sessions.setAttendance', { id: c.workshopId, clientIds: [] })).toMatchObject({ attendeeCount: 1 });
    expect(await call<Detail>(c.app, 'sessions.get', { id: c.workshopId })).toMatchObject({ attendees: [], otherAttendees: 1 });
    await call(c.app, 'sessions.setAttendance', { id: c.workshopId, clientIds: [c.clientId, c.clientId] });

    await signIn(c.app, ADMIN);
    expect((await call<Detail>(c.app, 'sessions.get', { id: c.workshopId })).attendees.map((a: ClientSummary) => a.id).sort()).toEqual([c.clientId, c.rina].sort());
    await call(c.app, 'sessions.setAttendance', { id: c.workshopId, clientIds: [c.clientId] });
    expect((await call<Detail>(c.app, 'sessions.get', { id: c.workshopId })).attendees.map((a: ClientSummary) => a.id)).toEqual([c.clientId]);
  });
});
