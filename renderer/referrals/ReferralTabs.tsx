import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages';
import { PageTabs } from '../components/PageTabs';

const TABS = [
  { page: 'referrals/waitlist', key: 'waitlist' },
  { page: 'referrals/new', key: 'new' },
  { page: 'referrals', key: 'all' },
  { page: 'referrals/import', key: 'import' },
] as const;

/** An admin's referral pages: the waitlist, intake, every referral, and the CSV import. */
export function ReferralTabs({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  return <PageTabs tabs={TABS.map((tab) => ({ page: tab.page, label: t(`referrals.tabs.${tab.key}`) }))} page={page} label={t('referrals.tabsLabel')} onNavigate={onNavigate} />;
}
