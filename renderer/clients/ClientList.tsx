import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { ClientRow } from './ClientRow';
import type { ClientPages, ShownResults } from './useClientPages';

/** Every row has the same height, so the list's full height is known without measuring 100 000 rows. */
export const CLIENT_ROW_HEIGHT = 48;
const OVERSCAN_ROWS = 8;

/** Where the list was when a client was opened, to come back to the same place. */
export interface ListPosition {
  scrollOffset: number;
  activeIndex: number;
}

interface ClientListProps {
  pages: ClientPages;
  results: ShownResults;
  labelledBy: string;
  /** Coming back from a client: the same scroll position, with focus on the row that was opened. */
  returnTo: ListPosition | null;
  onOpen: (client: ClientSummary, position: ListPosition) => void;
}

/**
 * The client list, virtualised: only the rows in view (and a few either side) are in the
 * page, whatever the number of clients. One tab stop; the arrow keys, Page Up/Down, Home
 * and End move between rows, Enter opens one.
 */
export function ClientList({ pages, results, labelledBy, returnTo, onOpen }: ClientListProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(returnTo?.activeIndex ?? 0);
  // Set when the keyboard moved: the row gets focus once it is rendered.
  const focusPending = useRef(returnTo !== null);

  const virtualizer = useVirtualizer({
    count: results.total,
    getScrollElement: () => viewport.current,
    estimateSize: () => CLIENT_ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    initialOffset: returnTo?.scrollOffset ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { showRows } = pages;
  useEffect(() => {
    showRows(first, last);
  }, [showRows, first, last]);

  // A new search starts at the top; a refresh of the same one stays where it is.
  const shownId = useRef(results.id);
  useEffect(() => {
    if (shownId.current === results.id) return;
    shownId.current = results.id;
    if (!results.keepPosition) {
      virtualizer.scrollToOffset(0);
      setActiveIndex(0);
    } else if (activeIndex >= results.total) {
      setActiveIndex(Math.max(0, results.total - 1));
    }
  }, [results, virtualizer, activeIndex]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = viewport.current?.querySelector<HTMLButtonElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusPending.current = false;
    }
  });

  const moveTo = (index: number) => {
    const target = Math.min(Math.max(index, 0), results.total - 1);
    setActiveIndex(target);
    focusPending.current = true;
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const rowsPerScreen = Math.max(1, Math.floor((viewport.current?.clientHeight ?? CLIENT_ROW_HEIGHT * 10) / CLIENT_ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + rowsPerScreen,
      PageUp: activeIndex - rowsPerScreen,
      Home: 0,
      End: results.total - 1,
    };
    const target = moves[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    moveTo(target);
  };

  // The row that takes Tab: the active one when it is rendered, else the first in view (rows scrolled away by the mouse are gone).
  const rendered = activeIndex >= first && activeIndex <= last;
  const tabbableIndex = rendered ? activeIndex : (virtualizer.range?.startIndex ?? first);

  return (
    <div className="client-list">
      <div className="client-list__header" aria-hidden="true">
        <span>{t('clients.list.columns.code')}</span>
        <span>{t('clients.list.columns.name')}</span>
        <span>{t('clients.list.columns.dateOfBirth')}</span>
        <span>{t('clients.list.columns.agency')}</span>
      </div>
      <div ref={viewport} className="client-list__viewport" data-testid="client-list" style={{ height: results.total * CLIENT_ROW_HEIGHT }}>
        <ul
          role="list"
          className="client-list__rows"
          aria-labelledby={labelledBy}
          aria-describedby={hintId}
          aria-busy={pages.searching || undefined}
          style={{ height: virtualizer.getTotalSize() }}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => (
            <li
              key={item.key}
              className="client-list__item"
              aria-setsize={results.total}
              aria-posinset={item.index + 1}
              style={{ height: CLIENT_ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <ClientRow
                index={item.index}
                client={pages.clientAt(item.index)}
                tabbable={item.index === tabbableIndex}
                onFocusRow={setActiveIndex}
                onOpen={(client, index) => onOpen(client, { scrollOffset: virtualizer.scrollOffset ?? 0, activeIndex: index })}
              />
            </li>
          ))}
        </ul>
      </div>
      <p id={hintId} className="client-list__hint">
        {t('clients.list.keyboardHint')}
      </p>
    </div>
  );
}
