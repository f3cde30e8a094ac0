import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { channels, CHANNEL_NAMES } from '../shared/contract';
import { ROLES } from '../shared/roles';
import { LANGUAGES } from '../shared/settings';
import { AUDIT_ACTIONS } from '../shared/audit-actions';
import { secretFieldNames } from '../shared/drafts';
import { EXIT, exitCodeFor } from './exit-codes';
import { CallFailed, readStdin, withVault, type GlobalOptions } from './runner';
import { UsageError } from './secrets';
import { registerImportReferralsCommand } from './commands/import-referrals';
import { registerDataCommands } from './commands/data';
import { registerCalendarCommands } from './commands/calendar';
import { registerLetterCommands } from './commands/letter';
import { registerReportCommands } from './commands/report';
import { registerReportBuildCommands } from './commands/report-build';

const program = new Command('tenang')
  .description('Tenang command-line tool: vaults, users, the audit log, and any contract channel.')
  .option('--vault <dir>', 'vault folder (or set TENANG_VAULT)')
  .option('--user <username>', 'who is acting (their passphrase is asked for)')
  .option('--json', 'machine-readable output')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

const opts = (): GlobalOptions => program.opts<GlobalOptions>();

const RECOVERY_WARNING =
  'This is the recovery key. It is shown once. Store it offline (printed, in a safe): with it anyone can open the vault.';

// ---- vault -------------------------------------------------------------------------
const vault = program.command('vault').description('create, check, re-key and recover vaults');

vault
  .command('init')
  .description('create a new vault with its first admin; prints the recovery key')
  .requiredOption('--clinic <name>', 'clinic name')
  .requiredOption('--admin <username>', 'first admin username')
  .option('--name <full name>', "first admin's display name (default: the username)")
  .addOption(new Option('--language <code>', 'default language').choices([...LANGUAGES]).default('en'))
  .option('--time-zone <zone>', 'clinic IANA time zone', 'Asia/Jakarta')
  .action(async (o: { clinic: string; admin: string; name?: string; language: string; timeZone: string }) =>
    withVault(opts(), async (s) => {
      const passphrase = process.env.TENANG_PASSPHRASE || (await s.secrets.secret(`New passphrase for ${o.admin}`, { confirm: true }));
      const result = await s.call('vault.setup', {
        clinicName: o.clinic,
        language: o.language,
        timeZone: o.timeZone,
        username: o.admin,
        displayName: o.name ?? o.admin,
        newPassphrase: passphrase,
        confirmPassphrase: passphrase,
      });
      s.print({ recoveryKey: result.recoveryKey, admin: result.session.user.username }, () => `Vault created.\n${RECOVERY_WARNING}\n\n  ${result.recoveryKey}\n`);
    }),
  );

vault
  .command('verify')
  .description('check database integrity, schema version, note signatures and the audit chain (needs --user, an admin)')
  .action(async () =>
    withVault(opts(), async (s) => {
      await s.signIn();
      const db = await s.call('vault.verify', {});
      const audit = await s.call('audit.verify', {});
      s.print({ ...db, audit }, () =>
        [
          `Database integrity: ${db.integrity}; schema version ${db.schemaVersion}; ${db.users} users; ${db.auditEntries} audit entries.`,
          audit.valid ? `Audit chain: verified (${audit.checked} entries).` : `Audit chain: BROKEN at entry ${audit.problem?.seq} (${audit.problem?.kind}).`,
          db.signatures.mismatchedNoteIds.length === 0
            ? `Note signatures: verified (${db.signatures.notes} signed notes, ${db.signatures.addenda} addenda).`
            : `Note signatures: MISMATCH on note ${db.signatures.mismatchedNoteIds.join(', ')} (the content no longer matches its SHA-256).`,
        ].join('\n'),
      );
      if (!audit.valid || db.signatures.mismatchedNoteIds.length > 0) process.exitCode = EXIT.failure;
    }),
  );

