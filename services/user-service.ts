import { AppError } from '../shared/errors';
import type { ParsedInput, UserSummary } from '../shared/contract';
import { UserAccountEntity, type UserAccount } from '../db/entities';
import { createSlot, discardSlotKeys, prepareSlotKeys, sealSlot } from '../db/vault/key-slots';
import { readKeyring, withoutSlot, withSlot } from '../db/vault/keyring';
import { inWriteTransaction } from '../db/transaction';
import { appendAudit, type AuditFacts } from './audit-log';
import { logError } from './log';
import { isoAt } from './clock';
import { confirmPassphrase, type VaultDeps } from './vault-service';
import { isVouched, requireKeyring, updateKeyring, withAttemptsCleared } from './keyring-access';
import type { OpenSession } from './session';

function summary(user: UserAccount, slotUserIds: Set<number>): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    createdAt: user.createdAt,
    disabledAt: user.disabledAt,
    canUnlock: user.active && slotUserIds.has(user.id),
  };
}

/** Users who hold a slot the database vouches for: they can unlock with a passphrase. */
async function slotUserIds(deps: VaultDeps, session: OpenSession): Promise<Set<number>> {
  const read = readKeyring(deps.folder.keyringPath);
  if (read.state !== 'ok') return new Set();
  const users = await session.dataSource.getRepository(UserAccountEntity).find();
  return new Set(read.keyring.slots.filter((s) => isVouched(s, users)).map((s) => s.userId));
}

export async function listUsers(deps: VaultDeps, session: OpenSession): Promise<UserSummary[]> {
  const users = await session.dataSource.getRepository(UserAccountEntity).find({ order: { displayName: 'ASC' } });
  const slots = await slotUserIds(deps, session);
  return users.map((u) => summary(u, slots));
}

async function findUser(session: OpenSession, userId: number): Promise<UserAccount> {
  const user = await session.dataSource.getRepository(UserAccountEntity).findOneBy({ id: userId });
  if (!user) throw new AppError('USER_NOT_FOUND', 'There is no such user.');
  return user;
}

/**
 * Give a user a fresh key slot under a new passphrase, replacing any old one. Its public
 * key is recorded in the database, with the audit entry, before the keyring is written:
 * only recorded keys ever receive a data key. Should the keyring write fail after that,
 * the user's old slot is no longer vouched for: they need a new passphrase again, and
 * nobody gains anything.
 */
async function giveSlot(deps: VaultDeps, session: OpenSession, user: UserAccount, passphrase: string, audit: AuditFacts): Promise<void> {
  const slot = await createSlot({ vaultId: session.vaultId, userId: user.id, username: user.username, displayName: user.displayName, passphrase, dataKey: session.dataKey, now: new Date(deps.clock.now()) });
  await inWriteTransaction(session.dataSource, async (m) => {
    await m.getRepository(UserAccountEntity).update({ id: user.id }, { slotPublicKey: slot.publicKey });
    await appendAudit(m, audit);
  });
  await updateKeyring(deps.folder, (fresh) => withAttemptsCleared(withSlot(fresh, slot), user.username));
}

/**
 * A new user in one step: their slot's keys are made first (scrypt, the slow part), then
 * ONE transaction creates the user with the slot's public key recorded and the audit
 * entry, and only then is the slot written to the keyring. No moment exists at which an
 * active user has no recorded key, so a crash can never leave a user whose slot (planted
 * in the keyring by anyone who can write the folder) the database would take on trust.
 */
