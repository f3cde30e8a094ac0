import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The formats of trust in a report (issue 13), in one place:
 * - the public-key line agencies keep: `tenang-ed25519:<base64 of the raw 32-byte key>`;
 * - the `.sig` file kept beside a PDF or CSV: one line,
 *   `tenang-signature/1 tenang-ed25519:<base64 key> <base64 Ed25519 signature of the file's bytes>`
 *   and a line feed. It names the key so a wrong key is told apart from a changed file.
 * Ed25519 signs the bytes themselves (no pre-hash), so any tool can check it.
 */
export const PUBLIC_KEY_PREFIX = 'tenang-ed25519:';
export const SIGNATURE_FILE_TAG = 'tenang-signature/1';
export const SIGNATURE_FILE_SUFFIX = '.sig';

/** What signs a report: the clinic's key (signing-key.ts) or, in tests, any Ed25519 key. */
export interface ReportSigner {
  /** The public half as the line agencies keep. */
  publicKeyLine: string;
  sign(bytes: Uint8Array): Buffer;
}

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyLineOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return PUBLIC_KEY_PREFIX + der.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The key a public-key line names, or null when the line is not one. */
export function parsePublicKeyLine(line: string): KeyObject | null {
  const text = line.trim();
  if (!text.startsWith(PUBLIC_KEY_PREFIX)) return null;
  const encoded = text.slice(PUBLIC_KEY_PREFIX.length);
  if (!BASE64.test(encoded)) return null;
  const raw = Buffer.from(encoded, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== encoded) return null;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** Two public-key lines name the same key (whatever whitespace surrounds them). */
export function sameKeyLine(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

/** A signer over a PKCS #8 DER private key in base64, as the vault keeps it. */
export function signerFromPkcs8(privateKeyBase64: string): ReportSigner {
  const privateKey = createPrivateKey({ key: Buffer.from(privateKeyBase64, 'base64'), format: 'der', type: 'pkcs8' });
  const publicKeyLine = publicKeyLineOf(createPublicKey(privateKey));
  return { publicKeyLine, sign: (bytes) => sign(null, bytes, privateKey) };
}

export function signatureValid(bytes: Uint8Array, signatureBase64: string, publicKey: KeyObject): boolean {
  if (!BASE64.test(signatureBase64)) return false;
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, bytes, publicKey, signature);
}

/** The `.sig` file's text for a file's bytes. */
export function signatureFileText(bytes: Uint8Array, signer: ReportSigner): string {
  return `${SIGNATURE_FILE_TAG} ${signer.publicKeyLine} ${signer.sign(bytes).toString('base64')}\n`;
}

/** A `.sig` file read back, or null when it is not one. */
export function parseSignatureFile(text: string): { publicKeyLine: string; signature: string } | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 3 || parts[0] !== SIGNATURE_FILE_TAG) return null;
  return { publicKeyLine: parts[1]!, signature: parts[2]! };
}
