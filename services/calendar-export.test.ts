import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { AgencyEntity, ClientCaseEntity, ClientEntity, RoomEntity, SessionChangeEntity, SessionEntity, type SessionRow } from '../db/entities';
import { VaultFolder } from '../db/vault/vault-folder';
import { isAppError } from '../shared/errors';
import { exportCalendarIcs, initialsOf, sessionEventUid, type CalendarExport } from './calendar-export';
import { unlockVault } from './vault-service';
import { closeSession, type OpenSession } from './session';
import type { TenangApp } from './tenang-app';
import { addCounsellor, clinicWithCounsellor, COUNSELLOR, expectOk, manualClock } from '../tests/helpers/vault-fixture';

const CITRA = { username: 'citra', displayName: 'Citra Dewi', passphrase: 'teh manis di sore yang cerah' };
const SITI = { code: 'TN-2026-000123', givenName: 'Siti', familyName: 'Rahayu', email: 'siti.rahayu@example.id', phone: '+62 812 5550 1234' };
const DEWI = { code: 'TN-2026-000124', givenName: 'Dewi', familyName: 'Kartika', email: 'dewi.k@example.id', phone: '+62 812 5550 9876' };
const ZONE = 'Asia/Jakarta';
const DECEMBER = { fromDate: '2026-12-01', toDate: '2026-12-31' };

/** A wall-clock time in the clinic's zone (Jakarta, UTC+7) as UTC milliseconds. */
const jakarta = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();

/** Every way a client's identity could leak into the file: names, contact details, the reason of a cancellation, the presenting issue. */
const CONFIDENTIAL = [SITI.givenName, SITI.familyName, SITI.email, SITI.phone, DEWI.givenName, DEWI.familyName, DEWI.email, 'Sakit keras', 'burnout', 'Dinas Pemadam Kebakaran'];

/** SUMMARY, LOCATION, … of each VEVENT, continuation lines joined and TEXT unescaped. */
function parseEvents(ics: string): Array<Record<string, string>> {
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current && line.includes(':')) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
    }
  }
  return events;
}

