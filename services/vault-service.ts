import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKING_DAYS } from '../shared/domain/first-appointment';
import { existsSync, rmSync } from 'node:fs';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../shared/errors';
import { formatRecoveryKey, parseRecoveryKey } from '../shared/recovery-key';
import type { ChannelOutput, ParsedInput, SessionInfo } from '../shared/contract';
import { UserAccountEntity, type UserAccount } from '../db/entities';
import { createSlot, discardSlotKeys, keyCheckValue, keyMatchesCheck, newDataKey, prepareSlotKeys, rewrapSlot, sealSlot, unlockSlot, type KeySlot } from '../db/vault/key-slots';
import {
  emptyKeyring,
  readKeyring,
  removeFileIfPresent,
  RECOVERY_ATTEMPTS_KEY,
  slotFor,
  withSlot,
  writeKeyring,
  type Keyring,
  type PendingAuditEvent,
} from '../db/vault/keyring';
import type { VaultFolder } from '../db/vault/vault-folder';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit } from './audit-log';
import { stopReportWorker } from './reports/report-worker';
import { isoAt, type Clock } from './clock';
import { assertAttemptAllowed, isVouched, recordFailure, requireKeyring, updateKeyring, withAttemptsCleared, withKeyringLock } from './keyring-access';
import { readSettings, readVaultId, writeSettings, writeVaultId } from './settings-service';
import { sessionInfo, type OpenSession, type SessionUser } from './session';

export interface VaultDeps {
  folder: VaultFolder;
  clock: Clock;
}

