import { useTranslation } from 'react-i18next';
import type { PageId } from '../shell/pages';

const TABS = [
  { page: 'referrals/waitlist', key: 'waitlist' },
  { page: 'referrals/new', key: 'new' },
  { page: 'referrals', key: 'all' },
  { page: 'referrals/import', key: 'import' },
] as const;

/** An admin's referral pages: the waitlist, intake, every referral, and the CSV import. */
export function ReferralTabs({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs" aria-label={t('referrals.tabsLabel')}>
      {TABS.map((tab) => (
        <a
          key={tab.page}
          href={`#${tab.page}`}
          className={tab.page === page ? 'tabs__tab tabs__tab--active' : 'tabs__tab'}
          aria-current={tab.page === page ? 'page' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onNavigate(tab.page);
          }}
        >
          {t(`referrals.tabs.${tab.key}`)}
        </a>
      ))}
    </nav>
  );
}
