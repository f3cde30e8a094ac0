import '../styles/measures.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Administration } from '../../shared/contract/measure-schemas';
import type { Case } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { useSession } from '../session/SessionContext';
import { CaseMeasures } from './CaseMeasures';
import { readableCases } from './measure-text';
import { useInstruments } from './useInstruments';

/**
 * Outcome measures on the client's record (issue 12), case by case: what is due, recording
 * answers or handing the desktop to the client, the questionnaires given, their trajectory
 * and the case's outcome. Open cases first.
 */
export function MeasuresSection({ clientId, cases }: { clientId: number; cases: Case[] }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { instruments, error: instrumentsError } = useInstruments();
  const [administrations, setAdministrations] = useState<Administration[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const shown = readableCases(cases, session.user).sort((a, b) => Number(a.closedDate !== null) - Number(b.closedDate !== null) || b.openedDate.localeCompare(a.openedDate));
  const isAdmin = session.user.role === 'admin';

  const load = useCallback(async () => {
    try {
      setAdministrations((await call('measures.list', { clientId })).administrations);
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    }
  }, [clientId]);

  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  if (shown.length === 0) return null;
  return (
    <section className="card measures-section" aria-labelledby="client-measures-title" data-testid="client-measures">
      <h2 id="client-measures-title" className="card-heading">
        {t('measures.section.title')}
      </h2>
      <p className="card-text">{isAdmin ? t('measures.section.leadAdmin') : t('measures.section.lead')}</p>
      <FormAlert code={error ?? instrumentsError} />
      {administrations === null || instruments === null ? (
        !(error ?? instrumentsError) && <p className="muted">{t('common.loading')}</p>
      ) : (
        shown.map((clientCase) => (
          <CaseMeasures
            key={clientCase.id}
            clientCase={clientCase}
            instruments={instruments}
            administrations={administrations.filter((administration) => administration.caseId === clientCase.id)}
            reloadKey={reloadKey}
            onChanged={() => setReloadKey((n) => n + 1)}
          />
        ))
      )}
    </section>
  );
}
