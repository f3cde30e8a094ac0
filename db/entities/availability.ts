import { EntitySchema } from 'typeorm';

export interface RoomRow {
  id: number;
  name: string;
  capacity: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const RoomEntity = new EntitySchema<RoomRow>({
  name: 'Room',
  tableName: 'room',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar' },
    capacity: { type: 'integer' },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'varchar', name: 'created_at' },
    updatedAt: { type: 'varchar', name: 'updated_at' },
  },
});

/** One block of a counsellor's weekly hours, in minutes after local midnight (clinic zone). */
export interface WorkingHoursRow {
  id: number;
  userId: number;
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export const WorkingHoursEntity = new EntitySchema<WorkingHoursRow>({
  name: 'WorkingHours',
  tableName: 'working_hours',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    userId: { type: 'integer', name: 'user_id' },
    weekday: { type: 'integer' },
    startMinute: { type: 'integer', name: 'start_minute' },
    endMinute: { type: 'integer', name: 'end_minute' },
  },
});

/** Leave: whole calendar days, both included. */
export interface LeaveRow {
  id: number;
  userId: number;
  startDate: string;
  endDate: string;
  note: string;
  createdAt: string;
}

export const LeaveEntity = new EntitySchema<LeaveRow>({
  name: 'Leave',
  tableName: 'leave',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    userId: { type: 'integer', name: 'user_id' },
    startDate: { type: 'varchar', name: 'start_date' },
    endDate: { type: 'varchar', name: 'end_date' },
    note: { type: 'varchar', default: '' },
    createdAt: { type: 'varchar', name: 'created_at' },
  },
});

export interface ClinicHolidayRow {
  date: string;
  name: string;
}

export const ClinicHolidayEntity = new EntitySchema<ClinicHolidayRow>({
  name: 'ClinicHoliday',
  tableName: 'clinic_holiday',
  columns: {
    date: { type: 'varchar', primary: true },
    name: { type: 'varchar' },
  },
});
