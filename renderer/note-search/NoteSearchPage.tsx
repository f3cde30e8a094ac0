import '../styles/risk-search.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../shared/contract/channels';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf, isApiError } from '../api/client';
import { useSearchText } from '../clients/useSearchText';
import { Icon } from '../components/Icon';
import { FormAlert } from '../forms/FormAlert';
import { NoteDialog } from '../notes/NoteDialog';
import { NoteSearchFilters, NO_FILTERS, type SearchFilterValues } from './NoteSearchFilters';
import { NoteSearchResults } from './NoteSearchResults';

/** Typing must pause this long before the search runs (words match as prefixes, so a half word already finds). */
const SEARCH_DELAY_MS = 300;

type SearchAnswer = ChannelOutput<'notes.search'>;

/**
 * Full-text search of the counsellor's own notes and addenda: what the service finds is
 * already limited to their caseload, so nothing here ever hints at another counsellor's
 * clients. Results show the matched words highlighted; a hit opens the note.
 */
export function NoteSearchPage() {
  const { t } = useTranslation();
  const search = useSearchText(SEARCH_DELAY_MS);
  const [filters, setFilters] = useState<SearchFilterValues>(NO_FILTERS);
  const [clients, setClients] = useState<ClientSummary[]>([]);
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [noWords, setNoWords] = useState(false);
  const [openNote, setOpenNote] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  const latest = useRef(0);

  const query = search.settled.trim();
  const reversed = filters.from !== '' && filters.to !== '' && filters.to < filters.from;
  // A new query or new filters start again at the first page.
  const searchKey = JSON.stringify([query, filters]);
  const [paging, setPaging] = useState({ key: searchKey, page: 0 });
  const page = paging.key === searchKey ? paging.page : 0;

  useEffect(() => {
    let live = true;
    call('clients.search', { query: '', limit: 500 })
      .then((found) => live && setClients(found.clients))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const input = useMemo<ChannelInput<'notes.search'> | null>(() => {
    if (query === '' || reversed) return null;
    return {
      query,
      page,
      ...(filters.clientId !== '' ? { clientId: Number(filters.clientId) } : {}),
      ...(filters.template !== '' ? { template: filters.template } : {}),
      ...(filters.from !== '' ? { from: filters.from } : {}),
      ...(filters.to !== '' ? { to: filters.to } : {}),
    };
  }, [query, reversed, page, filters]);

  useEffect(() => {
    const request = ++latest.current;
    if (!input) {
      setAnswer(null);
      setSearching(false);
      setError(null);
      setNoWords(false);
      return;
    }
    setSearching(true);
    call('notes.search', input)
      .then((found) => {
        if (request !== latest.current) return;
        setAnswer(found);
        setError(null);
        setNoWords(false);
      })
      .catch((failure: unknown) => {
        if (request !== latest.current) return;
        setAnswer(null);
        // Only punctuation typed: nothing to search for, said as a hint rather than an error.
        const wordless = isApiError(failure) && failure.issues.some((issue) => issue.code === 'search_required');
        setNoWords(wordless);
        setError(wordless ? null : errorCodeOf(failure));
      })
      .finally(() => {
        if (request === latest.current) setSearching(false);
      });
  }, [input, reloads]);

  const filtered = filters.clientId !== '' || filters.template !== '' || filters.from !== '' || filters.to !== '';

  return (
    <div className="note-search">
      <h1 className="page-title">{t('noteSearch.title')}</h1>
      <p className="note-search__lead">{t('noteSearch.lead')}</p>
      <form
        role="search"
        className="card note-search__form"
        aria-label={t('noteSearch.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          search.settleNow();
        }}
      >
        <div className="field note-search__query">
          <label htmlFor="note-search-query" className="field__label">
            {t('noteSearch.query')}
          </label>
          <div className="search-box">
            <Icon name="search" className="search-box__icon" />
            <input
              id="note-search-query"
              type="search"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              placeholder={t('noteSearch.placeholder')}
              aria-describedby="note-search-query-hint"
              value={search.text}
              onChange={(event) => search.setText(event.target.value)}
            />
          </div>
          <p id="note-search-query-hint" className="field__hint">
            {t('noteSearch.queryHint')}
          </p>
        </div>
        <NoteSearchFilters clients={clients} values={filters} reversed={reversed} onChange={setFilters} />
        {filtered && (
          <button type="button" className="link-button note-search__clear" onClick={() => setFilters(NO_FILTERS)}>
            {t('noteSearch.filters.clear')}
          </button>
        )}
      </form>
      <FormAlert code={error} />
      <NoteSearchResults
        query={query}
        answer={input ? answer : null}
        searching={searching}
        noWords={noWords}
        onPage={(next) => setPaging({ key: searchKey, page: next })}
        onOpen={setOpenNote}
      />
      {openNote !== null && <NoteDialog noteId={openNote} onClose={() => setOpenNote(null)} onChanged={() => setReloads((n) => n + 1)} />}
    </div>
  );
}
