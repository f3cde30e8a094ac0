import { URGENCIES } from '../../shared/domain/agencies';
import type { ClientLanguage, Gender, JobRole } from '../../shared/domain/clients';
import { REFERRAL_TYPES, type ReferralStatus } from '../../shared/domain/referrals';
import { dateOf, firstOfYear, isWorkingDay, workingDayFrom, yearOf } from './calendar';
import type { DemoAgency, DemoClient, DemoReferral } from './plan';
import type { Origin, Sex } from './people';
import { buildReferral, type Forced, type ReferralContext } from './referrals';

/**
 * Clients, each with the referral that brought them and, for some whose first referral
 * closed, a later one. Most names are Indonesian, some English; ages are working ages.
 * The first clients' referrals go through every type and urgency, so even a small vault
 * shows each; a share of referrals arrived in the last weeks, so the waitlist is alive.
 */
export interface ClientContext extends ReferralContext {
  asOfDay: number;
}

const GENDER: ReadonlyArray<readonly [Gender | null, number]> = [
  ['female', 48],
  ['male', 46],
  ['prefer_not_to_say', 3],
  ['self_described', 1],
  [null, 2],
];
const JOB_ROLE: ReadonlyArray<readonly [JobRole | null, number]> = [
  ['frontline_service', 35],
  ['administrative', 22],
  ['professional_technical', 18],
  ['supervisor_manager', 12],
  ['senior_leader', 3],
  ['other', 2],
  [null, 8],
];
type OpenStatus = Exclude<ReferralStatus, 'closed'>;
/** How long before the as-of date a referral that is to stay at each open status arrived. */
const WORKING_DAYS_BACK: Record<OpenStatus, number> = { new: 0, triaged: 1, waitlisted: 3, assigned: 8, first_session_booked: 8 };
/**
 * The first clients' referrals, made to cover every type and urgency, then every open
 * status (urgent ones, received recently enough to have got there: closed ones abound).
 */
const FORCED: ReadonlyArray<Forced & { workingDaysBack?: number }> = [
  ...REFERRAL_TYPES.flatMap((type) => URGENCIES.map((urgency) => ({ type, urgency }))),
  ...(Object.entries(WORKING_DAYS_BACK) as Array<[OpenStatus, number]>).map(([until, workingDaysBack]) => ({ urgency: 'urgent' as const, until, workingDaysBack })),
];

export function buildClientsAndReferrals(count: number, agencies: DemoAgency[], ctx: ClientContext): { clients: DemoClient[]; referrals: DemoReferral[] } {
  const clients: DemoClient[] = [];
  const referrals: DemoReferral[] = [];
  const pickAgency = weightedPicker(agencies, ctx);
  const pickCurrentAgency = weightedPicker(
    agencies.filter((a) => a.referralToDay === ctx.asOfDay - 1),
    ctx,
  );
  for (let i = 0; i < count; i++) {
    const forced = FORCED[i] ?? {};
    const agency = forced.workingDaysBack === undefined ? pickAgency() : pickCurrentAgency();
    const receivedDay = forced.workingDaysBack === undefined ? receivedDayFor(agency, ctx) : lastWorkingDayBefore(ctx.asOfDay, forced.workingDaysBack);
    const client = buildClient(agency, receivedDay, ctx);
    const first = buildReferral(ctx, client, receivedDay, forced);
    client.createdMs = first.createdMs;
    client.createdDay = first.steps[0]!.at.day;
    clients.push(client);
    referrals.push(first);
    const again = laterReferralDay(first, agency, ctx);
    if (again !== null) referrals.push(buildReferral(ctx, client, again));
  }
  return { clients, referrals };
}

/** Agencies chosen in proportion to their weight (staff covered, time as a partner). */
function weightedPicker(agencies: DemoAgency[], ctx: ClientContext): () => DemoAgency {
  const eligible = agencies.filter((a) => a.weight > 0 && a.referralFromDay <= a.referralToDay);
  if (eligible.length === 0) throw new Error('no agency can have referrals in the demo period');
  const cumulative: number[] = [];
  let total = 0;
  for (const a of eligible) cumulative.push((total += a.weight));
  return () => {
    const roll = ctx.random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return eligible[lo]!;
  };
}

function receivedDayFor(agency: DemoAgency, ctx: ClientContext): number {
  const { random } = ctx;
  const recent = agency.referralToDay === ctx.asOfDay - 1 && random.chance(0.15);
  const from = recent ? Math.max(agency.referralFromDay, ctx.asOfDay - 21) : agency.referralFromDay;
  return workingDayWithin(random.int(from, agency.referralToDay), from, agency.referralToDay);
}

/** The day if it is a working day, else the next one, or the last one before when none is left in range. */
function workingDayWithin(day: number, from: number, to: number): number {
  const next = workingDayFrom(day);
  if (next <= to) return next;
  let d = day;
  while (d > from && !isWorkingDay(d)) d -= 1;
  return d;
}

/** The working day `back` working days before the last working day before the as-of date. */
function lastWorkingDayBefore(asOfDay: number, back: number): number {
  let day = asOfDay - 1;
  while (!isWorkingDay(day)) day -= 1;
  for (let n = 0; n < back; ) {
    day -= 1;
    if (isWorkingDay(day)) n += 1;
  }
  return day;
}

/** Many clients come back (nearly half of those whose referral closed): a new referral months later. */
function laterReferralDay(first: DemoReferral, agency: DemoAgency, ctx: ClientContext): number | null {
  const last = first.steps[first.steps.length - 1]!;
  if (last.to !== 'closed' || !ctx.random.chance(0.45)) return null;
  const day = workingDayFrom(last.at.day + ctx.random.int(30, 240));
  return day <= agency.referralToDay ? day : null;
}

function buildClient(agency: DemoAgency, receivedDay: number, ctx: ClientContext): DemoClient {
  const { random, people } = ctx;
  const origin: Origin = random.chance(0.8) ? 'id' : 'en';
  const gender = random.weighted(GENDER);
  const sex: Sex = gender === 'female' || gender === 'male' ? gender : random.chance(0.5) ? 'female' : 'male';
  const { givenName, familyName } = people.name(origin, sex);
  const age = random.int(21, 59);
  const hasEmergencyContact = random.chance(0.4);
  return {
    agency,
    givenName,
    familyName,
    preferredName: random.chance(0.4) ? people.preferredName(givenName, origin) : '',
    dateOfBirth: random.chance(0.97) ? dateOf(firstOfYear(yearOf(receivedDay) - age) + random.int(0, 364)) : null,
    gender,
    genderDescription: gender === 'self_described' ? random.pick(['non-binary', 'genderqueer', 'non-biner']) : '',
    email: random.chance(0.75) ? people.personalEmail(givenName, familyName) : '',
    phone: random.chance(0.85) ? people.mobile() : '',
    jobRole: random.weighted(JOB_ROLE),
    preferredLanguage: random.weighted<ClientLanguage>(
      origin === 'id'
        ? [
            ['id', 92],
            ['en', 5],
            ['other', 3],
          ]
        : [
            ['en', 85],
            ['id', 15],
          ],
    ),
    emergencyContactName: hasEmergencyContact ? people.fullName('id', random.chance(0.5) ? 'female' : 'male') : '',
    emergencyContactPhone: hasEmergencyContact ? people.mobile() : '',
    // Set from the first referral: a client is registered when that referral is entered.
    createdMs: 0,
    createdDay: 0,
  };
}
