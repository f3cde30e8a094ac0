import { addWorkingDays, DAY_MS, dateOf, workingDayFrom, type ClinicDays } from './calendar';
import { publicHolidays } from './holidays';
import type { DemoHoliday, DemoHours, DemoLeave, DemoRoom } from './plan';
import type { Random } from './random';

/**
 * What the demo clinic books against: rooms (counselling rooms, a group room and a hall,
 * and a room long retired), each counsellor's weekly hours and leave, and the clinic's
 * holidays (Indonesia's public holidays).
 */

const MORNING = { startMinute: 8 * 60, endMinute: 12 * 60 } as const;
const AFTERNOON = { startMinute: 13 * 60, endMinute: 17 * 60 } as const;
const WEEKDAYS = [1, 2, 3, 4, 5] as const;

type Pattern = 'standard' | 'friday_prayers' | 'late' | 'part_time';
const PATTERNS: ReadonlyArray<readonly [Pattern, number]> = [
  ['standard', 55],
  ['friday_prayers', 20],
  ['late', 10],
  ['part_time', 15],
];

/**
 * A counsellor's weekly hours: most work 08:00–12:00 and 13:00–17:00 on weekdays; some
 * take a longer break for Friday prayers, some work late (until 19:00) for clients on
 * shifts, some part time on three or four days.
 */
export function workingHoursFor(random: Random): DemoHours[] {
  const pattern = random.weighted(PATTERNS);
  const day = (weekday: number, blocks: ReadonlyArray<{ startMinute: number; endMinute: number }>) => blocks.map((b) => ({ weekday, ...b }));
  switch (pattern) {
    case 'standard':
      return WEEKDAYS.flatMap((w) => day(w, [MORNING, AFTERNOON]));
    case 'friday_prayers':
      return WEEKDAYS.flatMap((w) =>
        day(
          w,
          w === 5
            ? [
                { startMinute: 8 * 60, endMinute: 11 * 60 + 30 },
                { startMinute: 13 * 60 + 30, endMinute: 17 * 60 },
              ]
            : [MORNING, AFTERNOON],
        ),
      );
    case 'late':
      return WEEKDAYS.flatMap((w) =>
        day(w, [
          { startMinute: 10 * 60, endMinute: 12 * 60 },
          { startMinute: 13 * 60, endMinute: 19 * 60 },
        ]),
      );
    case 'part_time': {
      const days = random.sample(WEEKDAYS, random.int(3, 4)).sort((a, b) => a - b);
      return days.flatMap((w) => day(w, [MORNING, AFTERNOON]));
    }
  }
}

const ANNUAL_LEAVE_NOTES = ['Cuti tahunan', 'Annual leave', 'Cuti tahunan (keluarga)', 'Mudik'] as const;
const SICK_LEAVE_NOTES = ['Sakit', 'Sick leave', ''] as const;
const SHORT_LEAVE_NOTES = ['Pelatihan', 'Training course', 'Keperluan keluarga', 'Seminar', ''] as const;

/**
 * Leave from the day a counsellor joined to some months after the as-of date, four to six
 * stretches a year that never overlap: some a week or so of annual leave, entered weeks
 * ahead; most a day or two, for training or family (entered days ahead) or sickness
 * (entered that morning). Nothing entered on or after the as-of date exists yet.
 */
export function leaveFor(random: Random, days: ClinicDays, fromDay: number, toDay: number, horizonMs: number): DemoLeave[] {
  const leave: DemoLeave[] = [];
  let day = fromDay + random.int(20, 120);
  while (day < toDay) {
    const annual = random.chance(0.3);
    const start = workingDayFrom(day);
    const workingDays = annual ? random.int(3, 8) : random.int(1, 2);
    const end = addWorkingDays(start, workingDays - 1);
    const sameDay = !annual && random.chance(0.5);
    const enteredDay = annual ? start - random.int(14, 60) : sameDay ? start : start - random.int(3, 20);
    // A sick day is entered first thing that morning; other leave during office hours.
    const entered = days.at(enteredDay, sameDay ? random.int(6 * 60 + 30, 8 * 60 + 30) : random.int(8 * 60, 16 * 60), random.int(0, 59_999));
    if (enteredDay > fromDay && end < toDay && entered.ms < horizonMs) {
      leave.push({ startDay: start, endDay: end, note: random.pick(annual ? ANNUAL_LEAVE_NOTES : sameDay ? SICK_LEAVE_NOTES : SHORT_LEAVE_NOTES), createdMs: entered.ms });
    }
    day = end + random.int(35, 90);
  }
  return leave;
}

/**
 * Counselling rooms for a little over half the counsellors (not all are in the clinic at
 * once, and some sessions are by phone or video), a group room, the hall, and an old room
 * retired before the demo's time. Names a vault already uses are skipped.
 */
export function buildRooms(counsellors: number, random: Random, createdMs: number, takenNames: ReadonlySet<string>): DemoRoom[] {
  const taken = new Set([...takenNames].map((n) => n.toLowerCase()));
  const rooms: DemoRoom[] = [];
  const add = (name: string, capacity: number, kind: DemoRoom['kind'], active = true) => {
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name} (${n})`;
    taken.add(unique.toLowerCase());
    // The retired room was there a year before the others, and retired when they came.
    rooms.push({ index: rooms.length, name: unique, capacity, kind, active, createdMs: active ? createdMs : createdMs - 400 * DAY_MS, updatedMs: createdMs });
  };
  const counselling = Math.max(3, Math.round(counsellors * 0.55));
  for (let n = 1, made = 0; made < counselling; n++) {
    if (taken.has(`ruang konseling ${n}`)) continue;
    add(`Ruang Konseling ${n}`, random.pick([2, 3, 3, 4]), 'counselling');
    made += 1;
  }
  add('Ruang Kelompok', 12, 'group');
  add('Aula', 30, 'hall');
  add('Ruang Konsultasi Lama', 2, 'counselling', false);
  return rooms;
}

/** The public holidays of every year from `fromDay` to `toDay`, but those the vault already has. */
export function holidaysBetween(fromDay: number, toDay: number, existing: ReadonlySet<string>): DemoHoliday[] {
  const holidays: DemoHoliday[] = [];
  const firstYear = new Date(fromDay * DAY_MS).getUTCFullYear();
  const lastYear = new Date(toDay * DAY_MS).getUTCFullYear();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const [day, name] of publicHolidays(year)) if (!existing.has(dateOf(day))) holidays.push({ day, name });
  }
  return holidays;
}
