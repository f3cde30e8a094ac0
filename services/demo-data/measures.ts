import type { Sector } from '../../shared/domain/agencies';
import { PLAN_SESSION_TYPES, type MeasurementMode, type MeasurementPlan } from '../../shared/domain/measurement-plan';
import type { InstrumentDefinition } from '../../shared/measures/instrument-schema';
import { DEPRESSION_MEASURE } from '../../shared/measures/outcomes';
import { answerModel, answersFor, answersForSeverity, leaveOneUnanswered } from './answers';
import { addMonths, dateOf, DAY_MS, MINUTE_MS, type ClinicDays } from './calendar';
import type { NoteLanguage } from './note-text';
import { REVIEW_DAYS, RISK_LEVELS } from './notes';
import type { DemoAdministration, DemoCase, DemoClient, DemoMeasureAlert, DemoNote, DemoNoteKind, DemoPlan, DemoRiskFlag, DemoSession } from './plan';
import { Random } from './random';

/**
 * The demo clinic's outcome measures (issue 12). The clinic began giving questionnaires
 * when it began keeping its notes in Tenang: every case whose first session falls in
 * that period has its plan's instruments (the clinic's default: PHQ-9, GAD-7 and WHO-5)
 * at the intake, at every second session attended and, when it closed at the end of its
 * course, at its last session; cases already under way then have an empty plan of their
 * own, so nothing shows as overdue for them. Some agencies add their own instrument at
 * intake and closure: emergency services the K10, schools the PSS-10, hospitals the CBI.
 *
 * Each course follows a severity trajectory drawn for it: about half improve reliably, a
 * third stay flat, one in ten deteriorate (and a few improve a little, not reliably), so
 * the first and last PHQ-9 totals show exactly that change. Now and then an item is left
 * unanswered where prorating keeps the total; a few questionnaires are skipped. About one
 * client in twenty answers PHQ-9 item 9 above 0; each such answer raises its alert, which
 * the counsellor follows up after the session by raising a self-harm risk flag or with a
 * signed note on the decision not to (a recent one may still be waiting). Planned from
 * its own seeded Random, after the notes, so every other record is the same as before.
 */
export interface MeasuresContext {
  seed: number;
  days: ClinicDays;
  horizonMs: number;
  asOfDay: number;
  /** How many months before the as-of date the clinic began (the notes' period). */
  months: number;
  /** The clinic's default plan, and the instruments it has switched on. */
  defaultPlan: MeasurementPlan;
  instruments: ReadonlyMap<string, InstrumentDefinition>;
}

export interface PlannedMeasures {
  administrations: DemoAdministration[];
  /** Follow-up notes and risk flags, to be written with the others. */
  notes: DemoNote[];
  riskFlags: DemoRiskFlag[];
}

/** The plan of a case that was under way before the clinic began measuring. */
export const NO_MEASURES_PLAN: MeasurementPlan = Object.freeze({ instruments: [], atIntake: false, everySessions: null, atClosure: false }) as MeasurementPlan;

/** An agency's own instrument, given at intake and closure as well as the plan's. */
export const AGENCY_INSTRUMENT: Readonly<Partial<Record<Sector, string>>> = { emergency_services: 'k10', education: 'pss10', health: 'cbi' };

export type CourseKind = 'improving' | 'flat' | 'deteriorating' | 'slight';
const COURSE_KINDS: ReadonlyArray<readonly [CourseKind, number]> = [
  ['improving', 50],
  ['flat', 33],
  ['deteriorating', 10],
  ['slight', 7],
];
export const ITEM9_CLIENT_SHARE = 0.05;
/** The PHQ-9's item 9 alert (its id in phq9.json). */
export const ITEM9_ALERT = 'phq9_item9';
/** PHQ-9 totals without item 9 stay within items 1–8. */
const PHQ_MAX_WITHOUT_ITEM9 = 24;
const ITEM9_ANSWERS: ReadonlyArray<readonly [number, number]> = [
  [1, 70],
  [2, 22],
  [3, 8],
];
const HOUR_MS = 60 * MINUTE_MS;

interface Point {
  session: DemoSession;
  /** 1 for the intake. */
  number: number;
  reason: 'intake' | 'session' | 'closure';
  /** How far through the course, 0 to 1. */
  progress: number;
}

interface Course {
  kase: DemoCase;
  points: Point[];
  kind: CourseKind;
  /** PHQ-9 totals at the first and last point of the whole course. */
  start: number;
  end: number;
  agencyInstrument: string | null;
  item9: boolean;
}

