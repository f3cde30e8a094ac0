import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ChannelInput } from '../../shared/contract/channels';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call, errorCodeOf } from '../api/client';

/** Rows per clients.search request. */
export const CLIENT_PAGE_SIZE = 200;
/** Rows asked for beyond the visible ones, so a steady scroll rarely meets a row still loading. */
const PREFETCH_ROWS = 100;
/** Pages kept in memory; those farthest from view are forgotten, so 100 000 clients never all load. */
const MAX_KEPT_PAGES = 30;
/** At most one round of requests this often while scrolling: dragging the scrollbar across the list must not ask for every page it passes. */
const REQUEST_INTERVAL_MS = 100;

export interface ClientFilter {
  query: string;
  agencyId: number | null;
}

/** One search's answers, page by page. */
interface ResultSet {
  /** Grows with every search and refresh, so the list can tell a new result from more of the same. */
  id: number;
  filter: ClientFilter;
  /** A refresh of the same search keeps the list where it was; a new search goes back to the top. */
  keepPosition: boolean;
  total: number | null;
  pages: Map<number, ClientSummary[]>;
  pending: Set<number>;
}

export interface ShownResults {
  id: number;
  total: number;
  keepPosition: boolean;
}

export interface ClientPages {
  /** The results on screen: null until the first page has answered. */
  results: ShownResults | null;
  /** A new search is on its way; the previous results stay on screen until it answers (no flicker while typing). */
  searching: boolean;
  error: ErrorCode | null;
  /** The client at a row, or undefined while its page is loading. */
  clientAt(index: number): ClientSummary | undefined;
  /** Tells which rows are on screen; their pages (and a few around them) are fetched. */
  showRows(first: number, last: number): void;
  /** Asks again for the rows on screen (after a client was changed, or after a failure). */
  refresh(): void;
}

const pageOf = (row: number) => Math.floor(row / CLIENT_PAGE_SIZE);

function searchInput(filter: ClientFilter, page: number): ChannelInput<'clients.search'> {
  return {
    query: filter.query,
    offset: page * CLIENT_PAGE_SIZE,
    limit: CLIENT_PAGE_SIZE,
    ...(filter.agencyId !== null ? { agencyId: filter.agencyId } : {}),
  };
}

/** The pages holding the rows on screen and the prefetch margin around them, nearest first. */
function pagesAround(rows: { first: number; last: number }, total: number): number[] {
  if (total <= 0) return [];
  const lastPage = pageOf(total - 1);
  const clamp = (page: number) => Math.min(Math.max(page, 0), lastPage);
  const visible = [clamp(pageOf(rows.first)), clamp(pageOf(rows.last))];
  const around = [clamp(pageOf(rows.first - PREFETCH_ROWS)), clamp(pageOf(rows.last + PREFETCH_ROWS))];
  return [...new Set([...visible, ...around])];
}

function forgetFarPages(set: ResultSet, rows: { first: number; last: number }): void {
  if (set.pages.size <= MAX_KEPT_PAGES) return;
  const centre = pageOf((rows.first + rows.last) / 2);
  const byDistance = [...set.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const page of byDistance.slice(0, set.pages.size - MAX_KEPT_PAGES)) set.pages.delete(page);
}

/**
 * The client list's data: clients.search a page of 200 at a time, only for the rows near
 * the screen. The total comes with every page, so the list knows its full height at once.
 */
export function useClientPages(filter: ClientFilter): ClientPages {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<ErrorCode | null>(null);
  const shown = useRef<ResultSet | null>(null);
  const incoming = useRef<ResultSet | null>(null);
  const nextId = useRef(1);
  const visibleRows = useRef({ first: 0, last: 0 });
  const throttle = useRef<{ timer: number | null; lastAt: number }>({ timer: null, lastAt: 0 });

  const load = useCallback((set: ResultSet, page: number) => {
    if (set.pages.has(page) || set.pending.has(page)) return;
    set.pending.add(page);
    call('clients.search', searchInput(set.filter, page))
      .then(({ clients, total }) => {
        set.pages.set(page, clients);
        set.total = total;
        if (incoming.current === set) {
          shown.current = set;
          incoming.current = null;
        }
        // An older search that answered late is dropped.
        if (shown.current !== set) return;
        forgetFarPages(set, visibleRows.current);
        setError(null);
        rerender();
      })
      .catch((failure: unknown) => {
        if (shown.current === set || incoming.current === set) setError(errorCodeOf(failure));
      })
      .finally(() => set.pending.delete(page));
  }, []);

  const start = useCallback(
    (nextFilter: ClientFilter, keepPosition: boolean, pages: number[]) => {
      const set: ResultSet = { id: nextId.current++, filter: nextFilter, keepPosition, total: null, pages: new Map(), pending: new Set() };
      incoming.current = set;
      rerender();
      for (const page of pages) load(set, page);
    },
    [load],
  );

  const { query, agencyId } = filter;
  useEffect(() => {
    start({ query, agencyId }, false, [0]);
  }, [query, agencyId, start]);

  const requestVisiblePages = useCallback(() => {
    throttle.current = { timer: null, lastAt: Date.now() };
    const set = shown.current;
    if (!set || set.total === null) return;
    for (const page of pagesAround(visibleRows.current, set.total)) load(set, page);
  }, [load]);

  const showRows = useCallback(
    (first: number, last: number) => {
      visibleRows.current = { first, last };
      // A round already waiting will read the latest rows when it runs.
      if (throttle.current.timer !== null) return;
      const wait = Math.max(0, REQUEST_INTERVAL_MS - (Date.now() - throttle.current.lastAt));
      throttle.current.timer = window.setTimeout(requestVisiblePages, wait);
    },
    [requestVisiblePages],
  );

  useEffect(
    () => () => {
      if (throttle.current.timer !== null) window.clearTimeout(throttle.current.timer);
    },
    [],
  );

  const refresh = useCallback(() => {
    const current = incoming.current ?? shown.current;
    const sameFilter = current?.filter ?? { query, agencyId };
    const pages = shown.current?.total != null ? pagesAround(visibleRows.current, shown.current.total) : [];
    start(sameFilter, true, pages.length > 0 ? pages : [0]);
  }, [query, agencyId, start]);

  const set = shown.current;
  return {
    results: set ? { id: set.id, total: set.total ?? 0, keepPosition: set.keepPosition } : null,
    searching: incoming.current !== null,
    error,
    clientAt: (index) => set?.pages.get(pageOf(index))?.[index % CLIENT_PAGE_SIZE],
    showRows,
    refresh,
  };
}
