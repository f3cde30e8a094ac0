import { z } from 'zod';
import { BREAK_GLASS_CATEGORIES, REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../domain/accountability';
import { withNewPassphrase } from './schemas';

/**
 * What admins do with clinical content, and what the people concerned are told of it
 * (issue 11): break-glass with a category and a real reason, full exports with a reason,
 * and passphrase resets.
 */

/** A reason others will read: at least 15 characters once trimmed. */
export const accountableReasonSchema = z.string().trim().min(REASON_MIN_LENGTH).max(REASON_MAX_LENGTH);

/** Break-glass: why an admin opens a clinical note, in a category and in words. */
export const breakGlassRequestSchema = z.object({
  breakGlassCategory: z.enum(BREAK_GLASS_CATEGORIES),
  breakGlassReason: accountableReasonSchema,
});

/**
 * A full export from the app. Encrypted by default, with a passphrase that follows the
 * sign-in policy; plain text only when the admin confirmed it (the screen asks them to type
 * a word first). The app asks where to save the file.
 */
export const dataExportSchema = z.discriminatedUnion('protection', [
  withNewPassphrase({ protection: z.literal('encrypted'), reason: accountableReasonSchema }),
  z.object({ protection: z.literal('plaintext'), reason: accountableReasonSchema, plaintextConfirmed: z.literal(true) }),
]);

export const dataExportResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('exported'),
    path: z.string(),
    encrypted: z.boolean(),
    tables: z.number().int(),
    rows: z.number().int(),
    bytes: z.number().int(),
  }),
  /** The admin closed the save dialog: nothing was written. */
  z.object({ outcome: z.literal('cancelled') }),
]);

/** A full export that held the caller's notes, shown on their Home. */
export const fullExportNoticeSchema = z.object({
  id: z.number().int(),
  byName: z.string(),
  at: z.string(),
  reason: z.string(),
  encrypted: z.boolean(),
});
export type FullExportNotice = z.infer<typeof fullExportNoticeSchema>;

/** Someone else gave the caller a new passphrase; with the sign-ins to this account since then. */
export const passphraseResetNoticeSchema = z.object({
  byName: z.string(),
  at: z.string(),
  signInsSince: z.array(z.string()),
});
export type PassphraseResetNotice = z.infer<typeof passphraseResetNoticeSchema>;
