import { z } from 'zod';
import { ROLES } from '../roles';
import { LANGUAGES, AUTO_LOCK_MINUTES, isKnownTimeZone } from '../settings';
import { passphraseProblem } from '../passphrase-policy';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../audit-actions';

/** Building blocks shared by channel inputs and outputs, and by the UI's forms. */

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: 'username_format' });

export const displayNameSchema = z.string().trim().min(1).max(100);
export const roleSchema = z.enum(ROLES);
export const languageSchema = z.enum(LANGUAGES);
export const timeZoneSchema = z.string().refine(isKnownTimeZone, { message: 'time_zone_unknown' });
export const clinicNameSchema = z.string().trim().min(2).max(120);
export const autoLockMinutesSchema = z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max);
export const workingDaysSchema = z
  .array(z.number().int().min(1).max(7))
  .min(1, { message: 'working_days_required' })
  .max(7)
  .refine((days) => new Set(days).size === days.length, { message: 'invalid' });

/** A passphrase being typed to unlock: any characters, bounded so nobody can send megabytes. */
export const passphraseSchema = z.string().min(1).max(1024);

/** A recovery key as typed: the parsing into 64 hex digits happens in the service. */
export const recoveryKeyInputSchema = z.string().min(1).max(200);

/**
 * A new passphrase with its confirmation. The policy (NIST SP 800-63B) runs here, so the
 * UI's form and the service refuse the same things with the same codes.
 */
export function withNewPassphrase<T extends z.ZodRawShape>(shape: T, usernameKey?: keyof T & string) {
  return z
    .object({ ...shape, newPassphrase: z.string().max(1024), confirmPassphrase: z.string().max(1024) })
    .superRefine(
      (value, ctx) => {
        const v = value as Record<string, unknown>;
        const username = usernameKey && typeof v[usernameKey] === 'string' ? String(v[usernameKey]).trim().toLowerCase() : undefined;
        const problem = passphraseProblem(String(v.newPassphrase), username ? { username } : {});
        if (problem) {
          ctx.addIssue({ code: 'custom', path: ['newPassphrase'], message: `passphrase_${problem}`, params: { reason: `passphrase_${problem}` } });
        }
        if (v.newPassphrase !== v.confirmPassphrase) {
          ctx.addIssue({ code: 'custom', path: ['confirmPassphrase'], message: 'passphrase_mismatch', params: { reason: 'passphrase_mismatch' } });
        }
      },
      {
        // Run even when other fields failed, so a form shows every problem at once; the
        // two passphrase fields must themselves be strings for the rule to mean anything.
        when: (payload) => {
          const v = payload.value as Record<string, unknown> | null;
          return typeof v === 'object' && v !== null && typeof v.newPassphrase === 'string' && typeof v.confirmPassphrase === 'string';
        },
      },
    );
}

export const isoInstantSchema = z.string().datetime({ offset: true });
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' });

export const userSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: isoInstantSchema,
  disabledAt: isoInstantSchema.nullable(),
  /** False when the user has no key slot (disabled, or the keyring was rebuilt by recovery). */
  canUnlock: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const settingsSchema = z.object({
  clinicName: clinicNameSchema,
  language: languageSchema,
  timeZone: timeZoneSchema,
  autoLockMinutes: autoLockMinutesSchema,
  workingDays: workingDaysSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const sessionInfoSchema = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: roleSchema }),
  settings: settingsSchema,
  /** Failed unlock attempts for this user since their last sign-in, told to them once. */
  failedAttemptsSinceLastSignIn: z.number().int().min(0),
  /** Someone else gave this user a new passphrase since their last sign-in: who and when, told at this sign-in. */
  passphraseResetSinceLastSignIn: z.object({ byName: z.string(), at: z.string() }).nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: isoInstantSchema,
  actorUserId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  valid: z.boolean(),
  checked: z.number().int(),
  problem: z
    .object({
      seq: z.number().int(),
      kind: z.enum(['hash_mismatch', 'broken_link', 'gap', 'head_mismatch', 'anchor_mismatch']),
    })
    .nullable(),
  /**
   * The chain's last link. Recorded outside the vault (an IT log, a printout), it lets a
   * later `audit.verify` with that anchor prove the chain was not rewritten since, even by
   * someone holding the data key.
   */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const empty = z.object({}).strict();

export const auditAnchorSchema = z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'hash_format' }) });
