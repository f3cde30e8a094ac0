import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import type { KeySlot } from './key-slots';

/**
 * The keyring file beside the database holds only what the unlock screen needs before
 * any key exists: per user the username, display name, key slot and failed-attempt
 * state, plus failed attempts waiting to enter the audit log. Nothing else: the clinic's
 * name, roles, settings and records live only inside the encrypted database.
 */
export const KEYRING_FILE = 'keyring.json';
/** Written before a rekey changes the database, promoted after (see vault.ts). */
export const PENDING_KEYRING_FILE = 'keyring.pending.json';
/** Held while any process reads the keyring in order to change it (db/vault/file-lock.ts). */
export const KEYRING_LOCK_FILE = 'keyring.lock';

const sealed = z.object({ iv: z.string(), ct: z.string(), tag: z.string() });
const slotSchema = z.object({
  userId: z.number().int().positive(),
  username: z.string(),
  displayName: z.string(),
  // Bounded both ways: a keyring edited to a weak cost must not be accepted, nor one that
  // would make an unlock allocate gigabytes.
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 17).max(2 ** 20),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().min(16),
  }),
  publicKey: z.string(),
  privateKey: sealed,
  dataKey: sealed.extend({ ephemeralPublicKey: z.string() }),
  createdAt: z.string(),
});

const attemptsSchema = z.object({ failures: z.number().int().min(0), lastFailureAt: z.string().nullable() });

/**
 * A failed attempt waiting for the audit log. The keyring is not authenticated, so these
 * are checked again when they are written into the log (services/vault-service.ts).
 */
const pendingEventSchema = z.object({
  action: z.enum(['session.unlock_failed', 'session.recover_failed']),
  username: z.string().max(64),
  at: z.string().max(40),
});

const keyringSchema = z.object({
  format: z.literal('tenang-keyring'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  /** keyCheckValue() of the current data key (absent in keyrings written before it existed). */
  keyCheck: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  slots: z.array(slotSchema),
  /** Keyed by username, or RECOVERY_ATTEMPTS_KEY for attempts with the recovery key. */
  attempts: z.record(z.string(), attemptsSchema),
  pendingAuditEvents: z.array(pendingEventSchema),
});

export type Keyring = z.infer<typeof keyringSchema>;
export type PendingAuditEvent = z.infer<typeof pendingEventSchema>;
export const RECOVERY_ATTEMPTS_KEY = '#recovery-key';
/** Failed attempts kept for the audit log; beyond this only the newest are kept. */
const MAX_PENDING_EVENTS = 1000;

export function emptyKeyring(vaultId: string, keyCheck: string): Keyring {
  return { format: 'tenang-keyring', version: 1, vaultId, keyCheck, slots: [], attempts: {}, pendingAuditEvents: [] };
}

export type KeyringRead = { state: 'ok'; keyring: Keyring } | { state: 'missing' } | { state: 'unreadable' };

export function readKeyring(path: string): KeyringRead {
  if (!existsSync(path)) return { state: 'missing' };
  try {
    const parsed = keyringSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { state: 'ok', keyring: parsed.data } : { state: 'unreadable' };
  } catch {
    return { state: 'unreadable' };
  }
}

export function writeKeyring(path: string, keyring: Keyring): void {
  const trimmed = { ...keyring, pendingAuditEvents: keyring.pendingAuditEvents.slice(-MAX_PENDING_EVENTS) };
  writeFileAtomic(path, JSON.stringify(keyringSchema.parse(trimmed), null, 2) + '\n');
}

export function removeFileIfPresent(path: string): void {
  if (existsSync(path)) unlinkSync(path);
}

export function slotFor(keyring: Keyring, username: string): KeySlot | undefined {
  return keyring.slots.find((s) => s.username === username);
}

export function withSlot(keyring: Keyring, slot: KeySlot): Keyring {
  return { ...keyring, slots: [...keyring.slots.filter((s) => s.userId !== slot.userId), slot] };
}

export function withoutSlot(keyring: Keyring, userId: number): Keyring {
  return { ...keyring, slots: keyring.slots.filter((s) => s.userId !== userId) };
}
