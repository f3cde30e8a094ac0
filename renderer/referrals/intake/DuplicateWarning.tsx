import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/referral-schemas';
import { ClientSummaryLine } from './ClientSummaryLine';

interface DuplicateWarningProps {
  candidates: ClientSummary[];
  /** Shown because saving was refused (rather than as an early hint): take the person there. */
  fromSubmit: boolean;
  onUse: (client: ClientSummary) => void;
  onCreateAnyway: () => void;
}

/**
 * The intake's duplicate guard: the agency already has someone with this name and birth
 * date, or this email. Offers each of them, or a new client after all.
 */
export function DuplicateWarning({ candidates, fromSubmit, onUse, onCreateAnyway }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (fromSubmit) heading.current?.focus();
  }, [fromSubmit, candidates]);
  return (
    <section className="duplicate-warning" aria-labelledby="duplicate-warning-title" data-testid="duplicate-warning" role={fromSubmit ? 'alert' : 'status'}>
      <h3 id="duplicate-warning-title" className="duplicate-warning__title" tabIndex={-1} ref={heading}>
        {t('referrals.duplicates.title', { count: candidates.length })}
      </h3>
      <p className="duplicate-warning__lead">{t('referrals.duplicates.lead')}</p>
      <ul className="client-results">
        {candidates.map((client) => (
          <li key={client.id} className="client-results__item">
            <ClientSummaryLine client={client} />
            <button type="button" className="button button--primary button--small" onClick={() => onUse(client)}>
              {t('referrals.duplicates.use')}
              <span className="visually-hidden"> {client.code}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="duplicate-warning__actions">
        <button type="button" className="button button--secondary button--small" onClick={onCreateAnyway}>
          {t('referrals.duplicates.createAnyway')}
        </button>
      </div>
    </section>
  );
}
