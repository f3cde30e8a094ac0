import type { ChannelOutput, EventPayload, ParsedInput } from '../../shared/contract';
import { AgencyEntity, UserAccountEntity } from '../../db/entities';
import { inWriteTransaction } from '../../db/transaction';
import { AppError } from '../../shared/errors';
import { clinicDate } from '../../shared/domain/clinic-time';
import { appendAudit } from '../audit-log';
import { actorOf } from '../actor';
import { isoAt, type Clock } from '../clock';
import type { OpenSession } from '../session';
import type { GiveWayWhile } from '../request-queue';
import { periodOrRefuse } from './report-builder';
import { exportReport } from './report-export';
import { readRegister } from './report-register';
import { runInReportWorker, type ReportRunOptions } from './report-run';
import { reportWorkerOf } from './report-worker';
import { publicKeyLine } from './signing-key';

/**
 * The report channels (issue 13), for admins: the dispatcher has checked the role. Each
 * is audited; a preview records the scope and period it was asked for, never its values.
 * Reports are built in the session's worker thread (report-worker.ts).
 */
export async function reportOptions(session: OpenSession, clock: Clock): Promise<ChannelOutput<'reports.options'>> {
  const agencies = await session.dataSource.getRepository(AgencyEntity).find({ order: { name: 'ASC' } });
  // Started now, so its modules have loaded by the time the admin has chosen what to build.
  reportWorkerOf(session);
  return {
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, sector: a.sector })),
    currentMonth: clinicDate(isoAt(clock), session.settings.timeZone).slice(0, 7),
  };
}

interface ReportDeps {
  clock: Clock;
  whileOthersRun: GiveWayWhile;
  notify(event: 'reports.progress', payload: EventPayload<'reports.progress'>): void;
}

/** Other requests are answered while the worker builds; the window hears each stage as it begins. */
function runOptions(deps: ReportDeps, kind: 'preview' | 'export'): ReportRunOptions {
  return { whileOthersRun: deps.whileOthersRun, onStage: (stage) => deps.notify('reports.progress', { kind, stage }) };
}

export async function previewReport(session: OpenSession, deps: ReportDeps, input: ParsedInput<'reports.preview'>): Promise<ChannelOutput<'reports.preview'>> {
  const { built } = await runInReportWorker(session, { nowIso: isoAt(deps.clock), request: input, format: null }, runOptions(deps, 'preview'));
  await inWriteTransaction(session.dataSource, (m) =>
    appendAudit(m, { ...actorOf(session, deps.clock), action: 'report.preview', recordType: 'report', recordId: null, outcome: 'success', detail: { scope: input.scope.kind, agencies: built.scope.agencyIds.length, from: built.period.from, to: built.period.to } }),
  );
  return { document: built.document, hidden: built.hidden, pinnedBeforeThisReport: built.pinnedBeforeThisReport, checkedAgainst: built.checkedAgainst };
}

interface ExportDeps extends ReportDeps {
  chooseSavePath: ((suggestedName: string) => Promise<string | null>) | null;
}

/** The export asked for in the app: the admin picks the file in the system's save dialog (which asks before replacing one). */
export async function exportReportFromApp(session: OpenSession, deps: ExportDeps, input: ParsedInput<'reports.export'>): Promise<ChannelOutput<'reports.export'>> {
  if (!deps.chooseSavePath) throw new AppError('SAVE_UNAVAILABLE', 'Choosing where to save a file needs the desktop app; use `tenang report build` here.');
  const period = periodOrRefuse(input.period);
  // The suggested name says the period only: never an agency's or a client's name.
  const path = await deps.chooseSavePath(`tenang-report-${period.from}_${period.to}.${input.format}`);
  if (path === null) return { outcome: 'cancelled' };
  const summary = await exportReport(session, deps.clock, input, { path, force: true }, runOptions(deps, 'export'));
  return { outcome: 'exported', ...summary };
}

export async function reportRegister(session: OpenSession, clock: Clock): Promise<ChannelOutput<'reports.register'>> {
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const entries = await readRegister(m);
    const users = new Map((await m.getRepository(UserAccountEntity).find()).map((u) => [u.id, u.displayName]));
    const publicKey = await publicKeyLine(m, actor.at);
    await appendAudit(m, { ...actor, action: 'report.register_view', recordType: 'report_register', recordId: null, outcome: 'success', detail: { entries: entries.length } });
    return {
      publicKey,
      entries: entries.map((e) => ({
        id: e.id,
        kind: e.kind,
        madeAt: e.madeAt,
        madeBy: users.get(e.madeByUserId) ?? '—',
        scopeKind: e.scopeKind,
        scopeName: e.scopeName,
        periodFrom: e.periodFrom,
        periodTo: e.periodTo,
        referralId: e.referralId,
        format: e.format,
        language: e.language,
        sha256: e.sha256,
      })),
    };
  });
}
