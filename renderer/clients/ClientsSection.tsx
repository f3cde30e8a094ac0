import { useState } from 'react';
import '../styles/clients.css';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { ClientDetailPage } from './ClientDetailPage';
import type { ListPosition } from './ClientList';
import { ClientListPage } from './ClientListPage';
import { useClientPages } from './useClientPages';
import { useSearchText } from './useSearchText';

/** How long typing must pause before the list searches. */
const SEARCH_DELAY_MS = 250;

/**
 * Clients: the searchable list, and one client's record with cases and referrals.
 * The search and the loaded pages live here, so Back from a client returns to the same
 * search at the same place in the list.
 */
export function ClientsSection() {
  const search = useSearchText(SEARCH_DELAY_MS);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const filter = { query: search.settled.trim(), agencyId };
  const pages = useClientPages(filter);
  const [open, setOpen] = useState<{ client: ClientSummary; position: ListPosition } | null>(null);
  const [returnTo, setReturnTo] = useState<ListPosition | null>(null);

  if (open) {
    return (
      <ClientDetailPage
        clientId={open.client.id}
        onBack={(changed) => {
          // A changed name or date of birth shows in the list at once.
          if (changed) pages.refresh();
          setReturnTo(open.position);
          setOpen(null);
        }}
      />
    );
  }

  return (
    <ClientListPage
      query={search.text}
      filter={filter}
      pages={pages}
      returnTo={returnTo}
      onQueryChange={(query) => {
        // Another search starts at the top, not where the last opened client was.
        setReturnTo(null);
        search.setText(query);
      }}
      onAgencyChange={(id) => {
        setReturnTo(null);
        setAgencyId(id);
      }}
      onSearchNow={() => search.settleNow()}
      onClear={() => {
        setReturnTo(null);
        search.settleNow('');
        setAgencyId(null);
      }}
      onOpen={(client, position) => setOpen({ client, position })}
    />
  );
}
