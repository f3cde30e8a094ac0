import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BIN = resolve(__dirname, '../../cli/tenang.mjs');

/**
 * Runs the real `tenang` command in a child process, as clinic IT would. The passphrase
 * variables are cleared unless a test sets them, so none leaks in from the environment.
 */
export function tenang(args: string[], options: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.stdin ?? '',
    env: { ...process.env, TENANG_PASSPHRASE: '', TENANG_EXPORT_PASSPHRASE: '', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