export function planMeasures(plan: Pick<DemoPlan, 'cases' | 'sessions' | 'referrals' | 'notes' | 'riskFlags'>, ctx: MeasuresContext): PlannedMeasures {
  const random = new Random((ctx.seed ^ 0x6d656173) >>> 0);
  const fromMs = ctx.days.startOf(addMonths(ctx.asOfDay, -ctx.months));
  const models = new Map([...ctx.instruments.values()].map((instrument) => [instrument.id, answerModel(instrument)]));
  const planInstruments = ctx.defaultPlan.instruments.filter((id) => models.has(id));

  const closedMs = new Map<DemoCase, number>();
  for (const r of plan.referrals) {
    const last = r.steps[r.steps.length - 1]!;
    if (r.case && r.case.closedDay !== null && last.to === 'closed') closedMs.set(r.case, last.at.ms);
  }
  const planSessions = new Map<DemoCase, DemoSession[]>();
  for (const s of plan.sessions) {
    if (!s.case || !(PLAN_SESSION_TYPES as readonly string[]).includes(s.sessionType) || (s.status !== 'attended' && s.status !== 'scheduled')) continue;
    const own = planSessions.get(s.case);
    if (own) own.push(s);
    else planSessions.set(s.case, [s]);
  }

  const courses: Course[] = [];
  for (const kase of plan.cases) {
    const own = (planSessions.get(kase) ?? []).sort((a, b) => a.startMs - b.startMs);
    if (own.length === 0) continue;
    if (own[0]!.startMs < fromMs) {
      kase.measurementPlan = NO_MEASURES_PLAN;
      continue;
    }
    if (planInstruments.length === 0) continue;
    const held = own.filter((s) => s.status === 'attended' && s.startMs < ctx.horizonMs);
    if (held.length === 0) continue;
    const closure = kase.closureReason === 'completed' || (kase.closureReason === 'transferred' && random.chance(0.5));
    // Completed courses end where they were meant to; the others are measured against the course planned.
    const length = closure && kase.closureReason === 'completed' ? held.length : Math.max(held.length, kase.course?.target ?? held.length);
    const points: Point[] = [];
    for (const [i, session] of held.entries()) {
      const number = i + 1;
      const last = i === held.length - 1;
      const reason = number === 1 && ctx.defaultPlan.atIntake ? 'intake' : last && closure && ctx.defaultPlan.atClosure ? 'closure' : ctx.defaultPlan.everySessions !== null && number % ctx.defaultPlan.everySessions === 0 ? 'session' : null;
      // Now and then a session's questionnaires were forgotten (never the intake's or the closing ones).
      if (reason === null || (reason === 'session' && random.chance(0.05))) continue;
      points.push({ session, number, reason, progress: length <= 1 ? 0 : Math.min(1, (number - 1) / (length - 1)) });
    }
    if (points.length === 0) continue;
    const kind = random.weighted(COURSE_KINDS);
    const [start, end] = trajectory(random, kind);
    const extra = AGENCY_INSTRUMENT[kase.client.agency.sector] ?? null;
    courses.push({ kase, points, kind, start, end, agencyInstrument: extra && models.has(extra) ? extra : null, item9: false });
  }

  const flaggedClients = new Set(plan.riskFlags.map((f) => f.case.client));
  chooseItem9Courses(random, courses, flaggedClients, planInstruments.includes(DEPRESSION_MEASURE));
  const languageOf = new Map<DemoCase, NoteLanguage>();
  for (const note of plan.notes) if (!languageOf.has(note.case)) languageOf.set(note.case, note.language);

  const out: PlannedMeasures = { administrations: [], notes: [], riskFlags: [] };
  const followUps = new FollowUps(random, ctx, out, closedMs, languageOf, planSessions);
  for (const course of courses) {
    let flagRaised = false;
    for (const point of course.points) {
      const { session } = point;
      const mode: MeasurementMode = random.chance(0.25) ? 'client' : 'counsellor';
      const administeredAt = ctx.days.wallClockText(session.startMs);
      let recordedMs = session.startMs + (mode === 'client' ? random.int(2, 8) : random.int(10, 35)) * MINUTE_MS + random.int(0, 59_999);
      const ids = [...planInstruments, ...(course.agencyInstrument && point.reason !== 'session' ? [course.agencyInstrument] : [])];
      const phq = phqAt(random, course, point);
      const severity = phq / 27;
      for (const instrumentId of ids) {
        if (point.reason === 'session' && random.chance(0.02)) continue;
        const model = models.get(instrumentId)!;
        let item9: number | null = null;
        let answers: (number | null)[];
        if (instrumentId === DEPRESSION_MEASURE) {
          if (course.item9 && (point.number === 1 || (phq >= 10 && random.chance(0.4)))) item9 = random.weighted(ITEM9_ANSWERS);
          answers = answersFor(model, random, phq - (item9 ?? 0), item9);
        } else {
          answers = answersForSeverity(model, random, severity, 0.08);
        }
        if (random.chance(0.04)) leaveOneUnanswered(model, random, answers);
        const administration: DemoAdministration = {
          case: course.kase,
          session,
          instrumentId,
          instrumentVersion: model.instrument.version,
          administeredAt,
          mode,
          responses: JSON.stringify(answers),
          recordedMs,
          alert: null,
        };
        if (item9 !== null) {
          const alert = followUps.alertFor(administration, item9, !flagRaised);
          if (alert) {
            flagRaised ||= alert.followUp?.kind === 'risk_flag';
            administration.alert = alert;
          } else {
            // No time was left to follow it up before the case closed: item 9 answered 0 instead.
            administration.responses = JSON.stringify(answersFor(model, random, phq, null));
          }
        }
        out.administrations.push(administration);
        recordedMs += random.int(1, 4) * MINUTE_MS + random.int(0, 59_999);
      }
    }
  }
  followUps.leaveOneOpen();
  out.administrations.sort((a, b) => a.recordedMs - b.recordedMs);
  out.notes.sort((a, b) => a.createdMs - b.createdMs);
  out.riskFlags.sort((a, b) => a.raisedNote.createdMs - b.raisedNote.createdMs);
  return out;
}

