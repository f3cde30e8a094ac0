import { inWriteTransaction } from '../../db/transaction';
import { AppError } from '../../shared/errors';
import { appendAudit } from '../audit-log';
import { actorOf } from '../actor';
import { isoAt, type Clock } from '../clock';
import { assertMayWrite, writePrivateFile } from '../private-file';
import type { OpenSession } from '../session';
import type { PublishedRecord, ReportRequest } from './report-builder';
import type { ReportFileFormat } from './report-files';
import type { ReportJobResult } from './report-job';
import { latestReportEntryId, registerPublication } from './report-register';
import { runInReportWorker, type ReportRunOptions } from './report-run';
import { SIGNATURE_FILE_SUFFIX } from './report-signature';
import { ensureSigningKey } from './signing-key';

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

/** A report published meanwhile sends the build round again; this many times, then the admin is asked to try later. */
const BUILD_ATTEMPTS = 3;

/**
 * Exports a report (issue 13). The report worker builds and signs it on one snapshot of
 * the vault; then its register entry (the published values, which the next report is
 * checked against) and the audit entry are written in one transaction, but only if no
 * other report was entered since that snapshot: one that was is not part of this
 * report's disclosure check, so the report is built again. The file (0600) and, for a
 * PDF or CSV, its `.sig` are written after the entry, never the other way round: a file
 * that left without its entry would escape the next report's disclosure check.
 */
export async function exportReport(session: OpenSession, clock: Clock, request: ReportRequest & { format: ReportFormat }, target: ReportExportTarget, options: ReportRunOptions = {}): Promise<ReportExportSummary> {
  const signaturePath = request.format === 'json' ? null : `${target.path}${SIGNATURE_FILE_SUFFIX}`;
  assertMayWrite(target.path, target.force);
  if (signaturePath) assertMayWrite(signaturePath, target.force);
  const nowIso = isoAt(clock);
  // The worker's connection cannot write: the key is made here, once, if the vault has none yet.
  await inWriteTransaction(session.dataSource, (m) => ensureSigningKey(m, nowIso));

  for (let attempt = 1; ; attempt++) {
    const job = await runInReportWorker(session, { nowIso, request, format: request.format }, options);
    const registerId = await enterInRegister(session, clock, request, job);
    if (registerId !== null) {
      const file = job.file!;
      writePrivateFile(target.path, file.bytes, target.force);
      if (signaturePath && file.signatureFile !== null) writePrivateFile(signaturePath, Buffer.from(file.signatureFile, 'utf8'), target.force);
      return { path: target.path, sha256: file.sha256, registerId, signaturePath };
    }
    if (attempt === BUILD_ATTEMPTS) throw new AppError('VAULT_BUSY', 'Other reports are being published from this vault right now. Try again in a moment.');
  }
}

/** The register and audit entries of a built report; null when the register moved on since its snapshot. */
function enterInRegister(session: OpenSession, clock: Clock, request: ReportRequest & { format: ReportFormat }, { built, file, registerSeenUpTo }: ReportJobResult): Promise<number | null> {
  return inWriteTransaction(session.dataSource, async (m) => {
    if ((await latestReportEntryId(m)) !== registerSeenUpTo) return null;
    const actor = actorOf(session, clock);
    const sha256 = file!.sha256;
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
    return registerId;
  });
}
