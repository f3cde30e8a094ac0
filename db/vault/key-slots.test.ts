import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createSlot, newDataKey, prepareSlotKeys, rewrapSlot, sealSlot, unlockSlot, SCRYPT_PARAMS } from './key-slots';

describe('key slots', () => {
  const vaultId = randomUUID();
  const base = { vaultId, userId: 7, username: 'sari', displayName: 'Sari', now: new Date() };

  it('gives the data key back for the right passphrase only, at OWASP scrypt cost', async () => {
    const dataKey = newDataKey();
    const slot = await createSlot({ ...base, passphrase: 'embun pagi di kebun teh', dataKey });
    expect(slot.kdf).toMatchObject(SCRYPT_PARAMS);
    expect(slot.kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    expect((await unlockSlot(slot, vaultId, 'embun pagi di kebun teh'))?.equals(dataKey)).toBe(true);
    expect(await unlockSlot(slot, vaultId, 'embun pagi di kebun kopi')).toBeNull();
  });

  it('refuses a slot moved to another vault or altered in any byte', async () => {
    const dataKey = newDataKey();
    const slot = await createSlot({ ...base, passphrase: 'embun pagi di kebun teh', dataKey });
    expect(await unlockSlot(slot, randomUUID(), 'embun pagi di kebun teh')).toBeNull();
    const flipped = Buffer.from(slot.dataKey.ct, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(await unlockSlot({ ...slot, dataKey: { ...slot.dataKey, ct: flipped.toString('base64') } }, vaultId, 'embun pagi di kebun teh')).toBeNull();
    expect(await unlockSlot({ ...slot, userId: 8 }, vaultId, 'embun pagi di kebun teh')).toBeNull();
  });

  it('wraps a new data key to an existing slot without its passphrase (rekey)', async () => {
    const slot = await createSlot({ ...base, passphrase: 'embun pagi di kebun teh', dataKey: newDataKey() });
    const next = newDataKey();
    const rewrapped = rewrapSlot(slot, vaultId, next);
    expect((await unlockSlot(rewrapped, vaultId, 'embun pagi di kebun teh'))?.equals(next)).toBe(true);
    expect(rewrapped.privateKey).toEqual(slot.privateKey);
  });

  it('is made in two halves: the public key is known before the user’s id, and the secrets are wiped once sealed', async () => {
    const keys = await prepareSlotKeys('embun pagi di kebun teh');
    const dataKey = newDataKey();
    const slot = sealSlot(keys, { ...base, dataKey });
    expect(slot.publicKey).toBe(keys.publicKey);
    expect((await unlockSlot(slot, vaultId, 'embun pagi di kebun teh'))?.equals(dataKey)).toBe(true);
    expect(keys.kek.every((b) => b === 0) && keys.privateDer.every((b) => b === 0)).toBe(true);
  });
});
