import type { Urgency } from '../../shared/domain/agencies';
import type { ClosureReason, ReferralStatus, ReferralType } from '../../shared/domain/referrals';
import { addWorkingDays, MINUTE_MS, workingDayFrom, type ClinicDays, type Moment } from './calendar';
import type { DemoActor, DemoCase, DemoClient, DemoContract, DemoCounsellor, DemoCourse, DemoStep } from './plan';
import type { Random } from './random';

/**
 * A referral's life from intake to today: new → triaged → waitlisted → assigned → first
 * session booked → closed, each step some working days after the last (sooner the more
 * urgent), with some referrals closed early (declined, no contact, transferred). A step
 * that would fall on or after the as-of date does not happen, so recent referrals are
 * still open and old ones mostly closed, as in a clinic's real waitlist. An assignment
 * opens a case with the counsellor; closing the referral closes the case too. Booking the
 * first session plans the case's course (how many sessions, how often, how it ends), and
 * the closure comes when those sessions would be over.
 */
export interface LifeCycleInput {
  random: Random;
  days: ClinicDays;
  /** The start of the as-of day: nothing happens from then on. */
  horizonMs: number;
  entered: Moment;
  referralType: ReferralType;
  urgency: Urgency;
  contract: DemoContract | null;
  client: DemoClient;
  presentingIssues: DemoCase['presentingIssues'];
  pickCounsellor: () => DemoCounsellor;
  /** Stop once the referral has reached this status, closing nothing early (to be sure a small vault shows every status). */
  until?: ReferralStatus;
}

export interface LifeCycle {
  steps: DemoStep[];
  counsellor: DemoCounsellor | null;
  case: DemoCase | null;
}

type Delay = ReadonlyArray<readonly [number, number]>;
const TRIAGE: Record<Urgency, Delay> = { emergency: [[0, 1]], urgent: [[0, 7], [1, 3]], routine: [[0, 25], [1, 30], [2, 25], [3, 12], [4, 8]] };
const TO_WAITLIST: Record<Urgency, Delay> = { emergency: [[0, 1]], urgent: [[0, 3], [1, 1]], routine: [[0, 5], [1, 3], [2, 2]] };
const EARLY_CLOSURE: ReadonlyArray<readonly [ClosureReason, number]> = [
  ['no_contact', 45],
  ['declined', 35],
  ['transferred', 20],
];
const AFTER_SESSIONS: ReadonlyArray<readonly [ClosureReason, number]> = [
  ['completed', 84],
  ['no_contact', 7],
  ['declined', 4],
  ['transferred', 5],
];
/** Calendar days between sessions: mostly weekly, some fortnightly. */
const CADENCE: ReadonlyArray<readonly [number, number]> = [
  [7, 75],
  [14, 25],
];

export function lifeCycle(input: LifeCycleInput): LifeCycle {
  const { random, urgency } = input;
  const steps: DemoStep[] = [{ from: null, to: 'new', closureReason: null, at: input.entered, by: 'admin' }];
  const result: LifeCycle = { steps, counsellor: null, case: null };
  const last = () => steps[steps.length - 1]!;
  const move = (to: ReferralStatus, at: Moment, by: DemoActor, closureReason: ClosureReason | null = null): boolean => {
    if (at.ms >= input.horizonMs || last().to === input.until) return false;
    steps.push({ from: last().to, to, closureReason, at, by });
    return true;
  };
  /** Whether the referral ends here: closed early, or to be closed on a day that has not come yet (then it is still open). */
  const closeEarly = (chance: number, by: DemoActor, maxDays: number): boolean => {
    if (input.until !== undefined || !random.chance(chance)) return false;
    move('closed', later(input, last().at, random.int(1, maxDays)), by, random.weighted(EARLY_CLOSURE));
    return true;
  };

  if (closeEarly(0.02, 'admin', 5)) return result;
  if (!move('triaged', later(input, last().at, random.weighted(TRIAGE[urgency])), 'admin')) return result;
  if (closeEarly(0.02, 'admin', 5)) return result;
  if (!move('waitlisted', later(input, last().at, random.weighted(TO_WAITLIST[urgency])), 'admin')) return result;
  if (closeEarly(0.04, 'admin', 15)) return result;
  const counsellor = input.pickCounsellor();
  const wait = urgency === 'emergency' ? 0 : urgency === 'urgent' ? random.int(0, 2) : random.int(2, 20);
  const assigned = later(input, last().at, wait);
  if (!move('assigned', assigned, 'admin')) return result;
  const opened: DemoCase = {
    client: input.client,
    counsellor,
    presentingIssues: input.presentingIssues,
    openedDay: assigned.day,
    closedDay: null,
    closureReason: null,
    sessionsUsed: 0,
    createdMs: assigned.ms,
    updatedMs: assigned.ms,
    course: null,
    measurementPlan: null,
  };
  result.counsellor = counsellor;
  result.case = opened;
  if (input.until === undefined && random.chance(0.03)) {
    const closed = later(input, assigned, random.int(2, 10));
    if (move('closed', closed, counsellor, random.pick(['no_contact', 'declined'] as const))) closeCase(opened, last());
    return result;
  }
  const booked = later(input, assigned, urgency === 'emergency' ? 0 : urgency === 'urgent' ? random.int(0, 1) : random.int(1, 5));
  if (!move('first_session_booked', booked, counsellor)) return result;
  opened.updatedMs = booked.ms;
  // The course of sessions, decided now; sessions.ts places them in the counsellor's calendar.
  const course = planCourse(input, booked);
  opened.course = course;
  const closes = input.days.at(workingDayFrom(booked.day + courseDays(random, course)), random.int(8 * 60, 17 * 60 - 1), random.int(0, 59_999));
  course.closesMs = closes.ms;
  if (move('closed', closes, counsellor, course.closure)) closeCase(opened, last());
  return result;
}

