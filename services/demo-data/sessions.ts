import type { PresentingIssue } from '../../shared/domain/referrals';
import { ALLOWANCE_TYPES, countsTowardAllowance, WORKSHOP_TOPICS, type Modality, type SessionStatus, type SessionType, type WorkshopTopic } from '../../shared/domain/sessions';
import { addMonths, addWorkingDays, DAY_MS, MINUTE_MS, workingDayFrom, type ClinicDays } from './calendar';
import type { Grid, Placed } from './grid';
import { FOLLOW_UP_DAYS } from './life-cycle';
import type { DemoAgency, DemoCase, DemoClient, DemoContract, DemoCounsellor, DemoReferral, DemoSession } from './plan';
import type { Random } from './random';

/**
 * The demo clinic's calendar: every case's sessions from the intake on, and the agencies'
 * workshops and critical-incident debriefs, placed in the counsellors' working hours so
 * that no counsellor and no room ever holds two live sessions at once (the Grid keeps
 * the same rule as the schema's triggers). Sessions before the as-of date have an outcome
 * (mostly attended, some no-shows and cancellations, each cancellation with a reason);
 * open cases have their next session or two booked ahead. A case's sessions_used is the
 * number of its sessions the allowance counts, as the booking service keeps it, and a
 * referral's clock stops at its case's first attended session.
 */
export interface ScheduleContext {
  random: Random;
  days: ClinicDays;
  grid: Grid;
  /** The start of the as-of day: sessions from then on are still to come. */
  horizonMs: number;
  asOfDay: number;
  counsellors: readonly DemoCounsellor[];
  /** Agencies' clients in order of registration, for named workshop attendees. */
  clientsOf: ReadonlyMap<DemoAgency, readonly DemoClient[]>;
}

const OUTCOMES: ReadonlyArray<readonly [SessionStatus, number]> = [
  ['attended', 80],
  ['did_not_attend', 8],
  ['late_cancellation', 5],
  ['cancelled_by_client', 5],
  ['cancelled_by_clinic', 2],
];

/** Short, generic reasons (never anything about the person), as a receptionist would type them. */
const REASONS: Partial<Record<SessionStatus, readonly string[]>> = {
  late_cancellation: ['Sakit mendadak', 'Urusan keluarga mendesak', 'Called in to cover a shift', 'Transport problems', 'Rapat mendadak di kantor', 'Childcare fell through'],
  cancelled_by_client: ['Bentrok dengan jadwal kerja', 'Client asked to move the appointment', 'Sedang dinas luar kota', 'Feeling unwell', 'Work commitment', 'Ada keperluan keluarga'],
  cancelled_by_clinic: ['Konselor sakit', 'Counsellor unavailable', 'Ruangan tidak dapat dipakai', 'Clinic closed early', 'Pelatihan staf', 'Listrik padam'],
};
const WORKSHOP_CANCEL_REASONS: Partial<Record<SessionStatus, readonly string[]>> = {
  cancelled_by_client: ['Ditunda oleh instansi', 'The agency postponed it', 'Bentrok dengan kegiatan kantor'],
  cancelled_by_clinic: ['Peserta terlalu sedikit', 'Facilitator unavailable', 'Aula sedang direnovasi'],
};
const RESCHEDULE_REASONS = ['Permintaan klien', 'Client asked for another day', 'Konselor ada rapat', 'Counsellor on a training day', 'Bentrok dengan jadwal dinas', ''] as const;
const ALLOWANCE_REASONS = ['Perpanjangan disetujui oleh instansi', 'Extension agreed with the agency', 'Pertimbangan klinis', 'Clinical need, agreed with the HR contact'] as const;

const MODALITY: ReadonlyArray<readonly [Modality, number]> = [
  ['in_person', 70],
  ['video', 20],
  ['phone', 10],
];

const TOPICS: ReadonlyArray<readonly [WorkshopTopic, number]> = [
  ['stress_management', 30],
  ['resilience', 25],
  ['conflict_resolution', 15],
  ['leader_manager_training', 15],
  ['critical_incident_debrief', 5],
  ['other', 10],
];
// Every topic the schema knows is used.
if (TOPICS.length !== WORKSHOP_TOPICS.length) throw new Error('a workshop topic is missing from the demo');

