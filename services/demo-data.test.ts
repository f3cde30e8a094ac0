import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { agencyFieldsSchema, contractFieldsSchema } from '../shared/contract/agency-schemas';
import { clientFieldsSchema, referralRuleIssues } from '../shared/contract/referral-schemas';
import { contractInForce, SECTORS, URGENCIES } from '../shared/domain/agencies';
import { foldName } from '../shared/domain/clients';
import { canonicalAddendumText, canonicalNoteText, fitsTemplate, NOTE_TEMPLATES, RISK_KINDS, RISK_LEVELS, TEMPLATE_SECTIONS, type NoteContent, type NoteTemplate } from '../shared/domain/notes';
import { clinicDate, clinicWallClock } from '../shared/domain/clinic-time';
import { referralClockStart } from '../shared/domain/first-appointment';
import { canMoveReferral, parseClientCode, REFERRAL_STATUSES, REFERRAL_TYPES } from '../shared/domain/referrals';
import { withinWorkingHours } from '../shared/domain/scheduling';
import { ALLOWANCE_TYPES, CANCELLED_STATUSES, countsTowardAllowance, MODALITIES, SESSION_STATUSES, SESSION_TYPES, WORKSHOP_TOPICS, type SessionStatus, type SessionType } from '../shared/domain/sessions';
import { rawConnection } from '../db/bulk';
import { createTenangApp, type TenangApp } from './tenang-app';
import { snapshotVault, type ExportDocument, type ExportRow, type ExportValue } from './data-export';
import { seedDemoData, type SeedSummary } from './demo-data';
import { buildPlan } from './demo-data/build-plan';
import { dayOf } from './demo-data/calendar';
import { CLINIC, ADMIN, expectOk, manualClock, setUpClinic, tempVaultDir } from '../tests/helpers/vault-fixture';

const AS_OF = '2026-11-20';
const HORIZON = '2026-11-19T17:00:00.000Z'; // midnight starting 2026-11-20 in Asia/Jakarta (UTC+7)

interface Seeded {
  app: TenangApp;
  summary: SeedSummary;
  document: ExportDocument;
  cleanup(): Promise<void>;
}

/** A fresh clinic (same clock each time), seeded small; its snapshot as the export reads it. */
async function seededClinic(seed: number, before?: (app: TenangApp) => Promise<void>): Promise<Seeded> {
  const temp = tempVaultDir();
  const app = createTenangApp({ vaultDir: temp.dir, clock: manualClock() });
  await setUpClinic(app);
  await before?.(app);
  const summary = await app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed, asOf: AS_OF }));
  const document = await app.runAdminTask('test', async (session) => snapshotVault(session.dataSource, 'now'));
  return {
    app,
    summary,
    document,
    cleanup: async () => {
      await app.close();
      temp.cleanup();
    },
  };
}

const withoutSlotKeys = (rows: ExportRow[]) => rows.map(({ slot_public_key: _ignored, ...rest }) => rest);
const json = <T>(text: unknown) => JSON.parse(String(text)) as T;
const HORIZON_MS = Date.parse(HORIZON);
const SEEDED_TABLES = [
  'agency',
  'contract',
  'client',
  'client_case',
  'referral',
  'referral_status_change',
  'room',
  'working_hours',
  'leave',
  'clinic_holiday',
  'session',
  'session_change',
  'session_attendee',
  'note',
  'note_addendum',
  'risk_flag',
  'measure_administration',
  'measure_alert',
];
const localDate = (ms: unknown) => clinicDate(new Date(Number(ms)).toISOString(), CLINIC.timeZone);

