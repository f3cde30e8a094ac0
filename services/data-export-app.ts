import type { ChannelOutput, ParsedInput } from '../shared/contract';
import { AppError } from '../shared/errors';
import { clinicDate } from '../shared/domain/clinic-time';
import { isoAt, type Clock } from './clock';
import { exportVault } from './data-export';
import type { ExportsInProgress } from './exports-in-progress';
import type { OpenSession } from './session';

interface AppExportDeps {
  clock: Clock;
  chooseSavePath: ((suggestedName: string) => Promise<string | null>) | null;
  exportsInProgress: ExportsInProgress;
}

/**
 * The full export asked for in the app: the admin chooses the file in the system's save
 * dialog (which has asked before replacing one), then the same export as `tenang export`
 * writes it. The suggested name says only the date, nothing of the clinic or its clients.
 */
export async function exportFromApp(session: OpenSession, deps: AppExportDeps, input: ParsedInput<'data.export'>): Promise<ChannelOutput<'data.export'>> {
  if (!deps.chooseSavePath) throw new AppError('SAVE_UNAVAILABLE', 'Choosing where to save a file needs the desktop app; use `tenang export` here.');
  const path = await deps.chooseSavePath(`tenang-export-${clinicDate(isoAt(deps.clock), session.settings.timeZone)}.json`);
  if (path === null) return { outcome: 'cancelled' };
  const summary = await exportVault(session, deps.clock, {
    path,
    force: true,
    passphrase: input.protection === 'encrypted' ? input.newPassphrase : null,
    reason: input.reason,
    inProgress: deps.exportsInProgress,
  });
  return { outcome: 'exported', path: summary.path, encrypted: summary.encrypted, tables: summary.tables, rows: summary.rows, bytes: summary.bytes };
}
