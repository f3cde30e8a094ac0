import { DateTime } from 'luxon';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { riskClearSchema, riskRaiseSchema } from '../../shared/contract/note-schemas';
import type { Case } from '../../shared/contract/referral-schemas';

/** The contract's raise fields (the client is added on sending); a review date cannot lie in the past. */
export function raiseFormSchema(today: string) {
  return riskRaiseSchema.omit({ clientId: true }).superRefine((values, ctx) => {
    if (values.reviewDate < today) ctx.addIssue({ code: 'custom', path: ['reviewDate'], message: 'review_date_past' });
  });
}
export type RaiseFormValues = z.input<ReturnType<typeof raiseFormSchema>>;
export type RaiseFormOutput = z.output<ReturnType<typeof raiseFormSchema>>;
export const RAISE_FIELDS = ['caseId', 'kind', 'level', 'reviewDate', 'note'] as const;

export const clearFormSchema = riskClearSchema.omit({ id: true });
export type ClearFormValues = z.input<typeof clearFormSchema>;
export type ClearFormOutput = z.output<typeof clearFormSchema>;
export const CLEAR_FIELDS = ['caseId', 'note'] as const;

/** A review a week from today: the usual interval for looking at a risk again. */
export function defaultReviewDate(today: string): string {
  return DateTime.fromISO(today, { zone: 'UTC' }).plus({ days: 7 }).toISODate() ?? today;
}

/** The signed-in counsellor's open cases of this client: where a flag's note can be written. */
export function ownOpenCases(cases: Case[], userId: number): Case[] {
  return cases.filter((clientCase) => clientCase.closedDate === null && clientCase.counsellorId === userId);
}

/** "Workload and work stress, Burnout (opened 3 Nov 2026)": a case told apart from the client's others. */
export function caseLabel(t: TFunction, clientCase: Case, calendarDate: (date: string) => string): string {
  return t('risk.form.caseOption', {
    issues: clientCase.presentingIssues.map((issue) => t(`vocab.presentingIssue.${issue}`)).join(', '),
    date: calendarDate(clientCase.openedDate),
  });
}
