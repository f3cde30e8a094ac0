import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/channels';
import type { AppErrorShape } from '../../shared/errors';
import { ApiError } from './api-error';
import { bridge } from './bridge';

export { ApiError, isApiError, errorCodeOf } from './api-error';

type Listener = () => void;
const notSignedInListeners = new Set<Listener>();

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
  throw error;
}
