import { z } from 'zod';
import {
  ALLOWANCE_POLICIES,
  MIN_CELL_SIZE,
  REPORTING_FREQUENCIES,
  SECTORS,
  SESSION_ALLOWANCE,
  TARGET_UNITS,
  isCalendarDate,
} from '../domain/agencies';

/** Agencies and contracts as the channels carry them (issue 3, "Agencies and contracts"). */

export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'date_format' });

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const agencyFieldsSchema = z.object({
  name: z.string().trim().min(2).max(160),
  sector: z.enum(SECTORS),
  address: optionalText(300),
  contactName: optionalText(120),
  contactEmail: z.union([z.literal(''), z.string().trim().email({ message: 'email_format' }).max(200)]).default(''),
  contactPhone: z.union([z.literal(''), z.string().trim().regex(/^[+0-9 ()-]{6,30}$/, { message: 'phone_format' })]).default(''),
});

export const agencySchema = agencyFieldsSchema.extend({
  id: z.number().int(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;

const targetSchema = z
  .object({ unit: z.enum(TARGET_UNITS), amount: z.number().int().min(0).max(720) })
  .refine((t) => t.unit === 'same_day' || t.amount >= 1, { message: 'target_amount', path: ['amount'] });

export const contractFieldsSchema = z
  .object({
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    coveredHeadcount: z.number().int().min(1).max(10_000_000),
    sessionAllowance: z.number().int().min(SESSION_ALLOWANCE.min).max(SESSION_ALLOWANCE.max),
    allowancePolicy: z.enum(ALLOWANCE_POLICIES),
    targets: z.object({ emergency: targetSchema, urgent: targetSchema, routine: targetSchema }),
    minCellSize: z.number().int().min(MIN_CELL_SIZE.min).max(MIN_CELL_SIZE.max),
    reportingFrequency: z.enum(REPORTING_FREQUENCIES),
  })
  .refine((c) => !isCalendarDate(c.startDate) || !isCalendarDate(c.endDate) || c.startDate <= c.endDate, {
    message: 'end_before_start',
    path: ['endDate'],
  });

export const contractSchema = z.object({
  id: z.number().int(),
  agencyId: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  coveredHeadcount: z.number().int(),
  sessionAllowance: z.number().int(),
  allowancePolicy: z.enum(ALLOWANCE_POLICIES),
  targets: z.object({ emergency: targetSchema, urgent: targetSchema, routine: targetSchema }),
  minCellSize: z.number().int(),
  reportingFrequency: z.enum(REPORTING_FREQUENCIES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;
