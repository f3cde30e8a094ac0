import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { NoteSearchHit } from '../../shared/contract/note-schemas';
import { NoteStatusBadge } from '../notes/note-parts';
import { useFormatters } from '../session/useFormatters';
import { Snippet } from './Snippet';

type SearchAnswer = ChannelOutput<'notes.search'>;

interface NoteSearchResultsProps {
  query: string;
  /** Null before anything was searched (or while the filters are not valid). */
  answer: SearchAnswer | null;
  searching: boolean;
  /** What was typed holds no word to search for (only punctuation). */
  noWords: boolean;
  onPage: (page: number) => void;
  onOpen: (noteId: number) => void;
}

function Hit({ hit, onOpen }: { hit: NoteSearchHit; onOpen: (noteId: number) => void }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const template = t(`notes.templates.${hit.template}`);
  const written = date(hit.writtenAt);
  return (
    <li className="search-hit" data-testid="search-hit" data-note-id={hit.noteId} data-addendum-id={hit.addendumId ?? undefined}>
      <div className="search-hit__top">
        <p className="search-hit__client">
          <span className="search-hit__code">{hit.clientCode}</span>
          {hit.clientName && <span className="search-hit__name">{hit.clientName}</span>}
        </p>
        <p className="search-hit__when">{t('noteSearch.results.written', { date: written, name: hit.authorName })}</p>
      </div>
      <div className="search-hit__title-row">
        <h2 className="search-hit__title">
          <button type="button" className="search-hit__open" aria-label={t('noteSearch.results.openLabel', { template, code: hit.clientCode, date: written })} onClick={() => onOpen(hit.noteId)}>
            {template}
          </button>
        </h2>
        <NoteStatusBadge status={hit.status} />
        {hit.addendumId !== null && (
          <span className="badge search-hit__addendum" data-testid="search-hit-addendum">
            {t('noteSearch.results.inAddendum')}
          </span>
        )}
      </div>
      <Snippet text={hit.snippet} />
    </li>
  );
}

/** How many notes matched, the hits of this page, and Previous / Next. */
export function NoteSearchResults({ query, answer, searching, noWords, onPage, onOpen }: NoteSearchResultsProps) {
  const { t } = useTranslation();
  if (noWords) return <p className="note-search__empty">{t('validation.search_required')}</p>;
  if (!answer) {
    if (query !== '' && searching) return <p className="note-search__summary" role="status">{t('noteSearch.results.searching')}</p>;
    return (
      <div className="note-search__prompt" data-testid="search-prompt">
        <p className="note-search__prompt-title">{t('noteSearch.prompt.title')}</p>
        <p className="muted">{t('noteSearch.prompt.text')}</p>
      </div>
    );
  }
  const { hits, total, page, pageSize } = answer;
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min((page + 1) * pageSize, total);
  return (
    <section className="note-search__results" aria-labelledby="note-search-summary" aria-busy={searching}>
      {total === 0 ? (
        <div className="note-search__empty">
          <p id="note-search-summary" className="note-search__empty-title" role="status" data-testid="search-summary">
            {t('noteSearch.results.none', { query })}
          </p>
          <p>{t('noteSearch.results.noneHint')}</p>
        </div>
      ) : (
        <p id="note-search-summary" className="note-search__summary" role="status" data-testid="search-summary">
          {t('noteSearch.results.count', { count: total })}
        </p>
      )}
      {hits.length > 0 && (
        <ol className="search-hits" data-testid="search-hits">
          {hits.map((hit) => (
            <Hit key={`${hit.noteId}-${hit.addendumId ?? 'note'}`} hit={hit} onOpen={onOpen} />
          ))}
        </ol>
      )}
      {total > pageSize && (
        <nav className="pager" aria-label={t('noteSearch.results.pagerLabel')}>
          <span className="pager__range" data-testid="search-range">
            {t('noteSearch.results.range', { first, last, total })}
          </span>
          <button type="button" className="button button--secondary button--small" disabled={page === 0 || searching} onClick={() => onPage(page - 1)}>
            {t('noteSearch.results.previous')}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={last >= total || searching} onClick={() => onPage(page + 1)}>
            {t('noteSearch.results.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
