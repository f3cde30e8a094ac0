import '../styles/client-mode.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueMeasure } from '../../shared/contract/measure-schemas';
import type { SessionView } from '../../shared/contract/session-schemas';
import { call } from '../api/client';
import { useSession } from '../session/SessionContext';
import { useClientMode } from './client-mode-context';

/**
 * What the case's measurement plan asks at this session, and for the case's counsellor the
 * way to hand the desktop to the client to answer it. Shown to the case's counsellor and to
 * admins (another counsellor is not told about the case's questionnaires).
 */
export function SessionMeasuresDue({ session, onFinished }: { session: SessionView; onFinished?: () => void }) {
  const { t } = useTranslation();
  const { session: signedIn } = useSession();
  const clientMode = useClientMode();
  const [due, setDue] = useState<DueMeasure[] | null>(null);
  const ownCase = signedIn.user.role === 'counsellor' && session.counsellorId === signedIn.user.id;
  const mayLook = session.caseId !== null && (ownCase || signedIn.user.role === 'admin');

  useEffect(() => {
    if (!mayLook || session.caseId === null) return;
    let current = true;
    call('measures.due', { caseId: session.caseId })
      .then((reply) => current && setDue(reply.due.filter((measure) => measure.sessionId === session.id)))
      // What is due is a help, not the session's business: if it cannot be read the dialog goes on without it.
      .catch(() => current && setDue([]));
    return () => {
      current = false;
    };
  }, [mayLook, session.caseId, session.id]);

  if (!mayLook || due === null) return null;
  const instrumentIds = [...new Set(due.map((measure) => measure.instrumentId))];
  const mayHand = ownCase && instrumentIds.length > 0 && (session.status === 'scheduled' || session.status === 'attended') && session.caseId !== null;

  return (
    <div className="session-measures" data-testid="session-measures-due">
      <div className="session-measures__text">
        <p className="session-measures__title">{t('clientMode.due.title')}</p>
        {due.length === 0 ? (
          <p className="session-measures__state">{t('clientMode.due.none')}</p>
        ) : (
          <p className="session-measures__state">
            {due.map((measure) => measure.shortName).join(', ')}
            {due.some((measure) => measure.overdue) && <span className="badge badge--warning session-measures__late">{t('clientMode.due.overdue')}</span>}
          </p>
        )}
      </div>
      {mayHand && (
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => clientMode.start({ caseId: session.caseId!, instrumentIds, sessionId: session.id, ...(onFinished ? { onFinished } : {}) })}
        >
          {t('clientMode.due.handToClient')}
        </button>
      )}
    </div>
  );
}
