import { resolve } from 'node:path';
import type { Command } from 'commander';
import { showPublicKey } from '../../services/reports/signing-key';
import { verifyReportFile, type VerifyFailure } from '../../services/reports/verify-report';
import { EXIT } from '../exit-codes';
import { asCliError, withVault, type GlobalOptions } from '../runner';

/**
 * `tenang report …` (issue 13): the agency reports' command group. `public-key` prints the
 * clinic's signing key as the one line agencies keep (admins only, audited); `verify` checks
 * a report file against that line with no vault at all. More subcommands (build, register)
 * hang off the group `registerReportCommands` returns.
 */
export function registerReportCommands(program: Command, opts: () => GlobalOptions): Command {
  const report = program.command('report').description('agency reports: build, register, the signing key and verification');

  report
    .command('public-key')
    .description("print the clinic's report-signing public key as one line, for agencies to keep (needs --user, an admin)")
    .action(async () =>
      withVault(opts(), async (s) => {
        await s.signIn();
        const { publicKey } = await asCliError(() => s.app.runAdminTask('report.public_key', (session, clock) => showPublicKey(session, clock)));
        s.print({ publicKey }, () => publicKey);
      }),
    );

  report
    .command('verify')
    .description('check that a report file is intact and signed by the key given (no vault needed); exit 0 when it is, 1 when not')
    .argument('<file>', 'the report: JSON (signature inside), or PDF or CSV with FILE.sig beside it')
    .requiredOption('--public-key <key>', 'the line printed by tenang report public-key (tenang-ed25519:…)')
    .action((file: string, o: { publicKey: string }) => {
      const result = verifyReportFile(resolve(file), o.publicKey);
      const json = opts().json === true;
      if (result.ok) {
        process.stdout.write(json ? `${JSON.stringify({ intact: true, signature: result.signedBy === 'embedded' ? 'embedded' : 'sig_file' })}\n` : 'Intact: the report is exactly as the clinic signed it with this key.\n');
        return;
      }
      process.stdout.write(json ? `${JSON.stringify({ intact: false, reason: result.reason })}\n` : `NOT VERIFIED: ${VERIFY_TEXT[result.reason]}\n`);
      process.exitCode = EXIT.failure;
    });

  return report;
}

const VERIFY_TEXT: Record<VerifyFailure, string> = {
  bad_key: 'the key given is not a Tenang public-key line (tenang-ed25519:…). [bad_key]',
  unreadable: 'the file cannot be read. [unreadable]',
  no_signature: 'the file carries no signature, and there is no readable FILE.sig beside it. [no_signature]',
  wrong_key: 'the report was signed with another key than the one given. [wrong_key]',
  changed: 'the report has been changed since it was signed. [changed]',
};

