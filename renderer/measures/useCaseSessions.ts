import { useEffect, useState } from 'react';
import type { SessionView } from '../../shared/contract/session-schemas';
import { call } from '../api/client';

/** The service lists at most 62 days at a time: the last 61 days up to now. */
const DAYS_BACK = 61;
const DAY_MS = 86_400_000;

/**
 * The case's sessions a questionnaire can belong to: those that have started by now and were
 * not cancelled, newest first. A questionnaire may also be given without a session, so a
 * failure to load them leaves the choice empty rather than blocking the form.
 */
export function useCaseSessions(caseId: number): SessionView[] {
  const [sessions, setSessions] = useState<SessionView[]>([]);
  useEffect(() => {
    let cancelled = false;
    const now = Date.now();
    call('sessions.list', { caseId, fromMs: now - DAYS_BACK * DAY_MS, toMs: now + DAY_MS })
      .then(({ sessions: listed }) => {
        if (cancelled) return;
        setSessions(listed.filter((session) => session.startMs <= now && (session.status === 'scheduled' || session.status === 'attended')).sort((a, b) => b.startMs - a.startMs));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [caseId]);
  return sessions;
}
