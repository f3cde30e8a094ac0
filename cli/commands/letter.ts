import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { LANGUAGES, type Language } from '../../shared/settings';
import { writeReferralLetter, type WrittenLetter } from '../../services/letters/referral-letter';
import { asCliError, withVault, type GlobalOptions } from '../runner';
import { UsageError } from '../secrets';

/**
 * `tenang letter referral ID --out FILE`: the consent-scoped letter to a formal referral's
 * referrer (issue 13), as the app's "Write letter to referrer" writes it: admins only,
 * entered in the register and the audit log, the PDF readable by its owner only and never
 * over an existing file without --force. It runs on the service as an admin task (the
 * app's channel asks a save dialog, which a terminal has not).
 */
export function registerLetterCommands(program: Command, opts: () => GlobalOptions): void {
  const letter = program.command('letter').description('letters to referrers');

  letter
    .command('referral')
    .description("write the letter to a formal referral's referrer: only what the client's consent allows (needs --user, an admin)")
    .argument('<id>', 'the referral number')
    .requiredOption('--out <file>', 'the PDF to write (readable by you only)')
    .addOption(new Option('--language <code>', "the letter's language (default: the client's)").choices([...LANGUAGES]))
    .option('--force', 'replace the file if it exists')
    .action(async (idText: string, o: { out: string; language?: Language; force?: boolean }) => {
      if (!/^[1-9]\d{0,9}$/.test(idText)) throw new UsageError('Give the referral number, a whole number, as ID.');
      // Refused before signing in, so nobody types a passphrase in vain.
      const out = resolve(o.out);
      if (!existsSync(dirname(out))) throw new UsageError('The folder for the letter does not exist.');
      if (!o.force && existsSync(out)) throw new UsageError('The letter file already exists; give --force to replace it.');
      await withVault(opts(), async (s) => {
        await s.signIn();
        const written = await asCliError(() =>
          s.app.runAdminTask('letter.referral', (session, clock) => writeReferralLetter(session, clock, { referralId: Number(idText), language: o.language, path: out, force: o.force === true })),
        );
        s.print({ path: written.path, registerId: written.registerId, sha256: written.sha256, facts: written.facts }, () => letterText(written));
      });
    });
}

function letterText(w: WrittenLetter): string {
  const a = w.facts.attendance;
  const sessions = a.dating === 'month' ? a.months.reduce((n, m) => n + m.sessions, 0) : a.days.length;
  const compliance = w.facts.compliance === undefined ? '' : w.facts.compliance === null ? '; compliance not recorded' : `; recommendations followed: ${w.facts.compliance.followed ? 'yes' : 'no'}`;
  return `Wrote the letter for referral ${w.facts.referralId} (${w.facts.language}, ${sessions} attended ${sessions === 1 ? 'session' : 'sessions'} by ${a.dating}${compliance}) to ${w.path}; register entry ${w.registerId}, SHA-256 ${w.sha256}.`;
}

