import { TEMPLATE_SECTIONS, type NoteTemplate, type RiskKind, type RiskLevel } from '../../shared/domain/notes';
import { ALLOWANCE_TYPES } from '../../shared/domain/sessions';
import { addMonths, DAY_MS, dateOf, MINUTE_MS, workingDayFrom, type ClinicDays } from './calendar';
import type { NoteLanguage } from './note-text';
import type { DemoCase, DemoCounsellor, DemoNote, DemoNoteKind, DemoPlan, DemoRiskFlag, DemoSession } from './plan';
import { Random } from './random';

/**
 * The demo clinic's case notes, from the day it began keeping them in Tenang (some months
 * before the as-of date) on: for each case, the intake assessment written after the
 * intake session, a note after every session attended (in the counsellor's favourite
 * template, mostly SOAP, DAP or BIRP), a short one after some no-shows, one after a
 * consultation with the client's manager, now and then a phone call or a supervisor
 * consultation about the case, and the closing summary when it closes. Notes are started
 * just after the session and mostly signed within the hour; recent ones are often still
 * drafts ("notes to sign"). A few signed notes have an addendum. About one client in
 * fifty with a case has a risk flag, raised after a session with a signed note saying
 * why, and cleared (with another) later or when the case closes; the review of some of
 * those still active is due. Planned from its own seeded Random, so the other records
 * are the same with or without notes.
 */
export interface NotesContext {
  seed: number;
  days: ClinicDays;
  /** The start of the as-of day: every note is written before it. */
  horizonMs: number;
  asOfDay: number;
  /** How many months before the as-of date the notes begin. */
  months: number;
}

const SESSION_TEMPLATES: ReadonlyArray<readonly [NoteTemplate, number]> = [
  ['soap', 40],
  ['dap', 25],
  ['birp', 25],
  ['free_text', 10],
];
const RISK_KINDS: ReadonlyArray<readonly [RiskKind, number]> = [
  ['suicide_self_harm', 55],
  ['safeguarding', 30],
  ['risk_to_others', 15],
];
export const RISK_LEVELS: ReadonlyArray<readonly [RiskLevel, number]> = [
  ['low', 45],
  ['medium', 40],
  ['high', 15],
];
/** Days from raising a flag to its review: sooner the higher the level. */
export const REVIEW_DAYS: Readonly<Record<RiskLevel, readonly [number, number]>> = { high: [7, 14], medium: [14, 28], low: [28, 56] };
const ADDENDUM_SHARE = 0.02;
const FLAGGED_CLIENT_SHARE = 0.02;
const HOUR_MS = 60 * MINUTE_MS;

