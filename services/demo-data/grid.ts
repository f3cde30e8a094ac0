import { weekday, type ClinicDays } from './calendar';
import type { DemoCounsellor, DemoRoom } from './plan';

/**
 * Who and what is taken when, for placing demo sessions so that none overlap: the same
 * rule the schema's triggers enforce (a counsellor holds one live session at a time, a
 * room one), kept in memory as half-hour ticks of each day. Sessions start on the hour or
 * the half hour; a session taking part of a tick takes the whole tick, so two sessions
 * never share one. Days a counsellor does not work (weekday without hours, holiday, leave)
 * are closed to them.
 */
export const TICK_MINUTES = 30;
const TICKS_PER_DAY = (24 * 60) / TICK_MINUTES;

/** A bookable start in a counsellor's hours: on the hour from each block's start, with the block's end. */
export interface Slot {
  minute: number;
  blockEnd: number;
}

export interface Placed {
  day: number;
  minute: number;
  startMs: number;
  endMs: number;
  /** The room taken; null when none was wanted, or none was free (then the session is held by video or phone). */
  room: DemoRoom | null;
}

export class Grid {
  private readonly counsellorTicks: Uint8Array[];
  private readonly roomTicks: Uint8Array[];
  private readonly closed: Uint8Array[];
  /** Each counsellor's slots by ISO weekday (index 1–7). */
  private readonly slots: Slot[][][];
  readonly counsellingRooms: DemoRoom[];

  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
    private readonly days: ClinicDays,
    counsellors: readonly DemoCounsellor[],
    readonly rooms: readonly DemoRoom[],
    holidays: ReadonlySet<number>,
  ) {
    const dayCount = lastDay - firstDay + 1;
    this.counsellorTicks = counsellors.map(() => new Uint8Array(dayCount * TICKS_PER_DAY));
    this.roomTicks = rooms.map(() => new Uint8Array(dayCount * TICKS_PER_DAY));
    this.counsellingRooms = rooms.filter((r) => r.active && r.kind === 'counselling');
    this.slots = counsellors.map((c) =>
      Array.from({ length: 8 }, (_, w) =>
        c.hours
          .filter((h) => h.weekday === w)
          .sort((a, b) => a.startMinute - b.startMinute)
          .flatMap((h) => {
            const out: Slot[] = [];
            for (let minute = h.startMinute; minute + 60 <= h.endMinute; minute += 60) out.push({ minute, blockEnd: h.endMinute });
            return out;
          }),
      ),
    );
    this.closed = counsellors.map((c) => {
      const closed = new Uint8Array(dayCount);
      for (let d = firstDay; d <= lastDay; d++) if (holidays.has(d) || this.slots[c.index]![weekday(d)]!.length === 0) closed[d - firstDay] = 1;
      for (const l of c.leave) for (let d = Math.max(l.startDay, firstDay); d <= Math.min(l.endDay, lastDay); d++) closed[d - firstDay] = 1;
      return closed;
    });
  }

  /** Whether the counsellor works that day (a day outside the grid is closed). */
  works(counsellor: DemoCounsellor, day: number): boolean {
    return day >= this.firstDay && day <= this.lastDay && this.closed[counsellor.index]![day - this.firstDay] === 0;
  }

  slotsOf(counsellor: DemoCounsellor, day: number): readonly Slot[] {
    return this.slots[counsellor.index]![weekday(day)]!;
  }

  /** The blocks of the counsellor's hours that day, as [start, end] minutes. */
  blocksOf(counsellor: DemoCounsellor, day: number): Array<readonly [number, number]> {
    const w = weekday(day);
    return counsellor.hours.filter((h) => h.weekday === w).map((h) => [h.startMinute, h.endMinute] as const);
  }

  private static free(ticks: Uint8Array, from: number, to: number): boolean {
    for (let t = from; t < to; t++) if (ticks[t] !== 0) return false;
    return true;
  }

  private span(day: number, startMinute: number, endMinute: number): [number, number] {
    const base = (day - this.firstDay) * TICKS_PER_DAY;
    return [base + Math.floor(startMinute / TICK_MINUTES), base + Math.ceil(endMinute / TICK_MINUTES)];
  }

  counsellorFree(counsellor: DemoCounsellor, day: number, startMinute: number, endMinute: number): boolean {
    const [from, to] = this.span(day, startMinute, endMinute);
    return Grid.free(this.counsellorTicks[counsellor.index]!, from, to);
  }

  roomFree(room: DemoRoom, day: number, startMinute: number, endMinute: number): boolean {
    const [from, to] = this.span(day, startMinute, endMinute);
    return Grid.free(this.roomTicks[room.index]!, from, to);
  }

  /** A free counselling room, the counsellor's usual one when it is free. */
  freeCounsellingRoom(counsellor: DemoCounsellor, day: number, startMinute: number, endMinute: number): DemoRoom | null {
    const rooms = this.counsellingRooms;
    if (rooms.length === 0) return null;
    const usual = counsellor.index % rooms.length;
    for (let k = 0; k < rooms.length; k++) {
      const room = rooms[(usual + k) % rooms.length]!;
      if (this.roomFree(room, day, startMinute, endMinute)) return room;
    }
    return null;
  }

  take(counsellor: DemoCounsellor, room: DemoRoom | null, day: number, startMinute: number, endMinute: number): void {
    const [from, to] = this.span(day, startMinute, endMinute);
    this.counsellorTicks[counsellor.index]!.fill(1, from, to);
    if (room) this.roomTicks[room.index]!.fill(1, from, to);
  }

  /**
   * The first slot from `fromDay` on (at most `maxDays` days later) where the counsellor is
   * free for `minutes`, starting no earlier than `earliestMs` and ending by `latestMs`:
   * the slot `preferred` first (a client's usual time), then the day's others. With
   * `wantRoom`, a slot with a free counselling room is taken first; when the day has
   * none, a free slot without a room.
   */
  find(counsellor: DemoCounsellor, fromDay: number, maxDays: number, earliestMs: number, latestMs: number, minutes: number, preferred: number, wantRoom: boolean): Placed | null {
    for (let day = Math.max(fromDay, this.firstDay); day <= fromDay + maxDays && day <= this.lastDay; day++) {
      if (this.closed[counsellor.index]![day - this.firstDay] !== 0) continue;
      const slots = this.slotsOf(counsellor, day);
      let roomless: Placed | null = null;
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[(preferred + k) % slots.length]!;
        const end = slot.minute + minutes;
        if (end > slot.blockEnd) continue;
        const startMs = this.days.wallClock(day, slot.minute);
        const endMs = startMs + minutes * 60_000;
        if (startMs < earliestMs || endMs > latestMs || !this.counsellorFree(counsellor, day, slot.minute, end)) continue;
        if (!wantRoom) return { day, minute: slot.minute, startMs, endMs, room: null };
        const room = this.freeCounsellingRoom(counsellor, day, slot.minute, end);
        if (room) return { day, minute: slot.minute, startMs, endMs, room };
        roomless ??= { day, minute: slot.minute, startMs, endMs, room: null };
      }
      if (roomless) return roomless;
      if (this.days.wallClock(day, 0) > latestMs) return null;
    }
    return null;
  }
}
