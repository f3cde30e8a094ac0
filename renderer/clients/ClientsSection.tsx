import { PlaceholderPage } from '../shell/PlaceholderPage';

/** Clients: the searchable list and one client's record with cases and referrals. */
export function ClientsSection() {
  return <PlaceholderPage section="clients" />;
}
