import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, scrypt, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Key slots. Each user's slot holds an X25519 key pair: the private key is wrapped with
 * AES-256-GCM under a key derived from the user's passphrase (scrypt), and the vault's
 * data key is wrapped to the public key (ECDH + HKDF + AES-256-GCM). So:
 * - a passphrase change rewraps one private key (one slot);
 * - an admin can give any user a slot, and `rekey` can wrap a NEW data key to every
 *   user's public key without knowing anyone's passphrase;
 * - nothing stored inside the database lets an old data key open a new slot.
 */

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 as the minimum. */
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 256 * 1024 * 1024;

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}

export interface Sealed {
  iv: string;
  ct: string;
  tag: string;
}

export interface WrappedDataKey extends Sealed {
  ephemeralPublicKey: string;
}

export interface KeySlot {
  userId: number;
  username: string;
  displayName: string;
  kdf: KdfParams;
  publicKey: string;
  privateKey: Sealed;
  dataKey: WrappedDataKey;
  createdAt: string;
}

const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: b64(iv), ct: b64(ct), tag: b64(cipher.getAuthTag()) };
}

/** Returns null when the key is wrong or anything was altered (GCM authentication). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const iv = unb64(sealed.iv);
    const tag = unb64(sealed.tag);
    // A truncated tag would weaken the authentication: only full 96-bit IVs and 128-bit tags.
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(unb64(sealed.ct)), decipher.final()]);
  } catch {
    return null;
  }
}

export function deriveKek(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), unb64(kdf.salt), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: SCRYPT_MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

const privateKeyAad = (vaultId: string, userId: number) => `tenang/slot-private-key/v1/${vaultId}/${userId}`;
const dataKeyAad = (vaultId: string, userId: number) => `tenang/slot-data-key/v1/${vaultId}/${userId}`;

function wrapToPublicKey(dataKey: Buffer, recipient: KeyObject, aad: string): WrappedDataKey {
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const ephemeralDer = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const recipientDer = recipient.export({ type: 'spki', format: 'der' });
  const wrapKey = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralDer, recipientDer]), aad, 32));
  return { ephemeralPublicKey: b64(ephemeralDer), ...seal(wrapKey, dataKey, aad) };
}

function unwrapWithPrivateKey(wrapped: WrappedDataKey, privateKey: KeyObject, recipientDer: Buffer, aad: string): Buffer | null {
  const ephemeral = createPublicKey({ key: unb64(wrapped.ephemeralPublicKey), format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey, publicKey: ephemeral });
  const wrapKey = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([unb64(wrapped.ephemeralPublicKey), recipientDer]), aad, 32));
  return open(wrapKey, wrapped, aad);
}

/**
 * The slow half of a new slot: the passphrase's key (scrypt) and a fresh key pair, before
 * the user has an id. Its public key can be recorded with a new user in the same
 * transaction that creates them; `sealSlot` then binds it to their id. Holds secrets:
 * seal it or `discardSlotKeys` it.
 */
export interface SlotKeys {
  readonly kdf: KdfParams;
  readonly publicKey: string;
  readonly kek: Buffer;
  readonly privateDer: Buffer;
}

export async function prepareSlotKeys(passphrase: string): Promise<SlotKeys> {
  const kdf: KdfParams = { name: 'scrypt', ...SCRYPT_PARAMS, salt: b64(randomBytes(16)) };
  const kek = await deriveKek(passphrase, kdf);
  const pair = generateKeyPairSync('x25519');
  return {
    kdf,
    publicKey: b64(pair.publicKey.export({ type: 'spki', format: 'der' })),
    kek,
    privateDer: pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** Forget a prepared slot's secrets (sealing does it too; doing it twice is harmless). */
export function discardSlotKeys(keys: SlotKeys): void {
  keys.kek.fill(0);
  keys.privateDer.fill(0);
}

/** The fast half: the private key sealed under the passphrase's key and the data key wrapped to the public key, both bound to the user's id. */
export function sealSlot(
  keys: SlotKeys,
  args: { vaultId: string; userId: number; username: string; displayName: string; dataKey: Buffer; now: Date },
): KeySlot {
  try {
    const publicKey = createPublicKey({ key: unb64(keys.publicKey), format: 'der', type: 'spki' });
    return {
      userId: args.userId,
      username: args.username,
      displayName: args.displayName,
      kdf: keys.kdf,
      publicKey: keys.publicKey,
      privateKey: seal(keys.kek, keys.privateDer, privateKeyAad(args.vaultId, args.userId)),
      dataKey: wrapToPublicKey(args.dataKey, publicKey, dataKeyAad(args.vaultId, args.userId)),
      createdAt: args.now.toISOString(),
    };
  } finally {
    discardSlotKeys(keys);
  }
}

/** A new slot for a user: fresh key pair, fresh salt, the data key wrapped to it. */
export async function createSlot(args: {
  vaultId: string;
  userId: number;
  username: string;
  displayName: string;
  passphrase: string;
  dataKey: Buffer;
  now: Date;
}): Promise<KeySlot> {
  const { passphrase, ...binding } = args;
  return sealSlot(await prepareSlotKeys(passphrase), binding);
}

/** The data key, or null when the passphrase is wrong or the slot was altered. */
export async function unlockSlot(slot: KeySlot, vaultId: string, passphrase: string): Promise<Buffer | null> {
  const kek = await deriveKek(passphrase, slot.kdf);
  const privateDer = open(kek, slot.privateKey, privateKeyAad(vaultId, slot.userId));
  kek.fill(0);
  if (!privateDer) return null;
  try {
    const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
    return unwrapWithPrivateKey(slot.dataKey, privateKey, unb64(slot.publicKey), dataKeyAad(vaultId, slot.userId));
  } finally {
    privateDer.fill(0);
  }
}

/** The same slot with a new data key wrapped to its public key (rekey needs no passphrase). */
export function rewrapSlot(slot: KeySlot, vaultId: string, newDataKey: Buffer): KeySlot {
  const publicKey = createPublicKey({ key: unb64(slot.publicKey), format: 'der', type: 'spki' });
  return { ...slot, dataKey: wrapToPublicKey(newDataKey, publicKey, dataKeyAad(vaultId, slot.userId)) };
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/**
 * A value that tells whether a key is this vault's data key without opening the
 * database: HMAC-SHA256 under the key. It lets a damaged first page of the database
 * be told apart from a wrong key. It reveals nothing usable about a 256-bit key.
 */
export function keyCheckValue(dataKey: Buffer, vaultId: string): string {
  return createHmac('sha256', dataKey).update(`tenang/key-check/v1/${vaultId}`).digest('hex');
}

export function keyMatchesCheck(dataKey: Buffer, vaultId: string, keyCheck: string | undefined): boolean {
  if (!keyCheck) return false;
  const expected = Buffer.from(keyCheckValue(dataKey, vaultId), 'hex');
  const given = Buffer.from(keyCheck, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
