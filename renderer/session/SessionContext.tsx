import { createContext, useContext } from 'react';
import type { SessionInfo, Settings } from '../../shared/contract/schemas';

export interface SessionState {
  session: SessionInfo;
  /** After the clinic settings change: the header, dates and auto-lock follow at once. */
  updateSettings(settings: Settings): void;
  /** The Lock button. */
  lock(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in person and the clinic settings. Only screens inside the app shell use it. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession() used outside the signed-in app shell');
  return state;
}
