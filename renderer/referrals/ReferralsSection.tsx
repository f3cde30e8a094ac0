import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../shared/contract/referral-schemas';
import { useSession } from '../session/SessionContext';
import type { PageId } from '../shell/pages';
import { CounsellorHome } from './counsellor/CounsellorHome';
import { ImportReferralsPage } from './import/ImportReferralsPage';
import { IntakePage } from './intake/IntakePage';
import { AllReferralsPage } from './list/AllReferralsPage';
import { ReferralTabs } from './ReferralTabs';
import { WaitlistPage } from './waitlist/WaitlistPage';
import '../styles/referrals.css';

/**
 * Referrals. Admins: the waitlist, intake, every referral and the CSV import, one tab each.
 * Counsellors: the referrals and cases assigned to them (their home page).
 */
export function ReferralsSection({ page, onNavigate }: { page: PageId; onNavigate: (page: PageId) => void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  // The referral just taken in, announced on the waitlist the intake leads to.
  const [justCreated, setJustCreated] = useState<Referral | null>(null);
  useEffect(() => {
    if (page !== 'referrals/waitlist') setJustCreated(null);
  }, [page]);

  if (session.user.role !== 'admin') return <CounsellorHome />;
  return (
    <>
      <h1 className="page-title">{t('nav.referrals')}</h1>
      <ReferralTabs page={page} onNavigate={onNavigate} />
      {page === 'referrals/waitlist' && <WaitlistPage justCreated={justCreated} />}
      {page === 'referrals/new' && (
        <IntakePage
          onCreated={(referral) => {
            onNavigate('referrals/waitlist');
            setJustCreated(referral);
          }}
        />
      )}
      {page === 'referrals' && <AllReferralsPage />}
      {page === 'referrals/import' && <ImportReferralsPage />}
    </>
  );
}
