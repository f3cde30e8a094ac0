import { MoreThanOrEqual, type EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import type { Availability, Holiday, Leave, ParsedInput, Room } from '../shared/contract';
import { ClinicHolidayEntity, LeaveEntity, RoomEntity, UserAccountEntity, WorkingHoursEntity } from '../db/entities';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { actorOf } from './actor';
import type { Clock } from './clock';
import type { OpenSession } from './session';

/**
 * What the calendar books against (issue 4): rooms and clinic holidays (admins), and each
 * counsellor's working hours and leave (an admin, or the counsellor for themselves).
 */

export async function listRooms(session: OpenSession): Promise<Room[]> {
  return session.dataSource.getRepository(RoomEntity).find({ order: { active: 'DESC', name: 'ASC' } });
}

async function assertRoomNameFree(m: EntityManager, name: string, exceptId?: number): Promise<void> {
  const rooms = await m.getRepository(RoomEntity).find();
  if (rooms.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase())) {
    throw new AppError('ROOM_NAME_TAKEN', 'There is already a room with this name.', { issues: [{ path: 'name', code: 'room_name_taken', message: 'There is already a room with this name.' }] });
  }
}

export async function createRoom(session: OpenSession, clock: Clock, input: ParsedInput<'rooms.create'>): Promise<Room> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    await assertRoomNameFree(m, input.name);
    const room = await m.getRepository(RoomEntity).save({ ...input, active: true, createdAt: actor.at, updatedAt: actor.at });
    await appendAudit(m, { ...actor, action: 'room.create', recordType: 'room', recordId: String(room.id), outcome: 'success', detail: { capacity: room.capacity } });
    return room;
  });
}

export async function updateRoom(session: OpenSession, clock: Clock, input: ParsedInput<'rooms.update'>): Promise<Room> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const before = await m.getRepository(RoomEntity).findOneBy({ id: input.id });
    if (!before) throw new AppError('NOT_FOUND', 'There is no such room.');
    await assertRoomNameFree(m, input.name, input.id);
    const { id, ...fields } = input;
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== fields[k]);
    if (changed.length === 0) return before;
    const after = { ...before, ...fields, updatedAt: actor.at };
    await m.getRepository(RoomEntity).save(after);
    await appendAudit(m, { ...actor, action: 'room.update', recordType: 'room', recordId: String(id), outcome: 'success', detail: { changed: changed.join(',') } });
    return after;
  });
}

/** Working hours and leave are a counsellor's own business and an admin's; nobody else's. */
async function assertMayManage(session: OpenSession, userId: number): Promise<void> {
  if (session.user.role !== 'admin' && session.user.id !== userId) throw new AppError('FORBIDDEN', 'Your role may not do this.');
  const user = await session.dataSource.getRepository(UserAccountEntity).findOneBy({ id: userId });
  if (!user) throw new AppError('USER_NOT_FOUND', 'There is no such user.');
}

export async function getAvailability(session: OpenSession, userId: number): Promise<Availability> {
  await assertMayManage(session, userId);
  const m = session.dataSource.manager;
  const hours = await m.getRepository(WorkingHoursEntity).find({ where: { userId }, order: { weekday: 'ASC', startMinute: 'ASC' } });
  const leave = await m.getRepository(LeaveEntity).find({ where: { userId }, order: { startDate: 'ASC', id: 'ASC' } });
  return { userId, hours: hours.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute })), leave };
}

/** Replaces the whole weekly pattern in one transaction (the trigger refuses overlaps too). */
export async function setWorkingHours(session: OpenSession, clock: Clock, input: ParsedInput<'availability.setHours'>): Promise<Availability> {
  await assertMayManage(session, input.userId);
  await inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    await m.getRepository(WorkingHoursEntity).delete({ userId: input.userId });
    for (const block of input.hours) await m.getRepository(WorkingHoursEntity).insert({ userId: input.userId, ...block });
    await appendAudit(m, { ...actor, action: 'availability.update', recordType: 'user', recordId: String(input.userId), outcome: 'success', detail: { blocks: input.hours.length } });
  });
  return getAvailability(session, input.userId);
}

export async function addLeave(session: OpenSession, clock: Clock, input: ParsedInput<'leave.add'>): Promise<Leave> {
  await assertMayManage(session, input.userId);
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const leave = await m.getRepository(LeaveEntity).save({ ...input, createdAt: actor.at });
    // The note may say why (illness, family): it stays out of the audit log.
    await appendAudit(m, { ...actor, action: 'leave.add', recordType: 'leave', recordId: String(leave.id), outcome: 'success', detail: { userId: input.userId } });
    return leave;
  });
}

export async function removeLeave(session: OpenSession, clock: Clock, id: number): Promise<void> {
  const leave = await session.dataSource.getRepository(LeaveEntity).findOneBy({ id });
  if (!leave) throw new AppError('NOT_FOUND', 'There is no such leave record.');
  await assertMayManage(session, leave.userId);
  await inWriteTransaction(session.dataSource, async (m) => {
    await m.getRepository(LeaveEntity).delete({ id });
    await appendAudit(m, { ...actorOf(session, clock), action: 'leave.remove', recordType: 'leave', recordId: String(id), outcome: 'success', detail: { userId: leave.userId } });
  });
}

export async function listHolidays(db: EntityManager, from?: string): Promise<Holiday[]> {
  return db.getRepository(ClinicHolidayEntity).find({ where: from ? { date: MoreThanOrEqual(from) } : {}, order: { date: 'ASC' } });
}

export async function addHoliday(session: OpenSession, clock: Clock, input: ParsedInput<'holidays.add'>): Promise<Holiday> {
  return inWriteTransaction(session.dataSource, async (m) => {
    if (await m.getRepository(ClinicHolidayEntity).existsBy({ date: input.date })) {
      throw new AppError('HOLIDAY_EXISTS', 'This date is already a clinic holiday.', { issues: [{ path: 'date', code: 'holiday_exists', message: 'This date is already a clinic holiday.' }] });
    }
    await m.getRepository(ClinicHolidayEntity).insert(input);
    await appendAudit(m, { ...actorOf(session, clock), action: 'holiday.add', recordType: 'holiday', recordId: input.date, outcome: 'success' });
    return input;
  });
}

export async function removeHoliday(session: OpenSession, clock: Clock, date: string): Promise<void> {
  await inWriteTransaction(session.dataSource, async (m) => {
    const result = await m.getRepository(ClinicHolidayEntity).delete({ date });
    if (!result.affected) throw new AppError('NOT_FOUND', 'This date is not a clinic holiday.');
    await appendAudit(m, { ...actorOf(session, clock), action: 'holiday.remove', recordType: 'holiday', recordId: date, outcome: 'success' });
  });
}
