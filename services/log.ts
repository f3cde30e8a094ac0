/**
 * The only logging services do. It names where a failure happened and the error's
 * class and code, never its message or any input: SQLite and library messages can
 * quote the values they choked on, and those may be a client's words.
 */
export function logError(where: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown })?.code;
  process.stderr.write(`[tenang] ${where} failed: ${name}${typeof code === 'string' ? ` (${code})` : ''}\n`);
}
