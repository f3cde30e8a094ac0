import { z } from 'zod';
import { ApiError, isApiError } from '../api/api-error';

/**
 * The "Record answers" form. Only what the form itself can know is checked here (a
 * questionnaire chosen, a time written in full); whether the answers fit the questionnaire,
 * the time is not to come and the session is the case's is the service's to say, field by
 * field (`responses.3`, `administeredAt`, `sessionId`).
 */
export const recordFormSchema = z.object({
  instrumentId: z.string().min(1),
  /** When it was given, as the clinic's date and time (the contract's `administeredAt` is `${date}T${time}`). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' }),
  time: z.string().regex(/^\d{2}:\d{2}$/, { message: 'time_format' }),
  /** '' for "not at a session". */
  sessionId: z.string(),
  /** One per item: the chosen option's value as the radio gives it, or null (left unanswered). */
  responses: z.array(z.string().nullable().optional()),
});
export type RecordFormValues = z.input<typeof recordFormSchema>;
export type RecordFormOutput = z.output<typeof recordFormSchema>;

/** The answers as the contract takes them: option values in item order, null where unanswered. */
export function responsesOf(values: RecordFormOutput, itemCount: number): (number | null)[] {
  return Array.from({ length: itemCount }, (_, index) => {
    const given = values.responses[index];
    return given === null || given === undefined || given === '' ? null : Number(given);
  });
}

/** Every field the service may name, so its issues land next to the right one. */
export function recordFields(itemCount: number) {
  return ['instrumentId', 'date', 'sessionId', 'responses', ...Array.from({ length: itemCount }, (_, index) => `responses.${index}` as const)] as const;
}

/** The service names the contract's `administeredAt`; the form asks it as a date and a time, so its issues go under the date. */
export function withTimeIssuesOnDate(error: unknown): unknown {
  if (!isApiError(error)) return error;
  return new ApiError({ code: error.code, message: error.message, issues: error.issues.map((issue) => (issue.path === 'administeredAt' ? { ...issue, path: 'date' } : issue)) });
}
