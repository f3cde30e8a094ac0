import { canonicalJson } from '../../shared/reports/canonical-json';
import { reportDocumentSchema, type ReportDocument } from '../../shared/reports/report-document';
import type { ReportSigner } from './report-signature';

/** The canonical JSON a report's signature covers: the document without `signature`. */
export function signedContent(document: ReportDocument): string {
  const { signature: _signature, ...unsigned } = document;
  return canonicalJson(unsigned);
}

/**
 * The JSON report: the document (checked against its schema first, so nothing that is not
 * in the published shape can leave), signed with Ed25519 over its canonical JSON, written
 * pretty-printed for people (verification re-canonicalises, so layout does not matter).
 */
export function reportJson(document: ReportDocument, signer: ReportSigner): Buffer {
  const checked = reportDocumentSchema.parse({ ...document, signature: null });
  const value = signer.sign(Buffer.from(signedContent(checked), 'utf8')).toString('base64');
  const signed: ReportDocument = { ...checked, signature: { algorithm: 'Ed25519', publicKey: signer.publicKeyLine, value } };
  return Buffer.from(`${JSON.stringify(signed, null, 2)}\n`, 'utf8');
}
