import { createContext, useContext } from 'react';

/**
 * Handing the desktop to a client for questionnaires (issue 12). Any screen with a case
 * (the client's record, a session) starts client mode through this; the provider, around the
 * whole signed-in app, then shows nothing but the questionnaire until the counsellor's
 * passphrase ends it.
 */
export interface ClientModeRequest {
  caseId: number;
  /** The instruments to ask, in order. */
  instrumentIds: string[];
  /** The session they are given at, if any. */
  sessionId?: number;
  /** Called once the counsellor has taken the desktop back (after any alert was shown to them). */
  onFinished?: () => void;
}

export interface ClientModeApi {
  start(request: ClientModeRequest): void;
}

export const ClientModeContext = createContext<ClientModeApi | null>(null);

export function useClientMode(): ClientModeApi {
  const api = useContext(ClientModeContext);
  if (!api) throw new Error('useClientMode is used outside the ClientModeProvider.');
  return api;
}
