import { contractInForce, type Urgency } from '../../shared/domain/agencies';
import { foldName } from '../../shared/domain/clients';
import type { ConsentLevel, PresentingIssue, ReferralStatus, ReferralType } from '../../shared/domain/referrals';
import { addMonths, addWorkingDays, dateOf, iso, type ClinicDays, type Moment } from './calendar';
import { lifeCycle } from './life-cycle';
import type { DemoAgency, DemoClient, DemoCounsellor, DemoReferral } from './plan';
import type { DemoPeople } from './people';
import type { Random } from './random';

/**
 * One referral at intake: its type, urgency, presenting issues, referrer and consent as
 * the intake form's rules want them (a formal management referral names its referrer;
 * only a formal one carries consent, with a date and an expiry), the contract in force on
 * the day received, and its clock, then its life cycle up to the as-of date.
 */
export interface ReferralContext {
  random: Random;
  people: DemoPeople;
  days: ClinicDays;
  horizonMs: number;
  pickCounsellor: () => DemoCounsellor;
}

const TYPES: ReadonlyArray<readonly [ReferralType, number]> = [
  ['self', 45],
  ['informal', 25],
  ['formal_management', 20],
  ['critical_incident', 10],
];

const URGENCY: Record<ReferralType, ReadonlyArray<readonly [Urgency, number]>> = {
  self: [['emergency', 4], ['urgent', 18], ['routine', 78]],
  informal: [['emergency', 4], ['urgent', 20], ['routine', 76]],
  formal_management: [['emergency', 2], ['urgent', 15], ['routine', 83]],
  critical_incident: [['emergency', 40], ['urgent', 45], ['routine', 15]],
};

/** How often each issue is presented (roughly as EAP providers report them). */
const ISSUES: ReadonlyArray<readonly [PresentingIssue, number]> = [
  ['workload_stress', 14],
  ['burnout', 10],
  ['conflict_with_public', 6],
  ['interpersonal_conflict', 9],
  ['leadership_management', 5],
  ['organisational_change', 5],
  ['critical_incident_trauma', 2],
  ['anxiety', 13],
  ['depression_low_mood', 10],
  ['work_life_balance', 7],
  ['family_relationships', 8],
  ['financial', 4],
  ['grief_loss', 4],
  ['substance_use', 2],
  ['physical_health', 3],
  ['other', 2],
];

const REASONS: Record<ReferralType, readonly string[]> = {
  formal_management: [
    'Penurunan kinerja dalam tiga bulan terakhir',
    'Keterlambatan dan ketidakhadiran berulang',
    'Konflik berulang dengan atasan langsung',
    'Concerns about conduct towards members of the public',
    'Return to work after extended sick leave',
    'Performance concerns after a restructure',
  ],
  critical_incident: [
    'Debriefing setelah kecelakaan lalu lintas saat bertugas',
    'Terlibat dalam penanganan korban banjir',
    'Ancaman kekerasan dari pengunjung kantor',
    'Staff present at a workplace fatality',
    'Kebakaran di gedung kantor',
    'Assault on a staff member during a shift',
  ],
  informal: ['Disarankan oleh rekan kerja', 'Suggested by a team leader after a difficult month', 'Dirujuk oleh keluarga'],
  self: ['Mencari dukungan untuk stres kerja', 'Wants help sleeping better', 'Ingin berbicara tentang masalah keluarga'],
};

/** What a referral is made to be, instead of left to chance: so that even a small vault shows every kind. */
export interface Forced {
  type?: ReferralType;
  urgency?: Urgency;
  until?: ReferralStatus;
}

