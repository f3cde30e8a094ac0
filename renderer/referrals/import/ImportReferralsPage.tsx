import { PlaceholderPage } from '../../shell/PlaceholderPage';

/** Import referrals from an agency's spreadsheet: pick a file, map columns, check, import. */
export function ImportReferralsPage() {
  return <PlaceholderPage section="referrals" />;
}