/** The allowance a case without a contract is seen as having (the clinic's own default). */
const NO_CONTRACT_ALLOWANCE = 10;

function planCourse(input: LifeCycleInput, booked: Moment): DemoCourse {
  const { random, urgency, contract } = input;
  const closure = random.weighted(AFTER_SESSIONS);
  const target = sessionsAtClosure(random, closure, contract?.sessionAllowance ?? NO_CONTRACT_ALLOWANCE, contract?.allowancePolicy !== 'deny');
  return {
    booked,
    contract,
    referralType: input.referralType,
    urgency,
    intakeAfterDays: urgency === 'emergency' ? 0 : urgency === 'urgent' ? random.int(0, 2) : random.int(1, 7),
    cadenceDays: random.weighted(CADENCE),
    target,
    closure,
    closesMs: 0,
    followUp: closure === 'completed' && target >= 4 && random.chance(0.5),
  };
}

/** Calendar days from the booking to the closure: the sessions at their cadence, some rebooked, then a little while. */
function courseDays(random: Random, course: DemoCourse): number {
  const weekly = course.target - 1 - (course.followUp ? 1 : 0);
  return course.intakeAfterDays + Math.ceil(weekly * course.cadenceDays * 1.3) + (course.followUp ? FOLLOW_UP_DAYS + 7 : 0) + random.int(3, 14);
}

/** Calendar days from the last counselling session to the follow-up. */
export const FOLLOW_UP_DAYS = 28;

function closeCase(c: DemoCase, step: DemoStep): void {
  c.closedDay = step.at.day;
  c.closureReason = step.closureReason;
  c.updatedMs = step.at.ms;
}

/** Sessions counting toward the allowance by the time the case closes: a completed course uses most of it, sometimes more where the contract allows. */
function sessionsAtClosure(random: Random, reason: ClosureReason, allowance: number, mayExceed: boolean): number {
  if (reason === 'completed') return Math.max(3, allowance - (random.chance(0.2) ? 1 : 0)) + (mayExceed && random.chance(0.35) ? random.int(1, 4) : 0);
  if (reason === 'transferred') return random.int(1, 4);
  if (reason === 'no_contact') return random.int(1, 3);
  return random.int(1, 2);
}

/**
 * A moment some working days after another, in office hours; on the same day, minutes to
 * hours later (and the next morning when that would run into the evening).
 */
function later(input: LifeCycleInput, from: Moment, workingDays: number): Moment {
  const { random, days } = input;
  if (workingDays === 0) {
    const ms = from.ms + random.int(5, 150) * MINUTE_MS + random.int(0, 59_999);
    if (ms < days.startOf(from.day) + 19 * 60 * MINUTE_MS) return { day: from.day, ms };
    return days.at(addWorkingDays(from.day, 1), random.int(8 * 60, 10 * 60), random.int(0, 59_999));
  }
  return days.at(addWorkingDays(from.day, workingDays), random.int(8 * 60, 17 * 60 - 1), random.int(0, 59_999));
}
