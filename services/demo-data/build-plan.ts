import { foldName } from '../../shared/domain/clients';
import { buildAgencies } from './agencies';
import { buildRooms, holidaysBetween, leaveFor, workingHoursFor } from './availability';
import { addMonths, ClinicDays, dayOf, workingDayFrom } from './calendar';
import { buildClientsAndReferrals } from './clients';
import { Grid } from './grid';
import { isPublicHoliday } from './holidays';
import { DEFAULT_MEASUREMENT_PLAN, type MeasurementPlan } from '../../shared/domain/measurement-plan';
import type { InstrumentDefinition } from '../../shared/measures/instrument-schema';
import { BUNDLED_INSTRUMENTS } from '../../shared/measures/library';
import { planMeasures } from './measures';
import { planNotes } from './notes';
import { DemoPeople } from './people';
import { SIZE_SPECS, type DemoAgency, type DemoClient, type DemoCounsellor, type DemoPlan, type DemoSize } from './plan';
import { Random } from './random';
import { planSessions } from './sessions';

export interface PlanOptions {
  size: DemoSize;
  seed: number;
  /** The as-of date as a day number: every record is from before it. */
  asOfDay: number;
  timeZone: string;
  /** Usernames already in the vault: demo counsellors take others. */
  takenUsernames: ReadonlySet<string>;
  /** Room names already in the vault: demo rooms take others. */
  takenRoomNames?: ReadonlySet<string>;
  /** Clinic holidays already in the vault (YYYY-MM-DD): kept, and no demo session falls on them. */
  existingHolidays?: ReadonlySet<string>;
  /** The clinic's default measurement plan and the instruments it has switched on (by default: as Tenang ships). */
  measures?: { defaultPlan: MeasurementPlan; instruments: ReadonlyMap<string, InstrumentDefinition> };
}

/** How far after the as-of date the calendar reaches: sessions and workshops already booked, leave already planned. */
const AHEAD_DAYS = 90;

/**
 * The whole demo vault, planned in memory from the seed and the as-of date alone: the
 * same seed and date give the same records, whatever day it is run.
 */
export function buildPlan(options: PlanOptions): DemoPlan {
  const spec = SIZE_SPECS[options.size];
  const random = new Random(options.seed);
  const people = new DemoPeople(options.seed, random);
  const days = new ClinicDays(options.timeZone);
  const horizonMs = days.startOf(options.asOfDay);
  const windowStartDay = addMonths(options.asOfDay, -spec.months);
  const counsellors = buildCounsellors(spec.counsellors, { random, people, days, windowStartDay, taken: options.takenUsernames, asOfDay: options.asOfDay, horizonMs });
  const agencies = buildAgencies(spec.agencies, { random, people, days, asOfDay: options.asOfDay, windowStartDay });
  const { clients, referrals } = buildClientsAndReferrals(spec.clients, agencies, {
    random,
    people,
    days,
    asOfDay: options.asOfDay,
    horizonMs,
    pickCounsellor: balancedPicker(counsellors, random),
  });
  const cases = referrals.flatMap((r) => (r.case ? [r.case] : []));

  // The calendar: from a week before the first referral to some months after the as-of date.
  const firstDay = windowStartDay - 7;
  const lastDay = options.asOfDay + AHEAD_DAYS;
  const rooms = buildRooms(spec.counsellors, random, counsellors[0]?.createdMs ?? horizonMs, options.takenRoomNames ?? new Set());
  const existing = options.existingHolidays ?? new Set<string>();
  const holidays = holidaysBetween(counsellors[0] ? days.today(counsellors[0].createdMs) : firstDay, lastDay, existing);
  const closedDays = new Set<number>([...existing].map(dayOf));
  for (let d = firstDay; d <= lastDay; d++) if (isPublicHoliday(d)) closedDays.add(d);
  const grid = new Grid(firstDay, lastDay, days, counsellors, rooms, closedDays);
  const sessions = planSessions(
    { random, days, grid, horizonMs, asOfDay: options.asOfDay, counsellors, clientsOf: clientsByAgency(clients) },
    { agencies, referrals, firstDay },
  );
  const planned = planNotes({ cases, sessions, referrals, counsellors }, { seed: options.seed, days, horizonMs, asOfDay: options.asOfDay, months: spec.noteMonths });
  const { defaultPlan, instruments } = options.measures ?? { defaultPlan: DEFAULT_MEASUREMENT_PLAN, instruments: new Map(BUNDLED_INSTRUMENTS.map((i) => [i.id, i])) };
  const measures = planMeasures({ cases, sessions, referrals, ...planned }, { seed: options.seed, days, horizonMs, asOfDay: options.asOfDay, months: spec.noteMonths, defaultPlan, instruments });
  // The alerts' follow-up notes and flags take their places among the others (sorts are stable).
  const notes = [...planned.notes, ...measures.notes].sort((a, b) => a.createdMs - b.createdMs);
  const riskFlags = [...planned.riskFlags, ...measures.riskFlags].sort((a, b) => a.raisedNote.createdMs - b.raisedNote.createdMs);
  return { counsellors, agencies, clients, referrals, cases, rooms, holidays, sessions, notes, riskFlags, administrations: measures.administrations };
}

/**
 * The admin assigns a referral to the less busy of two counsellors (cases so far for the
 * hours they work), so that a part-timer's calendar fills no faster than a full-timer's.
 */
function balancedPicker(counsellors: readonly DemoCounsellor[], random: Random): () => DemoCounsellor {
  const assigned = counsellors.map(() => 0);
  const weeklyHours = counsellors.map((c) => c.hours.reduce((sum, h) => sum + (h.endMinute - h.startMinute), 0) / 60);
  const load = (c: DemoCounsellor) => assigned[c.index]! / weeklyHours[c.index]!;
  return () => {
    const a = random.pick(counsellors);
    const b = random.pick(counsellors);
    const chosen = load(a) <= load(b) ? a : b;
    assigned[chosen.index]! += 1;
    return chosen;
  };
}

function clientsByAgency(clients: readonly DemoClient[]): Map<DemoAgency, DemoClient[]> {
  const byAgency = new Map<DemoAgency, DemoClient[]>();
  for (const c of clients) {
    const list = byAgency.get(c.agency);
    if (list) list.push(c);
    else byAgency.set(c.agency, [c]);
  }
  for (const list of byAgency.values()) list.sort((a, b) => a.createdMs - b.createdMs);
  return byAgency;
}

function buildCounsellors(
  count: number,
  ctx: { random: Random; people: DemoPeople; days: ClinicDays; windowStartDay: number; taken: ReadonlySet<string>; asOfDay: number; horizonMs: number },
): DemoCounsellor[] {
  const taken = new Set(ctx.taken);
  const joined = ctx.days.at(workingDayFrom(ctx.windowStartDay - 60), 9 * 60);
  return Array.from({ length: count }, (_, index) => {
    const origin = ctx.random.chance(0.75) ? 'id' : 'en';
    const { givenName, familyName } = ctx.people.name(origin, ctx.random.chance(0.6) ? 'female' : 'male');
    const base = `demo.${foldName(givenName).replace(/ /g, '')}`.slice(0, 28);
    let username = base;
    for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
    taken.add(username);
    return {
      index,
      username,
      displayName: familyName ? `${givenName} ${familyName}` : givenName,
      createdMs: joined.ms,
      hours: workingHoursFor(ctx.random),
      leave: leaveFor(ctx.random, ctx.days, joined.day, ctx.asOfDay + AHEAD_DAYS, ctx.horizonMs),
    };
  });
}
