import { existsSync, readFileSync } from 'node:fs';
import { canonicalJson } from '../../shared/reports/canonical-json';
import { reportSignatureSchema } from '../../shared/reports/report-document';
import { parsePublicKeyLine, parseSignatureFile, sameKeyLine, signatureValid, SIGNATURE_FILE_SUFFIX } from './report-signature';

/**
 * Check a report file against the public-key line an agency keeps, without a vault
 * (`tenang report verify FILE --public-key KEY`). A JSON report carries its signature
 * (over the canonical JSON of the document without `signature`); any other file (PDF,
 * CSV, or a JSON without one) is checked against `FILE.sig` beside it.
 */
export const VERIFY_FAILURES = [
  /** The key given is not a `tenang-ed25519:` line. */
  'bad_key',
  /** The file cannot be read. */
  'unreadable',
  /** No embedded signature and no readable `.sig` beside the file. */
  'no_signature',
  /** Signed by another key than the one given. */
  'wrong_key',
  /** Signed by the key given, but the content is not what was signed. */
  'changed',
] as const;
export type VerifyFailure = (typeof VERIFY_FAILURES)[number];

export type VerifyResult = { ok: true; signedBy: 'embedded' | 'sig_file' } | { ok: false; reason: VerifyFailure };

export function verifyReportFile(path: string, publicKeyLine: string): VerifyResult {
  const key = parsePublicKeyLine(publicKeyLine);
  if (!key) return { ok: false, reason: 'bad_key' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const embedded = embeddedSignature(bytes);
  if (embedded) {
    if (!sameKeyLine(embedded.signature.publicKey, publicKeyLine)) return { ok: false, reason: 'wrong_key' };
    return signatureValid(Buffer.from(canonicalJson(embedded.unsigned), 'utf8'), embedded.signature.value, key) ? { ok: true, signedBy: 'embedded' } : { ok: false, reason: 'changed' };
  }
  const sigPath = path + SIGNATURE_FILE_SUFFIX;
  if (!existsSync(sigPath)) return { ok: false, reason: 'no_signature' };
  let sig: ReturnType<typeof parseSignatureFile>;
  try {
    sig = parseSignatureFile(readFileSync(sigPath, 'utf8'));
  } catch {
    return { ok: false, reason: 'no_signature' };
  }
  if (!sig) return { ok: false, reason: 'no_signature' };
  if (!sameKeyLine(sig.publicKeyLine, publicKeyLine)) return { ok: false, reason: 'wrong_key' };
  return signatureValid(bytes, sig.signature, key) ? { ok: true, signedBy: 'sig_file' } : { ok: false, reason: 'changed' };
}

/** The JSON document in the bytes and its signature, when the bytes are a JSON object that carries one. */
function embeddedSignature(bytes: Buffer): { unsigned: Record<string, unknown>; signature: { publicKey: string; value: string } } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const { signature, ...unsigned } = parsed as Record<string, unknown>;
  const checked = reportSignatureSchema.safeParse(signature);
  return checked.success ? { unsigned, signature: checked.data } : null;
}