/** What `app.status` tells the unlock screen. */
export function vaultStatus(deps: VaultDeps, session: OpenSession | null): ChannelOutput<'app.status'> {
  if (session) return { vault: 'unlocked', users: [], session: sessionInfo(session) };
  const read = readKeyring(deps.folder.keyringPath);
  if (!deps.folder.databaseExists()) {
    return { vault: 'uninitialised', users: [], session: null };
  }
  if (read.state !== 'ok') return { vault: 'keyring_unreadable', users: [], session: null };
  const users = read.keyring.slots
    .map((s) => ({ username: s.username, displayName: s.displayName }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { vault: 'locked', users, session: null };
}

/** First run: a new vault with its settings and first admin, all or nothing. */
export async function setupVault(deps: VaultDeps, input: ParsedInput<'vault.setup'>): Promise<{ session: OpenSession; recoveryKey: string }> {
  const { folder, clock } = deps;
  if (folder.databaseExists() || existsSync(folder.keyringPath)) throw new AppError('VAULT_EXISTS', 'A vault already exists here.');
  // The admin's slot keys first (scrypt), so the admin is created with their key recorded.
  const keys = await prepareSlotKeys(input.newPassphrase);
  folder.prepareNew();
  const dataKey = newDataKey();
  const vaultId = randomUUID();
  let dataSource: DataSource | null = null;
  try {
    dataSource = await folder.open(dataKey, { create: true });
    const now = isoAt(clock);
    const { admin, slot } = await inWriteTransaction(dataSource, async (m): Promise<{ admin: UserAccount; slot: KeySlot }> => {
      await writeVaultId(m, vaultId);
      await writeSettings(m, {
        clinicName: input.clinicName,
        language: input.language,
        timeZone: input.timeZone,
        autoLockMinutes: 10,
        workingDays: [...DEFAULT_WORKING_DAYS],
      });
      const user = await m.getRepository(UserAccountEntity).save({
        username: input.username,
        displayName: input.displayName,
        role: 'admin' as const,
        active: true,
        createdAt: now,
        disabledAt: null,
        slotPublicKey: keys.publicKey,
      });
      const actor = { at: now, actorUserId: user.id, actorUsername: user.username };
      await appendAudit(m, { ...actor, action: 'vault.setup', recordType: 'vault', recordId: vaultId, outcome: 'success' });
      await appendAudit(m, { ...actor, action: 'user.create', recordType: 'user', recordId: String(user.id), outcome: 'success', detail: { role: 'admin' } });
      return { admin: user, slot: sealSlot(keys, { vaultId, userId: user.id, username: user.username, displayName: user.displayName, dataKey, now: new Date(clock.now()) }) };
    });
    writeKeyring(folder.keyringPath, withSlot(emptyKeyring(vaultId, keyCheckValue(dataKey, vaultId)), slot));
    const settings = await readSettings(dataSource);
    const session: OpenSession = { dataSource, dataKey, vaultId, user: toSessionUser(admin), settings, lastActivityMs: clock.now() };
    return { session, recoveryKey: formatRecoveryKey(dataKey.toString('hex')) };
  } catch (e) {
    // Leave no half-made vault behind: the wizard can simply be run again.
    if (dataSource?.isInitialized) await dataSource.destroy();
    discardSlotKeys(keys);
    dataKey.fill(0);
    rmSync(folder.dir, { recursive: true, force: true });
    throw e;
  }
}

function toSessionUser(u: { id: number; username: string; displayName: string; role: SessionUser['role'] }): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
}

/**
 * Open the database with a key a slot gave. If a rekey was interrupted after the
 * database changed but before the new keyring was promoted, the pending keyring holds
 * the slot that works: promote it and go on.
 */
async function openWithSlotKey(
  deps: VaultDeps,
  keyring: Keyring,
  username: string,
  passphrase: string,
  dataKey: Buffer,
): Promise<{ dataSource: DataSource; dataKey: Buffer; keyring: Keyring; rekeyCompleted?: boolean }> {
  const { folder } = deps;
  const check = folder.probe(dataKey);
  if (check === 'ok') {
    removeFileIfPresent(folder.pendingKeyringPath);
    return { dataSource: await folder.open(dataKey, { create: false }), dataKey, keyring };
  }
  if (check === 'damaged') throw new AppError('VAULT_DAMAGED', 'The vault file is damaged and cannot be opened safely.');
  const pending = readKeyring(folder.pendingKeyringPath);
  const pendingSlot = pending.state === 'ok' ? slotFor(pending.keyring, username) : undefined;
  const pendingKey = pendingSlot && pending.state === 'ok' ? await unlockSlot(pendingSlot, pending.keyring.vaultId, passphrase) : null;
  if (pending.state === 'ok' && pendingKey && folder.probe(pendingKey) === 'ok') {
    const promoted = await withKeyringLock(folder, async () => {
      const fresh = requireKeyring(folder);
      const next: Keyring = { ...pending.keyring, attempts: fresh.attempts, pendingAuditEvents: fresh.pendingAuditEvents };
      writeKeyring(folder.keyringPath, next);
      removeFileIfPresent(folder.pendingKeyringPath);
      return next;
    });
    dataKey.fill(0);
    return { dataSource: await folder.open(pendingKey, { create: false }), dataKey: pendingKey, keyring: promoted, rekeyCompleted: true };
  }
  // The slot gave this vault's key, yet the database refuses it: its first page is damaged.
  if (keyMatchesCheck(dataKey, keyring.vaultId, keyring.keyCheck)) {
    throw new AppError('VAULT_DAMAGED', 'The vault file is damaged and cannot be opened safely.');
  }
  throw new AppError('KEYRING_UNREADABLE', 'The keyring does not match this vault. Sign in with the recovery key to rebuild it.');
}

/**
 * Move failed attempts queued in the keyring into the audit log. The keyring is plain,
 * unauthenticated JSON, so an event enters the permanent log only when it names a real
 * user and a real past instant; anything else is dropped and the dropping is itself logged.
 */
async function flushPendingEvents(m: EntityManager, events: PendingAuditEvent[], nowIso: string): Promise<void> {
  const users = await m.getRepository(UserAccountEntity).find();
  let dropped = 0;
  for (const event of events) {
    const user = users.find((u) => u.username === event.username);
    const at = new Date(event.at);
    const wellFormed = !Number.isNaN(at.getTime()) && at.toISOString() === event.at && event.at <= nowIso;
    if (!user || !wellFormed) {
      dropped += 1;
      continue;
    }
    await appendAudit(m, {
      at: event.at,
      actorUserId: user.id,
      actorUsername: user.username,
      action: event.action,
      recordType: 'user',
      recordId: String(user.id),
      outcome: 'failure',
    });
  }
  if (dropped > 0) {
    await appendAudit(m, { at: nowIso, actorUserId: null, actorUsername: null, action: 'keyring.events_dropped', recordType: 'vault', recordId: null, outcome: 'failure', detail: { dropped } });
  }
}

export async function unlockVault(deps: VaultDeps, input: ParsedInput<'session.unlock'>): Promise<{ session: OpenSession; info: SessionInfo }> {
  const { folder, clock } = deps;
  const keyring = requireKeyring(folder);
  const slot = slotFor(keyring, input.username);
  if (!slot) throw new AppError('USER_NOT_FOUND', 'No user with that name can sign in to this vault.');
  assertAttemptAllowed(keyring, input.username, clock);
  const unwrapped = await unlockSlot(slot, keyring.vaultId, input.passphrase);
  if (!unwrapped) {
    const retryAfterMs = await recordFailure(folder, input.username, { action: 'session.unlock_failed', username: input.username }, clock);
    throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right.', { retryAfterMs });
  }
  const opened = await openWithSlotKey(deps, keyring, input.username, input.passphrase, unwrapped);
  // An interrupted rekey finished just now: its new recovery key was never shown, so the
  // printed one no longer opens the vault. The audit entry tells the admin to re-key.
  return finishSignIn(deps, opened, { userId: slot.userId, slotPublicKey: slot.publicKey }, 'session.unlock', opened.rekeyCompleted ? { interruptedRekeyCompleted: true } : {});
}

/** Common end of unlock and recovery: check the account, write the audit, reset attempts. */
async function finishSignIn(
  deps: VaultDeps,
  opened: { dataSource: DataSource; dataKey: Buffer; keyring: Keyring },
  signedInWith: { userId: number; slotPublicKey: string },
  action: 'session.unlock' | 'session.recover',
  detail: Record<string, boolean>,
): Promise<{ session: OpenSession; info: SessionInfo }> {
  const { dataSource, dataKey, keyring } = opened;
  try {
    const users = dataSource.getRepository(UserAccountEntity);
    const user = await users.findOneBy({ id: signedInWith.userId });
    if (!user) throw new AppError('USER_NOT_FOUND', 'No user with that name can sign in to this vault.');
    if (!user.active) throw new AppError('USER_DISABLED', 'This account has been disabled. Ask a clinic admin.');
    if (action === 'session.unlock' && user.slotPublicKey === null) {
      // No key recorded (a vault from before schema 2, or a user row left without one): the
      // database vouches for no slot of theirs, so none is trusted, not even one that opens.
      // A passphrase reset by an admin, or the recovery key, records a new key.
      throw user.role === 'admin'
        ? new AppError('ADMIN_KEY_NOT_RECORDED', 'No key is recorded for this account. Sign in with the recovery key to set a new passphrase, or ask another admin to reset it.')
        : new AppError('KEY_NOT_RECORDED', 'No key is recorded for this account. Ask a clinic admin to reset your passphrase.');
    }
    if (action === 'session.unlock' && user.slotPublicKey !== signedInWith.slotPublicKey) {
      // A slot that unwraps the data key yet is not the one recorded: refuse it.
      throw new AppError('KEYRING_UNREADABLE', 'This key slot is not the one recorded for this user. Sign in with the recovery key.');
    }
    const pending = keyring.pendingAuditEvents;
    const now = isoAt(deps.clock);
    const accounts = await inWriteTransaction(dataSource, async (m) => {
      // Recovery (which proved the data key) records its new slot; a sign-in never gets here with another key.
      if (user.slotPublicKey !== signedInWith.slotPublicKey) {
        await m.getRepository(UserAccountEntity).update({ id: user.id }, { slotPublicKey: signedInWith.slotPublicKey });
        user.slotPublicKey = signedInWith.slotPublicKey;
      }
      await flushPendingEvents(m, pending, now);
      await appendAudit(m, { at: now, actorUserId: user.id, actorUsername: user.username, action, recordType: 'user', recordId: String(user.id), outcome: 'success', detail });
      const everyone = await m.getRepository(UserAccountEntity).find();
      const dropped = keyring.slots.filter((slot) => !isVouched(slot, everyone)).length;
      if (dropped > 0) {
        await appendAudit(m, { at: now, actorUserId: user.id, actorUsername: user.username, action: 'keyring.slots_dropped', recordType: 'vault', recordId: null, outcome: 'success', detail: { dropped } });
      }
      return everyone;
    });
    // The per-user count is cleared only by that user's own sign-in (or a new passphrase),
    // so they hear of attempts on their account even if someone else signed in first.
    const failedForUser = requireKeyring(deps.folder).attempts[user.username]?.failures ?? 0;
    // Remove exactly the events now in the log; any that arrived meanwhile wait for the next sign-in.
    const flushed = new Set(pending.map((e) => JSON.stringify(e)));
    await updateKeyring(deps.folder, (fresh) => ({
      ...withAttemptsCleared(fresh, user.username, RECOVERY_ATTEMPTS_KEY),
      keyCheck: keyCheckValue(dataKey, fresh.vaultId),
      // Slots the database does not vouch for (planted, or of disabled users) are dropped.
      slots: fresh.slots.filter((slot) => isVouched(slot, accounts)),
      pendingAuditEvents: fresh.pendingAuditEvents.filter((e) => !flushed.has(JSON.stringify(e))),
    }));
    const settings = await readSettings(dataSource);
    const vaultId = await readVaultId(dataSource);
    const session: OpenSession = { dataSource, dataKey, vaultId, user: toSessionUser(user), settings, lastActivityMs: deps.clock.now() };
    return { session, info: sessionInfo(session, failedForUser) };
  } catch (e) {
    await dataSource.destroy();
    dataKey.fill(0);
    throw e;
  }
}

/**
 * A new passphrase for a user, proven by the recovery key. Works when the keyring is
 * missing or damaged: it is rebuilt, and other users then need an admin to reset theirs.
 */
export async function recoverWithKey(deps: VaultDeps, input: ParsedInput<'session.recover'>): Promise<{ session: OpenSession; info: SessionInfo }> {
  const { folder, clock } = deps;
  if (!folder.databaseExists()) throw new AppError('VAULT_NOT_FOUND', 'No vault was found in this folder.');
  const hex = parseRecoveryKey(input.recoveryKey);
  if (!hex) {
    throw new AppError('VALIDATION', 'The recovery key is 64 hex digits.', {
      issues: [{ path: 'recoveryKey', code: 'recovery_key_format', message: 'The recovery key is 64 hex digits.' }],
    });
  }
  const read = readKeyring(folder.keyringPath);
  const existing = read.state === 'ok' ? read.keyring : null;
  if (existing) assertAttemptAllowed(existing, RECOVERY_ATTEMPTS_KEY, clock);
  const dataKey = Buffer.from(hex, 'hex');
  const check = folder.probe(dataKey);
  if (check === 'damaged') throw new AppError('VAULT_DAMAGED', 'The vault file is damaged and cannot be opened safely.');
  if (check === 'wrong_key' && existing && keyMatchesCheck(dataKey, existing.vaultId, existing.keyCheck)) {
    // The right key, refused by a damaged first page: say so, and count no failure.
    throw new AppError('VAULT_DAMAGED', 'The vault file is damaged and cannot be opened safely.');
  }
  if (check === 'wrong_key') {
    const retryAfterMs = existing
      ? await recordFailure(folder, RECOVERY_ATTEMPTS_KEY, { action: 'session.recover_failed', username: input.username }, clock)
      : 0;
    throw new AppError('WRONG_RECOVERY_KEY', 'This recovery key does not open the vault.', { retryAfterMs });
  }
  const dataSource = await folder.open(dataKey, { create: false });
  try {
    const vaultId = await readVaultId(dataSource);
    const user = await dataSource.getRepository(UserAccountEntity).findOneBy({ username: input.username });
    if (!user) throw new AppError('USER_NOT_FOUND', 'No user with that name exists in this vault.');
    if (!user.active) throw new AppError('USER_DISABLED', 'This account has been disabled. Ask a clinic admin.');
    const slot = await createSlot({ vaultId, userId: user.id, username: user.username, displayName: user.displayName, passphrase: input.newPassphrase, dataKey, now: new Date(clock.now()) });
    const { keyring, rebuilt } = await withKeyringLock(folder, async () => {
      const fresh = readKeyring(folder.keyringPath);
      const usable = fresh.state === 'ok' && fresh.keyring.vaultId === vaultId ? fresh.keyring : null;
      // Keep only slots the database vouches for, never a planted one (the recovering
      // user's own is replaced by the new slot).
      const accounts = await dataSource.getRepository(UserAccountEntity).find();
      const keyCheck = keyCheckValue(dataKey, vaultId);
      const base = usable ? { ...usable, keyCheck, slots: usable.slots.filter((s) => s.userId !== user.id && isVouched(s, accounts)) } : emptyKeyring(vaultId, keyCheck);
      const next = withSlot(base, slot);
      writeKeyring(folder.keyringPath, next);
      removeFileIfPresent(folder.pendingKeyringPath);
      return { keyring: next, rebuilt: usable === null };
    });
    return await finishSignIn(deps, { dataSource, dataKey, keyring }, { userId: user.id, slotPublicKey: slot.publicKey }, 'session.recover', { keyringRebuilt: rebuilt });
  } catch (e) {
    if (dataSource.isInitialized) await dataSource.destroy();
    throw e;
  }
}

/** Check a signed-in user's passphrase again (before a rekey or a passphrase change). */
export async function confirmPassphrase(deps: VaultDeps, session: OpenSession, passphrase: string): Promise<void> {
  const keyring = requireKeyring(deps.folder);
  const slot = slotFor(keyring, session.user.username);
  if (!slot) throw new AppError('KEYRING_UNREADABLE', 'Your key slot is missing from the keyring.');
  assertAttemptAllowed(keyring, session.user.username, deps.clock);
  const key = await unlockSlot(slot, keyring.vaultId, passphrase);
  if (!key) {
    const retryAfterMs = await recordFailure(deps.folder, session.user.username, { action: 'session.unlock_failed', username: session.user.username }, deps.clock);
    throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right.', { retryAfterMs });
  }
  key.fill(0);
}

/**
 * Re-encrypt the database with a new data key and wrap it to every slot. Crash-safe:
 * the new keyring is written aside first; if the process dies after the database
 * changed, the next unlock finds the pending keyring and promotes it.
 */
export async function rekeyVault(deps: VaultDeps, session: OpenSession, passphrase: string): Promise<{ recoveryKey: string }> {
  const { folder, clock } = deps;
  await confirmPassphrase(deps, session, passphrase);
  const newKey = newDataKey();
  // The whole exchange holds the keyring lock: a failed unlock in another process must
  // not write back slots that still wrap the old key.
  const pending = await withKeyringLock(folder, async () => {
    const keyring = requireKeyring(folder);
    // The new key goes only to slots the database vouches for: a slot someone added to
    // the (unauthenticated) keyring file gets nothing and is dropped.
    const accounts = await session.dataSource.getRepository(UserAccountEntity).find();
    const vouched = keyring.slots.filter((s) => isVouched(s, accounts));
    const next: Keyring = { ...keyring, keyCheck: keyCheckValue(newKey, keyring.vaultId), slots: vouched.map((s) => rewrapSlot(s, keyring.vaultId, newKey)) };
    writeKeyring(folder.pendingKeyringPath, next);
    // Its connection would hold the file open under the old key; the next report starts a new one.
    await stopReportWorker(session);
    await session.dataSource.destroy();
    try {
      folder.changeKey(session.dataKey, newKey);
    } catch (e) {
      removeFileIfPresent(folder.pendingKeyringPath);
      session.dataSource = await folder.open(session.dataKey, { create: false });
      newKey.fill(0);
      throw e;
    }
    writeKeyring(folder.keyringPath, next);
    removeFileIfPresent(folder.pendingKeyringPath);
    return next;
  });
  session.dataKey.fill(0);
  session.dataKey = newKey;
  session.dataSource = await folder.open(newKey, { create: false });
  await inWriteTransaction(session.dataSource, (m) =>
    appendAudit(m, { at: isoAt(clock), actorUserId: session.user.id, actorUsername: session.user.username, action: 'vault.rekey', recordType: 'vault', recordId: session.vaultId, outcome: 'success', detail: { slots: pending.slots.length } }),
  );
  return { recoveryKey: formatRecoveryKey(newKey.toString('hex')) };
}
