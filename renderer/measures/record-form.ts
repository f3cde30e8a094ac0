import { z } from 'zod';
import { localStartSchema } from '../../shared/contract/session-schemas';

/**
 * The "Record answers" form. Only what the form itself can know is checked here (a
 * questionnaire chosen, a time written in full); whether the answers fit the questionnaire,
 * the time is not to come and the session is the case's is the service's to say, field by
 * field (`responses.3`, `administeredAt`, `sessionId`).
 */
export const recordFormSchema = z.object({
  instrumentId: z.string().min(1),
  administeredAt: localStartSchema,
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
  return ['instrumentId', 'administeredAt', 'sessionId', 'responses', ...Array.from({ length: itemCount }, (_, index) => `responses.${index}` as const)] as const;
}
