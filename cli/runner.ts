import { resolve } from 'node:path';
import { createTenangApp, type TenangApp } from '../services/tenang-app';
import type { ChannelName, ChannelOutput, SessionInfo } from '../shared/contract';
import { isAppError, type AppErrorShape } from '../shared/errors';
import { secretSource, UsageError, type SecretSource } from './secrets';

/** A reply that was `{ ok: false }`: carried to the top, where it becomes one stderr line. */
export class CallFailed extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
    this.name = 'CallFailed';
  }
}

/** A refusal from a service run outside the dispatcher (an admin task), reported like any refused call. */
export async function asCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw new CallFailed(e.toShape());
  }
}

export interface GlobalOptions {
  vault?: string;
  user?: string;
  json?: boolean;
}

export interface CliSession {
  app: TenangApp;
  secrets: SecretSource;
  options: GlobalOptions;
  call<C extends ChannelName>(channel: C, input: unknown): Promise<ChannelOutput<C>>;
  callAny(channel: string, input: unknown): Promise<unknown>;
  signIn(): Promise<void>;
  print(value: unknown, human: () => string): void;
}

export function vaultDirFrom(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  const dir = options.vault ?? env.TENANG_VAULT;
  if (!dir) throw new UsageError('Name the vault folder with --vault DIR or the TENANG_VAULT variable.');
  return resolve(dir);
}

/** All of standard input as text: `tenang call CHANNEL -` reads its JSON input this way. */
export async function readStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Open the vault folder through the same dispatcher the app uses, run `work`, always lock. */
export async function withVault(options: GlobalOptions, work: (s: CliSession) => Promise<void>): Promise<void> {
  const app = createTenangApp({ vaultDir: vaultDirFrom(options) });
  const secrets = secretSource();
  const callAny = async (channel: string, input: unknown) => {
    const reply = await app.dispatch(channel, input);
    if (!reply.ok) throw new CallFailed(reply.error);
    return reply.value;
  };
  const session: CliSession = {
    app,
    secrets,
    options,
    callAny,
    call: async (channel, input) => (await callAny(channel, input)) as ChannelOutput<typeof channel>,
    signIn: async () => {
      if (!options.user) throw new UsageError('Name who is acting with --user USERNAME.');
      const passphrase = await secrets.signInPassphrase(`Passphrase for ${options.user}`);
      const signedIn = (await callAny('session.unlock', { username: options.user, passphrase })) as SessionInfo;
      for (const line of signInNotes(signedIn)) process.stderr.write(`${line}\n`);
    },
    print: (value, human) => {
      process.stdout.write(options.json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
    },
  };
  try {
    await work(session);
  } finally {
    await app.close();
  }
}

/**
 * What the app tells a person once, right after signing in, the CLI tells on standard error:
 * whoever signs in next is told, so a sign-in through the CLI must not swallow it.
 */
export function signInNotes(info: Pick<SessionInfo, 'failedAttemptsSinceLastSignIn' | 'passphraseResetSinceLastSignIn'>): string[] {
  const notes: string[] = [];
  const reset = info.passphraseResetSinceLastSignIn;
  if (reset) notes.push(`Note: ${reset.byName} gave this account a new passphrase at ${reset.at}. If you did not ask for this, tell your clinic manager.`);
  const failed = info.failedAttemptsSinceLastSignIn;
  if (failed > 0) notes.push(`Note: a wrong passphrase was entered for this account ${failed === 1 ? 'once' : `${failed} times`} since its last sign-in.`);
  return notes;
}