export function buildReferral(ctx: ReferralContext, client: DemoClient, receivedDay: number, forced: Forced = {}): DemoReferral {
  const { random, days } = ctx;
  const agency = client.agency;
  const referralType = forced.type ?? random.weighted(TYPES);
  const urgency = forced.urgency ?? random.weighted(URGENCY[referralType]);
  const received = days.at(receivedDay, random.int(8 * 60, 16 * 60 + 30), random.int(0, 59_999));
  const entered = enteredAt(ctx, received);
  const receivedDate = dateOf(receivedDay);
  const contract = contractInForce(agency.contracts, receivedDate) ?? null;
  const presentingIssues = issuesFor(random, referralType);
  const referrer = referrerFor(ctx, referralType, agency);
  const consent = referralType === 'formal_management' ? consentFor(random, receivedDay) : { consentLevel: 'none' as const, consentDate: null, consentExpiry: null };
  const life = lifeCycle({ random, days, horizonMs: ctx.horizonMs, entered, referralType, urgency, contract, client, presentingIssues, pickCounsellor: ctx.pickCounsellor, ...(forced.until ? { until: forced.until } : {}) });
  return {
    agency,
    contract,
    client,
    receivedDay,
    clockStartedAt: clockStart(days, receivedDay, entered),
    createdMs: entered.ms,
    referralType,
    urgency,
    presentingIssues,
    ...referrer,
    ...consent,
    reason: random.chance(referralType === 'formal_management' || referralType === 'critical_incident' ? 0.9 : 0.25) ? random.pick(REASONS[referralType]) : '',
    steps: life.steps,
    counsellor: life.counsellor,
    case: life.case,
    // Set when the case's sessions are planned (sessions.ts).
    clockStoppedMs: null,
    updatedMs: life.steps[life.steps.length - 1]!.at.ms,
  };
}

/**
 * referralClockStart's rule, on the day numbers the demo already has: the moment entered
 * when that was on the day received, else the start of the day received. Asking luxon for
 * each of a hundred thousand referrals took seconds; the tests check every demo referral
 * against referralClockStart itself.
 */
function clockStart(days: ClinicDays, receivedDay: number, entered: Moment): string {
  return iso(entered.day === receivedDay ? entered.ms : days.startOf(receivedDay));
}

/** Most referrals are entered the day they arrive; some a few working days late (their clock still starts on the day received). */
function enteredAt(ctx: ReferralContext, received: Moment): Moment {
  const { random, days } = ctx;
  if (!random.chance(0.15)) return received;
  const late = days.at(addWorkingDays(received.day, random.int(1, 3)), random.int(8 * 60, 16 * 60), random.int(0, 59_999));
  return late.ms < ctx.horizonMs ? late : received;
}

function issuesFor(random: Random, type: ReferralType): PresentingIssue[] {
  const count = random.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ]);
  const issues = new Set<PresentingIssue>(type === 'critical_incident' ? ['critical_incident_trauma'] : []);
  while (issues.size < count) issues.add(random.weighted(ISSUES));
  return [...issues];
}

function referrerFor(ctx: ReferralContext, type: ReferralType, agency: DemoAgency): { referrerName: string; referrerContact: string } {
  const { random, people } = ctx;
  if (type === 'formal_management') {
    const sex = random.chance(0.5) ? 'female' : 'male';
    const { givenName, familyName } = people.name('id', sex);
    const name = familyName ? `${givenName} ${familyName}` : givenName;
    const contact = random.chance(0.6) ? `${foldName(name).replace(/ /g, '.')}@${agency.domain}` : people.landline();
    return { referrerName: `${sex === 'female' ? 'Ibu' : 'Bapak'} ${name}`, referrerContact: contact };
  }
  if (type === 'critical_incident' && random.chance(0.6)) return { referrerName: agency.contactName, referrerContact: agency.contactEmail };
  if (type === 'informal' && random.chance(0.4)) {
    return { referrerName: people.fullName('id', random.chance(0.5) ? 'female' : 'male'), referrerContact: random.chance(0.5) ? people.mobile() : '' };
  }
  return { referrerName: '', referrerContact: '' };
}

/** Most formal referrals come with the client's consent to tell the employer something, for six or twelve months. */
function consentFor(random: Random, receivedDay: number): { consentLevel: ConsentLevel; consentDate: string | null; consentExpiry: string | null } {
  if (!random.chance(0.65)) return { consentLevel: 'none', consentDate: null, consentExpiry: null };
  const given = receivedDay - random.int(0, 5);
  return {
    consentLevel: random.chance(0.6) ? 'attendance' : 'attendance_and_compliance',
    consentDate: dateOf(given),
    consentExpiry: dateOf(addMonths(given, random.pick([6, 12]))),
  };
}