export function planNotes(plan: Pick<DemoPlan, 'cases' | 'sessions' | 'referrals' | 'counsellors'>, ctx: NotesContext): { notes: DemoNote[]; riskFlags: DemoRiskFlag[] } {
  const random = new Random((ctx.seed ^ 0x6e6f7465) >>> 0);
  const { horizonMs } = ctx;
  const fromMs = ctx.days.startOf(addMonths(ctx.asOfDay, -ctx.months));
  const favourite = plan.counsellors.map(() => random.weighted(SESSION_TEMPLATES));
  const templateOf = (c: DemoCounsellor): NoteTemplate => (random.chance(0.85) ? favourite[c.index]! : random.weighted(SESSION_TEMPLATES));
  const seedOf = () => Math.floor(random.next() * 4294967296);

  const closedMs = new Map<DemoCase, number>();
  for (const r of plan.referrals) {
    const last = r.steps[r.steps.length - 1]!;
    if (r.case && r.case.closedDay !== null && last.to === 'closed') closedMs.set(r.case, last.at.ms);
  }
  const sessionsOf = new Map<DemoCase, DemoSession[]>();
  for (const s of plan.sessions) {
    if (!s.case) continue;
    const own = sessionsOf.get(s.case);
    if (own) own.push(s);
    else sessionsOf.set(s.case, [s]);
  }

  const notes: DemoNote[] = [];
  const newNote = (kase: DemoCase, language: NoteLanguage, fields: Pick<DemoNote, 'kind' | 'template' | 'session' | 'sessionNumber' | 'createdMs'>): DemoNote => {
    const note: DemoNote = { case: kase, language, ...fields, signedMs: null, updatedMs: fields.createdMs, typedSections: TEMPLATE_SECTIONS[fields.template].length, textSeed: seedOf(), flag: null, addendum: null, item9Answer: null };
    notes.push(note);
    return note;
  };
  /** Signed soon after it was started, or (more often the more recent it is) still a draft. */
  const settle = (note: DemoNote): void => {
    const ageDays = (horizonMs - note.createdMs) / DAY_MS;
    const draftChance = ageDays < 7 ? 0.4 : ageDays < 14 ? 0.2 : ageDays < 28 ? 0.08 : 0.002;
    const delay = random.weighted([
      [random.int(5, 45) * MINUTE_MS, 60],
      [random.int(1, 8) * HOUR_MS, 30],
      [random.int(1, 4) * DAY_MS, 10],
    ] as const);
    const signedMs = note.createdMs + delay + random.int(0, 59_999);
    if (random.chance(draftChance) || signedMs >= horizonMs) {
      note.updatedMs = Math.min(note.createdMs + random.int(1, 30) * MINUTE_MS + random.int(0, 59_999), horizonMs - 1000);
      note.typedSections = random.int(1, TEMPLATE_SECTIONS[note.template].length);
    } else {
      note.signedMs = signedMs;
      note.updatedMs = signedMs;
    }
  };
  /** A note written and signed at once (a risk flag's reason). */
  const signedAt = (note: DemoNote): DemoNote => {
    note.signedMs = note.createdMs;
    return note;
  };

  /** For risk flags: each case's session notes, in order. */
  const sessionNotes = new Map<DemoCase, DemoNote[]>();
  for (const kase of plan.cases) {
    const language: NoteLanguage = kase.client.preferredLanguage === 'other' ? (random.chance(0.6) ? 'en' : 'id') : kase.client.preferredLanguage;
    const own = (sessionsOf.get(kase) ?? []).sort((a, b) => a.startMs - b.startMs);
    const closeMs = closedMs.get(kase) ?? null;
    const ofCase: DemoNote[] = [];
    let number = 0;
    let firstAttendedEndMs: number | null = null;
    let lastEndMs = kase.createdMs;
    for (const s of own) {
      if (s.startMs >= horizonMs) break;
      const attended = s.status === 'attended';
      const counts = ALLOWANCE_TYPES.includes(s.sessionType);
      if (attended && counts) number += 1;
      if (attended) {
        firstAttendedEndMs ??= s.endMs;
        lastEndMs = s.endMs;
      }
      if (s.startMs < fromMs) continue;
      let kind: DemoNoteKind | null = null;
      if (attended) kind = s.sessionType === 'intake_assessment' ? 'intake' : s.sessionType === 'manager_consultation' ? 'manager_consultation' : 'session';
      else if (s.status === 'did_not_attend' && counts && random.chance(0.5)) kind = 'did_not_attend';
      if (!kind) continue;
      const template: NoteTemplate = kind === 'intake' ? 'intake_assessment' : kind === 'session' ? templateOf(kase.counsellor) : 'free_text';
      const createdMs = Math.min(s.endMs + random.int(2, 40) * MINUTE_MS + random.int(0, 59_999), horizonMs - 2 * MINUTE_MS);
      const note = newNote(kase, language, { kind, template, session: s, sessionNumber: number, createdMs });
      settle(note);
      if (kind === 'intake' || kind === 'session') ofCase.push(note);
    }
    sessionNotes.set(kase, ofCase);

    // Notes on the case as a whole, while it was open, after the intake.
    const periodFrom = Math.max(firstAttendedEndMs ?? Infinity, fromMs);
    const periodTo = Math.min(closeMs ?? horizonMs, horizonMs);
    for (const [kind, chance] of [
      ['phone_contact', 0.3],
      ['supervision', 0.12],
    ] as const) {
      if (periodTo - periodFrom < DAY_MS || !random.chance(chance)) continue;
      const day = workingDayFrom(Math.floor((periodFrom + random.next() * (periodTo - periodFrom)) / DAY_MS));
      const createdMs = ctx.days.at(day, random.int(8 * 60 + 30, 16 * 60 + 30), random.int(0, 59_999)).ms;
      if (createdMs <= periodFrom || createdMs >= periodTo - HOUR_MS) continue;
      settle(newNote(kase, language, { kind, template: 'free_text', session: null, sessionNumber: number, createdMs }));
    }
    if (closeMs !== null && closeMs >= fromMs) {
      const createdMs = between(random, Math.max(closeMs - 90 * MINUTE_MS, lastEndMs), closeMs - MINUTE_MS) ?? closeMs - 2 * MINUTE_MS;
      const note = newNote(kase, language, { kind: 'closing', template: 'closing_summary', session: null, sessionNumber: number, createdMs });
      note.signedMs = note.updatedMs = between(random, createdMs, closeMs) ?? createdMs;
    }
  }

  const riskFlags = planRiskFlags(plan.cases, sessionNotes, closedMs, { random, ctx, newNote, signedAt });
  for (const note of notes) {
    if (note.signedMs === null || !random.chance(ADDENDUM_SHARE)) continue;
    const signedMs = note.signedMs + random.int(60, 14 * 24 * 60) * MINUTE_MS + random.int(0, 59_999);
    if (signedMs < horizonMs) note.addendum = { signedMs, textSeed: seedOf() };
  }
  notes.sort((a, b) => a.createdMs - b.createdMs);
  return { notes, riskFlags };
}

/** A moment strictly between two others (to the millisecond), or null when there is none. */
function between(random: Random, from: number, to: number): number | null {
  return to - from < 2 ? null : from + 1 + Math.floor(random.next() * (to - from - 1));
}