describe('the .ics export of a counsellor’s calendar', () => {
  let app: TenangApp;
  let dir: string;
  let cleanup: () => Promise<void>;
  let budiId: number;
  let citraId: number;
  const clock = manualClock(Date.parse('2026-11-28T02:00:00Z'));
  const ids: Record<string, number> = {};
  const opened: OpenSession[] = [];

  const asAdmin = (input: { counsellorId: number; fromDate: string; toDate: string; includeInitials?: boolean }): Promise<CalendarExport> =>
    app.runAdminTask('test', (session, c) => exportCalendarIcs(session, c, { includeInitials: false, ...input }));

  /** Audit entries, newest first, read by the signed-in admin through the dispatcher. */
  async function auditEntries(filter: Record<string, string>): Promise<Array<Record<string, unknown> & { at: string }>> {
    return (expectOk(await app.dispatch('audit.list', { ...filter, limit: 100 })) as { entries: Array<Record<string, unknown> & { at: string }> }).entries;
  }

  /** A real sign-in of a counsellor, on a connection of its own beside the app's. */
  async function signedInAs(who: { username: string; passphrase: string }): Promise<OpenSession> {
    const { session } = await unlockVault({ folder: new VaultFolder(dir), clock }, { username: who.username, passphrase: who.passphrase });
    opened.push(session);
    return session;
  }

  beforeAll(async () => {
    const clinic = await clinicWithCounsellor(clock);
    ({ app, dir, cleanup } = clinic);
    budiId = clinic.counsellorId;
    citraId = await addCounsellor(app, CITRA);
    await app.runAdminTask('test', async (session) => {
      const m = session.dataSource.manager;
      const at = '2026-11-27T01:00:00.000Z';
      const adminId = session.user.id;
      const agency = await m.getRepository(AgencyEntity).save({ name: 'Dinas Pemadam Kebakaran', sector: 'emergency_services', address: '', contactName: '', contactEmail: '', contactPhone: '', active: true, createdAt: at, updatedAt: at });
      const melati = await m.getRepository(RoomEntity).save({ name: 'Ruang Melati', capacity: 2, active: true, createdAt: at, updatedAt: at });
      const aula = await m.getRepository(RoomEntity).save({ name: 'Aula Utama', capacity: 30, active: true, createdAt: at, updatedAt: at });
      const caseOf = async (client: typeof SITI, counsellorId: number) => {
        const row = await m.getRepository(ClientEntity).save({
          ...client,
          agencyId: agency.id,
          preferredName: '',
          foldedName: `${client.givenName} ${client.familyName}`.toLowerCase(),
          dateOfBirth: null,
          gender: null,
          genderDescription: '',
          jobRole: null,
          preferredLanguage: 'id',
          emergencyContactName: '',
          emergencyContactPhone: '',
          createdAt: at,
          updatedAt: at,
        });
        const clientCase = await m.getRepository(ClientCaseEntity).save({ clientId: row.id, counsellorId, presentingIssues: '["burnout"]', openedDate: '2026-11-20', closedDate: null, closureReason: null, sessionsUsed: 0, createdAt: at, updatedAt: at });
        return clientCase.id;
      };
      const sitiCase = await caseOf(SITI, budiId);
      const dewiCase = await caseOf(DEWI, budiId);

      const book = async (name: string, fields: Partial<SessionRow> & { startMs: number }) => {
        const row: Omit<SessionRow, 'id'> = {
          caseId: sitiCase,
          agencyId: agency.id,
          counsellorId: budiId,
          roomId: null,
          endMs: fields.startMs + 50 * 60_000,
          timeZone: ZONE,
          sessionType: 'counselling',
          modality: 'phone',
          videoLink: '',
          presentingIssue: 'burnout',
          status: 'scheduled',
          statusReason: '',
          topic: null,
          capacity: null,
          headCount: null,
          seriesId: null,
          overrideReason: '',
          allowanceReason: '',
          createdAt: at,
          createdByUserId: adminId,
          updatedAt: at,
          ...fields,
        };
        const inserted = await m.getRepository(SessionEntity).insert(row);
        ids[name] = inserted.identifiers[0]!.id as number;
      };
      await book('dayBefore', { startMs: jakarta('2026-11-30T23:30'), endMs: jakarta('2026-11-30T23:55') });
      await book('firstMidnight', { startMs: jakarta('2026-12-01T00:00'), sessionType: 'intake_assessment' });
      await book('inPerson', { startMs: jakarta('2026-12-01T09:00'), modality: 'in_person', roomId: melati.id });
      await book('video', { startMs: jakarta('2026-12-02T10:00'), sessionType: 'follow_up', modality: 'video', videoLink: 'https://meet.example.com/tenang-4821' });
      await book('cancelled', { startMs: jakarta('2026-12-03T10:00'), status: 'cancelled_by_client', statusReason: 'Sakit keras' });
      await book('workshop', {
        startMs: jakarta('2026-12-04T13:00'),
        caseId: null,
        sessionType: 'group_workshop',
        modality: 'in_person',
        roomId: aula.id,
        topic: 'stress_management',
        capacity: 20,
        presentingIssue: null,
      });
      await book('consultation', { startMs: jakarta('2026-12-07T09:00'), caseId: null, sessionType: 'manager_consultation', presentingIssue: null });
      await book('lastEvening', { startMs: jakarta('2026-12-31T23:30'), caseId: dewiCase, endMs: jakarta('2026-12-31T23:55') });
      await book('nextMorning', { startMs: jakarta('2027-01-01T00:30'), caseId: dewiCase });
      await book('citras', { startMs: jakarta('2026-12-01T09:00'), counsellorId: citraId });
      // A reschedule on record: the event's SEQUENCE grows, so calendar apps take the update.
      await m.getRepository(SessionChangeEntity).insert({
        sessionId: ids.inPerson!,
        kind: 'rescheduled',
        fromStartMs: jakarta('2026-12-01T08:00'),
        fromEndMs: jakarta('2026-12-01T08:50'),
        fromRoomId: melati.id,
        fromStatus: null,
        toStartMs: jakarta('2026-12-01T09:00'),
        toEndMs: jakarta('2026-12-01T09:50'),
        toRoomId: melati.id,
        toStatus: null,
        reason: 'Client asked',
        changedAt: at,
        changedByUserId: adminId,
      });
    });
  });

  afterAll(async () => {
    for (const session of opened) await closeSession(session);
    await cleanup();
  });

  it('writes one event per session of the counsellor in the span, with client codes and never names', async () => {
    const result = await asAdmin({ counsellorId: budiId, ...DECEMBER });
    expect(result.fileName).toBe('tenang-calendar-budi-2026-12-01-to-2026-12-31.ics');
    expect(result.sessions).toBe(7);
    const events = parseEvents(result.ics);
    expect(events).toHaveLength(7);
    expect(result.ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);

    const vaultId = await app.runAdminTask('test', async (s) => s.vaultId);
    const byUid = new Map(events.map((e) => [e.UID, e]));
    const of = (name: string) => byUid.get(sessionEventUid(ids[name]!, vaultId))!;

    expect(of('inPerson')).toMatchObject({
      SUMMARY: `Counselling · ${SITI.code}`,
      LOCATION: 'Ruang Melati',
      DESCRIPTION: 'Modality: In person\nStatus: Scheduled',
      STATUS: 'CONFIRMED',
      DTSTART: '20261201T020000Z',
      DTEND: '20261201T025000Z',
      SEQUENCE: '1',
      CLASS: 'PRIVATE',
    });
    expect(of('video')).toMatchObject({ SUMMARY: `Follow-up · ${SITI.code}`, LOCATION: 'Video', URL: 'https://meet.example.com/tenang-4821', SEQUENCE: '0' });
    expect(of('inPerson').URL).toBeUndefined();
    expect(of('cancelled')).toMatchObject({ SUMMARY: `Cancelled: Counselling · ${SITI.code}`, LOCATION: 'Phone', STATUS: 'CANCELLED', DESCRIPTION: 'Modality: Phone\nStatus: Cancelled by the client' });
    expect(of('workshop')).toMatchObject({ SUMMARY: 'Stress management · group', LOCATION: 'Aula Utama', DESCRIPTION: 'Agency: Dinas Pemadam Kebakaran\nModality: In person\nStatus: Scheduled' });
    expect(of('consultation')).toMatchObject({ SUMMARY: 'Manager consultation', LOCATION: 'Phone' });
    expect(of('lastEvening')).toMatchObject({ SUMMARY: `Counselling · ${DEWI.code}` });

    // The agency's name appears for the workshop only; nothing else that could name a client appears at all.
    const withoutWorkshop = events.filter((e) => e !== of('workshop')).map((e) => JSON.stringify(e)).join('\n');
    for (const secret of CONFIDENTIAL) expect(withoutWorkshop.toLowerCase()).not.toContain(secret.toLowerCase());
    for (const secret of CONFIDENTIAL.slice(0, -1)) expect(result.ics.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(result.ics).not.toMatch(/[A-Z]\.[A-Z]\./);
    for (const name of [SITI.code, DEWI.code]) expect(result.fileName).not.toContain(name);
  });

  it('adds the client’s initials only when asked, and still no names', async () => {
    const result = await asAdmin({ counsellorId: budiId, ...DECEMBER, includeInitials: true });
    const summaries = parseEvents(result.ics).map((e) => e.SUMMARY);
    expect(summaries).toEqual(
      expect.arrayContaining([`Counselling · ${SITI.code} · S.R.`, `Follow-up · ${SITI.code} · S.R.`, `Counselling · ${DEWI.code} · D.K.`, 'Stress management · group', 'Manager consultation']),
    );
    for (const secret of CONFIDENTIAL.slice(0, -1)) expect(result.ics.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(result.fileName).toBe('tenang-calendar-budi-2026-12-01-to-2026-12-31.ics');
  });

  it('reads the dates as the clinic’s days: 23:30 on the last day is in, 00:30 the day after is out', async () => {
    const vaultId = await app.runAdminTask('test', async (s) => s.vaultId);
    const uids = parseEvents((await asAdmin({ counsellorId: budiId, ...DECEMBER })).ics).map((e) => e.UID);
    expect(uids).toContain(sessionEventUid(ids.firstMidnight!, vaultId));
    expect(uids).toContain(sessionEventUid(ids.lastEvening!, vaultId));
    expect(uids).not.toContain(sessionEventUid(ids.dayBefore!, vaultId));
    expect(uids).not.toContain(sessionEventUid(ids.nextMorning!, vaultId));
    expect(uids).not.toContain(sessionEventUid(ids.citras!, vaultId));

    // One day only: the 31st, in Jakarta; in UTC both sessions fall on the 31st.
    const lastDay = parseEvents((await asAdmin({ counsellorId: budiId, fromDate: '2026-12-31', toDate: '2026-12-31' })).ics);
    expect(lastDay.map((e) => e.UID)).toEqual([sessionEventUid(ids.lastEvening!, vaultId)]);
    expect(lastDay[0]!.DTSTART).toBe('20261231T163000Z');
    const newYear = parseEvents((await asAdmin({ counsellorId: budiId, fromDate: '2027-01-01', toDate: '2027-01-01' })).ics);
    expect(newYear.map((e) => e.UID)).toEqual([sessionEventUid(ids.nextMorning!, vaultId)]);
  });

  it('gives the same UIDs in every export, so a calendar app updates its events instead of doubling them', async () => {
    const first = parseEvents((await asAdmin({ counsellorId: budiId, ...DECEMBER })).ics).map((e) => e.UID);
    clock.advance(86_400_000);
    const second = parseEvents((await asAdmin({ counsellorId: budiId, ...DECEMBER })).ics).map((e) => e.UID);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('refuses more than 366 days, and takes exactly 366', async () => {
    const refused = await asAdmin({ counsellorId: budiId, fromDate: '2026-01-01', toDate: '2027-01-02' }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.toShape()).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'toDate', code: 'range_too_long' }] });
    await expect(asAdmin({ counsellorId: budiId, fromDate: '2026-01-01', toDate: '2027-01-01' })).resolves.toMatchObject({ sessions: 9 });
  });

  it('lets a counsellor export their own calendar but not a colleague’s; an unknown user is not found', async () => {
    const budi = await signedInAs(COUNSELLOR);
    const own = await exportCalendarIcs(budi, clock, { counsellorId: budiId, ...DECEMBER, includeInitials: false });
    expect(own.sessions).toBe(7);

    const refused = await exportCalendarIcs(budi, clock, { counsellorId: citraId, ...DECEMBER, includeInitials: true }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('FORBIDDEN');
    const denied = await auditEntries({ action: 'access.denied', recordType: 'user', recordId: String(citraId) });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actorUsername: 'budi', outcome: 'denied' });

    const unknown = await asAdmin({ counsellorId: 9999, ...DECEMBER }).catch((e: unknown) => e);
    expect(isAppError(unknown) && unknown.code).toBe('USER_NOT_FOUND');
    // The admin exports anyone's: Citra's one session.
    expect((await asAdmin({ counsellorId: citraId, ...DECEMBER })).sessions).toBe(1);
  });

  it('answers through the dispatcher as the contract says, which refuses an end before the start', async () => {
    const reply = expectOk(await app.dispatch('calendar.exportIcs', { counsellorId: budiId, ...DECEMBER })) as CalendarExport;
    expect(reply).toMatchObject({ fileName: 'tenang-calendar-budi-2026-12-01-to-2026-12-31.ics', sessions: 7 });
    expect(await app.dispatch('calendar.exportIcs', { counsellorId: budiId, fromDate: '2026-12-31', toDate: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'toDate', code: 'end_before_start' }] },
    });
    expect(await app.dispatch('calendar.exportIcs', { counsellorId: budiId, fromDate: '2026-01-01', toDate: '2027-12-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'toDate', code: 'range_too_long' }] },
    });
  });

  it('audits each export with the counsellor, the count and the initials choice', async () => {
    clock.advance(60_000);
    const before = clock.now();
    await asAdmin({ counsellorId: budiId, ...DECEMBER, includeInitials: true });
    const latest = (await auditEntries({ action: 'calendar.export' })).find((e) => Date.parse(e.at) >= before);
    expect(latest).toMatchObject({
      actorUsername: 'ayu',
      recordType: 'user',
      recordId: String(budiId),
      outcome: 'success',
      detail: { sessions: 7, includeInitials: true, fromDate: '2026-12-01', toDate: '2026-12-31' },
    });
  });
});

describe('initialsOf', () => {
  it('takes one letter of each name, upper case, and skips an empty family name', () => {
    expect(initialsOf('Budi', 'Santoso')).toBe('B.S.');
    expect(initialsOf('siti nur', ' rahayu')).toBe('S.R.');
    expect(initialsOf('Ésa', '')).toBe('É.');
    expect(initialsOf('', '')).toBe('');
  });
});
