import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../../shared/domain/referrals';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { FormAlert } from '../../forms/FormAlert';
import { ReferralDetailDialog } from '../detail/ReferralDetailDialog';
import { useAgencies } from '../shared/useAgencies';
import { ReferralsTable } from './ReferralsTable';

/** Every referral, newest first, narrowed by status and agency: the admin's record of intake. */
export function AllReferralsPage() {
  const { t } = useTranslation();
  const { agencies } = useAgencies();
  const [status, setStatus] = useState<ReferralStatus | null>(null);
  const [agencyId, setAgencyId] = useState<number | null>(null);
  const [referrals, setReferrals] = useState<Referral[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [open, setOpen] = useState<Referral | null>(null);

  const load = useCallback(async () => {
    try {
      const input = { ...(status !== null && { status }), ...(agencyId !== null && { agencyId }) };
      setReferrals((await call('referrals.list', input)).referrals);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [status, agencyId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="all-referrals-title">
      <h2 id="all-referrals-title" className="card-heading">
        {t('referrals.list.title')}
      </h2>
      <p className="card-text">{t('referrals.list.lead')}</p>
      <div className="filters referral-filters" role="group" aria-label={t('referrals.filters.label')}>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="referrals-status" className="field__label">
              {t('referrals.filters.status')}
            </label>
            <select id="referrals-status" value={status ?? ''} onChange={(event) => setStatus(event.target.value === '' ? null : (event.target.value as ReferralStatus))}>
              <option value="">{t('referrals.filters.anyStatus')}</option>
              {REFERRAL_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`vocab.referralStatus.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="referrals-agency" className="field__label">
              {t('referrals.filters.agency')}
            </label>
            <select id="referrals-agency" value={agencyId ?? ''} onChange={(event) => setAgencyId(event.target.value === '' ? null : Number(event.target.value))}>
              <option value="">{t('referrals.filters.anyAgency')}</option>
              {(agencies ?? []).map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <FormAlert code={loadError} />
      {referrals === null && !loadError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : referrals && referrals.length === 0 ? (
        <p className="empty-state">{t('referrals.list.empty')}</p>
      ) : (
        <ReferralsTable referrals={referrals ?? []} showCounsellor onOpen={setOpen} testId="referrals-table" />
      )}
      {open && <ReferralDetailDialog referralId={open.id} title={t('referrals.details.title', { code: open.clientCode })} onClose={() => setOpen(null)} />}
    </section>
  );
}