/** The PHQ-9 totals a course of this kind starts and ends at. */
function trajectory(random: Random, kind: CourseKind): [number, number] {
  switch (kind) {
    case 'improving': {
      const start = random.int(11, 22);
      return [start, start - random.int(8, Math.min(start - 1, 15))];
    }
    case 'slight': {
      const start = random.int(8, 20);
      return [start, start - random.int(2, 4)];
    }
    case 'deteriorating': {
      const start = random.int(3, 14);
      return [start, start + random.int(8, 10)];
    }
    default: {
      const start = random.int(3, 18);
      return [start, Math.max(0, start + random.int(-2, 2))];
    }
  }
}

/** The PHQ-9 total at a point: exactly the course's start and end, on the way there a curve with some noise. */
function phqAt(random: Random, course: Course, point: Point): number {
  if (point.progress === 0) return course.start;
  if (point.progress === 1) return course.end;
  // Most of the gain comes early; a deterioration creeps.
  const shape = course.kind === 'deteriorating' ? point.progress : 1 - (1 - point.progress) ** 2;
  const total = Math.round(course.start + (course.end - course.start) * shape) + random.int(-2, 2);
  return Math.min(PHQ_MAX_WITHOUT_ITEM9, Math.max(0, total));
}

/**
 * About one client in twenty among those measured, at their first measured case, starting
 * in the clinical range (PHQ-9 10 or more); never a client the notes already flag (one
 * flag per client, as the notes' own risk flags keep it).
 */
function chooseItem9Courses(random: Random, courses: Course[], flagged: ReadonlySet<DemoClient>, phqGiven: boolean): void {
  if (!phqGiven) return;
  const clients = new Set(courses.map((c) => c.kase.client));
  const wanted = Math.max(1, Math.round(clients.size * ITEM9_CLIENT_SHARE));
  const seen = new Set<DemoClient>();
  const candidates: Course[] = [];
  for (const course of courses) {
    if (seen.has(course.kase.client)) continue;
    seen.add(course.kase.client);
    if (course.start >= 10 && !flagged.has(course.kase.client) && course.points[0]!.number === 1) candidates.push(course);
  }
  for (let i = 0; i < Math.min(wanted, candidates.length); i++) {
    const j = i + Math.floor(random.next() * (candidates.length - i));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    candidates[i]!.item9 = true;
  }
}

/**
 * Item 9 alerts and their follow-ups, recorded after the session by the case's counsellor:
 * the first on a case raises a self-harm flag about half the time (the first case so, the
 * second with a note, so even a small vault shows both), the others a signed note. The
 * flag is cleared as the notes' flags are: when the case closes, or for some later on.
 */
class FollowUps {
  private cases = 0;
  private readonly alerts: Array<{ administration: DemoAdministration; alert: DemoMeasureAlert }> = [];

  constructor(
    private readonly random: Random,
    private readonly ctx: MeasuresContext,
    private readonly out: PlannedMeasures,
    private readonly closedMs: ReadonlyMap<DemoCase, number>,
    private readonly languageOf: ReadonlyMap<DemoCase, NoteLanguage>,
    private readonly sessionsOf: ReadonlyMap<DemoCase, DemoSession[]>,
  ) {}

