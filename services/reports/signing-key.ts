import { generateKeyPairSync } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClinicSigningKeyEntity, type ClinicSigningKeyRow } from '../../db/entities';
import { inWriteTransaction } from '../../db/transaction';
import { appendAudit } from '../audit-log';
import { actorOf } from '../actor';
import type { Clock } from '../clock';
import type { OpenSession } from '../session';
import { publicKeyLineOf, signerFromPkcs8, type ReportSigner } from './report-signature';

/**
 * The clinic's Ed25519 report-signing key (issue 13). It is made once, on first use, and
 * kept forever in `clinic_signing_key` (its triggers refuse UPDATE and DELETE): agencies
 * keep its public half, so a new key would make every report they hold unverifiable. The
 * private half (PKCS #8 DER, base64) lives only in the encrypted vault: the plaintext full
 * export leaves the table out (data-export.ts), the encrypted export and restore keep it.
 */

/**
 * The key, made now if the vault has none. Call inside a write transaction. `INSERT OR
 * IGNORE` on the one allowed id: if another process made the key first, theirs is kept
 * and read back, so two keys can never both be handed out.
 */
export async function ensureSigningKey(m: EntityManager, at: string): Promise<ClinicSigningKeyRow> {
  const existing = await m.getRepository(ClinicSigningKeyEntity).findOneBy({ id: 1 });
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  await m
    .createQueryBuilder()
    .insert()
    .into(ClinicSigningKeyEntity)
    .values({ id: 1, publicKey: publicKeyLineOf(publicKey), privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'), createdAt: at })
    .orIgnore()
    .execute();
  return m.getRepository(ClinicSigningKeyEntity).findOneByOrFail({ id: 1 });
}

/** What signs this vault's reports; call inside the write transaction that exports the report. */
export async function clinicSigner(m: EntityManager, at: string): Promise<ReportSigner> {
  const row = await ensureSigningKey(m, at);
  return signerFromPkcs8(row.privateKey);
}

/**
 * The signer, read only: for the report worker, whose connection cannot write. The app
 * makes the key (ensureSigningKey) before it hands the worker an export.
 */
export async function storedSigner(m: EntityManager): Promise<ReportSigner> {
  const row = await m.getRepository(ClinicSigningKeyEntity).findOneBy({ id: 1 });
  if (!row) throw new Error('The clinic signing key must be made before a report is signed');
  return signerFromPkcs8(row.privateKey);
}

/** The public half as the one line agencies keep (`tenang-ed25519:<base64>`). */
export async function publicKeyLine(m: EntityManager, at: string): Promise<string> {
  return (await ensureSigningKey(m, at)).publicKey;
}

/**
 * `tenang report public-key`: the line, shown to an admin (the caller checks the role, as
 * TenangApp.runAdminTask does) and audited as `report.public_key`.
 */
export async function showPublicKey(session: OpenSession, clock: Clock): Promise<{ publicKey: string }> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const row = await ensureSigningKey(m, actor.at);
    await appendAudit(m, { ...actor, action: 'report.public_key', recordType: 'clinic_signing_key', recordId: '1', outcome: 'success', detail: { createdAt: row.createdAt } });
    return { publicKey: row.publicKey };
  });
}
