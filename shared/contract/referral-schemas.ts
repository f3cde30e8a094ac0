import { z } from 'zod';
import { URGENCIES } from '../domain/agencies';
import { CLIENT_LANGUAGES, GENDERS, JOB_ROLES } from '../domain/clients';
import { CLOSURE_REASONS, CONSENT_DATES, CONSENT_LEVELS, PRESENTING_ISSUES, REFERRAL_STATUSES, REFERRAL_TYPES } from '../domain/referrals';
import { calendarDateSchema } from './agency-schemas';

/** Clients, referrals and cases as the channels carry them (issue 3). */

const text = (max: number) => z.string().trim().max(max).default('');
export const emailSchema = z.union([z.literal(''), z.string().trim().email({ message: 'email_format' }).max(200)]).default('');
export const phoneSchema = z.union([z.literal(''), z.string().trim().regex(/^[+0-9 ()-]{6,30}$/, { message: 'phone_format' })]).default('');
const optionalDate = calendarDateSchema.nullable().default(null);
const entityId = z.number().int().positive();

export const clientFieldsShape = {
  givenName: z.string().trim().min(1).max(80),
  familyName: text(80),
  preferredName: text(80),
  dateOfBirth: optionalDate,
  gender: z.enum(GENDERS).nullable().default(null),
  genderDescription: text(80),
  email: emailSchema,
  phone: phoneSchema,
  jobRole: z.enum(JOB_ROLES).nullable().default(null),
  preferredLanguage: z.enum(CLIENT_LANGUAGES).default('id'),
  emergencyContactName: text(120),
  emergencyContactPhone: phoneSchema,
};
export const clientFieldsSchema = z.object(clientFieldsShape);
export type ClientFields = z.infer<typeof clientFieldsSchema>;

export const clientSchema = clientFieldsSchema.extend({
  id: z.number().int(),
  code: z.string(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

/** A row of the client list: enough to recognise someone, nothing more. */
export const clientSummarySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string(),
  dateOfBirth: z.string().nullable(),
  agencyId: z.number().int(),
  agencyName: z.string(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

const presentingIssuesSchema = z
  .array(z.enum(PRESENTING_ISSUES))
  .min(1, { message: 'issues_required' })
  .max(PRESENTING_ISSUES.length)
  .refine((issues) => new Set(issues).size === issues.length, { message: 'issues_repeated' });

export const referralFieldsShape = {
  agencyId: entityId,
  receivedDate: calendarDateSchema,
  referralType: z.enum(REFERRAL_TYPES),
  urgency: z.enum(URGENCIES),
  presentingIssues: presentingIssuesSchema,
  referrerName: text(120),
  referrerContact: text(200),
  consentLevel: z.enum(CONSENT_LEVELS).default('none'),
  consentDate: optionalDate,
  consentExpiry: optionalDate,
  /** How finely a letter to the referrer may date attended sessions; only read when consent is given. */
  consentDates: z.enum(CONSENT_DATES).default('month'),
  reason: text(500),
};

type ReferralRuleInput = {
  referralType: string;
  referrerName: string;
  referrerContact: string;
  consentLevel: string;
  consentDate: string | null;
  consentExpiry: string | null;
};

/**
 * The rules across fields of a referral: a formal management referral names its referrer,
 * and consent (which only a formal referral carries) has a date and an expiry after it.
 */
export function referralRuleIssues(r: ReferralRuleInput): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const formal = r.referralType === 'formal_management';
  if (formal && r.referrerName === '') issues.push({ path: 'referrerName', message: 'referrer_required' });
  if (formal && r.referrerContact === '') issues.push({ path: 'referrerContact', message: 'referrer_required' });
  if (!formal && r.consentLevel !== 'none') issues.push({ path: 'consentLevel', message: 'consent_only_formal' });
  if (r.consentLevel !== 'none') {
    if (r.consentDate === null) issues.push({ path: 'consentDate', message: 'consent_date_required' });
    if (r.consentExpiry === null) issues.push({ path: 'consentExpiry', message: 'consent_expiry_required' });
  }
  if (r.consentDate && r.consentExpiry && r.consentExpiry < r.consentDate) issues.push({ path: 'consentExpiry', message: 'end_before_start' });
  return issues;
}

export const newClientSchema = z.object({ mode: z.literal('new'), ...clientFieldsShape });
export const existingClientSchema = z.object({ mode: z.literal('existing'), clientId: entityId });

export const referralCreateSchema = z
  .object({
    ...referralFieldsShape,
    client: z.discriminatedUnion('mode', [existingClientSchema, newClientSchema]),
    /** Set after the user has seen the possible duplicates and still wants a new client. */
    allowDuplicate: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    for (const issue of referralRuleIssues(r)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message, params: { reason: issue.message } });
  });
export type ReferralCreateInput = z.input<typeof referralCreateSchema>;

export const referralSchema = z.object({
  id: z.number().int(),
  agencyId: z.number().int(),
  agencyName: z.string(),
  contractId: z.number().int().nullable(),
  clientId: z.number().int(),
  clientCode: z.string(),
  clientName: z.string(),
  receivedDate: z.string(),
  clockStartedAt: z.string(),
  /** When the first appointment is due by the contract's target (the default targets without a contract). */
  firstAppointmentDueAt: z.string(),
  /** When the first attended session began (the clock stopped); null while it runs. */
  clockStoppedAt: z.string().nullable(),
  /** Once stopped, the time it ran: working days after the day it started, and hours. */
  clockElapsed: z.object({ workingDays: z.number().int(), hours: z.number().int() }).nullable(),
  referralType: z.enum(REFERRAL_TYPES),
  urgency: z.enum(URGENCIES),
  presentingIssues: z.array(z.enum(PRESENTING_ISSUES)),
  referrerName: z.string(),
  referrerContact: z.string(),
  consentLevel: z.enum(CONSENT_LEVELS),
  consentDate: z.string().nullable(),
  consentExpiry: z.string().nullable(),
  consentDates: z.enum(CONSENT_DATES),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  counsellorId: z.number().int().nullable(),
  counsellorName: z.string().nullable(),
  caseId: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;

export const statusChangeSchema = z.object({
  fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
  toStatus: z.enum(REFERRAL_STATUSES),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  note: z.string(),
  changedAt: z.string(),
  changedBy: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const caseSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  clientCode: z.string(),
  clientName: z.string(),
  counsellorId: z.number().int(),
  counsellorName: z.string(),
  presentingIssues: z.array(z.enum(PRESENTING_ISSUES)),
  openedDate: z.string(),
  closedDate: z.string().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  sessionsUsed: z.number().int(),
  /** The contract allowance per presenting issue, when the case came with a contract. */
  sessionAllowance: z.number().int().nullable(),
});
export type Case = z.infer<typeof caseSchema>;

/** Moves an admin makes by hand; assignment and booking have channels of their own. */
export const MANUAL_MOVES = ['triaged', 'waitlisted', 'closed'] as const;

export const referralMoveSchema = z
  .object({
    id: entityId,
    to: z.enum(MANUAL_MOVES),
    closureReason: z.enum(CLOSURE_REASONS).nullable().default(null),
    note: text(500),
  })
  .superRefine((m, ctx) => {
    if (m.to === 'closed' && m.closureReason === null) ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'closure_reason_required', params: { reason: 'closure_reason_required' } });
    if (m.to !== 'closed' && m.closureReason !== null) ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'closure_reason_only_closing', params: { reason: 'closure_reason_only_closing' } });
  });

export const caseCloseSchema = z.object({
  id: entityId,
  closedDate: calendarDateSchema,
  closureReason: z.enum(CLOSURE_REASONS),
});
