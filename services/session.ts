import type { DataSource } from 'typeorm';
import type { Role } from '../shared/roles';
import type { SessionInfo, Settings } from '../shared/contract';
import { stopReportWorker } from './reports/report-worker';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** An unlocked vault: the open database, its data key, and who unlocked it. */
export interface OpenSession {
  dataSource: DataSource;
  dataKey: Buffer;
  vaultId: string;
  user: SessionUser;
  settings: Settings;
  lastActivityMs: number;
  /**
   * Set while the desktop is handed to a client for questionnaires on this case (issue 12):
   * only the client-mode channels answer, and the idle lock waits. `since` is an ISO instant.
   */
  clientMode?: { caseId: number; since: string } | null;
}

export function sessionInfo(session: OpenSession, failedAttemptsSinceLastSignIn = 0, passphraseResetSinceLastSignIn: SessionInfo['passphraseResetSinceLastSignIn'] = null): SessionInfo {
  return { user: { ...session.user }, settings: { ...session.settings }, failedAttemptsSinceLastSignIn, passphraseResetSinceLastSignIn };
}

/** Close the database and overwrite the key in memory (as far as a JS runtime allows). */
export async function closeSession(session: OpenSession): Promise<void> {
  try {
    // The report worker holds a copy of the key and a connection of its own: it goes first.
    await stopReportWorker(session);
    if (session.dataSource.isInitialized) await session.dataSource.destroy();
  } finally {
    session.dataKey.fill(0);
  }
}