/** How far after the desired day a session may still be placed. */
const SEARCH_DAYS = 21;

export function videoLink(random: Random): string {
  let token = '';
  for (let i = 0; i < 10; i++) token += 'abcdefghijkmnopqrstuvwxyz23456789'[random.int(0, 32)];
  return `https://meet.example.org/${token.slice(0, 3)}-${token.slice(3, 7)}-${token.slice(7)}`;
}

function uuid(random: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => random.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.int(0, 3)]}${hex(3)}-${hex(12)}`;
}

/** A moment from `from` (exclusive) to `to` (exclusive), or null when there is no room between them. */
function between(random: Random, from: number, to: number): number | null {
  const lo = from + MINUTE_MS;
  const hi = to - MINUTE_MS;
  return hi <= lo ? null : lo + Math.floor(random.next() * (hi - lo));
}

function newSession(fields: Omit<DemoSession, 'movedFrom' | 'statusChangedMs' | 'attendees' | 'updatedMs' | 'headCount' | 'topic' | 'capacity' | 'seriesId' | 'allowanceReason' | 'statusReason'> & Partial<DemoSession>): DemoSession {
  return {
    statusReason: '',
    topic: null,
    capacity: null,
    headCount: null,
    seriesId: null,
    allowanceReason: '',
    movedFrom: null,
    statusChangedMs: null,
    attendees: [],
    updatedMs: fields.createdMs,
    ...fields,
  };
}

/**
 * When the outcome was recorded: an attendance or no-show just after the session; a late
 * cancellation hours before it; other cancellations days before (never before the booking).
 */
function outcomeRecordedAt(random: Random, status: SessionStatus, s: { startMs: number; endMs: number; createdMs: number }): number {
  if (status === 'attended' || status === 'did_not_attend') return s.endMs + random.int(0, 40) * MINUTE_MS + random.int(0, 59_999);
  const before = status === 'late_cancellation' ? random.int(1, 20) * 60 * MINUTE_MS : random.int(1, 5) * DAY_MS;
  return Math.max(s.startMs - before + random.int(0, 59_999), s.createdMs + MINUTE_MS + random.int(0, 59_999));
}

/** Some bookings were first made for another day or time and moved (before the session, and before any cancellation). */
function maybeMoved(ctx: ScheduleContext, s: DemoSession, placed: Placed, chance: number): void {
  const { random, grid, days } = ctx;
  if (!random.chance(chance)) return;
  const day = placed.day + random.pick([-7, -2, -1, 1, 2, 7]);
  if (!grid.works(s.counsellor, day)) return;
  const startMs = days.wallClock(day, placed.minute);
  const endMs = startMs + (s.endMs - s.startMs);
  const atMs = between(random, s.createdMs, Math.min(startMs, s.startMs, s.statusChangedMs ?? Infinity, ctx.horizonMs));
  if (atMs === null || startMs <= s.createdMs) return;
  const room = s.room && random.chance(0.3) ? random.pick(grid.counsellingRooms) : s.room;
  s.movedFrom = { startMs, endMs, room, atMs, reason: random.pick(RESCHEDULE_REASONS) };
  s.updatedMs = Math.max(s.updatedMs, atMs);
}

/** Settle a session's outcome: scheduled from the as-of date on, else drawn (or the one asked for). */
function settle(ctx: ScheduleContext, s: DemoSession, forced: SessionStatus | null, reasons: Partial<Record<SessionStatus, readonly string[]>>, outcomes = OUTCOMES): void {
  if (s.startMs >= ctx.horizonMs) return;
  const status = forced ?? ctx.random.weighted(outcomes);
  s.status = status;
  s.statusReason = reasons[status] ? ctx.random.pick(reasons[status]) : '';
  s.statusChangedMs = Math.min(outcomeRecordedAt(ctx.random, status, s), ctx.horizonMs - MINUTE_MS);
  s.updatedMs = Math.max(s.updatedMs, s.statusChangedMs);
}

// ---------------------------------------------------------------------------------------
// A case's sessions

/** The contract year holding a day (contractYearOf's rule on day numbers), as [first, last] day, or null outside the contract. */
const yearStarts = new WeakMap<DemoContract, number[]>();
function contractYear(contract: DemoContract, day: number): readonly [number, number] | null {
  if (day < contract.startDay || day > contract.endDay) return null;
  let starts = yearStarts.get(contract);
  if (!starts) {
    starts = [];
    for (let k = 0; ; k++) {
      const start = addMonths(contract.startDay, 12 * k);
      if (start > contract.endDay) break;
      starts.push(start);
    }
    yearStarts.set(contract, starts);
  }
  let i = starts.length - 1;
  while (starts[i]! > day) i -= 1;
  const next = starts[i + 1];
  return [starts[i]!, next === undefined ? contract.endDay : Math.min(next - 1, contract.endDay)];
}

/** Each client's sessions the allowance counts, by day and presenting issue, across all their cases. */
type Counted = Map<DemoClient, Array<{ day: number; issue: PresentingIssue }>>;

/**
 * Place one case's course: the intake (again after a no-show or cancellation), then
 * counselling at the case's cadence on the client's usual weekday and time, and for some
 * a follow-up a month after the last; a consultation with the manager for some formal
 * referrals. It ends when the course is done, the case closes, the allowance is used up
 * under a "deny" contract, or no slot is free in three weeks; an open case has its next
 * one or two sessions booked after the as-of date.
 */
function placeCase(ctx: ScheduleContext, kase: DemoCase, counted: Counted, out: DemoSession[]): void {
  const { random, grid, horizonMs } = ctx;
  const course = kase.course!;
  const counsellor = kase.counsellor;
  const agency = kase.client.agency;
  const issue = kase.presentingIssues[0]!;
  const latestMs = kase.closedDay === null ? Infinity : course.closesMs;
  const usual = random.int(0, 7);
  let modality = random.weighted(MODALITY);
  const link = videoLink(random);
  const maxAhead = random.chance(0.25) ? 2 : 1;
  const ownCounted = counted.get(kase.client) ?? [];
  counted.set(kase.client, ownCounted);

  let fromDay = course.booked.day + course.intakeAfterDays;
  let earliestMs = course.booked.ms + 30 * MINUTE_MS;
  let bookedMs = course.booked.ms;
  let booked = 0;
  let ahead = 0;
  let intakeDone = false;
  let consulted = !(course.referralType === 'formal_management' && random.chance(0.35));
  while (booked < course.target) {
    const last = booked === course.target - 1;
    const followUp = intakeDone && last && course.followUp;
    const sessionType: SessionType = !intakeDone ? 'intake_assessment' : followUp ? 'follow_up' : 'counselling';
    const minutes = sessionType === 'intake_assessment' ? 60 : sessionType === 'follow_up' ? random.pick([30, 45, 50]) : random.pick([50, 50, 60]);
    if (random.chance(0.05)) modality = random.weighted(MODALITY);
    const placed = grid.find(counsellor, fromDay, SEARCH_DAYS, earliestMs, latestMs, minutes, usual, modality === 'in_person');
    if (!placed) break;
    if (placed.startMs >= horizonMs && ++ahead > maxAhead) break;
    let allowanceReason = '';
    const year = course.contract ? contractYear(course.contract, placed.day) : null;
    if (year && course.contract) {
      const used = ownCounted.filter((c) => c.issue === issue && c.day >= year[0] && c.day <= year[1]).length;
      if (used >= course.contract.sessionAllowance) {
        if (course.contract.allowancePolicy === 'deny') break;
        allowanceReason = random.pick(ALLOWANCE_REASONS);
      }
    }
    const held = placed.room ? 'in_person' : modality === 'in_person' ? 'video' : modality;
    const s = newSession({
      case: kase,
      agency,
      counsellor,
      room: placed.room,
      startMs: placed.startMs,
      endMs: placed.endMs,
      sessionType,
      modality: held,
      videoLink: held === 'video' ? link : '',
      presentingIssue: issue,
      status: 'scheduled',
      allowanceReason,
      createdMs: bookedMs,
      createdBy: counsellor,
    });
    // A client who stops coming misses the last one; one who declines further help calls it off late.
    const forced = !last || kase.closedDay === null ? null : course.closure === 'no_contact' ? 'did_not_attend' : course.closure === 'declined' ? 'late_cancellation' : null;
    settle(ctx, s, forced, REASONS);
    maybeMoved(ctx, s, placed, 0.05);
    grid.take(counsellor, placed.room, placed.day, placed.minute, placed.minute + minutes);
    out.push(s);
    if (countsTowardAllowance(s.sessionType, s.status)) {
      booked += 1;
      ownCounted.push({ day: placed.day, issue });
    }
    if (s.status === 'attended' && sessionType === 'intake_assessment') intakeDone = true;
    // The next one is booked at the end of this one, or when it was called off.
    bookedMs = s.statusChangedMs ?? bookedMs;
    earliestMs = bookedMs + 60 * MINUTE_MS;
    const rebook = s.status === 'cancelled_by_client' || s.status === 'cancelled_by_clinic';
    const nextIsFollowUp = intakeDone && course.followUp && booked === course.target - 1;
    fromDay = rebook ? placed.day + random.int(1, 5) : placed.day + (nextIsFollowUp ? FOLLOW_UP_DAYS : course.cadenceDays);
    if (!consulted && intakeDone) {
      consulted = true;
      placeConsultation(ctx, kase, placed.day, latestMs, bookedMs, out);
    }
  }
}

/** A consultation with the client's manager (formal referrals), by phone or video, some days after the intake. */
function placeConsultation(ctx: ScheduleContext, kase: DemoCase, afterDay: number, latestMs: number, bookedMs: number, out: DemoSession[]): void {
  const { random, grid } = ctx;
  const minutes = random.pick([30, 45]);
  const placed = grid.find(kase.counsellor, addWorkingDays(afterDay, random.int(1, 4)), 10, bookedMs + 60 * MINUTE_MS, latestMs, minutes, random.int(0, 7), false);
  if (!placed || placed.startMs >= ctx.horizonMs) return;
  const modality: Modality = random.chance(0.6) ? 'phone' : 'video';
  const s = newSession({
    case: kase,
    agency: kase.client.agency,
    counsellor: kase.counsellor,
    room: null,
    startMs: placed.startMs,
    endMs: placed.endMs,
    sessionType: 'manager_consultation',
    modality,
    videoLink: modality === 'video' ? videoLink(random) : '',
    presentingIssue: null,
    status: 'scheduled',
    createdMs: bookedMs,
    createdBy: kase.counsellor,
  });
  settle(ctx, s, null, REASONS, [
    ['attended', 90],
    ['cancelled_by_client', 10],
  ]);
  grid.take(kase.counsellor, null, placed.day, placed.minute, placed.minute + minutes);
  out.push(s);
}

// ---------------------------------------------------------------------------------------
// Agencies' group sessions

interface GroupRequest {
  agency: DemoAgency;
  /** The earliest day, and the last day it may move to. */
  day: number;
  lastDay: number;
  minutes: number;
  /** A room of this kind, or none (by video). */
  roomKind: 'group' | 'hall' | null;
  notBeforeMs: number;
  /** The facilitator when it must be this counsellor. */
  counsellor?: DemoCounsellor | null;
}

/** A counsellor free for a whole group session at the start of one of their blocks that day, with the room when one is wanted. */
function findGroupSlot(ctx: ScheduleContext, request: GroupRequest, weeks: number): { counsellor: DemoCounsellor; placed: Placed[] } | null {
  const { random, grid, days } = ctx;
  const rooms = request.roomKind ? grid.rooms.filter((r) => r.active && r.kind === request.roomKind) : [];
  for (let day = request.day; day <= request.lastDay; day++) {
    const tries = request.counsellor ? [request.counsellor] : random.sample(ctx.counsellors, Math.min(6, ctx.counsellors.length));
    for (const counsellor of tries) {
      for (const [blockStart, blockEnd] of grid.blocksOf(counsellor, day)) {
        if (blockEnd - blockStart < request.minutes) continue;
        const placed: Placed[] = [];
        for (let w = 0; w < weeks; w++) {
          const d = day + 7 * w;
          if (!grid.works(counsellor, d) || !grid.counsellorFree(counsellor, d, blockStart, blockStart + request.minutes)) break;
          const room = rooms.find((r) => grid.roomFree(r, d, blockStart, blockStart + request.minutes)) ?? null;
          if (request.roomKind && !room) break;
          const startMs = days.wallClock(d, blockStart);
          if (startMs <= request.notBeforeMs) break;
          placed.push({ day: d, minute: blockStart, startMs, endMs: startMs + request.minutes * MINUTE_MS, room });
        }
        if (placed.length === weeks) return { counsellor, placed };
      }
    }
  }
  return null;
}

/** Whether a kind of workshop is there yet: the first chance to make one is taken, so that even a small vault shows each. */
interface Shown {
  series: boolean;
  named: boolean;
}

/**
 * Workshops for agencies under contract, a few a year each (more for larger agencies), in
 * the hall or group room or by video, some as a weekly series of three or four; most with
 * an anonymous head count afterwards, a few with the agency's clients named as attendees.
 */
function planWorkshops(ctx: ScheduleContext, agencies: readonly DemoAgency[], firstDay: number, out: DemoSession[]): void {
  const { random, days, horizonMs } = ctx;
  const shown: Shown = { series: false, named: false };
  for (const agency of agencies) {
    for (const contract of agency.contracts) {
      const from = Math.max(contract.startDay, firstDay);
      const to = Math.min(contract.endDay, ctx.asOfDay + 45, agency.active ? Infinity : agency.referralToDay);
      if (to <= from) continue;
      const perYear = Math.min(8, Math.max(1, Math.round(contract.coveredHeadcount / 500)));
      const count = Math.round(((to - from) / 365) * perYear + random.next() * 0.8);
      for (let i = 0; i < count; i++) {
        const day = workingDayFrom(random.int(from, to));
        const created = days.at(workingDayFrom(day - random.int(14, 45)), random.int(8 * 60, 16 * 60), random.int(0, 59_999));
        if (created.ms >= horizonMs || created.ms <= contract.createdMs) continue;
        const byVideo = random.chance(0.3);
        const capacity = byVideo ? random.pick([20, 30, 50, 100]) : random.int(8, 30);
        const weeks = !shown.series || random.chance(0.2) ? random.int(3, 4) : 1;
        const request: GroupRequest = {
          agency,
          day,
          lastDay: Math.min(day + 10, to),
          minutes: random.pick([120, 150, 180]),
          roomKind: byVideo ? null : capacity > 12 ? 'hall' : 'group',
          notBeforeMs: created.ms,
        };
        const found = findGroupSlot(ctx, request, weeks);
        if (!found) continue;
        if (weeks > 1) shown.series = true;
        const topic = random.weighted(TOPICS);
        const link = byVideo ? videoLink(random) : '';
        const seriesId = weeks > 1 ? uuid(random) : null;
        for (const placed of found.placed) {
          const s = newSession({
            case: null,
            agency,
            counsellor: found.counsellor,
            room: placed.room,
            startMs: placed.startMs,
            endMs: placed.endMs,
            sessionType: 'group_workshop',
            modality: byVideo ? 'video' : 'in_person',
            videoLink: link,
            presentingIssue: null,
            status: 'scheduled',
            topic,
            capacity,
            seriesId,
            createdMs: created.ms,
            createdBy: 'admin',
          });
          settle(ctx, s, null, WORKSHOP_CANCEL_REASONS, [
            ['attended', 90],
            ['cancelled_by_client', 5],
            ['cancelled_by_clinic', 5],
          ]);
          if (s.status === 'attended') recordAttendance(ctx, s, shown);
          ctx.grid.take(found.counsellor, placed.room, placed.day, placed.minute, placed.minute + request.minutes);
          out.push(s);
        }
      }
    }
  }
}

/** Attendance of a workshop that took place: an anonymous head count, or (a few) the agency's clients by name. */
function recordAttendance(ctx: ScheduleContext, s: DemoSession, shown: Shown): void {
  const { random } = ctx;
  const capacity = s.capacity!;
  const clients = ctx.clientsOf.get(s.agency) ?? [];
  // Clients registered before the workshop: a prefix of the list (ordered by registration).
  let known = 0;
  while (known < clients.length && clients[known]!.createdMs < s.startMs) known += 1;
  if (known >= 3 && (!shown.named || random.chance(0.15))) {
    s.attendees = random.sample(clients.slice(0, known), random.int(3, Math.min(12, capacity, known)));
    shown.named = true;
  } else if (random.chance(0.9)) {
    s.headCount = random.int(Math.ceil(capacity / 2), capacity);
  }
}

/**
 * A team debrief at the clinic or by video a day or three after a critical incident was
 * referred (for some of the urgent ones), with the referral's counsellor when it has one.
 */
function planDebriefs(ctx: ScheduleContext, referrals: readonly DemoReferral[], out: DemoSession[]): void {
  const { random, horizonMs } = ctx;
  for (const r of referrals) {
    if (r.referralType !== 'critical_incident' || r.urgency === 'routine' || !random.chance(0.35)) continue;
    const agency = r.agency;
    const day = addWorkingDays(r.receivedDay, random.int(1, 3));
    if (!agency.active && day > agency.referralToDay) continue;
    const byVideo = random.chance(0.3);
    const request: GroupRequest = {
      agency,
      day,
      lastDay: addWorkingDays(day, 3),
      minutes: random.pick([90, 120]),
      roomKind: byVideo ? null : random.chance(0.7) ? 'group' : 'hall',
      notBeforeMs: r.createdMs + 60 * MINUTE_MS,
      counsellor: r.counsellor,
    };
    const found = findGroupSlot(ctx, request, 1);
    if (!found) continue;
    const placed = found.placed[0]!;
    const createdMs = between(random, r.createdMs, Math.min(placed.startMs, horizonMs));
    if (createdMs === null) continue;
    const s = newSession({
      case: null,
      agency,
      counsellor: found.counsellor,
      room: placed.room,
      startMs: placed.startMs,
      endMs: placed.endMs,
      sessionType: 'critical_incident_debrief',
      modality: byVideo ? 'video' : 'in_person',
      videoLink: byVideo ? videoLink(random) : '',
      presentingIssue: null,
      status: 'scheduled',
      createdMs,
      createdBy: 'admin',
    });
    settle(ctx, s, null, WORKSHOP_CANCEL_REASONS, [
      ['attended', 95],
      ['cancelled_by_client', 5],
    ]);
    ctx.grid.take(found.counsellor, placed.room, placed.day, placed.minute, placed.minute + request.minutes);
    out.push(s);
  }
}

// ---------------------------------------------------------------------------------------

/**
 * Every session of the demo: group sessions first (booked weeks ahead), then each case's
 * course in the order the first sessions were booked. Then each case's sessions_used, and
 * each referral's clock and last change.
 */
export function planSessions(ctx: ScheduleContext, input: { agencies: readonly DemoAgency[]; referrals: readonly DemoReferral[]; firstDay: number }): DemoSession[] {
  const sessions: DemoSession[] = [];
  planWorkshops(ctx, input.agencies, input.firstDay, sessions);
  planDebriefs(ctx, input.referrals, sessions);
  const withCourse = input.referrals.filter((r) => r.case?.course);
  withCourse.sort((a, b) => a.case!.course!.booked.ms - b.case!.course!.booked.ms);
  const counted: Counted = new Map();
  const ofCase = new Map<DemoCase, DemoSession[]>();
  for (const r of withCourse) {
    const own: DemoSession[] = [];
    placeCase(ctx, r.case!, counted, own);
    ofCase.set(r.case!, own);
    for (const s of own) sessions.push(s);
  }
  for (const r of withCourse) settleCase(r, ofCase.get(r.case!)!);
  return sessions;
}

/** What the booking service would have kept: the allowance count and last change of the case, and the referral's clock. */
function settleCase(referral: DemoReferral, sessions: readonly DemoSession[]): void {
  const kase = referral.case!;
  kase.sessionsUsed = 0;
  for (const s of sessions) {
    if (!ALLOWANCE_TYPES.includes(s.sessionType)) continue;
    if (countsTowardAllowance(s.sessionType, s.status)) kase.sessionsUsed += 1;
    // Booking one, and calling one off (it no longer counts), changed sessions_used and so the case.
    kase.updatedMs = Math.max(kase.updatedMs, s.createdMs);
    if (s.status === 'cancelled_by_client' || s.status === 'cancelled_by_clinic') kase.updatedMs = Math.max(kase.updatedMs, s.statusChangedMs!);
  }
  const firstAttended = sessions.filter((s) => s.status === 'attended' && ALLOWANCE_TYPES.includes(s.sessionType)).sort((a, b) => a.startMs - b.startMs)[0];
  if (firstAttended) {
    referral.clockStoppedMs = firstAttended.startMs;
    referral.updatedMs = Math.max(referral.updatedMs, firstAttended.statusChangedMs!);
  }
}
