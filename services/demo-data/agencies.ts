import { DEFAULT_TARGETS, SECTORS, type FirstAppointmentTarget, type Sector, type Urgency } from '../../shared/domain/agencies';
import { foldName } from '../../shared/domain/clients';
import { addMonths, dateOf, firstOfMonth, firstOfYear, weekday, yearOf, type ClinicDays, DAY_MS } from './calendar';
import type { DemoAgency, DemoContract } from './plan';
import type { DemoPeople } from './people';
import type { Random } from './random';

/**
 * Partner agencies in every sector (a small vault's five cover all but "other") and their
 * contracts, in the patterns a clinic really has: consecutive yearly contracts, a single
 * contract running now, a contract that lapsed and awaits renewal, an agency with no
 * contract at all, and a former partner marked inactive. The first five agencies take one
 * pattern each, so even a small vault shows them all.
 */
type Pattern = 'yearly' | 'current' | 'lapsed' | 'none' | 'inactive';
const FIRST_PATTERNS: readonly Pattern[] = ['yearly', 'current', 'lapsed', 'none', 'inactive'];
const PATTERN_WEIGHTS: ReadonlyArray<readonly [Pattern, number]> = [
  ['yearly', 40],
  ['current', 25],
  ['lapsed', 12],
  ['none', 10],
  ['inactive', 13],
];

/** Agency names by sector: Indonesian public bodies, with some that call themselves in English. */
const NAMES: Record<Sector, ReadonlyArray<(city: string, n: number) => string>> = {
  government_administration: [
    (c) => `Dinas Kependudukan dan Pencatatan Sipil Kota ${c}`,
    (c) => `Badan Pendapatan Daerah Kabupaten ${c}`,
    (c) => `Sekretariat Daerah Kota ${c}`,
    (c) => `Badan Kepegawaian Daerah Kabupaten ${c}`,
    (c) => `Kantor Kecamatan ${c}`,
  ],
  education: [(c, n) => `SMA Negeri ${n} ${c}`, (c, n) => `SMP Negeri ${n} ${c}`, (c) => `Dinas Pendidikan Kota ${c}`, (c) => `Universitas Negeri ${c}`, (c) => `${c} International School`],
  health: [(c) => `RSUD ${c}`, (c) => `Puskesmas ${c}`, (c) => `Dinas Kesehatan Kabupaten ${c}`, (c) => `RS Bhayangkara ${c}`, (c) => `${c} Community Hospital`],
  emergency_services: [(c) => `Dinas Pemadam Kebakaran Kota ${c}`, (c) => `BPBD Kabupaten ${c}`, (c) => `Kantor Pencarian dan Pertolongan ${c}`, (c) => `PMI Kota ${c}`, (c) => `Polres ${c}`],
  social_services: [(c) => `Dinas Sosial Kota ${c}`, (c) => `Balai Rehabilitasi Sosial ${c}`, (c) => `Unit Perlindungan Anak ${c}`, (c) => `Yayasan Peduli Keluarga ${c}`, (c) => `${c} Family Support Centre`],
  other: [(c) => `PDAM Tirta ${c}`, (c) => `Perum DAMRI Cabang ${c}`, (c) => `Kantor Pos ${c}`, (c) => `Perpustakaan Daerah ${c}`, (c) => `${c} Port Authority`],
};

const DOMAIN_SUFFIX: Record<Sector, string> = {
  government_administration: 'go.id',
  education: 'sch.id',
  health: 'go.id',
  emergency_services: 'go.id',
  social_services: 'or.id',
  other: 'co.id',
};

/** Staff covered, by sector: a school has hundreds, a provincial health office thousands. */
const HEADCOUNT: Record<Sector, readonly [number, number]> = {
  government_administration: [150, 6000],
  education: [60, 2500],
  health: [200, 4500],
  emergency_services: [80, 1800],
  social_services: [40, 700],
  other: [100, 2000],
};

export interface AgencyContext {
  random: Random;
  people: DemoPeople;
  days: ClinicDays;
  asOfDay: number;
  windowStartDay: number;
}

export function buildAgencies(count: number, ctx: AgencyContext): DemoAgency[] {
  const names = new Set<string>();
  const agencies: DemoAgency[] = [];
  for (let i = 0; i < count; i++) {
    const sector = SECTORS[i % SECTORS.length]!;
    const pattern = i < FIRST_PATTERNS.length ? FIRST_PATTERNS[i]! : ctx.random.weighted(PATTERN_WEIGHTS);
    agencies.push(buildAgency(sector, pattern, uniqueName(sector, names, ctx), ctx));
  }
  return agencies;
}

function uniqueName(sector: Sector, taken: Set<string>, ctx: AgencyContext): { name: string; city: string; template: number } {
  for (;;) {
    const city = ctx.people.city();
    const template = ctx.random.int(0, NAMES[sector].length - 1);
    const name = NAMES[sector][template]!(city, ctx.random.int(1, 12));
    if (!taken.has(name)) {
      taken.add(name);
      return { name, city, template };
    }
  }
}

/** "Dinas Sosial Kota Bandung" → dsk-bandung.go.id, "RSUD Sleman" → rsud-sleman.go.id */
function domainFor(name: string, city: string, sector: Sector): string {
  const words = name.replace(city, '').split(/\s+/).filter(Boolean);
  const short = words.length === 1 ? foldName(words[0]!) : words.map((w) => (/^[A-Z]{2,}$|^\d+$/.test(w) ? w.toLowerCase() : foldName(w).charAt(0))).join('');
  return `${short}-${foldName(city).replace(/ /g, '')}.${DOMAIN_SUFFIX[sector]}`;
}

