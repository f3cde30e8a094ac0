import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { SECTORS, type Sector } from '../../shared/domain/agencies';
import { parsePeriod } from '../../shared/reports/period';
import { exportReport } from '../../services/reports/report-export';
import { reportRegister } from '../../services/reports/report-app';
import type { ScopeRequest } from '../../services/reports/report-scope';
import { asCliError, CallFailed, withVault, type CliSession, type GlobalOptions } from '../runner';
import { UsageError } from '../secrets';

/**
 * `tenang report build` and `tenang report register` (issue 13): the same report as the
 * app's Reports screen builds, disclosure control and register included, signed, written
 * readable by its owner only and never over an existing file without --force; and the
 * register of everything that left the clinic. Admins only; both audited.
 */
export function registerReportBuildCommands(report: Command, opts: () => GlobalOptions): void {
  report
    .command('build')
    .description('build, sign and write an agency, sector or all-agencies report for whole months (needs --user, an admin)')
    .option('--agency <name>', 'one agency, by its name')
    .addOption(new Option('--sector <sector>', 'all agencies of one sector').choices([...SECTORS]))
    .option('--all', 'all agencies')
    .requiredOption('--period <period>', 'a month (2026-07), a quarter (2026-Q3), a year (2026) or whole months (2026-01..2026-06)')
    .addOption(new Option('--format <format>', 'the file format').choices(['json', 'csv', 'pdf']).makeOptionMandatory())
    .requiredOption('--out <file>', 'the file to write (readable by you only); a PDF or CSV gets FILE.sig beside it')
    .addOption(new Option('--language <code>', "the agency's language").choices(['en', 'id']).default('en'))
    .option('--force', 'replace the file if it exists')
    .action(async (o: { agency?: string; sector?: Sector; all?: boolean; period: string; format: 'json' | 'csv' | 'pdf'; out: string; language: 'en' | 'id'; force?: boolean }) => {
      // Refused before signing in, so nobody types a passphrase in vain.
      const scopes = [o.agency !== undefined, o.sector !== undefined, o.all === true].filter(Boolean).length;
      if (scopes !== 1) throw new UsageError('Give exactly one of --agency NAME, --sector SECTOR or --all.');
      if (!parsePeriod(o.period)) throw new UsageError('--period takes a month (2026-07), a quarter (2026-Q3), a year (2026) or whole months (2026-01..2026-06).');
      const out = resolve(o.out);
      if (!existsSync(dirname(out))) throw new UsageError('The folder for the report does not exist.');
      if (!o.force && existsSync(out)) throw new UsageError('The report file already exists; give --force to replace it.');
      await withVault(opts(), async (s) => {
        await s.signIn();
        const scope: ScopeRequest = o.agency !== undefined ? { kind: 'agency', agencyId: await agencyIdByName(s, o.agency) } : o.sector !== undefined ? { kind: 'sector', sector: o.sector } : { kind: 'all' };
        const summary = await asCliError(() =>
          s.app.runAdminTask('report.export', (session, clock) => exportReport(session, clock, { scope, period: o.period, language: o.language, format: o.format }, { path: out, force: o.force === true })),
        );
        s.print(summary, () => `Wrote ${summary.path}${summary.signaturePath ? ` and its signature ${summary.signaturePath}` : ' (signed inside)'}; register entry ${summary.registerId}, SHA-256 ${summary.sha256}.`);
      });
    });

  report
    .command('register')
    .description('list every report and letter that left the clinic (needs --user, an admin)')
    .action(async () =>
      withVault(opts(), async (s) => {
        await s.signIn();
        const register = await asCliError(() => s.app.runAdminTask('report.register_view', (session, clock) => reportRegister(session, clock)));
        s.print(register, () =>
          register.entries.length === 0
            ? 'Nothing has left the clinic yet.'
            : register.entries
                .map((e) => {
                  const what = e.kind === 'referral_letter' ? `letter for referral ${e.referralId}` : `${e.scopeKind} report "${e.scopeName}" ${e.periodFrom}..${e.periodTo}`;
                  return `${e.id}\t${e.madeAt}\t${e.madeBy}\t${what}\t${e.format}\t${e.language}\t${e.sha256}`;
                })
                .join('\n'),
        );
      }),
    );
}

/** An agency by its name, as typed (case and spacing aside); refused as not found otherwise. */
async function agencyIdByName(s: CliSession, name: string): Promise<number> {
  const wanted = name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  const { agencies } = await s.call('reports.options', {});
  const found = agencies.find((a) => a.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase() === wanted);
  if (!found) throw new CallFailed({ code: 'NOT_FOUND', message: 'There is no agency of that name.' });
  return found.id;
}
