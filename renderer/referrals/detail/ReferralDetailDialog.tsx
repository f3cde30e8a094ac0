import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/channels';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { FormAlert } from '../../forms/FormAlert';
import { ReferralDetails } from './ReferralDetails';
import { StatusHistory } from './StatusHistory';

/** One referral in full, with its status history (loaded fresh: the service audits who looked). */
export function ReferralDetailDialog({ referralId, title, onClose }: { referralId: number; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<ChannelOutput<'referrals.get'> | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    let cancelled = false;
    call('referrals.get', { id: referralId })
      .then((result) => {
        if (!cancelled) setLoaded(result);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorCodeOf(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [referralId]);

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="referral-detail">
        <FormAlert code={error} />
        {loaded === null && !error && <p className="muted">{t('common.loading')}</p>}
        {loaded && (
          <>
            <ReferralDetails referral={loaded.referral} />
            <h3 className="referral-detail__heading">{t('referrals.history.title')}</h3>
            <StatusHistory history={loaded.history} />
          </>
        )}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
            {t('referrals.details.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