vault
  .command('passwd')
  .description("change --user's own passphrase")
  .action(async () =>
    withVault(opts(), async (s) => {
      if (!s.options.user) throw new UsageError('Name the user with --user USERNAME.');
      const current = await s.secrets.signInPassphrase(`Current passphrase for ${s.options.user}`);
      await s.call('session.unlock', { username: s.options.user, passphrase: current });
      const next = await s.secrets.secret(`New passphrase for ${s.options.user}`, { confirm: true });
      await s.call('account.changePassphrase', { currentPassphrase: current, newPassphrase: next, confirmPassphrase: next });
      s.print({ changed: true }, () => 'Passphrase changed.');
    }),
  );

vault
  .command('recover')
  .description('give --user a new passphrase with the recovery key (works without the keyring)')
  .action(async () =>
    withVault(opts(), async (s) => {
      if (!s.options.user) throw new UsageError('Name the user with --user USERNAME.');
      const recoveryKey = await s.secrets.secret('Recovery key');
      const next = await s.secrets.secret(`New passphrase for ${s.options.user}`, { confirm: true });
      await s.call('session.recover', { username: s.options.user, recoveryKey, newPassphrase: next, confirmPassphrase: next });
      s.print({ recovered: true, username: s.options.user }, () => `New passphrase set for ${s.options.user}.`);
    }),
  );

vault
  .command('rekey')
  .description('re-encrypt the database with a new data key (needs --user, an admin); prints the new recovery key')
  .action(async () =>
    withVault(opts(), async (s) => {
      if (!s.options.user) throw new UsageError('Name the admin with --user USERNAME.');
      const passphrase = await s.secrets.signInPassphrase(`Passphrase for ${s.options.user}`);
      await s.call('session.unlock', { username: s.options.user, passphrase });
      const result = await s.call('vault.rekey', { passphrase });
      s.print(result, () => `Vault re-keyed. The old recovery key no longer opens it.\n${RECOVERY_WARNING}\n\n  ${result.recoveryKey}\n`);
    }),
  );

// ---- user --------------------------------------------------------------------------
const user = program.command('user').description('manage user accounts (needs --user, an admin)');

