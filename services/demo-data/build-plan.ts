import { foldName } from '../../shared/domain/clients';
import { buildAgencies } from './agencies';
import { addMonths, ClinicDays, workingDayFrom } from './calendar';
import { buildClientsAndReferrals } from './clients';
import { DemoPeople } from './people';
import { SIZE_SPECS, type DemoCounsellor, type DemoPlan, type DemoSize } from './plan';
import { Random } from './random';

export interface PlanOptions {
  size: DemoSize;
  seed: number;
  /** The as-of date as a day number: every record is from before it. */
  asOfDay: number;
  timeZone: string;
  /** Usernames already in the vault: demo counsellors take others. */
  takenUsernames: ReadonlySet<string>;
}

/**
 * The whole demo vault, planned in memory from the seed and the as-of date alone: the
 * same seed and date give the same records, whatever day it is run.
 */
export function buildPlan(options: PlanOptions): DemoPlan {
  const spec = SIZE_SPECS[options.size];
  const random = new Random(options.seed);
  const people = new DemoPeople(options.seed, random);
  const days = new ClinicDays(options.timeZone);
  const windowStartDay = addMonths(options.asOfDay, -spec.months);
  const counsellors = buildCounsellors(spec.counsellors, { random, people, days, windowStartDay, taken: options.takenUsernames });
  const agencies = buildAgencies(spec.agencies, { random, people, days, asOfDay: options.asOfDay, windowStartDay });
  const { clients, referrals } = buildClientsAndReferrals(spec.clients, agencies, {
    random,
    people,
    days,
    asOfDay: options.asOfDay,
    horizonMs: days.startOf(options.asOfDay),
    pickCounsellor: () => random.pick(counsellors),
  });
  const cases = referrals.flatMap((r) => (r.case ? [r.case] : []));
  return { counsellors, agencies, clients, referrals, cases };
}

function buildCounsellors(
  count: number,
  ctx: { random: Random; people: DemoPeople; days: ClinicDays; windowStartDay: number; taken: ReadonlySet<string> },
): DemoCounsellor[] {
  const taken = new Set(ctx.taken);
  const joined = ctx.days.at(workingDayFrom(ctx.windowStartDay - 60), 9 * 60);
  return Array.from({ length: count }, () => {
    const origin = ctx.random.chance(0.75) ? 'id' : 'en';
    const { givenName, familyName } = ctx.people.name(origin, ctx.random.chance(0.6) ? 'female' : 'male');
    const base = `demo.${foldName(givenName).replace(/ /g, '')}`.slice(0, 28);
    let username = base;
    for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
    taken.add(username);
    return { username, displayName: familyName ? `${givenName} ${familyName}` : givenName, createdMs: joined.ms };
  });
}
