/**
 * Passphrases and recovery keys never come from arguments (they would sit in shell
 * history and the process list). In order of preference: TENANG_PASSPHRASE for the
 * passphrase that signs in; a hidden prompt on a terminal; otherwise standard input,
 * one per line, in the order the command asks for them.
 */
export interface SecretSource {
  /** The signing-in user's passphrase. */
  signInPassphrase(label: string): Promise<string>;
  /** Any other secret: a new passphrase, a recovery key. */
  secret(label: string, options?: { confirm?: boolean }): Promise<string>;
}

export function secretSource(stdin: NodeJS.ReadStream = process.stdin, env: NodeJS.ProcessEnv = process.env): SecretSource {
  let lines: Promise<string[]> | null = null;
  const nextLine = async (label: string): Promise<string> => {
    lines ??= readAll(stdin).then((text) => text.split(/\r?\n/));
    const all = await lines;
    const line = all.shift();
    if (line === undefined || (line === '' && all.length === 0)) throw new UsageError(`Expected ${label} on standard input (one per line).`);
    return line;
  };
  const ask = async (label: string, confirm: boolean): Promise<string> => {
    if (!stdin.isTTY) return nextLine(label);
    const first = await hiddenPrompt(stdin, `${label}: `);
    if (confirm) {
      const second = await hiddenPrompt(stdin, `${label} (again): `);
      if (first !== second) throw new UsageError('The two entries did not match.');
    }
    return first;
  };
  return {
    signInPassphrase: async (label) => (env.TENANG_PASSPHRASE ? env.TENANG_PASSPHRASE : ask(label, false)),
    secret: async (label, options = {}) => ask(label, options.confirm ?? false),
  };
}

export class UsageError extends Error {
  override name = 'UsageError';
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** A prompt that echoes nothing, with backspace and Ctrl-C, on a raw-mode terminal. */
function hiddenPrompt(stdin: NodeJS.ReadStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
