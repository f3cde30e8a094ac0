import { z } from 'zod';
import { LANGUAGES } from '../settings';
import { CONSENT_DATES } from '../domain/referrals';

/** Compliance answers and consent-scoped referral letters as the channels carry them (issue 13). */

const entityId = z.number().int().positive();

/** The counsellor's newest answer to "are the recommendations being followed?" on a case, or null. */
export const complianceSchema = z.object({
  caseId: z.number().int(),
  /** Whose case: the answer is a clinical fact about this client (and the caseload wall checks it). */
  clientId: z.number().int(),
  latest: z
    .object({
      followed: z.boolean(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    })
    .nullable(),
});
export type Compliance = z.infer<typeof complianceSchema>;

export const complianceRecordSchema = z.object({ caseId: entityId, followed: z.boolean() }).strict();

/** Which letter: the referral, and its language (the client's preferred one when left out). */
export const referralLetterSchema = z
  .object({
    referralId: entityId,
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

const monthCountSchema = z.object({ month: z.string(), sessions: z.number().int() });

/** Every fact a letter states (`LetterFacts` in shared/domain/referral-letter.ts). */
export const letterFactsSchema = z.object({
  referralId: z.number().int(),
  language: z.enum(LANGUAGES),
  writtenOn: z.string(),
  clinicName: z.string(),
  referrerName: z.string(),
  clientName: z.string(),
  consentLevel: z.enum(['attendance', 'attendance_and_compliance']),
  consentDate: z.string(),
  consentExpiry: z.string(),
  attendance: z.discriminatedUnion('dating', [
    z.object({ dating: z.literal(CONSENT_DATES[0]), months: z.array(monthCountSchema) }),
    z.object({ dating: z.literal(CONSENT_DATES[1]), days: z.array(z.string()) }),
  ]),
  compliance: z.object({ followed: z.boolean(), recordedOn: z.string() }).nullable().optional(),
});

/** A block of the letter as the PDF lays it out; the preview shows the same blocks. */
export const letterBlockSchema = z.object({
  kind: z.enum(['heading', 'text', 'item']),
  text: z.string(),
});

export const letterPreviewSchema = z.object({ facts: letterFactsSchema, blocks: z.array(letterBlockSchema) });

export const letterSaveResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('saved'), path: z.string(), registerId: z.number().int(), sha256: z.string() }),
]);
