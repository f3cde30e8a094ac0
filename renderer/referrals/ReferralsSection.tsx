import type { PageId } from '../shell/pages';
import { PlaceholderPage } from '../shell/PlaceholderPage';

/** Referrals: intake, the waitlist, import, and a counsellor's assigned referrals. */
export function ReferralsSection(_props: { page: PageId; onNavigate: (page: PageId) => void }) {
  return <PlaceholderPage section="referrals" />;
}
