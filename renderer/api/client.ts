import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/channels';
import type { AppErrorShape } from '../../shared/errors';
import { ApiError } from './api-error';
import { bridge } from './bridge';

export { ApiError, isApiError, errorCodeOf } from './api-error';

type Listener = () => void;
const notSignedInListeners = new Set<Listener>();

/** Errors that mean the vault itself cannot be used: the app shows a screen, not a form error. */
export const VAULT_PROBLEM_CODES = ['VAULT_DAMAGED', 'VAULT_TOO_NEW'] as const;
export type VaultProblemCode = (typeof VAULT_PROBLEM_CODES)[number];
const vaultProblemListeners = new Set<(code: VaultProblemCode) => void>();

/** Called whenever any call answers that the vault file is damaged or from a newer Tenang. */
export function onVaultProblem(listener: (code: VaultProblemCode) => void): () => void {
  vaultProblemListeners.add(listener);
  return () => vaultProblemListeners.delete(listener);
}

/** Called whenever the app answers NOT_SIGNED_IN (the session ended behind the UI's back). */
export function onNotSignedIn(listener: Listener): () => void {
  notSignedInListeners.add(listener);
  return () => notSignedInListeners.delete(listener);
}

function isResult(value: unknown): value is { ok: true; value: unknown } | { ok: false; error: AppErrorShape } {
  if (!value || typeof value !== 'object' || !('ok' in value)) return false;
  const ok = (value as { ok: unknown }).ok;
  if (ok === true) return 'value' in value;
  return ok === false && 'error' in value && typeof (value as { error: unknown }).error === 'object';
}

/** Calls one contract channel. Resolves with its output or throws an ApiError. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  let result: unknown;
  try {
    result = await bridge().invoke(channel, input);
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: `The call to ${channel} failed to reach the app` });
  }
  if (!isResult(result)) throw new ApiError({ code: 'INTERNAL', message: `Unexpected answer from ${channel}` });
  if (result.ok) return result.value as ChannelOutput<C>;
  const error = new ApiError(result.error);
  if (error.code === 'NOT_SIGNED_IN') notSignedInListeners.forEach((listener) => listener());
  const vaultProblem = VAULT_PROBLEM_CODES.find((code) => code === error.code);
  if (vaultProblem) vaultProblemListeners.forEach((listener) => listener(vaultProblem));
  throw error;
}