export async function createUser(deps: VaultDeps, session: OpenSession, input: ParsedInput<'users.create'>): Promise<UserSummary> {
  const repo = session.dataSource.getRepository(UserAccountEntity);
  if (await repo.findOneBy({ username: input.username })) {
    throw new AppError('USERNAME_TAKEN', 'That username is already in use.', {
      issues: [{ path: 'username', code: 'username_taken', message: 'That username is already in use.' }],
    });
  }
  requireKeyring(deps.folder);
  const now = isoAt(deps.clock);
  const keys = await prepareSlotKeys(input.newPassphrase);
  const { user, slot } = await inWriteTransaction(session.dataSource, async (m) => {
    const created = await m.getRepository(UserAccountEntity).save({ username: input.username, displayName: input.displayName, role: input.role, active: true, createdAt: now, disabledAt: null, slotPublicKey: keys.publicKey });
    await appendAudit(m, { at: now, actorUserId: session.user.id, actorUsername: session.user.username, action: 'user.create', recordType: 'user', recordId: String(created.id), outcome: 'success', detail: { role: input.role } });
    return { user: created, slot: sealSlot(keys, { vaultId: session.vaultId, userId: created.id, username: created.username, displayName: created.displayName, dataKey: session.dataKey, now: new Date(deps.clock.now()) }) };
  }).finally(() => discardSlotKeys(keys));
  try {
    await updateKeyring(deps.folder, (fresh) => withAttemptsCleared(withSlot(fresh, slot), user.username));
  } catch (e) {
    // The user and their recorded key are committed; only their slot is missing. That is
    // safe: they cannot sign in (the list says "needs a passphrase") until an admin resets
    // their passphrase, which records a new key and writes its slot.
    logError('users.create keyring', e);
  }
  return summary(user, await slotUserIds(deps, session));
}

export async function disableUser(deps: VaultDeps, session: OpenSession, userId: number): Promise<UserSummary> {
  if (userId === session.user.id) throw new AppError('CANNOT_DISABLE_SELF', 'You cannot disable your own account.');
  const user = await findUser(session, userId);
  if (!user.active) return summary(user, await slotUserIds(deps, session));
  if (user.role === 'admin') {
    const activeAdmins = await session.dataSource.getRepository(UserAccountEntity).countBy({ role: 'admin', active: true });
    if (activeAdmins <= 1) throw new AppError('LAST_ADMIN', 'The last active admin cannot be disabled.');
  }
  const now = isoAt(deps.clock);
  const updated = await inWriteTransaction(session.dataSource, async (m) => {
    await m.getRepository(UserAccountEntity).update({ id: user.id }, { active: false, disabledAt: now, slotPublicKey: null });
    await appendAudit(m, { at: now, actorUserId: session.user.id, actorUsername: session.user.username, action: 'user.disable', recordType: 'user', recordId: String(user.id), outcome: 'success' });
    return { ...user, active: false, disabledAt: now, slotPublicKey: null };
  });
  // Removing the slot is what stops them unlocking; the row stays for the audit trail.
  await updateKeyring(deps.folder, (fresh) => withoutSlot(fresh, user.id));
  return summary(updated, await slotUserIds(deps, session));
}

export async function resetPassphrase(deps: VaultDeps, session: OpenSession, input: ParsedInput<'users.resetPassphrase'>): Promise<UserSummary> {
  // Your own passphrase changes only with the current one (account.changePassphrase):
  // otherwise anyone at an unlocked admin desk could lock the real admin out.
  if (input.userId === session.user.id) {
    throw new AppError('CANNOT_RESET_OWN_PASSPHRASE', 'Change your own passphrase under My account.');
  }
  const user = await findUser(session, input.userId);
  if (!user.active) throw new AppError('USER_DISABLED', 'This account is disabled.');
  await giveSlot(deps, session, user, input.newPassphrase, { at: isoAt(deps.clock), actorUserId: session.user.id, actorUsername: session.user.username, action: 'user.passphrase_reset', recordType: 'user', recordId: String(user.id), outcome: 'success' });
  return summary(user, await slotUserIds(deps, session));
}

export async function changeOwnPassphrase(deps: VaultDeps, session: OpenSession, input: ParsedInput<'account.changePassphrase'>): Promise<void> {
  await confirmPassphrase(deps, session, input.currentPassphrase);
  const user = await findUser(session, session.user.id);
  await giveSlot(deps, session, user, input.newPassphrase, { at: isoAt(deps.clock), actorUserId: user.id, actorUsername: user.username, action: 'user.passphrase_change', recordType: 'user', recordId: String(user.id), outcome: 'success' });
}
