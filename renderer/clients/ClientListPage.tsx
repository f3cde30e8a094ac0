import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../shared/contract/agency-schemas';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { call } from '../api/client';
import { FormAlert } from '../forms/FormAlert';
import { localeFor } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { useFormatters } from '../session/useFormatters';
import { ClientList, type ListPosition } from './ClientList';
import { ClientSearchBar } from './ClientSearchBar';
import type { ClientFilter, ClientPages } from './useClientPages';

interface ClientListPageProps {
  /** What is in the search box (the search itself runs on `filter`, once typing pauses). */
  query: string;
  filter: ClientFilter;
  pages: ClientPages;
  returnTo: ListPosition | null;
  onQueryChange: (query: string) => void;
  onAgencyChange: (agencyId: number | null) => void;
  onSearchNow: () => void;
  /** Empties the search box and the agency filter, and shows every client again. */
  onClear: () => void;
  onOpen: (client: ClientSummary, position: ListPosition) => void;
}

/** The Clients page: search, filter by agency, and the (virtualised) list of clients. */
export function ClientListPage({ query, filter, pages, returnTo, onQueryChange, onAgencyChange, onSearchNow, onClear, onOpen }: ClientListPageProps) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { language } = useFormatters();
  const [agencies, setAgencies] = useState<Agency[]>([]);

  useEffect(() => {
    call('agencies.list', { includeInactive: true })
      .then((result) => setAgencies(result.agencies))
      // The filter is a convenience: without agencies the search still works.
      .catch(() => setAgencies([]));
  }, []);

  const { results } = pages;
  const filtered = filter.query !== '' || filter.agencyId !== null;
  const counsellor = session.user.role === 'counsellor';
  // No clients at all (not merely none found): a search box would only suggest there are some.
  const nobodyYet = results !== null && results.total === 0 && !filtered && query === '';
  const total = results ? new Intl.NumberFormat(localeFor(language)).format(results.total) : '';

  return (
    <>
      <h1 id="clients-title" className="page-title">
        {t('clients.title')}
      </h1>
      <section className="card client-list-card" aria-labelledby="clients-title">
        <p className="card-text">{counsellor ? t('clients.list.leadCounsellor') : t('clients.list.leadAdmin')}</p>
        {!nobodyYet && (
          <ClientSearchBar
            query={query}
            agencyId={filter.agencyId}
            agencies={agencies}
            onQueryChange={onQueryChange}
            onAgencyChange={onAgencyChange}
            onSearchNow={onSearchNow}
          />
        )}
        <FormAlert code={pages.error} />
        {pages.error && (
          <button type="button" className="button button--secondary button--small client-list-retry" onClick={pages.refresh}>
            {t('common.tryAgain')}
          </button>
        )}
        {!nobodyYet && (
          <p className="client-count" role="status" data-testid="client-count">
            {results && results.total > 0 && t(filtered ? 'clients.list.found' : 'clients.list.count', { count: results.total, total })}
          </p>
        )}
        {results === null ? (
          !pages.error && <p className="muted">{t('clients.list.loading')}</p>
        ) : results.total === 0 ? (
          <div className="empty-state" data-testid="clients-empty">
            <p>{filtered ? t('clients.list.noMatch') : counsellor ? t('clients.list.emptyCounsellor') : t('clients.list.emptyAdmin')}</p>
            {filtered && (
              <button type="button" className="button button--ghost button--small client-list-clear" onClick={onClear}>
                {t('clients.list.clearSearch')}
              </button>
            )}
          </div>
        ) : (
          <ClientList pages={pages} results={results} labelledBy="clients-title" returnTo={returnTo} onOpen={onOpen} />
        )}
      </section>
    </>
  );
}
