import { z } from 'zod';
import { calendarDateSchema } from './agency-schemas';

/** Rooms, working hours, leave and clinic holidays as the channels carry them (issue 4). */

const entityId = z.number().int().positive();

export const roomFieldsSchema = z.object({
  name: z.string().trim().min(1).max(80),
  capacity: z.number().int().min(1).max(500),
});

export const roomSchema = roomFieldsSchema.extend({
  id: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Room = z.infer<typeof roomSchema>;

/** One block of weekly hours: minutes after local midnight in the clinic's zone, end excluded. */
export const dayHoursSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startMinute: z.number().int().min(0).max(1439),
    endMinute: z.number().int().min(1).max(1440),
  })
  .refine((h) => h.startMinute < h.endMinute, { message: 'end_before_start', path: ['endMinute'] });
export type DayHoursInput = z.infer<typeof dayHoursSchema>;

/** A week's blocks: at most a few per day, none overlapping another of the same day. */
export const weeklyHoursSchema = z
  .array(dayHoursSchema)
  .max(28)
  .superRefine((blocks, ctx) => {
    blocks.forEach((block, i) => {
      const clash = blocks.findIndex((other, j) => j < i && other.weekday === block.weekday && other.startMinute < block.endMinute && block.startMinute < other.endMinute);
      if (clash >= 0) ctx.addIssue({ code: 'custom', path: [i, 'startMinute'], message: 'hours_overlap', params: { reason: 'hours_overlap' } });
    });
  });

export const leaveSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type Leave = z.infer<typeof leaveSchema>;

export const leaveInputSchema = z
  .object({
    userId: entityId,
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    note: z.string().trim().max(200).default(''),
  })
  .refine((l) => l.startDate <= l.endDate, { message: 'end_before_start', path: ['endDate'] });

export const holidaySchema = z.object({ date: calendarDateSchema, name: z.string().trim().min(1).max(120) });
export type Holiday = z.infer<typeof holidaySchema>;

export const availabilitySchema = z.object({
  userId: z.number().int(),
  hours: z.array(z.object({ weekday: z.number().int(), startMinute: z.number().int(), endMinute: z.number().int() })),
  leave: z.array(leaveSchema),
});
export type Availability = z.infer<typeof availabilitySchema>;
