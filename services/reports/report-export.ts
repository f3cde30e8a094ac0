import { inWriteTransaction } from '../../db/transaction';
import { appendAudit } from '../audit-log';
import { actorOf } from '../actor';
import type { Clock } from '../clock';
import { assertMayWrite, writePrivateFile } from '../private-file';
import type { OpenSession } from '../session';
import { buildReport, type PublishedRecord, type ReportRequest } from './report-builder';
import { makeReportFile, type ReportFileFormat } from './report-files';
import { registerPublication } from './report-register';
import { SIGNATURE_FILE_SUFFIX } from './report-signature';
import { clinicSigner } from './signing-key';
import type { LinearSolver } from '../../shared/reports/disclosure/linear-solver';

export type ReportFormat = ReportFileFormat;

export interface ReportExportTarget {
  path: string;
  /** Replace an existing file (the CLI's --force; the save dialog has asked already). */
  force: boolean;
}

export interface ReportExportSummary {
  path: string;
  sha256: string;
  registerId: number;
  signaturePath: string | null;
}

/**
 * Exports a report (issue 13): built, signed and entered in the register with the audit
 * entry in one write transaction, so the published values the register keeps are exactly
 * the ones in the file, and the next report is checked against them. The file (0600) and,
 * for a PDF or CSV, its `.sig` are written after the entry, never the other way round: a
 * file that left without its entry would escape the next report's disclosure check.
 */
export async function exportReport(session: OpenSession, clock: Clock, solver: LinearSolver, request: ReportRequest & { format: ReportFormat }, target: ReportExportTarget): Promise<ReportExportSummary> {
  const signaturePath = request.format === 'json' ? null : `${target.path}${SIGNATURE_FILE_SUFFIX}`;
  assertMayWrite(target.path, target.force);
  if (signaturePath) assertMayWrite(signaturePath, target.force);
  const { file, registerId } = await inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const built = await buildReport(m, solver, actor.at, request);
    const file = await makeReportFile(built.document, request.format, await clinicSigner(m, actor.at));
    const sha256 = file.sha256;
    const published: PublishedRecord = { document: built.document, hidden: built.hidden };
    const registerId = await registerPublication(m, {
      kind: 'agency_report',
      madeByUserId: actor.actorUserId,
      madeAt: actor.at,
      scopeKind: request.scope.kind,
      scopeName: built.document.scope.name,
      agencyIds: built.scope.agencyIds,
      periodFrom: built.period.from,
      periodTo: built.period.to,
      referralId: null,
      format: request.format,
      language: request.language,
      sha256,
      published,
    });
    await appendAudit(m, {
      ...actor,
      action: 'report.export',
      recordType: 'report_register',
      recordId: String(registerId),
      outcome: 'success',
      detail: { scope: request.scope.kind, agencies: built.scope.agencyIds.length, from: built.period.from, to: built.period.to, format: request.format, hidden: built.hidden.length, sha256 },
    });
    return { file, registerId };
  });
  writePrivateFile(target.path, file.bytes, target.force);
  if (signaturePath && file.signatureFile !== null) writePrivateFile(signaturePath, Buffer.from(file.signatureFile, 'utf8'), target.force);
  return { path: target.path, sha256: file.sha256, registerId, signaturePath };
}
