import { AppError } from '../shared/errors';
import { msUntilNextAttempt, delayAfterFailures } from '../shared/unlock-throttle';
import { readKeyring, writeKeyring, type Keyring, type PendingAuditEvent } from '../db/vault/keyring';
import type { VaultFolder } from '../db/vault/vault-folder';
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

/**
 * Count a failure in the keyring (so a restart keeps the delay) and queue it for the
 * audit log, which can only be written once somebody unlocks. Returns the new delay.
 */
export function recordFailure(
  folder: VaultFolder,
  keyring: Keyring,
  attemptsKey: string,
  event: Omit<PendingAuditEvent, 'at'>,
  clock: Clock,
): number {
  const at = new Date(clock.now()).toISOString();
  const failures = (keyring.attempts[attemptsKey]?.failures ?? 0) + 1;
  writeKeyring(folder.keyringPath, {
    ...keyring,
    attempts: { ...keyring.attempts, [attemptsKey]: { failures, lastFailureAt: at } },
    pendingAuditEvents: [...keyring.pendingAuditEvents, { ...event, at }],
  });
  return delayAfterFailures(failures);
}

export function withAttemptsCleared(keyring: Keyring, ...attemptsKeys: string[]): Keyring {
  const attempts = { ...keyring.attempts };
  for (const key of attemptsKeys) delete attempts[key];
  return { ...keyring, attempts };
}
