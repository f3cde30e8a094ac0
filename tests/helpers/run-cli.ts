import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { CLOCK_PRELOAD_ARGS, clockEnv } from './child-script';

const BIN = resolve(__dirname, '../../cli/tenang.mjs');

/**
 * Runs the real `tenang` command in a child process, as clinic IT would. The passphrase
 * variables are cleared unless a test sets them, so none leaks in from the environment.
 * The process's clock starts at the tests' fixed "now" (or `nowMs`), not the machine's.
 */
export function tenang(args: string[], options: { stdin?: string; env?: Record<string, string>; timeoutMs?: number; nowMs?: number } = {}) {
  const result = spawnSync(process.execPath, [...CLOCK_PRELOAD_ARGS, BIN, ...args], {
    input: options.stdin ?? '',
    env: { ...process.env, TENANG_PASSPHRASE: '', TENANG_EXPORT_PASSPHRASE: '', ...clockEnv(options.nowMs), ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
