import { useEffect, useState } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { FormAlert } from '../../forms/FormAlert';
import { translateIssue } from '../../forms/issue-messages';
import { ClientSummaryLine } from './ClientSummaryLine';

const PAGE_SIZE = 20;
const TYPING_PAUSE_MS = 300;

interface ExistingClientPickerProps {
  agencyId: number | null;
  picked: ClientSummary | null;
  onPick: (client: ClientSummary | null) => void;
  error?: FieldError | undefined;
}

/** Finds a client of the chosen agency by name or client code and picks one. */
export function ExistingClientPicker({ agencyId, picked, onPick, error }: ExistingClientPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ clients: ClientSummary[]; total: number } | null>(null);
  const [searchError, setSearchError] = useState<ErrorCode | null>(null);
  const label = t('referrals.client.searchLabel');
  const errorId = error ? 'intake-client-search-error' : undefined;

  // Searches once typing pauses; an answer to an older query is dropped.
  useEffect(() => {
    if (agencyId === null || picked) return;
    let current = true;
    const timer = window.setTimeout(() => {
      call('clients.search', { query, agencyId, offset: 0, limit: PAGE_SIZE })
        .then((result) => {
          if (!current) return;
          setFound(result);
          setSearchError(null);
        })
        .catch((failure: unknown) => {
          if (current) setSearchError(errorCodeOf(failure));
        });
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [agencyId, query, picked]);

  if (agencyId === null) return <p className="field__hint intake-client-hint">{t('referrals.client.chooseAgencyFirst')}</p>;

  if (picked) {
    return (
      <div className="picked-client" data-testid="picked-client">
        <div>
          <div className="field__label">{t('referrals.client.chosen')}</div>
          <ClientSummaryLine client={picked} />
        </div>
        <button type="button" className="button button--secondary button--small" onClick={() => onPick(null)}>
          {t('referrals.client.change')}
        </button>
      </div>
    );
  }

  return (
    <div className={error ? 'client-search field--invalid' : 'client-search'}>
      <div className="field">
        <label htmlFor="intake-client-search" className="field__label">
          {label}
        </label>
        <input
          id="intake-client-search"
          type="text"
          autoComplete="off"
          maxLength={100}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          aria-controls="intake-client-results"
        />
        {error && (
          <p id={errorId} className="field__error">
            {translateIssue(t, error.message, t('referrals.fields.client'))}
          </p>
        )}
      </div>
      <FormAlert code={searchError} />
      <div id="intake-client-results" aria-live="polite">
        {found && found.clients.length === 0 && <p className="muted">{t('referrals.client.noMatches')}</p>}
        {found && found.clients.length > 0 && (
          <ul className="client-results" data-testid="client-results">
            {found.clients.map((client) => (
              <li key={client.id} className="client-results__item">
                <ClientSummaryLine client={client} />
                <button type="button" className="button button--secondary button--small" onClick={() => onPick(client)}>
                  {t('referrals.client.choose')}
                  <span className="visually-hidden"> {client.code}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {found && found.total > found.clients.length && (
          <p className="field__hint">{t('referrals.client.showing', { shown: found.clients.length, total: found.total })}</p>
        )}
      </div>
    </div>
  );
}
