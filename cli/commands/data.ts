import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/errors';
import { isCalendarDate } from '../../shared/domain/agencies';
import { VaultFolder } from '../../db/vault/vault-folder';
import { systemClock } from '../../services/clock';
import type { ExportSummary } from '../../services/data-export';
import { accountableReasonSchema } from '../../shared/contract/accountability-schemas';
import { REASON_MIN_LENGTH } from '../../shared/domain/accountability';
import { restoreExport, type RestoreResult } from '../../services/data-import';
import { loadExportFile } from '../../services/data-import-document';
import { DEMO_SIZES, seedDemoData, type DemoSize, type SeedSummary } from '../../services/demo-data';
import { asCliError, CallFailed, vaultDirFrom, withVault, type GlobalOptions } from '../runner';
import { secretSource, UsageError } from '../secrets';

/**
 * Data portability and demo data (issue 3): `tenang export` (a full JSON export, optionally
 * passphrase-encrypted), `tenang import json` (restore it into a new vault) and
 * `tenang seed-demo`. They run in-process through TenangApp.runAdminTask (export, demo)
 * or straight on the services (restore: there is no vault to sign in to yet), never over
 * a channel: a whole vault is too large for one reply.
 */
export function registerDataCommands(program: Command, opts: () => GlobalOptions, importCommand: Command): void {
  program
    .command('export')
    .description('write every record of the vault to one JSON file, encrypted with a passphrase (needs --user, an admin, and --reason)')
    .requiredOption('--out <file>', 'the export file to write (readable by you only)')
    .requiredOption('--reason <text>', 'why (at least 15 characters): kept in the export log and shown to every counsellor whose notes the file holds')
    .option('--plaintext', 'write plain JSON instead: anyone who gets the file reads every record')
    // Encrypted is the default now; the flag is still taken so scripts that give it keep working.
    .addOption(new Option('--encrypt').hideHelp())
    .option('--force', 'replace the file if it exists')
    .action(async (o: { out: string; reason: string; plaintext?: boolean; encrypt?: boolean; force?: boolean }) => {
      const out = resolve(o.out);
      if (o.plaintext && o.encrypt) throw new UsageError('Give --plaintext or --encrypt, not both.');
      if (!accountableReasonSchema.safeParse(o.reason).success) throw new UsageError(`Give a reason of at least ${REASON_MIN_LENGTH} characters with --reason: it is kept, and shown to the counsellors whose notes the file holds.`);
      if (!o.force && existsSync(out)) throw new UsageError('The export file already exists; give --force to replace it.');
      await withVault(opts(), async (s) => {
        await s.signIn();
        // Only an admin is asked for the export's passphrase (a refusal is audited).
        await asCliError(() => s.app.runAdminTask('data.export', async () => undefined));
        const passphrase = o.plaintext ? null : process.env.TENANG_EXPORT_PASSPHRASE || (await s.secrets.secret('Passphrase for the export file', { confirm: true }));
        const summary = await asCliError(() => s.app.exportVault({ path: out, force: o.force === true, passphrase, reason: o.reason }));
        s.print(summary, () => exportText(summary));
        if (!summary.encrypted) process.stderr.write(PLAINTEXT_WARNING);
      });
    });

  importCommand
    .command('json')
    .description('restore a full export into a new vault folder (--vault); only --user, an admin in the export, gets a key slot')
    .argument('<file>', 'the export file (plain or encrypted)')
    .action(async (file: string) => {
      const options = opts();
      const username = options.user;
      if (!username) throw new UsageError('Name the admin who will sign in to the restored vault with --user USERNAME.');
      const dir = vaultDirFrom(options);
      const path = resolve(file);
      if (!existsSync(path)) throw new UsageError('There is no such export file.');
      // Checked again by the restore; asked here first so nobody types passphrases in vain.
      if (existsSync(dir) && readdirSync(dir).length > 0) throw new CallFailed(new AppError('VAULT_NOT_EMPTY', 'An export can only be restored into a new, empty vault folder.').toShape());
      const secrets = secretSource();
      const result = await asCliError(async () => {
        const { document, encrypted } = await loadExportFile(path, async () => process.env.TENANG_EXPORT_PASSPHRASE || secrets.secret('Passphrase of the export file'));
        const newPassphrase = process.env.TENANG_PASSPHRASE || (await secrets.secret(`New passphrase for ${username}`, { confirm: true }));
        return restoreExport({ folder: new VaultFolder(dir), clock: systemClock }, { document, username, newPassphrase, encrypted });
      });
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${restoreText(result)}\n`);
    });

  program
    .command('seed-demo')
    .description('fill a vault that has no agencies, clients or referrals with realistic synthetic data (needs --user, an admin)')
    .addOption(new Option('--size <size>', 'small: 5 agencies, 300 clients; medium: 20, 10,000; large: 50, 100,000').choices([...DEMO_SIZES]).makeOptionMandatory())
    .option('--seed <n>', 'the same seed and as-of date give the same data', '1')
    .option('--as-of <date>', 'the data runs up to the day before this one (YYYY-MM-DD; default today in the clinic time zone)')
    .action(async (o: { size: DemoSize; seed: string; asOf?: string }) => {
      if (!/^\d{1,10}$/.test(o.seed) || Number(o.seed) > 0xffff_ffff) throw new UsageError('--seed takes a whole number from 0 to 4294967295.');
      if (o.asOf !== undefined && !isCalendarDate(o.asOf)) throw new UsageError('--as-of takes a date written YYYY-MM-DD.');
      await withVault(opts(), async (s) => {
        await s.signIn();
        const started = Date.now();
        const summary = await asCliError(() =>
          s.app.runAdminTask('data.seed_demo', (session, clock) => seedDemoData(session, clock, { size: o.size, seed: Number(o.seed), asOf: o.asOf ?? null })),
        );
        const seconds = Math.round((Date.now() - started) / 100) / 10;
        s.print({ ...summary, seconds }, () => seedText(summary, seconds));
      });
    });
}

const PLAINTEXT_WARNING =
  'Warning: this export is NOT encrypted. It holds every confidential record of the clinic in plain text: keep it only on encrypted storage, ' +
  'never send it by email, and delete it when done. Leave out --plaintext to protect it with a passphrase.\n';

const RECOVERY_WARNING = 'This is the recovery key of the restored vault. It is shown once. Store it offline (printed, in a safe): with it anyone can open the vault.';

function exportText(s: ExportSummary): string {
  return `Exported ${s.rows} records from ${s.tables} tables (schema ${s.schemaVersion}) to ${s.path}${s.encrypted ? ', encrypted' : ''}.`;
}

function restoreText(r: RestoreResult): string {
  return [
    `Vault restored: ${r.rows} records in ${r.tables} tables${r.migratedFrom === null ? '' : `, migrated from schema ${r.migratedFrom} to ${r.schemaVersion}`}.`,
    r.auditChainValid ? 'Audit chain: verified.' : 'Audit chain: BROKEN in the export; restored as it was (run tenang audit verify for where).',
    `Only ${r.admin} can sign in now.` +
      (r.usersWithoutSlot.length > 0 ? ` ${r.usersWithoutSlot.join(', ')} have no key slot: they cannot sign in until an admin resets their passphrase.` : ''),
    RECOVERY_WARNING,
    '',
    `  ${r.recoveryKey}`,
    '',
  ].join('\n');
}

function seedText(s: SeedSummary, seconds: number): string {
  return [
    `Added demo data (${s.size}, seed ${s.seed}, as of ${s.asOf}) in ${seconds} s: ${s.agencies} agencies, ${s.contracts} contracts, ${s.clients} clients, ` +
      `${s.referrals} referrals (${s.statusChanges} status changes), ${s.cases} cases, ${s.counsellors} counsellors.`,
    `The demo counsellors (${s.counsellorUsernames.join(', ')}) have no key slot: they cannot sign in until an admin resets their passphrase ` +
      '(Admin > Users, or tenang call users.resetPassphrase -).',
  ].join('\n');
}