function buildAgency(sector: Sector, pattern: Pattern, named: { name: string; city: string }, ctx: AgencyContext): DemoAgency {
  const { random, people, days, asOfDay, windowStartDay } = ctx;
  const domain = domainFor(named.name, named.city, sector);
  const contracts = contractsFor(pattern, sector, ctx);
  const firstContract = contracts[0];
  const createdDay = firstContract
    ? Math.min(dayOfMs(firstContract.createdMs) - random.int(5, 30), windowStartDay - random.int(30, 200))
    : windowStartDay + random.int(0, Math.floor((asOfDay - windowStartDay) / 2));
  const created = days.at(officeDayBefore(createdDay), random.int(8 * 60, 16 * 60), random.int(0, 59_999));
  const lastEnd = contracts.length > 0 ? contracts[contracts.length - 1]!.endDay : asOfDay;
  const leftDay = pattern === 'inactive' ? officeDay(lastEnd + random.int(5, 40)) : null;
  const updated = leftDay === null ? created : days.at(leftDay, random.int(8 * 60, 16 * 60), random.int(0, 59_999));
  const contactSex = random.chance(0.5) ? 'female' : 'male';
  const contact = people.name('id', contactSex);
  const latestHeadcount = contracts.length > 0 ? contracts[contracts.length - 1]!.coveredHeadcount : random.int(...HEADCOUNT[sector]) / 4;
  const referralFromDay = Math.max(windowStartDay, created.day + 1);
  const referralToDay = leftDay === null ? asOfDay - 1 : Math.min(asOfDay - 1, lastEnd);
  return {
    name: named.name,
    sector,
    address: `${people.street()}, ${named.city}`,
    contactName: contact.familyName ? `${contact.givenName} ${contact.familyName}` : contact.givenName,
    contactEmail: random.chance(0.7) ? `sdm@${domain}` : `${foldName(contact.givenName).replace(/ /g, '')}@${domain}`,
    contactPhone: people.landline(),
    active: leftDay === null,
    createdMs: created.ms,
    updatedMs: updated.ms,
    contracts,
    domain,
    referralFromDay,
    referralToDay,
    // More staff and a longer time as a partner mean more referrals.
    weight: latestHeadcount * Math.max(0, referralToDay - referralFromDay + 1),
  };
}

function dayOfMs(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Offices open Monday to Friday: records are made on working days. */
function officeDay(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 7 ? day + 1 : day;
}

/** The day itself, or the Friday before when it falls on a weekend. */
function officeDayBefore(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 7 ? day - 2 : day;
}

function contractsFor(pattern: Pattern, sector: Sector, ctx: AgencyContext): DemoContract[] {
  const { random, asOfDay } = ctx;
  const periods: Array<[number, number]> = [];
  const yearLong = (start: number): [number, number] => [start, addMonths(start, 12) - 1];
  if (pattern === 'yearly') {
    const year = yearOf(asOfDay);
    for (let y = year - random.int(1, 3); y <= year; y++) periods.push([firstOfYear(y), firstOfYear(y + 1) - 1]);
    // Late in the year the renewal is often signed already.
    if (new Date(asOfDay * DAY_MS).getUTCMonth() >= 9 && random.chance(0.5)) periods.push([firstOfYear(year + 1), firstOfYear(year + 2) - 1]);
  } else if (pattern === 'current') {
    periods.push(yearLong(firstOfMonth(asOfDay - random.int(30, 330))));
  } else if (pattern === 'lapsed' || pattern === 'inactive') {
    const end = firstOfMonth(asOfDay - (pattern === 'lapsed' ? random.int(20, 150) : random.int(200, 330))) - 1;
    const start = addMonths(end + 1, -12);
    if (random.chance(0.5)) periods.push(yearLong(addMonths(start, -12)));
    periods.push([start, end]);
  }
  let headcount = random.int(...HEADCOUNT[sector]);
  return periods.map(([startDay, endDay]) => {
    headcount = Math.max(10, Math.round(headcount * (0.9 + random.next() * 0.25)));
    // Signed a few weeks before it starts, and never after the as-of date (a renewal may start later).
    const created = ctx.days.at(officeDayBefore(Math.min(startDay - random.int(10, 40), asOfDay - random.int(1, 20))), random.int(8 * 60, 16 * 60), random.int(0, 59_999));
    return {
      startDay,
      endDay,
      startDate: dateOf(startDay),
      endDate: dateOf(endDay),
      coveredHeadcount: headcount,
      sessionAllowance: random.weighted([
        [6, 5],
        [8, 20],
        [10, 35],
        [12, 40],
      ]),
      allowancePolicy: random.chance(0.75) ? 'warn' : 'deny',
      targets: random.chance(0.8) ? DEFAULT_TARGETS : customTargets(random),
      minCellSize: random.weighted([
        [5, 70],
        [3, 10],
        [8, 10],
        [10, 10],
      ]),
      reportingFrequency: random.weighted([
        ['quarterly', 40],
        ['monthly', 30],
        ['half_yearly', 15],
        ['annually', 15],
      ] as const),
      createdMs: created.ms,
    };
  });
}

function customTargets(random: Random): Record<Urgency, FirstAppointmentTarget> {
  return {
    emergency: { unit: 'same_day', amount: 0 },
    urgent: { unit: 'hours', amount: random.pick([24, 72]) },
    routine: { unit: 'business_days', amount: random.pick([3, 7, 10]) },
  };
}
