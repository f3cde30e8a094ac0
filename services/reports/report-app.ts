import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { AgencyEntity, UserAccountEntity } from '../../db/entities';
import { inWriteTransaction } from '../../db/transaction';
import { AppError } from '../../shared/errors';
import { clinicDate } from '../../shared/domain/clinic-time';
import type { LinearSolver } from '../../shared/reports/disclosure/linear-solver';
import { appendAudit } from '../audit-log';
import { actorOf } from '../actor';
import { isoAt, type Clock } from '../clock';
import type { OpenSession } from '../session';
import { highsSolver } from './highs-solver';
import { buildReport, periodOrRefuse } from './report-builder';
import { exportReport } from './report-export';
import { readRegister } from './report-register';
import { publicKeyLine } from './signing-key';

/**
 * The report channels (issue 13), for admins: the dispatcher has checked the role. Each
 * is audited; a preview records the scope and period it was asked for, never its values.
 */

let solver: Promise<LinearSolver> | null = null;
/** The LP solver behind disclosure control, loaded once (a WebAssembly module). */
export function reportSolver(): Promise<LinearSolver> {
  if (solver === null) solver = highsSolver();
  return solver;
}

export async function reportOptions(session: OpenSession, clock: Clock): Promise<ChannelOutput<'reports.options'>> {
  const agencies = await session.dataSource.getRepository(AgencyEntity).find({ order: { name: 'ASC' } });
  return {
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, sector: a.sector })),
    currentMonth: clinicDate(isoAt(clock), session.settings.timeZone).slice(0, 7),
  };
}

export async function previewReport(session: OpenSession, clock: Clock, input: ParsedInput<'reports.preview'>): Promise<ChannelOutput<'reports.preview'>> {
  const loaded = await reportSolver();
  return inWriteTransaction(session.dataSource, async (m) => {
    const actor = actorOf(session, clock);
    const built = await buildReport(m, loaded, actor.at, input);
    await appendAudit(m, { ...actor, action: 'report.preview', recordType: 'report', recordId: null, outcome: 'success', detail: { scope: input.scope.kind, agencies: built.scope.agencyIds.length, from: built.period.from, to: built.period.to } });
    return { document: built.document, hidden: built.hidden, pinnedBeforeThisReport: built.pinnedBeforeThisReport, checkedAgainst: built.checkedAgainst };
  });
}

interface ExportDeps {
  clock: Clock;
  chooseSavePath: ((suggestedName: string) => Promise<string | null>) | null;
}

/** The export asked for in the app: the admin picks the file in the system's save dialog (which asks before replacing one). */
export async function exportReportFromApp(session: OpenSession, deps: ExportDeps, input: ParsedInput<'reports.export'>): Promise<ChannelOutput<'reports.export'>> {
  if (!deps.chooseSavePath) throw new AppError('SAVE_UNAVAILABLE', 'Choosing where to save a file needs the desktop app; use `tenang report build` here.');
  const period = periodOrRefuse(input.period);
  // The suggested name says the period only: never an agency's or a client's name.
  const path = await deps.chooseSavePath(`tenang-report-${period.from}_${period.to}.${input.format}`);
  if (path === null) return { outcome: 'cancelled' };
  const summary = await exportReport(session, deps.clock, await reportSolver(), input, { path, force: true });
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
