import { useTranslation } from 'react-i18next';
import type { Agency } from '../../shared/contract/agency-schemas';

interface ClientSearchBarProps {
  query: string;
  agencyId: number | null;
  agencies: Agency[];
  onQueryChange: (query: string) => void;
  onAgencyChange: (agencyId: number | null) => void;
  /** Enter in the search box: search now rather than after the typing pause. */
  onSearchNow: () => void;
}

/** The search box (name or client code) and the agency filter above the client list. */
export function ClientSearchBar({ query, agencyId, agencies, onQueryChange, onAgencyChange, onSearchNow }: ClientSearchBarProps) {
  const { t } = useTranslation();
  return (
    <form
      role="search"
      className="client-search"
      aria-label={t('clients.search.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearchNow();
      }}
    >
      <div className="field client-search__query">
        <label htmlFor="client-search-query" className="field__label">
          {t('clients.search.query')}
        </label>
        <input
          id="client-search-query"
          type="search"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          placeholder={t('clients.search.placeholder')}
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
        />
      </div>
      <div className="field client-search__agency">
        <label htmlFor="client-search-agency" className="field__label">
          {t('clients.search.agency')}
        </label>
        <select id="client-search-agency" value={agencyId ?? ''} onChange={(event) => onAgencyChange(event.target.value === '' ? null : Number(event.target.value))}>
          <option value="">{t('clients.search.allAgencies')}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.active ? agency.name : t('clients.search.inactiveAgency', { name: agency.name })}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
