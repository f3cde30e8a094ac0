import { useTranslation } from 'react-i18next';
import type { StatusChange } from '../../../shared/contract/referral-schemas';
import { useDateTimeMinutes } from '../shared/useDateTimeMinutes';

/** Every status change of a referral, oldest first: when, who, from what to what, why. */
export function StatusHistory({ history }: { history: StatusChange[] }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeMinutes();
  return (
    <div className="table-wrap">
      <table className="table table--dense" data-testid="status-history">
        <thead>
          <tr>
            <th scope="col">{t('referrals.history.when')}</th>
            <th scope="col">{t('referrals.history.who')}</th>
            <th scope="col">{t('referrals.history.change')}</th>
            <th scope="col">{t('referrals.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((change, index) => (
            <tr key={`${change.changedAt}-${index}`}>
              <td className="nowrap">{dateTime(change.changedAt)}</td>
              <td>{change.changedBy}</td>
              <td>
                {change.fromStatus ? (
                  <span className="nowrap">
                    {t(`vocab.referralStatus.${change.fromStatus}`)} → {t(`vocab.referralStatus.${change.toStatus}`)}
                  </span>
                ) : (
                  t('referrals.history.created', { to: t(`vocab.referralStatus.${change.toStatus}`) })
                )}
                {change.closureReason && <div className="cell-secondary">{t(`vocab.closureReason.${change.closureReason}`)}</div>}
              </td>
              <td className="history-note">{change.note || <span className="muted">{t('referrals.history.noNote')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
