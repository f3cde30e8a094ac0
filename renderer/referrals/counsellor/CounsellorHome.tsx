import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, Referral } from '../../../shared/contract/referral-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { FormAlert } from '../../forms/FormAlert';
import { ReferralDetailDialog } from '../detail/ReferralDetailDialog';
import { ReferralsTable } from '../list/ReferralsTable';
import { MyCasesTable } from './MyCasesTable';

/**
 * A counsellor's home: the referrals assigned to them and their cases. The services return
 * only their own, so nothing here could show another counsellor's clients.
 */
export function CounsellorHome() {
  const { t } = useTranslation();
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [cases, setCases] = useState<Case[] | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [open, setOpen] = useState<Referral | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([call('referrals.list', {}), call('cases.list', {})])
      .then(([listed, caseList]) => {
        if (cancelled) return;
        setReferrals(listed.referrals);
        setCases(caseList.cases);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorCodeOf(failure));
      });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <>
      <h1 className="page-title">{t('nav.referrals')}</h1>
      <FormAlert code={error} />
      <section className="card" aria-labelledby="my-referrals-title">
        <h2 id="my-referrals-title" className="card-heading">
          {t('referrals.mine.referralsTitle')}
        </h2>
        <p className="card-text">{t('referrals.mine.referralsLead')}</p>
        {referrals === null && !error ? (
          <p className="muted">{t('common.loading')}</p>
        ) : referrals && referrals.length === 0 ? (
          <p className="empty-state">{t('referrals.mine.noReferrals')}</p>
        ) : (
          <ReferralsTable referrals={referrals ?? []} showCounsellor={false} onOpen={setOpen} testId="my-referrals" />
        )}
      </section>
      <section className="card" aria-labelledby="my-cases-title">
        <h2 id="my-cases-title" className="card-heading">
          {t('referrals.mine.casesTitle')}
        </h2>
        {cases === null && !error ? (
          <p className="muted">{t('common.loading')}</p>
        ) : cases && cases.length === 0 ? (
          <p className="empty-state">{t('referrals.mine.noCases')}</p>
        ) : (
          <MyCasesTable cases={cases ?? []} />
        )}
      </section>
      {open && <ReferralDetailDialog referralId={open.id} title={t('referrals.details.title', { code: open.clientCode })} onClose={() => setOpen(null)} />}
    </>
  );
}
