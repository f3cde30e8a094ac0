import { createHash } from 'node:crypto';
import type { ReportDocument } from '../../shared/reports/report-document';
import { reportCsv } from './report-csv';
import { reportJson } from './report-json';
import { renderReportPdf, type ReportPdfOptions } from './pdf/report-pdf';
import { signatureFileText, type ReportSigner } from './report-signature';

/**
 * The report files an admin exports (issue 13), from one published document:
 * - `json`: the document with its Ed25519 signature inside (report-json.ts);
 * - `csv`: the tidy table (report-csv.ts), signed by a `.sig` file beside it;
 * - `pdf`: the agency-facing document (pdf/report-pdf.ts), signed by a `.sig` file beside it.
 * The `.sig` line is `tenang-signature/1 <public-key line> <base64 signature of the file's
 * bytes>` (report-signature.ts). Writing the files, the register and the audit are the
 * caller's: this only makes the bytes.
 */
export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;
export type ReportFileFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  format: ReportFileFormat;
  bytes: Buffer;
  /** The text of `FILE.sig` for CSV and PDF; null for JSON, which carries its signature. */
  signatureFile: string | null;
  /** SHA-256 of `bytes`, hex: what the register keeps. */
  sha256: string;
}

export async function makeReportFile(document: ReportDocument, format: ReportFileFormat, signer: ReportSigner, options: ReportPdfOptions = {}): Promise<ReportFile> {
  const bytes = format === 'json' ? reportJson(document, signer) : format === 'csv' ? reportCsv(document) : (await renderReportPdf(document, options)).bytes;
  return {
    format,
    bytes,
    signatureFile: format === 'json' ? null : signatureFileText(bytes, signer),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
