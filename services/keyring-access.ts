import { AppError } from '../shared/errors';
import { msUntilNextAttempt, delayAfterFailures } from '../shared/unlock-throttle';
import { readKeyring, writeKeyring, type Keyring, type PendingAuditEvent } from '../db/vault/keyring';
import { withFileLock } from '../db/vault/file-lock';
import type { VaultFolder } from '../db/vault/vault-folder';
import type { KeySlot } from '../db/vault/key-slots';
import type { UserAccount } from '../db/entities';
import type { Clock } from './clock';

/** Reading the keyring for a use that needs it whole. */
export function requireKeyring(folder: VaultFolder): Keyring {
  const read = readKeyring(folder.keyringPath);
  if (read.state === 'ok') return read.keyring;
  if (!folder.databaseExists()) throw new AppError('VAULT_NOT_FOUND', 'No vault was found in this folder.');
  throw new AppError('KEYRING_UNREADABLE', 'The keyring file is missing or damaged. Sign in with the recovery key to rebuild it.');
}

/** Refuse an attempt while the persisted delay after earlier failures is running. */
export function assertAttemptAllowed(keyring: Keyring, attemptsKey: string, clock: Clock): void {
  const state = keyring.attempts[attemptsKey];
  if (!state) return;
  const wait = msUntilNextAttempt(state.failures, state.lastFailureAt ? Date.parse(state.lastFailureAt) : null, clock.now());
  if (wait > 0) {
    throw new AppError('LOCKED_OUT', 'Too many failed attempts. Wait before trying again.', { retryAfterMs: wait });
  }
}

/** Run `work` holding the keyring lock: no other process changes the keyring meanwhile. */
export function withKeyringLock<T>(folder: VaultFolder, work: () => Promise<T>): Promise<T> {
  return withFileLock(folder.keyringLockPath, work);
}

/**
 * Change the keyring: under the lock, read it afresh and write what `change` makes of
 * it. Never write back a copy read before a slow step (scrypt), or a change another
 * process made meanwhile (a failed attempt, a new slot) would be lost.
 */
export function updateKeyring(folder: VaultFolder, change: (fresh: Keyring) => Keyring): Promise<Keyring> {
  return withKeyringLock(folder, async () => {
    const next = change(requireKeyring(folder));
    writeKeyring(folder.keyringPath, next);
    return next;
  });
}

/**
 * Count a failure in the keyring (so a restart keeps the delay) and queue it for the
 * audit log, which can only be written once somebody unlocks. Returns the new delay.
 */
export async function recordFailure(folder: VaultFolder, attemptsKey: string, event: Omit<PendingAuditEvent, 'at'>, clock: Clock): Promise<number> {
  const at = new Date(clock.now()).toISOString();
  const next = await updateKeyring(folder, (fresh) => ({
    ...fresh,
    attempts: { ...fresh.attempts, [attemptsKey]: { failures: (fresh.attempts[attemptsKey]?.failures ?? 0) + 1, lastFailureAt: at } },
    pendingAuditEvents: [...fresh.pendingAuditEvents, { ...event, at }],
  }));
  return delayAfterFailures(next.attempts[attemptsKey]?.failures ?? 1);
}

export function withAttemptsCleared(keyring: Keyring, ...attemptsKeys: string[]): Keyring {
  const attempts = { ...keyring.attempts };
  for (const key of attemptsKeys) delete attempts[key];
  return { ...keyring, attempts };
}

/**
 * Whether the encrypted database vouches for a slot: it belongs to an active user under
 * their username, and its public key is the one recorded for them. A user with no key
 * recorded (a vault from before schema 2, or a row left without one) has no slot the
 * database vouches for: the keyring file is unauthenticated, so such a slot could be
 * anyone's. An admin's passphrase reset, or the recovery key, records a new one.
 */
export function isVouched(slot: KeySlot, users: readonly UserAccount[]): boolean {
  const user = users.find((u) => u.id === slot.userId);
  if (!user || !user.active || user.username !== slot.username) return false;
  return user.slotPublicKey !== null && user.slotPublicKey === slot.publicKey;
}
