/**
 * Indonesian national public holidays (libur nasional), which the demo clinic closes on.
 * Fixed-date holidays and those that follow Easter are computed for any year; the ones
 * that follow the Islamic, Chinese, Balinese (Saka) and Buddhist calendars are listed for
 * 2022–2027 as the government's joint decrees set them (2027: the expected dates), and
 * left out in other years. Pure: the same day is a holiday in every run.
 */
const MOVING: Record<number, ReadonlyArray<readonly [string, string]>> = {
  2022: [
    ['02-01', 'Tahun Baru Imlek'],
    ['02-28', 'Isra Mikraj Nabi Muhammad SAW'],
    ['03-03', 'Hari Suci Nyepi'],
    ['05-02', 'Hari Raya Idul Fitri'],
    ['05-03', 'Hari Raya Idul Fitri'],
    ['05-16', 'Hari Raya Waisak'],
    ['07-10', 'Hari Raya Idul Adha'],
    ['07-30', 'Tahun Baru Islam'],
    ['10-08', 'Maulid Nabi Muhammad SAW'],
  ],
  2023: [
    ['01-22', 'Tahun Baru Imlek'],
    ['02-18', 'Isra Mikraj Nabi Muhammad SAW'],
    ['03-22', 'Hari Suci Nyepi'],
    ['04-22', 'Hari Raya Idul Fitri'],
    ['04-23', 'Hari Raya Idul Fitri'],
    ['06-04', 'Hari Raya Waisak'],
    ['06-29', 'Hari Raya Idul Adha'],
    ['07-19', 'Tahun Baru Islam'],
    ['09-28', 'Maulid Nabi Muhammad SAW'],
  ],
  2024: [
    ['02-08', 'Isra Mikraj Nabi Muhammad SAW'],
    ['02-10', 'Tahun Baru Imlek'],
    ['03-11', 'Hari Suci Nyepi'],
    ['04-10', 'Hari Raya Idul Fitri'],
    ['04-11', 'Hari Raya Idul Fitri'],
    ['05-23', 'Hari Raya Waisak'],
    ['06-17', 'Hari Raya Idul Adha'],
    ['07-07', 'Tahun Baru Islam'],
    ['09-16', 'Maulid Nabi Muhammad SAW'],
  ],
  2025: [
    ['01-27', 'Isra Mikraj Nabi Muhammad SAW'],
    ['01-29', 'Tahun Baru Imlek'],
    ['03-29', 'Hari Suci Nyepi'],
    ['03-31', 'Hari Raya Idul Fitri'],
    ['04-01', 'Hari Raya Idul Fitri'],
    ['05-12', 'Hari Raya Waisak'],
    ['06-06', 'Hari Raya Idul Adha'],
    ['06-27', 'Tahun Baru Islam'],
    ['09-05', 'Maulid Nabi Muhammad SAW'],
  ],
  2026: [
    ['01-16', 'Isra Mikraj Nabi Muhammad SAW'],
    ['02-17', 'Tahun Baru Imlek'],
    ['03-19', 'Hari Suci Nyepi'],
    ['03-20', 'Hari Raya Idul Fitri'],
    ['03-21', 'Hari Raya Idul Fitri'],
    ['05-27', 'Hari Raya Idul Adha'],
    ['05-31', 'Hari Raya Waisak'],
    ['06-16', 'Tahun Baru Islam'],
    ['08-25', 'Maulid Nabi Muhammad SAW'],
  ],
  2027: [
    ['01-06', 'Isra Mikraj Nabi Muhammad SAW'],
    ['02-06', 'Tahun Baru Imlek'],
    ['03-08', 'Hari Suci Nyepi'],
    ['03-10', 'Hari Raya Idul Fitri'],
    ['03-11', 'Hari Raya Idul Fitri'],
    ['05-17', 'Hari Raya Idul Adha'],
    ['05-20', 'Hari Raya Waisak'],
    ['06-06', 'Tahun Baru Islam'],
    ['08-15', 'Maulid Nabi Muhammad SAW'],
  ],
};

/** Days since 1970-01-01, as calendar.ts counts them (not imported from there: calendar.ts imports this module). */
const DAY_MS = 86_400_000;

const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['01-01', 'Tahun Baru Masehi'],
  ['05-01', 'Hari Buruh Internasional'],
  ['06-01', 'Hari Lahir Pancasila'],
  ['08-17', 'Hari Kemerdekaan Republik Indonesia'],
  ['12-25', 'Hari Raya Natal'],
];

/** Easter Sunday of a year (the anonymous Gregorian computus), as a day number. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

const byYear = new Map<number, Map<number, string>>();

/** The year's public holidays: day number → name (a day with two holidays keeps the first). */
export function publicHolidays(year: number): ReadonlyMap<number, string> {
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    holidays = new Map();
    const list: Array<readonly [number, string]> = [
      ...[...FIXED, ...(MOVING[year] ?? [])].map(([monthDay, name]) => [Date.parse(`${year}-${monthDay}T00:00:00Z`) / DAY_MS, name] as const),
      [easter(year) - 2, 'Wafat Yesus Kristus'],
      [easter(year) + 39, 'Kenaikan Yesus Kristus'],
    ];
    for (const [day, name] of list.sort((x, y) => x[0] - y[0])) if (!holidays.has(day)) holidays.set(day, name);
    byYear.set(year, holidays);
  }
  return holidays;
}

const holidayOfDay = new Map<number, boolean>();

export function isPublicHoliday(day: number): boolean {
  let holiday = holidayOfDay.get(day);
  if (holiday === undefined) {
    holiday = publicHolidays(new Date(day * DAY_MS).getUTCFullYear()).has(day);
    holidayOfDay.set(day, holiday);
  }
  return holiday;
}