  /** The alert of an administration, followed up unless that falls on or after the as-of date; null when the case closed too soon after. */
  alertFor(administration: DemoAdministration, item9: number, mayRaiseFlag: boolean): DemoMeasureAlert | null {
    const { random, ctx } = this;
    const kase = administration.case;
    const closeMs = this.closedMs.get(kase) ?? null;
    let atMs = Math.max(administration.session.endMs + random.int(5, 45) * MINUTE_MS + random.int(0, 59_999), administration.recordedMs + MINUTE_MS);
    if (closeMs !== null && atMs >= closeMs - MINUTE_MS) {
      const room = closeMs - MINUTE_MS - (administration.recordedMs + MINUTE_MS);
      if (room < 2) return null;
      atMs = administration.recordedMs + MINUTE_MS + Math.floor(random.next() * room);
    }
    const alert: DemoMeasureAlert = { raisedMs: administration.recordedMs, followUp: null };
    this.alerts.push({ administration, alert });
    if (atMs >= ctx.horizonMs) return alert;
    const first = mayRaiseFlag && !this.alerts.slice(0, -1).some((a) => a.administration.case === kase);
    if (first) this.cases += 1;
    const raise = first && (this.cases === 1 ? true : this.cases === 2 ? false : random.chance(0.5));
    if (raise) {
      const flag = this.raiseFlag(kase, atMs, item9, closeMs);
      alert.followUp = { kind: 'risk_flag', flag, atMs };
    } else {
      const note = this.note(kase, 'alert_no_flag', atMs);
      note.item9Answer = item9;
      alert.followUp = { kind: 'note', note, atMs };
    }
    return alert;
  }

  /** A self-harm flag raised with its signed note, and perhaps cleared (as planRiskFlags clears the notes' flags). */
  private raiseFlag(kase: DemoCase, raisedMs: number, item9: number, closeMs: number | null): DemoRiskFlag {
    const { random, ctx } = this;
    const level = random.weighted(RISK_LEVELS);
    const raisedDay = ctx.days.today(raisedMs);
    const [shortest, longest] = REVIEW_DAYS[level];
    const raisedNote = this.note(kase, 'risk_raised', raisedMs);
    raisedNote.item9Answer = item9;
    const flag: DemoRiskFlag = {
      case: kase,
      kind: 'suicide_self_harm',
      level,
      raisedDate: dateOf(raisedDay),
      reviewDate: dateOf(raisedDay + random.int(shortest, longest)),
      raisedNote,
      cleared: null,
    };
    raisedNote.flag = flag;
    let clearedMs: number | null = null;
    if (closeMs !== null) clearedMs = between(random, Math.max(raisedMs, closeMs - 3 * HOUR_MS), closeMs - MINUTE_MS);
    else if (random.chance(0.4)) {
      const later = (this.sessionsOf.get(kase) ?? []).find((s) => s.status === 'attended' && s.startMs > raisedMs + 7 * DAY_MS);
      if (later) clearedMs = later.endMs + random.int(5, 45) * MINUTE_MS + random.int(0, 59_999);
    }
    if (clearedMs !== null && clearedMs < ctx.horizonMs) {
      const note = this.note(kase, 'risk_cleared', clearedMs);
      note.flag = flag;
      flag.cleared = { note };
    }
    this.out.riskFlags.push(flag);
    return flag;
  }

  /** A free-text note written and signed at once, on the case as a whole. */
  private note(kase: DemoCase, kind: DemoNoteKind, createdMs: number): DemoNote {
    const { random } = this;
    const language = this.languageOf.get(kase) ?? (kase.client.preferredLanguage === 'id' ? 'id' : 'en');
    const note: DemoNote = {
      case: kase,
      session: null,
      kind,
      template: 'free_text',
      language,
      sessionNumber: 0,
      createdMs,
      signedMs: createdMs,
      updatedMs: createdMs,
      typedSections: 1,
      textSeed: Math.floor(random.next() * 4294967296),
      flag: null,
      addendum: null,
      item9Answer: null,
    };
    this.out.notes.push(note);
    return note;
  }

  /**
   * Even a small vault shows an alert waiting for its follow-up, at the top of the
   * counsellor's Home: when none is open, the latest answered in the last two weeks on a
   * case still open, followed up by a note, is left waiting (the note not yet written).
   */
  leaveOneOpen(): void {
    if (this.alerts.some(({ alert }) => alert.followUp === null)) return;
    const recent = this.alerts
      .filter(({ administration, alert }) => alert.followUp?.kind === 'note' && !this.closedMs.has(administration.case) && administration.recordedMs >= this.ctx.horizonMs - 14 * DAY_MS)
      .sort((a, b) => b.administration.recordedMs - a.administration.recordedMs)[0];
    if (!recent || recent.alert.followUp?.kind !== 'note') return;
    const note = recent.alert.followUp.note;
    this.out.notes.splice(this.out.notes.indexOf(note), 1);
    recent.alert.followUp = null;
  }
}

/** A moment strictly between two others (to the millisecond), or null when there is none. */
function between(random: Random, from: number, to: number): number | null {
  return to - from < 2 ? null : from + 1 + Math.floor(random.next() * (to - from - 1));
}
