import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../shared/errors';

/**
 * A passphrase-protected full export: the export's JSON encrypted with AES-256-GCM under
 * a key derived from the passphrase with scrypt, wrapped in a small JSON envelope that
 * names the parameters. The envelope's fields are bound to the ciphertext as associated
 * data, so neither the ciphertext nor the parameters can be changed unnoticed; a wrong
 * passphrase and a tampered file look the same (GCM cannot tell them apart).
 */
export const ENCRYPTED_EXPORT_FORMAT = 'tenang-export-encrypted';

/**
 * Twice the key slots' cost (N=2^17 is OWASP's minimum): an export file leaves the vault,
 * may sit on a USB stick for years, and can be attacked offline at leisure. About 1.4 s
 * and 256 MiB on a clinic desktop, once per export or restore.
 */
export const EXPORT_SCRYPT = { N: 2 ** 18, r: 8, p: 1 } as const;

const unreadable = () => new AppError('EXPORT_UNREADABLE', 'This export file cannot be read: it is damaged, not a Tenang export, or the passphrase is wrong.');

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
// Bounded both ways: a file edited to a weak cost must not be accepted, nor one that would
// make the restore allocate gigabytes.
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 17)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0),
  r: z.number().int().min(8).max(16),
  p: z.number().int().min(1).max(4),
  salt: base64.min(16),
});
const envelopeSchema = z.object({
  format: z.literal(ENCRYPTED_EXPORT_FORMAT),
  formatVersion: z.literal(1),
  kdf: kdfSchema,
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: base64 }),
  ciphertext: base64,
  tag: base64,
});
type Envelope = z.infer<typeof envelopeSchema>;
type EnvelopeHeader = Omit<Envelope, 'ciphertext' | 'tag'>;

/** Every header field, in a fixed order, as the associated data of the encryption. */
function associatedData(h: EnvelopeHeader): Buffer {
  return Buffer.from(JSON.stringify([h.format, h.formatVersion, h.kdf.name, h.kdf.N, h.kdf.r, h.kdf.p, h.kdf.salt, h.cipher.name, h.cipher.iv]), 'utf8');
}

function deriveKey(passphrase: string, kdf: EnvelopeHeader['kdf']): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export function isEncryptedExport(parsed: unknown): boolean {
  return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === ENCRYPTED_EXPORT_FORMAT;
}

/**
 * The envelope's text, piece by piece, for the export's text given piece by piece: the
 * file is written as it is encrypted, never held whole in memory twice.
 */
export async function sealChunks(plaintext: Iterable<string>, passphrase: string): Promise<Iterable<string>> {
  const header: EnvelopeHeader = {
    format: ENCRYPTED_EXPORT_FORMAT,
    formatVersion: 1,
    kdf: { name: 'scrypt', ...EXPORT_SCRYPT, salt: randomBytes(16).toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: randomBytes(12).toString('base64') },
  };
  const key = await deriveKey(passphrase, header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  key.fill(0);
  cipher.setAAD(associatedData(header));
  return (function* () {
    yield `${JSON.stringify(header).slice(0, -1)},"ciphertext":"`;
    // Base64 in whole groups of three bytes, so the pieces join into one valid string.
    let carry = Buffer.alloc(0);
    for (const piece of plaintext) {
      const bytes = Buffer.concat([carry, cipher.update(piece, 'utf8')]);
      const whole = bytes.length - (bytes.length % 3);
      yield bytes.subarray(0, whole).toString('base64');
      carry = bytes.subarray(whole);
    }
    const last = Buffer.concat([carry, cipher.final()]);
    yield `${last.toString('base64')}","tag":"${cipher.getAuthTag().toString('base64')}"}\n`;
  })();
}

/** The export's bytes (UTF-8 JSON) from a parsed envelope; EXPORT_UNREADABLE for anything wrong, passphrase included. */
export async function openEnvelope(parsed: unknown, passphrase: string): Promise<Buffer> {
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) throw unreadable();
  const { ciphertext, tag, ...header } = envelope.data;
  const iv = Buffer.from(header.cipher.iv, 'base64');
  const authTag = Buffer.from(tag, 'base64');
  // Only full 96-bit IVs and 128-bit tags: a truncated tag would weaken the authentication.
  if (iv.length !== 12 || authTag.length !== 16) throw unreadable();
  const key = await deriveKey(passphrase, header.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(associatedData(header));
    decipher.setAuthTag(authTag);
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw unreadable();
  } finally {
    key.fill(0);
  }
}