describe('demo data', () => {
  let first: Seeded;
  let second: Seeded;
  beforeAll(async () => {
    first = await seededClinic(7);
    second = await seededClinic(7);
  });
  afterAll(async () => {
    await first?.cleanup();
    await second?.cleanup();
  });

  it('is the same data for the same seed and as-of date', () => {
    for (const table of SEEDED_TABLES) {
      expect(second.document.tables[table]!.length, table).toBeGreaterThan(0);
      expect(second.document.tables[table], table).toEqual(first.document.tables[table]);
    }
    // The demo counsellors' recorded slot keys are fresh random keys nobody holds, by design.
    expect(withoutSlotKeys(second.document.tables.user_account!)).toEqual(withoutSlotKeys(first.document.tables.user_account!));
    expect(first.summary).toMatchObject({ size: 'small', seed: 7, asOf: AS_OF, agencies: 5, clients: 300, counsellors: 4 });
    expect(first.summary.referrals).toBeGreaterThanOrEqual(300);
    const { tables } = first.document;
    expect(first.summary).toMatchObject({
      rooms: tables.room!.length,
      workingHours: tables.working_hours!.length,
      leave: tables.leave!.length,
      holidays: tables.clinic_holiday!.length,
      sessions: tables.session!.length,
      sessionChanges: tables.session_change!.length,
      sessionAttendees: tables.session_attendee!.length,
      notes: tables.note!.length,
      noteDrafts: tables.note!.filter((n) => n.status === 'draft').length,
      noteAddenda: tables.note_addendum!.length,
      riskFlags: tables.risk_flag!.length,
      measureAdministrations: tables.measure_administration!.length,
      measureAlerts: tables.measure_alert!.length,
      openMeasureAlerts: tables.measure_alert!.filter((a) => a.followed_up_at === null).length,
    });
    expect(first.summary.sessions).toBeGreaterThan(1000);
  });

  it('is other data for another seed, and keeps the rooms and holidays a clinic already has', async () => {
    const other = await seededClinic(8, async (app) => {
      expectOk(await app.dispatch('rooms.create', { name: 'Ruang Konseling 1', capacity: 2 }));
      expectOk(await app.dispatch('holidays.add', { date: '2026-06-10', name: 'Hari jadi klinik' }));
    });
    try {
      const { tables } = other.document;
      expect(tables.client).not.toEqual(first.document.tables.client);
      expect(tables.session).not.toEqual(first.document.tables.session);
      // The clinic's own room keeps its name and is not booked; demo rooms take other names.
      expect(tables.room!.filter((r) => String(r.name).toLowerCase() === 'ruang konseling 1')).toEqual([expect.objectContaining({ id: 1, capacity: 2 })]);
      expect(tables.session!.some((s) => s.room_id === 1)).toBe(false);
      expect(tables.room!.some((r) => r.name === 'Ruang Konseling 2')).toBe(true);
      expect(tables.clinic_holiday!.filter((h) => h.date === '2026-06-10')).toEqual([{ date: '2026-06-10', name: 'Hari jadi klinik' }]);
      expect(tables.session!.some((s) => localDate(s.start_ms) === '2026-06-10')).toBe(false);
    } finally {
      await other.cleanup();
    }
  });

  it('keeps sessions in working hours on the clinic’s wall clock where daylight saving moves it', () => {
    // Cairo moves its clocks at midnight starting a Friday, a working day: office hours keep that day's offset.
    const timeZone = 'Africa/Cairo';
    const plan = buildPlan({ size: 'small', seed: 3, asOfDay: dayOf(AS_OF), timeZone, takenUsernames: new Set() });
    expect(plan.sessions.length).toBeGreaterThan(1000);
    for (const s of plan.sessions) expect(withinWorkingHours(s, s.counsellor.hours, timeZone), `${new Date(s.startMs).toISOString()}`).toBe(true);
    // Both offsets of the year are there: summer and winter time.
    const offsets = new Set(plan.sessions.map((s) => DateTime.fromMillis(s.startMs, { zone: timeZone }).offset));
    expect(offsets).toEqual(new Set([120, 180]));
    // Questionnaires carry their session's wall-clock time, whichever offset the day has.
    expect(plan.administrations.length).toBeGreaterThan(100);
    for (const a of plan.administrations) expect(a.administeredAt).toBe(clinicWallClock(a.session.startMs, timeZone));
    expect(new Set(plan.administrations.map((a) => DateTime.fromMillis(a.session.startMs, { zone: timeZone }).offset))).toEqual(new Set([120, 180]));
  });

  it('makes agencies in every sector but "other" (five agencies), with every pattern of contracts', () => {
    const { agency, contract } = first.document.tables as Record<string, ExportRow[]>;
    for (const a of agency!) {
      expect(agencyFieldsSchema.safeParse({ name: a.name, sector: a.sector, address: a.address, contactName: a.contact_name, contactEmail: a.contact_email, contactPhone: a.contact_phone }).success, String(a.name)).toBe(true);
    }
    expect(new Set(agency!.map((a) => a.sector))).toEqual(new Set(SECTORS.filter((s) => s !== 'other')));
    for (const c of contract!) {
      const parsed = contractFieldsSchema.safeParse({
        startDate: c.start_date,
        endDate: c.end_date,
        coveredHeadcount: c.covered_headcount,
        sessionAllowance: c.session_allowance,
        allowancePolicy: c.allowance_policy,
        targets: json(c.targets),
        minCellSize: c.min_cell_size,
        reportingFrequency: c.reporting_frequency,
      });
      expect(parsed.success, `contract ${c.id}`).toBe(true);
    }
    const contractsOf = (agencyId: unknown) => contract!.filter((c) => c.agency_id === agencyId).map((c) => ({ startDate: String(c.start_date), endDate: String(c.end_date) }));
    const inForceToday = agency!.filter((a) => contractInForce(contractsOf(a.id), AS_OF));
    expect(inForceToday.length).toBeGreaterThan(0);
    expect(inForceToday.length).toBeLessThan(agency!.length);
    expect(agency!.some((a) => contractsOf(a.id).length === 0)).toBe(true);
    expect(agency!.some((a) => a.active === 0)).toBe(true);
    // Consecutive contracts: one starts the day after another of the same agency ends.
    const consecutive = agency!.some((a) => contractsOf(a.id).some((c, _i, all) => all.some((d) => Date.parse(d.startDate) - Date.parse(c.endDate) === 86_400_000)));
    expect(consecutive).toBe(true);
  });

  it('makes clients with valid fields, folded names, unique codes and working-age birthdays, Indonesian and English', () => {
    const clients = first.document.tables.client!;
    const lastOfYear = new Map<number, number>();
    for (const c of clients) {
      const parsed = clientFieldsSchema.safeParse({
        givenName: c.given_name,
        familyName: c.family_name,
        preferredName: c.preferred_name,
        dateOfBirth: c.date_of_birth,
        gender: c.gender,
        genderDescription: c.gender_description,
        email: c.email,
        phone: c.phone,
        jobRole: c.job_role,
        preferredLanguage: c.preferred_language,
        emergencyContactName: c.emergency_contact_name,
        emergencyContactPhone: c.emergency_contact_phone,
      });
      expect(parsed.success, `client ${c.id}: ${JSON.stringify(parsed.error?.issues.map((i) => i.path))}`).toBe(true);
      expect(c.folded_name).toBe(foldName(`${c.given_name} ${c.family_name}`));
      // The code's year is the year registered, in the clinic's zone; each year numbers from 1.
      const code = parseClientCode(String(c.code))!;
      expect(code.year).toBe(Number(clinicDate(String(c.created_at), CLINIC.timeZone).slice(0, 4)));
      const sequence = (lastOfYear.get(code.year) ?? 0) + 1;
      expect(code.sequence).toBe(sequence);
      lastOfYear.set(code.year, sequence);
      if (c.date_of_birth !== null) {
        const age = (Date.parse(String(c.created_at)) - Date.parse(String(c.date_of_birth))) / (365.25 * 86_400_000);
        expect(age).toBeGreaterThan(20);
        expect(age).toBeLessThan(61);
      }
      expect(String(c.created_at) < HORIZON).toBe(true);
    }
    expect(new Set(clients.map((c) => c.code)).size).toBe(clients.length);
    expect(new Set(clients.map((c) => c.preferred_language))).toEqual(new Set(['id', 'en', 'other']));
  });

  it('makes referrals of every type, urgency and status that follow the intake rules and the contracts', () => {
    const { referral, contract, client } = first.document.tables as Record<string, ExportRow[]>;
    const clientOf = new Map(client!.map((c) => [c.id, c]));
    for (const r of referral!) {
      const issues = referralRuleIssues({
        referralType: String(r.referral_type),
        referrerName: String(r.referrer_name),
        referrerContact: String(r.referrer_contact),
        consentLevel: String(r.consent_level),
        consentDate: r.consent_date as string | null,
        consentExpiry: r.consent_expiry as string | null,
      });
      expect(issues, `referral ${r.id}`).toEqual([]);
      expect(r.agency_id).toBe(clientOf.get(r.client_id)!.agency_id);
      const agencyContracts = contract!.filter((c) => c.agency_id === r.agency_id).map((c) => ({ id: c.id, startDate: String(c.start_date), endDate: String(c.end_date) }));
      expect(r.contract_id, `referral ${r.id}`).toBe(contractInForce(agencyContracts, String(r.received_date))?.id ?? null);
      expect(r.clock_started_at).toBe(referralClockStart(String(r.received_date), String(r.created_at), CLINIC.timeZone));
      expect(json<string[]>(r.presenting_issues).length).toBeGreaterThan(0);
      expect(String(r.updated_at) < HORIZON).toBe(true);
    }
    expect(new Set(referral!.map((r) => r.referral_type))).toEqual(new Set(REFERRAL_TYPES));
    expect(new Set(referral!.map((r) => r.urgency))).toEqual(new Set(URGENCIES));
    expect(new Set(referral!.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(referral!.map((r) => r.consent_level))).toEqual(new Set(['none', 'attendance', 'attendance_and_compliance']));
    expect(new Set(referral!.map((r) => r.closure_reason))).toEqual(new Set([null, 'declined', 'no_contact', 'completed', 'transferred']));
    expect(referral!.some((r) => r.contract_id === null)).toBe(true);
  });

  it('gives every referral a status history that leads step by step to its status, and a case from assignment on', () => {
    const { referral, referral_status_change: changes, client_case: cases } = first.document.tables as Record<string, ExportRow[]>;
    const historyOf = new Map<unknown, ExportRow[]>();
    for (const change of changes!) historyOf.set(change.referral_id, [...(historyOf.get(change.referral_id) ?? []), change]);
    const caseOf = new Map(cases!.map((c) => [c.id, c]));
    for (const r of referral!) {
      const history = historyOf.get(r.id)!;
      expect(history[0]).toMatchObject({ from_status: null, to_status: 'new', changed_at: r.created_at });
      for (let i = 1; i < history.length; i++) {
        expect(history[i]!.from_status).toBe(history[i - 1]!.to_status);
        expect(canMoveReferral(history[i]!.from_status as never, history[i]!.to_status as never), `referral ${r.id}`).toBe(true);
        expect(String(history[i]!.changed_at) > String(history[i - 1]!.changed_at)).toBe(true);
      }
      const last = history[history.length - 1]!;
      expect(last.to_status).toBe(r.status);
      expect(last.closure_reason).toBe(r.closure_reason);
      // Last changed by its last step, or by recording the session that stopped its clock.
      if (r.updated_at !== last.changed_at) {
        expect(r.clock_stopped_at, `referral ${r.id}`).not.toBeNull();
        expect(String(r.updated_at) > String(last.changed_at)).toBe(true);
      }
      const wasAssigned = history.some((h) => h.to_status === 'assigned');
      expect(r.case_id !== null, `referral ${r.id}`).toBe(wasAssigned);
      expect(r.counsellor_id !== null).toBe(wasAssigned);
      if (r.case_id !== null) {
        const c = caseOf.get(r.case_id)!;
        expect(c).toMatchObject({ client_id: r.client_id, counsellor_id: r.counsellor_id, presenting_issues: r.presenting_issues });
        expect(c.closure_reason).toBe(r.status === 'closed' ? r.closure_reason : null);
        expect(c.closed_date === null).toBe(r.status !== 'closed');
      }
    }
    expect(cases!.some((c) => c.closed_date !== null)).toBe(true);
    expect(cases!.some((c) => c.closed_date === null)).toBe(true);
  });

  it('adds rooms with a hall, weekly working hours, leave and the public holidays', () => {
    const { room, working_hours: hours, leave, clinic_holiday: holidays, user_account: users } = first.document.tables as Record<string, ExportRow[]>;
    expect(room!.filter((r) => /^Ruang Konseling \d+$/.test(String(r.name))).length).toBeGreaterThanOrEqual(3);
    expect(room!.find((r) => r.name === 'Aula')).toMatchObject({ capacity: 30, active: 1 });
    expect(room!.some((r) => r.active === 0)).toBe(true);
    const counsellors = users!.filter((u) => u.role === 'counsellor');
    for (const c of counsellors) {
      const own = hours!.filter((h) => h.user_id === c.id);
      expect(own.length, String(c.username)).toBeGreaterThanOrEqual(6);
      for (const h of own) {
        expect(Number(h.weekday)).toBeLessThanOrEqual(5);
        expect(Number(h.start_minute)).toBeGreaterThanOrEqual(8 * 60);
        expect(Number(h.end_minute)).toBeLessThanOrEqual(19 * 60);
      }
      const periods = leave!.filter((l) => l.user_id === c.id).sort((a, b) => String(a.start_date).localeCompare(String(b.start_date)));
      expect(periods.length, String(c.username)).toBeGreaterThan(0);
      for (let i = 1; i < periods.length; i++) expect(String(periods[i]!.start_date) > String(periods[i - 1]!.end_date)).toBe(true);
      for (const l of periods) expect(String(l.created_at) < HORIZON).toBe(true);
    }
    const dates = holidays!.map((h) => String(h.date));
    expect(dates).toEqual(expect.arrayContaining(['2025-08-17', '2026-01-01', '2026-03-20', '2026-12-25', '2027-01-01']));
  });

  it('never books a counsellor or a room twice at once (live sessions), as the triggers require', async () => {
    const clashes = await first.app.runAdminTask('test', async (session) => {
      const raw = rawConnection(session.dataSource);
      const live = "('scheduled', 'attended', 'did_not_attend')";
      const overlapping = (column: string) =>
        raw
          .prepare(
            `SELECT count(*) FROM session a JOIN session b ON a.${column} = b.${column} AND a.id < b.id
             WHERE a.status IN ${live} AND b.status IN ${live} AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms`,
          )
          .pluck()
          .get() as number;
      return { counsellor: overlapping('counsellor_id'), room: overlapping('room_id') };
    });
    expect(clashes).toEqual({ counsellor: 0, room: 0 });
  });

  it('books sessions only in the counsellor’s working hours in the clinic’s zone, never on a holiday or on leave', () => {
    const { session: sessions, working_hours: hours, leave, clinic_holiday: holidays } = first.document.tables as Record<string, ExportRow[]>;
    const holidayDates = new Set(holidays!.map((h) => h.date));
    const hoursOf = new Map<unknown, Array<{ weekday: number; startMinute: number; endMinute: number }>>();
    for (const h of hours!) hoursOf.set(h.user_id, [...(hoursOf.get(h.user_id) ?? []), { weekday: Number(h.weekday), startMinute: Number(h.start_minute), endMinute: Number(h.end_minute) }]);
    for (const s of sessions!) {
      const span = { startMs: Number(s.start_ms), endMs: Number(s.end_ms) };
      expect(s.time_zone).toBe(CLINIC.timeZone);
      expect(withinWorkingHours(span, hoursOf.get(s.counsellor_id)!, CLINIC.timeZone), `session ${s.id}`).toBe(true);
      const date = localDate(s.start_ms);
      expect(holidayDates.has(date), `session ${s.id} on ${date}`).toBe(false);
      const onLeave = leave!.some((l) => l.user_id === s.counsellor_id && String(l.start_date) <= date && date <= String(l.end_date));
      expect(onLeave, `session ${s.id}`).toBe(false);
      expect(s.override_reason).toBe('');
    }
  });

  it('makes sessions of every type, modality and status that follow the schema’s rules, outcomes in the past and bookings ahead', () => {
    const { session: sessions, room } = first.document.tables as Record<string, ExportRow[]>;
    const roomOf = new Map(room!.map((r) => [r.id, r]));
    expect(new Set(sessions!.map((s) => s.session_type))).toEqual(new Set(SESSION_TYPES));
    expect(new Set(sessions!.map((s) => s.modality))).toEqual(new Set(MODALITIES));
    expect(new Set(sessions!.map((s) => s.status))).toEqual(new Set(SESSION_STATUSES));
    const share = (status: SessionStatus) => sessions!.filter((s) => s.status === status).length / sessions!.length;
    expect(share('attended')).toBeGreaterThan(0.65);
    expect(share('did_not_attend')).toBeGreaterThan(0.04);
    expect(share('did_not_attend')).toBeLessThan(0.13);
    expect(share('late_cancellation')).toBeGreaterThan(0.02);
    expect(share('late_cancellation')).toBeLessThan(0.09);
    for (const s of sessions!) {
      const id = `session ${s.id}`;
      expect((s.modality === 'in_person') === (s.room_id !== null), id).toBe(true);
      if (s.room_id !== null) expect(roomOf.get(s.room_id)!.active, id).toBe(1);
      if (s.modality === 'video') expect(String(s.video_link), id).toMatch(/^https:\/\/meet\.example\.org\/[a-z0-9-]+$/);
      else expect(s.video_link, id).toBe('');
      expect(Number(s.end_ms) - Number(s.start_ms)).toBeLessThanOrEqual(4 * 3600_000);
      expect(CANCELLED_STATUSES.includes(s.status as SessionStatus) === (s.status_reason !== ''), id).toBe(true);
      // Outcomes for the past, bookings ahead; everything recorded before the as-of date.
      expect(s.status === 'scheduled', id).toBe(Number(s.start_ms) >= HORIZON_MS);
      expect(String(s.created_at) < HORIZON && String(s.updated_at) < HORIZON, id).toBe(true);
      expect(String(s.created_at) < new Date(Number(s.start_ms)).toISOString(), id).toBe(true);
      expect(String(s.updated_at) >= String(s.created_at), id).toBe(true);
      if (s.allowance_reason !== '') expect(ALLOWANCE_TYPES.includes(s.session_type as SessionType), id).toBe(true);
    }
    expect(sessions!.some((s) => s.allowance_reason !== '')).toBe(true);
  });

  it('keeps a history of each session: its outcome, recorded after it (or before, for a cancellation), and some moves', () => {
    const { session: sessions, session_change: changes } = first.document.tables as Record<string, ExportRow[]>;
    const changesOf = new Map<unknown, ExportRow[]>();
    for (const c of changes!) changesOf.set(c.session_id, [...(changesOf.get(c.session_id) ?? []), c]);
    expect(changes!.map((c) => String(c.changed_at))).toEqual(changes!.map((c) => String(c.changed_at)).sort());
    for (const s of sessions!) {
      const id = `session ${s.id}`;
      const own = changesOf.get(s.id) ?? [];
      const status = own.filter((c) => c.kind === 'status');
      if (s.status === 'scheduled') expect(status, id).toEqual([]);
      else {
        expect(status, id).toHaveLength(1);
        expect(status[0], id).toMatchObject({ from_status: 'scheduled', to_status: s.status, reason: s.status_reason, changed_by_user_id: s.counsellor_id });
        const at = Date.parse(String(status[0]!.changed_at));
        if (s.status === 'attended' || s.status === 'did_not_attend') expect(at, id).toBeGreaterThanOrEqual(Number(s.end_ms));
        else expect(at, id).toBeLessThan(Number(s.start_ms));
        expect(String(status[0]!.changed_at) > String(s.created_at), id).toBe(true);
      }
      for (const moved of own.filter((c) => c.kind === 'rescheduled')) {
        expect(moved, id).toMatchObject({ to_start_ms: s.start_ms, to_end_ms: s.end_ms, to_room_id: s.room_id, from_status: null, to_status: null });
        expect(Number(moved.from_end_ms) - Number(moved.from_start_ms)).toBe(Number(s.end_ms) - Number(s.start_ms));
        expect(String(moved.changed_at) > String(s.created_at) && Date.parse(String(moved.changed_at)) < Number(s.start_ms), id).toBe(true);
        if (status[0]) expect(String(moved.changed_at) < String(status[0].changed_at), id).toBe(true);
      }
      const last = own.map((c) => String(c.changed_at)).sort().at(-1);
      expect(s.updated_at, id).toBe(last && last > String(s.created_at) ? last : s.created_at);
    }
    expect(changes!.some((c) => c.kind === 'rescheduled')).toBe(true);
  });

  it('gives every case its sessions: an intake first, then counselling and follow-ups, while the case was open, and sessions_used counts them', () => {
    const { session: sessions, client_case: cases, client, referral, referral_status_change: steps } = first.document.tables as Record<string, ExportRow[]>;
    const clientOf = new Map(client!.map((c) => [c.id, c]));
    const sessionsOf = new Map<unknown, ExportRow[]>();
    for (const s of sessions!) if (s.case_id !== null) sessionsOf.set(s.case_id, [...(sessionsOf.get(s.case_id) ?? []), s]);
    const referralOf = new Map(referral!.filter((r) => r.case_id !== null).map((r) => [r.case_id, r]));
    for (const c of cases!) {
      const id = `case ${c.id}`;
      const own = (sessionsOf.get(c.id) ?? []).sort((a, b) => Number(a.start_ms) - Number(b.start_ms));
      const counted = own.filter((s) => countsTowardAllowance(s.session_type as SessionType, s.status as SessionStatus)).length;
      expect(c.sessions_used, id).toBe(counted);
      const r = referralOf.get(c.id)!;
      const booked = steps!.find((h) => h.referral_id === r.id && h.to_status === 'first_session_booked');
      expect(own.length > 0, id).toBe(booked !== undefined);
      if (own.length === 0) continue;
      // The intake was booked when the referral reached "first session booked".
      expect(own.map((s) => s.created_at).sort()[0], id).toBe(booked!.changed_at);
      expect(own[0]!.session_type, id).toBe('intake_assessment');
      const firstAttended = own.find((s) => s.status === 'attended' && ALLOWANCE_TYPES.includes(s.session_type as SessionType));
      for (const s of own) {
        expect(s, id).toMatchObject({ counsellor_id: c.counsellor_id, agency_id: clientOf.get(c.client_id)!.agency_id, topic: null, capacity: null, head_count: null });
        expect(localDate(s.start_ms) >= String(c.opened_date), id).toBe(true);
        if (c.closed_date !== null) expect(localDate(s.start_ms) <= String(c.closed_date), id).toBe(true);
        if (ALLOWANCE_TYPES.includes(s.session_type as SessionType)) expect(s.presenting_issue, id).toBe(json<string[]>(c.presenting_issues)[0]);
        else expect(s.presenting_issue, id).toBeNull();
        // Counselling only after an attended intake.
        if (s.session_type === 'counselling' || s.session_type === 'follow_up') expect(firstAttended && Number(firstAttended.start_ms) < Number(s.start_ms), id).toBe(true);
      }
      // Booking a session and calling one off changed the case.
      expect(String(c.updated_at) >= String(own.filter((s) => ALLOWANCE_TYPES.includes(s.session_type as SessionType)).map((s) => s.created_at).sort().at(-1)), id).toBe(true);
    }
    const counts = cases!.filter((c) => c.closure_reason === 'completed').map((c) => Number(c.sessions_used));
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeGreaterThan(6);
    expect(mean).toBeLessThan(13);
  });

  it('stops each referral’s clock at its case’s first attended session', () => {
    const { session: sessions, referral } = first.document.tables as Record<string, ExportRow[]>;
    const firstAttended = new Map<unknown, number>();
    for (const s of sessions!) {
      if (s.case_id === null || s.status !== 'attended' || !ALLOWANCE_TYPES.includes(s.session_type as SessionType)) continue;
      firstAttended.set(s.case_id, Math.min(firstAttended.get(s.case_id) ?? Infinity, Number(s.start_ms)));
    }
    let stopped = 0;
    for (const r of referral!) {
      const attended = r.case_id === null ? undefined : firstAttended.get(r.case_id);
      expect(r.clock_stopped_at, `referral ${r.id}`).toBe(attended === undefined ? null : new Date(attended).toISOString());
      if (attended !== undefined) {
        stopped += 1;
        expect(['first_session_booked', 'closed']).toContain(r.status);
        expect(String(r.clock_stopped_at) > String(r.clock_started_at)).toBe(true);
      }
    }
    expect(stopped).toBeGreaterThan(100);
  });

  it('holds workshops and debriefs for agencies, in the hall, the group room or by video, with head counts or named attendees', () => {
    const { session: sessions, session_attendee: attendees, room, client } = first.document.tables as Record<string, ExportRow[]>;
    const roomOf = new Map(room!.map((r) => [r.id, r]));
    const clientOf = new Map(client!.map((c) => [c.id, c]));
    const workshops = sessions!.filter((s) => s.session_type === 'group_workshop');
    expect(workshops.length).toBeGreaterThan(5);
    for (const w of workshops) {
      const id = `workshop ${w.id}`;
      expect(w.case_id, id).toBeNull();
      expect(WORKSHOP_TOPICS).toContain(w.topic);
      if (w.room_id !== null) expect(Number(w.capacity), id).toBeLessThanOrEqual(Number(roomOf.get(w.room_id)!.capacity));
      if (w.room_id !== null) expect(['Aula', 'Ruang Kelompok']).toContain(roomOf.get(w.room_id)!.name);
      if (w.status !== 'attended') expect(w.head_count, id).toBeNull();
      if (w.head_count !== null) expect(Number(w.head_count), id).toBeLessThanOrEqual(Number(w.capacity));
    }
    expect(workshops.some((w) => w.head_count !== null)).toBe(true);
    expect(workshops.some((w) => w.series_id !== null)).toBe(true);
    expect(attendees!.length).toBeGreaterThan(0);
    const sessionOf = new Map(sessions!.map((s) => [s.id, s]));
    for (const a of attendees!) {
      const w = sessionOf.get(a.session_id)!;
      expect(w).toMatchObject({ session_type: 'group_workshop', status: 'attended', head_count: null });
      expect(clientOf.get(a.client_id)!.agency_id).toBe(w.agency_id);
      expect(String(clientOf.get(a.client_id)!.created_at) < new Date(Number(w.start_ms)).toISOString()).toBe(true);
    }
    for (const d of sessions!.filter((s) => s.session_type === 'critical_incident_debrief')) expect(d.case_id).toBeNull();
  });

  it('writes case notes of every template by the case’s counsellor, most signed with the SHA-256 of their canonical text, a few recent drafts', () => {
    const { note: notes, client_case: cases, session: sessions } = first.document.tables as Record<string, ExportRow[]>;
    const caseOf = new Map(cases!.map((c) => [c.id, c]));
    const sessionOf = new Map(sessions!.map((s) => [s.id, s]));
    expect(new Set(notes!.map((n) => n.template))).toEqual(new Set(NOTE_TEMPLATES));
    const drafts = notes!.filter((n) => n.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.length / notes!.length).toBeLessThan(0.08);
    // "Notes to sign" are mostly from the last weeks before the as-of date.
    const fourWeeksBefore = new Date(HORIZON_MS - 28 * 86_400_000).toISOString();
    expect(drafts.filter((n) => String(n.created_at) > fourWeeksBefore).length / drafts.length).toBeGreaterThan(0.7);
    const ids = notes!.map((n) => Number(n.id));
    expect(notes!.map((n) => String(n.created_at))).toEqual(notes!.map((n) => String(n.created_at)).sort());
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    for (const n of notes!) {
      const id = `note ${n.id}`;
      const kase = caseOf.get(n.case_id)!;
      const template = n.template as NoteTemplate;
      const content = json<NoteContent>(n.content);
      expect(fitsTemplate(template, content), id).toBe(true);
      expect(Object.keys(content), id).toEqual([...TEMPLATE_SECTIONS[template]]);
      expect(n.author_user_id, id).toBe(kase.counsellor_id);
      expect(String(n.created_at) < HORIZON && String(n.updated_at) < HORIZON, id).toBe(true);
      expect(String(n.updated_at) >= String(n.created_at), id).toBe(true);
      if (n.status === 'signed') {
        expect(n.content_sha256, id).toBe(sha256(canonicalNoteText(template, content)));
        expect(n.signed_by_user_id, id).toBe(n.author_user_id);
        expect(n.updated_at, id).toBe(n.signed_at);
        expect(String(n.signed_at) >= String(n.created_at), id).toBe(true);
        expect(Object.values(content).every((text) => text.trim() !== ''), id).toBe(true);
      } else {
        expect(n, id).toMatchObject({ signed_at: null, signed_by_user_id: null, content_sha256: null });
        expect(Object.values(content).some((text) => text.trim() !== ''), id).toBe(true);
      }
      // Written after the session it records, while the case was open.
      if (n.session_id !== null) {
        const s = sessionOf.get(n.session_id)!;
        expect(s.case_id, id).toBe(n.case_id);
        expect(Date.parse(String(n.created_at)), id).toBeGreaterThan(Number(s.end_ms));
        expect(s.status === 'attended' || (s.status === 'did_not_attend' && template === 'free_text'), id).toBe(true);
        if (template === 'intake_assessment') expect(s.session_type, id).toBe('intake_assessment');
        if (s.status === 'attended' && s.session_type === 'intake_assessment') expect(template, id).toBe('intake_assessment');
      } else expect(['free_text', 'closing_summary']).toContain(template);
      if (template === 'closing_summary') expect(kase.closed_date, id).not.toBeNull();
      if (kase.closed_date !== null) expect(clinicDate(String(n.created_at), CLINIC.timeZone) <= String(kase.closed_date), id).toBe(true);
    }
    const sessionNotes = notes!.filter((n) => n.session_id !== null && ['soap', 'dap', 'birp'].includes(String(n.template)));
    expect(sessionNotes.length / notes!.length).toBeGreaterThan(0.5);
    // Written in the client's language: both are there.
    expect(notes!.some((n) => String(n.content).includes('Klien '))).toBe(true);
    expect(notes!.some((n) => String(n.content).includes('Client '))).toBe(true);
    // No client's name in any note.
    const { client } = first.document.tables as Record<string, ExportRow[]>;
    const text = notes!.map((n) => String(n.content)).join('\n');
    const names = client!.map((c) => String(c.family_name)).filter((name) => name.length >= 6);
    expect(names.filter((name) => new RegExp(`\\b${name}\\b`).test(text))).toEqual([]);
  });

  it('adds a few addenda to signed notes, signed by their author with the SHA-256 of their canonical text', () => {
    const { note: notes, note_addendum: addenda } = first.document.tables as Record<string, ExportRow[]>;
    const noteOf = new Map(notes!.map((n) => [n.id, n]));
    expect(addenda!.length).toBeGreaterThan(0);
    expect(addenda!.length / notes!.length).toBeLessThan(0.05);
    for (const a of addenda!) {
      const note = noteOf.get(a.note_id)!;
      const id = `addendum ${a.id}`;
      expect(note.status, id).toBe('signed');
      expect(a.content_sha256, id).toBe(createHash('sha256').update(canonicalAddendumText(Number(a.note_id), String(a.text)), 'utf8').digest('hex'));
      expect(a.signed_by_user_id, id).toBe(note.author_user_id);
      expect(String(a.signed_at) > String(note.signed_at) && String(a.signed_at) < HORIZON, id).toBe(true);
    }
    expect(addenda!.map((a) => String(a.signed_at))).toEqual(addenda!.map((a) => String(a.signed_at)).sort());
  });

  it('flags a few clients at risk, each flag raised (and cleared) with a signed free-text note on the client’s case saying why', () => {
    const { note: notes, client_case: cases, risk_flag: flags } = first.document.tables as Record<string, ExportRow[]>;
    const noteOf = new Map(notes!.map((n) => [n.id, n]));
    const caseOf = new Map(cases!.map((c) => [c.id, c]));
    expect(flags!.length).toBeGreaterThanOrEqual(3);
    const reasonNote = (noteId: ExportValue, clientId: ExportValue, at: string) => {
      const note = noteOf.get(noteId)!;
      const kase = caseOf.get(note.case_id)!;
      expect(note).toMatchObject({ status: 'signed', template: 'free_text', session_id: null, signed_at: at, created_at: at });
      expect(kase.client_id).toBe(clientId);
      expect(note.author_user_id).toBe(kase.counsellor_id);
      // The case was open then.
      if (kase.closed_date !== null) expect(clinicDate(at, CLINIC.timeZone) <= String(kase.closed_date)).toBe(true);
      return note;
    };
    for (const f of flags!) {
      expect(RISK_KINDS).toContain(f.kind);
      expect(RISK_LEVELS).toContain(f.level);
      const raised = reasonNote(f.raised_note_id!, f.client_id!, String(noteOf.get(f.raised_note_id)!.signed_at));
      expect(f.raised_by_user_id).toBe(raised.author_user_id);
      expect(f.raised_date).toBe(clinicDate(String(raised.signed_at), CLINIC.timeZone));
      expect(String(f.review_date) >= String(f.raised_date)).toBe(true);
      expect(String(f.raised_date) < AS_OF).toBe(true);
      if (f.cleared_at !== null) {
        const cleared = reasonNote(f.cleared_note_id!, f.client_id!, String(f.cleared_at));
        expect(f.cleared_by_user_id).toBe(cleared.author_user_id);
        expect(String(f.cleared_at) > String(raised.signed_at)).toBe(true);
      } else expect(f.cleared_by_user_id).toBeNull();
    }
    expect(new Set(flags!.map((f) => f.client_id)).size).toBe(flags!.length);
    const active = flags!.filter((f) => f.cleared_at === null);
    expect(flags!.some((f) => f.cleared_at !== null)).toBe(true);
    expect(active.some((f) => String(f.review_date) < AS_OF)).toBe(true);
    expect(active.some((f) => String(f.review_date) >= AS_OF)).toBe(true);
  });

  it('indexes every note and addendum for full-text search, in both languages', async () => {
    const counts = await first.app.runAdminTask('test', async (session) => {
      const raw = rawConnection(session.dataSource);
      const count = (sql: string) => raw.prepare(sql).pluck().get() as number;
      return {
        indexed: count('SELECT count(*) FROM note_fts'),
        notesAndAddenda: count('SELECT (SELECT count(*) FROM note) + (SELECT count(*) FROM note_addendum)'),
        tidur: count("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'tidur'"),
        sleep: count("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'sleep'"),
        klien: count("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'klien'"),
      };
    });
    expect(counts.indexed).toBe(counts.notesAndAddenda);
    expect(counts.tidur).toBeGreaterThan(0);
    expect(counts.sleep).toBeGreaterThan(0);
    // A common word is in many more notes than a rarer one.
    expect(counts.klien).toBeGreaterThan(counts.tidur * 2);
  });

  it('adds demo counsellors who cannot sign in until an admin resets their passphrase, and audits the seeding', async () => {
    const { users } = expectOk(await first.app.dispatch('users.list', {})) as { users: Array<{ username: string; role: string; canUnlock: boolean }> };
    const demo = users.filter((u) => u.username !== ADMIN.username);
    expect(demo.map((u) => u.username).sort()).toEqual([...first.summary.counsellorUsernames].sort());
    expect(demo.every((u) => u.role === 'counsellor' && !u.canUnlock)).toBe(true);
    const { entries } = expectOk(await first.app.dispatch('audit.list', { action: 'data.seed_demo' })) as { entries: Array<{ detail: Record<string, unknown> }> };
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toMatchObject({ size: 'small', seed: 7, asOf: AS_OF, clients: 300, agencies: 5 });
  });

  it('refuses a vault that already has agencies, clients or referrals, and changes nothing', async () => {
    await expect(first.app.runAdminTask('test', (session, clock) => seedDemoData(session, clock, { size: 'small', seed: 9, asOf: AS_OF }))).rejects.toMatchObject({ code: 'VAULT_NOT_EMPTY' });
    const after = await first.app.runAdminTask('test', async (session) => snapshotVault(session.dataSource, 'now'));
    expect(after.tables.client).toEqual(first.document.tables.client);
  });
});
