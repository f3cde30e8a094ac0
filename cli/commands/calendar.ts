import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { isCalendarDate } from '../../shared/domain/agencies';
import { isAppError } from '../../shared/errors';
import { writePrivateFile } from '../../services/private-file';
import { CallFailed, withVault, type CliSession, type GlobalOptions } from '../runner';
import { UsageError } from '../secrets';

/**
 * `tenang calendar export`: a counsellor's sessions as an iCalendar (.ics) file, through
 * the same `calendar.exportIcs` channel as the app's Calendar screen. Events carry client
 * codes, never names (with --initials, the initials too). Counsellors export their own
 * calendar; admins anyone's.
 */
export function registerCalendarCommands(program: Command, opts: () => GlobalOptions): void {
  const calendar = program.command('calendar').description("export a counsellor's calendar");

  calendar
    .command('export')
    .description("write a counsellor's sessions to an .ics file (needs --user: the counsellor, or an admin)")
    .requiredOption('--counsellor <username>', 'whose calendar')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD in the clinic time zone')
    .requiredOption('--to <date>', 'last day, included (at most 366 days in all)')
    .requiredOption('--out <file>', 'the .ics file to write (readable by you only)')
    .option('--initials', "add clients' initials to their codes (never their names)")
    .option('--force', 'replace the file if it exists')
    .action(async (o: { counsellor: string; from: string; to: string; out: string; initials?: boolean; force?: boolean }) => {
      for (const [flag, date] of [['--from', o.from], ['--to', o.to]] as const) {
        if (!isCalendarDate(date)) throw new UsageError(`${flag} takes a date written YYYY-MM-DD.`);
      }
      // Refused before signing in, so nobody types a passphrase in vain.
      const out = resolve(o.out);
      if (!existsSync(dirname(out))) throw new UsageError('The folder for the calendar file does not exist.');
      if (!o.force && existsSync(out)) throw new UsageError('The calendar file already exists; give --force to replace it.');
      const includeInitials = o.initials === true;
      await withVault(opts(), async (s) => {
        await s.signIn();
        const counsellor = await counsellorByUsername(s, o.counsellor);
        const result = await s.call('calendar.exportIcs', { counsellorId: counsellor.id, fromDate: o.from, toDate: o.to, includeInitials });
        writeCalendarFile(out, result.ics, o.force === true);
        const summary = { path: out, counsellor: counsellor.username, fromDate: o.from, toDate: o.to, sessions: result.sessions, includeInitials };
        s.print(summary, () => `Exported ${result.sessions} ${result.sessions === 1 ? 'session' : 'sessions'} of ${counsellor.username} (${o.from} to ${o.to}) to ${out}, with client codes${includeInitials ? ' and initials' : ' only'}.`);
      });
    });
}

/**
 * The counsellor's user id: the signed-in user's own, or, for an admin, looked up in the
 * user list (an admin-only channel). A counsellor naming a colleague is refused here,
 * before any data is read.
 */
async function counsellorByUsername(s: CliSession, username: string): Promise<{ id: number; username: string }> {
  const wanted = username.trim().toLowerCase();
  const { session } = await s.call('app.status', {});
  if (!session) throw new CallFailed({ code: 'NOT_SIGNED_IN', message: 'The vault is locked. Sign in first.' });
  if (session.user.username === wanted) return session.user;
  if (session.user.role !== 'admin') throw new CallFailed({ code: 'FORBIDDEN', message: 'A counsellor may export only their own calendar.' });
  const { users } = await s.call('users.list', {});
  const found = users.find((u) => u.username === wanted);
  if (!found) throw new CallFailed({ code: 'USER_NOT_FOUND', message: 'There is no such user.' });
  return found;
}

/** The file (0600, whole or not at all), with a refusal said the command line's way. */
function writeCalendarFile(path: string, text: string, replace: boolean): void {
  try {
    writePrivateFile(path, Buffer.from(text, 'utf8'), replace);
  } catch (e) {
    if (isAppError(e) && e.issues?.[0]?.code === 'file_exists') throw new UsageError('The calendar file already exists; give --force to replace it.');
    throw new UsageError(`Cannot write ${path}.`);
  }
}