interface FlagContext {
  random: Random;
  ctx: NotesContext;
  newNote: (kase: DemoCase, language: NoteLanguage, fields: Pick<DemoNote, 'kind' | 'template' | 'session' | 'sessionNumber' | 'createdMs'>) => DemoNote;
  signedAt: (note: DemoNote) => DemoNote;
}

/**
 * Flags on about one client in fifty of those with a case, each raised just after one of
 * the case's sessions (often the intake) while the case was open: cleared when the case
 * closed, or for some open cases after a later session; the others still active, their
 * review due or still to come.
 */
function planRiskFlags(cases: readonly DemoCase[], sessionNotes: ReadonlyMap<DemoCase, DemoNote[]>, closedMs: ReadonlyMap<DemoCase, number>, f: FlagContext): DemoRiskFlag[] {
  const { random, ctx } = f;
  const clients = new Set(cases.map((c) => c.client)).size;
  const wanted = Math.max(3, Math.round(clients * FLAGGED_CLIENT_SHARE));
  // Each client at most once: their first case with notes.
  const seen = new Set<DemoCase['client']>();
  const candidates: DemoCase[] = [];
  for (const kase of cases) {
    if ((sessionNotes.get(kase)?.length ?? 0) === 0 || seen.has(kase.client)) continue;
    seen.add(kase.client);
    candidates.push(kase);
  }
  // A partial Fisher–Yates shuffle: the first `wanted` are a fair sample.
  for (let i = 0; i < Math.min(wanted, candidates.length); i++) {
    const j = i + Math.floor(random.next() * (candidates.length - i));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const flags: DemoRiskFlag[] = [];
  for (const kase of candidates.slice(0, wanted)) {
    const own = sessionNotes.get(kase)!;
    const closeMs = closedMs.get(kase) ?? null;
    const openUntil = Math.min(closeMs ?? Infinity, ctx.horizonMs) - HOUR_MS;
    const after = own[0]!.kind === 'intake' && random.chance(0.4) ? 0 : Math.floor(random.next() * own.length);
    const raisedMs = own[after]!.createdMs + random.int(5, 45) * MINUTE_MS + random.int(0, 59_999);
    if (raisedMs >= openUntil) continue;
    const language = own[after]!.language;
    const level = random.weighted(RISK_LEVELS);
    const raisedDay = ctx.days.today(raisedMs);
    const [shortest, longest] = REVIEW_DAYS[level];
    const flag: DemoRiskFlag = {
      case: kase,
      kind: random.weighted(RISK_KINDS),
      level,
      raisedDate: dateOf(raisedDay),
      reviewDate: dateOf(raisedDay + random.int(shortest, longest)),
      raisedNote: undefined as unknown as DemoNote,
      cleared: null,
    };
    flag.raisedNote = f.signedAt(f.newNote(kase, language, { kind: 'risk_raised', template: 'free_text', session: null, sessionNumber: own[after]!.sessionNumber, createdMs: raisedMs }));
    flag.raisedNote.flag = flag;
    let clearedMs: number | null = null;
    if (closeMs !== null) clearedMs = between(random, Math.max(raisedMs, closeMs - 3 * HOUR_MS), closeMs - MINUTE_MS);
    else if (random.chance(0.4)) {
      const later = own.slice(after + 1).find((n) => n.createdMs > raisedMs + 7 * DAY_MS);
      if (later) clearedMs = later.createdMs + random.int(5, 45) * MINUTE_MS + random.int(0, 59_999);
    }
    if (clearedMs !== null && clearedMs < ctx.horizonMs) {
      const note = f.signedAt(f.newNote(kase, language, { kind: 'risk_cleared', template: 'free_text', session: null, sessionNumber: own[after]!.sessionNumber, createdMs: clearedMs }));
      note.flag = flag;
      flag.cleared = { note };
    }
    flags.push(flag);
  }
  showEveryReviewState(flags, ctx);
  return flags.sort((a, b) => a.raisedNote.createdMs - b.raisedNote.createdMs);
}

/**
 * Even a small vault shows an active flag whose review is due and one whose review is
 * still to come: the review date of one active flag is moved when none is so already
 * (before any note's words are written, so its note says the same date).
 */
function showEveryReviewState(flags: DemoRiskFlag[], ctx: NotesContext): void {
  const today = dateOf(ctx.asOfDay);
  const active = flags.filter((f) => f.cleared === null).sort((a, b) => a.raisedNote.createdMs - b.raisedNote.createdMs);
  if (active.length < 2) return;
  if (!active.some((f) => f.reviewDate > today)) active[active.length - 1]!.reviewDate = dateOf(ctx.asOfDay + 7);
  const oldest = active[0]!;
  if (!active.some((f) => f.reviewDate < today) && oldest.raisedDate < dateOf(ctx.asOfDay - 7)) oldest.reviewDate = dateOf(ctx.asOfDay - 7);
}