user
  .command('add')
  .description('add a counsellor or admin; their first passphrase is asked for')
  .requiredOption('--username <new>', 'the new username')
  .requiredOption('--name <full name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
  .action(async (o: { username: string; name: string; role: string }) =>
    withVault(opts(), async (s) => {
      await s.signIn();
      const passphrase = await s.secrets.secret(`First passphrase for ${o.username}`, { confirm: true });
      const created = await s.call('users.create', { username: o.username, displayName: o.name, role: o.role, newPassphrase: passphrase, confirmPassphrase: passphrase });
      s.print(created, () => `Added ${created.role} ${created.username} (${created.displayName}).`);
    }),
  );

user
  .command('list')
  .description('list users')
  .action(async () =>
    withVault(opts(), async (s) => {
      await s.signIn();
      const { users } = await s.call('users.list', {});
      s.print(users, () =>
        users.map((u) => `${u.username.padEnd(20)} ${u.role.padEnd(11)} ${(u.active ? (u.canUnlock ? 'active' : 'active (no key slot: reset passphrase)') : 'disabled').padEnd(10)} ${u.displayName}`).join('\n'),
      );
    }),
  );

user
  .command('disable')
  .description('disable a user: removes their key slot')
  .requiredOption('--username <username>', 'who to disable')
  .action(async (o: { username: string }) =>
    withVault(opts(), async (s) => {
      await s.signIn();
      const { users } = await s.call('users.list', {});
      const target = users.find((u) => u.username === o.username.trim().toLowerCase());
      if (!target) throw new CallFailed({ code: 'USER_NOT_FOUND', message: 'There is no such user.' });
      const disabled = await s.call('users.disable', { userId: target.id });
      s.print(disabled, () => `Disabled ${disabled.username}.`);
    }),
  );

// ---- audit -------------------------------------------------------------------------
const audit = program.command('audit').description('read and verify the audit log (needs --user, an admin)');

audit
  .command('list')
  .description('audit entries, newest first')
  .addOption(new Option('--action <action>', 'only this action').choices([...AUDIT_ACTIONS]))
  .option('--record-type <type>', 'only this record type')
  .option('--record-id <id>', 'only this record id')
  .option('--from <date>', 'from this day (YYYY-MM-DD, clinic time zone)')
  .option('--to <date>', 'to this day (YYYY-MM-DD, clinic time zone)')
  .option('--limit <n>', 'how many', '100')
  .action(async (o: { action?: string; recordType?: string; recordId?: string; from?: string; to?: string; limit: string }) =>
    withVault(opts(), async (s) => {
      await s.signIn();
      const input = { action: o.action, recordType: o.recordType, recordId: o.recordId, from: o.from, to: o.to, limit: Number(o.limit) };
      const result = await s.call('audit.list', Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
      s.print(result, () =>
        result.entries
          .map((e) => `${String(e.seq).padStart(6)} ${e.at} ${(e.actorUsername ?? '-').padEnd(16)} ${e.action.padEnd(24)} ${e.outcome.padEnd(8)} ${e.recordType ?? ''}${e.recordId ? `#${e.recordId}` : ''}`)
          .join('\n') + `\n(${result.entries.length} of ${result.total})`,
      );
    }),
  );

audit
  .command('verify')
  .description('check the hash chain; exit 1 when broken. Prints the head to record outside the vault')
  .option('--anchor <seq:hash>', 'a head recorded earlier: the chain must still hold exactly that entry')
  .action(async (o: { anchor?: string }) =>
    withVault(opts(), async (s) => {
      const anchor = o.anchor === undefined ? undefined : parseAnchor(o.anchor);
      await s.signIn();
      const result = await s.call('audit.verify', anchor ? { anchor } : {});
      s.print(result, () =>
        result.valid
          ? [
              `Audit chain verified (${result.checked} entries)${anchor ? `, and it still holds entry ${anchor.seq} as recorded` : ''}.`,
              ...(result.head ? [`Head: ${result.head.seq}:${result.head.hash}`, 'Record the head outside the vault (an IT log, a printout); pass it later as --anchor to prove the chain was not rewritten since.'] : []),
            ].join('\n')
          : `Audit chain BROKEN at entry ${result.problem?.seq} (${result.problem?.kind}).`,
      );
      if (!result.valid) process.exitCode = EXIT.failure;
    }),
  );

/** `--anchor 42:<64 hex digits>` as printed by an earlier `audit verify`. */
function parseAnchor(text: string): { seq: number; hash: string } {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!match) throw new UsageError('--anchor takes SEQ:HASH as printed by audit verify (for example 42:3f…).');
  return { seq: Number(match[1]), hash: match[2]! };
}

// ---- call --------------------------------------------------------------------------
program
  .command('call')
  .description('call any contract channel through the same dispatcher and role checks')
  .argument('[channel]', 'channel name, e.g. users.list')
  .argument('[json]', 'input as JSON (default {}); - reads it from standard input, as input holding a passphrase or recovery key must be')
  .option('--list', 'list channels with who may call them and their input schemas')
  .action(async (channel: string | undefined, json: string | undefined, o: { list?: boolean }) => {
    if (o.list || !channel) {
      const list = CHANNEL_NAMES.map((name) => ({
        channel: name,
        access: channels[name].access === 'public' ? 'public' : [...channels[name].access],
        summary: channels[name].summary,
        input: z.toJSONSchema(channels[name].input, { io: 'input', unrepresentable: 'any' }),
      }));
      process.stdout.write(
        opts().json
          ? JSON.stringify(list, null, 2) + '\n'
          : list.map((c) => `${c.channel.padEnd(26)} ${(Array.isArray(c.access) ? c.access.join(',') : c.access).padEnd(18)} ${c.summary}\n${' '.repeat(27)}input: ${JSON.stringify(c.input)}`).join('\n') + '\n',
      );
      return;
    }
    // `-`: the JSON comes from standard input, so secrets in it stay out of shell history and
    // the process list. Then stdin is taken, and no secret is read from it separately.
    const fromStdin = json === '-';
    let input: unknown = {};
    if (json !== undefined && !fromStdin) {
      input = parseInput(json);
      // Refused before anything runs: the secret is already in history, but at least it is
      // not used, and the line names only the fields, never their values.
      const secrets = secretFieldNames(input);
      if (secrets.length > 0) {
        throw new UsageError(`Secrets are not taken from arguments (${secrets.join(', ')}): pass - instead and pipe the JSON on standard input.`);
      }
    }
    const spec = (channels as Record<string, { access: unknown }>)[channel];
    const needsSignIn = spec !== undefined && spec.access !== 'public';
    // With stdin holding the JSON, the sign-in passphrase can only come from TENANG_PASSPHRASE
    // or a prompt on a terminal (an empty TENANG_PASSPHRASE counts as unset, as in secrets.ts).
    if (fromStdin && needsSignIn && opts().user && !process.env.TENANG_PASSPHRASE && !process.stdin.isTTY) {
      throw new UsageError(`With - the JSON input takes standard input: give the passphrase for ${opts().user} in TENANG_PASSPHRASE, or run on a terminal to be asked for it.`);
    }
    await withVault(opts(), async (s) => {
      // On a terminal the JSON is asked for with the hidden prompt (it may hold secrets) as one
      // line; then the sign-in prompt can still use the terminal. Piped, it is all of stdin.
      if (fromStdin) input = parseInput(process.stdin.isTTY ? await s.secrets.secret('JSON input') : await readStdin());
      if (needsSignIn) await s.signIn();
      const value = await s.callAny(channel, input);
      process.stdout.write(JSON.stringify(value, null, 2) + '\n');
    });
  });

/** Parse `tenang call`'s input; the error never repeats what was given (it may hold secrets). */
function parseInput(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new UsageError('The input is not valid JSON.');
  }
}

function describe(e: CallFailed): string {
  const issues = e.error.issues?.map((i) => `${i.path || 'input'}: ${i.code}`).join('; ');
  const wait = e.error.retryAfterMs ? ` Try again in ${Math.ceil(e.error.retryAfterMs / 1000)} s.` : '';
  // A schedule conflict names each occurrence and what is in its way: times (UTC) and a room, never a client.
  const problems = e.error.problems
    ?.map((p) => `occurrence ${p.occurrence + 1} at ${new Date(p.occurrenceStartMs).toISOString()}: ${p.kind}${p.other ? ` (${new Date(p.other.startMs).toISOString()}–${new Date(p.other.endMs).toISOString()}${p.other.roomName ? `, ${p.other.roomName}` : ''})` : ''}`)
    .join('; ');
  return `${e.error.message}${issues ? ` (${issues})` : ''}${problems ? ` (${problems})` : ''}${wait} [${e.error.code}]`;
}

// ---- import ------------------------------------------------------------------------
const importCommand = program.command('import').description('import referrals from CSV or restore a JSON export');
registerImportReferralsCommand(importCommand, opts);
registerDataCommands(program, opts, importCommand);
registerCalendarCommands(program, opts);
registerLetterCommands(program, opts);
registerReportBuildCommands(registerReportCommands(program, opts), opts);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (e instanceof CallFailed) {
    process.stderr.write(`tenang: ${describe(e)}\n`);
    process.exitCode = exitCodeFor(e.error.code);
  } else if (e instanceof UsageError) {
    process.stderr.write(`tenang: ${e.message}\n`);
    process.exitCode = EXIT.usage;
  } else {
    process.stderr.write(`tenang: unexpected failure (${e instanceof Error ? e.name : 'unknown'}). Nothing more is printed, to keep confidential data out of terminals.\n`);
    process.exitCode = EXIT.failure;
  }
}
