import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { SERVICE_TESTS_NOW_MS } from './test-now';

/** The node arguments that start a child's clock at the tests' "now" (see clock-preload.mjs). */
export const CLOCK_PRELOAD_ARGS = ['--import', resolve(__dirname, 'clock-preload.mjs')];

export function clockEnv(nowMs = SERVICE_TESTS_NOW_MS): Record<string, string> {
  return { TENANG_TEST_CLOCK_MS: String(nowMs) };
}

/**
 * Runs a TypeScript helper from tests/helpers in a child process (another app instance), its
 * clock at the tests' "now"; standard output is piped to the caller, standard error inherited.
 */
export function spawnHelperScript(name: string, args: string[], env: Record<string, string> = {}): ChildProcessByStdio<null, Readable, null> {
  return spawn(process.execPath, ['--import', 'tsx', ...CLOCK_PRELOAD_ARGS, resolve(__dirname, name), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...clockEnv(), ...env },
  });
}
