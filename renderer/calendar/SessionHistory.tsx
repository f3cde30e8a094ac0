import { useTranslation } from 'react-i18next';
import type { SessionChange } from '../../shared/contract/session-schemas';
import { useDateTimeMinutes } from '../referrals/shared/useDateTimeMinutes';
import { useFormatters } from '../session/useFormatters';
import { shortDateTimeText } from './calendar-time';

/** Every change of a session, oldest first: when, who, what, and why. */
export function SessionHistory({ history }: { history: SessionChange[] }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeMinutes();
  const { zone, language } = useFormatters();
  const when = (ms: number | null) => (ms === null ? '' : shortDateTimeText(ms, zone, language));
  const what = (change: SessionChange) => {
    switch (change.kind) {
      case 'booked':
        return change.toStartMs === null ? t('calendar.history.booked') : t('calendar.history.bookedFor', { when: when(change.toStartMs) });
      case 'rescheduled':
        return t('calendar.history.rescheduled', { from: when(change.fromStartMs), to: when(change.toStartMs) });
      case 'status':
        return change.fromStatus && change.toStatus
          ? t('calendar.history.status', { from: t(`calendar.vocab.status.${change.fromStatus}`), to: t(`calendar.vocab.status.${change.toStatus}`) })
          : t('calendar.history.statusOnly', { to: change.toStatus ? t(`calendar.vocab.status.${change.toStatus}`) : '' });
    }
  };
  if (history.length === 0) return <p className="empty-state">{t('calendar.history.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--dense" data-testid="session-history">
        <thead>
          <tr>
            <th scope="col">{t('calendar.history.when')}</th>
            <th scope="col">{t('calendar.history.who')}</th>
            <th scope="col">{t('calendar.history.what')}</th>
            <th scope="col">{t('calendar.history.why')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((change, index) => (
            <tr key={`${change.changedAt}-${index}`} data-change={change.kind}>
              <td className="nowrap">{dateTime(change.changedAt)}</td>
              <td>{change.changedBy}</td>
              <td>{what(change)}</td>
              <td className="history-note">{change.reason || <span className="muted">{t('calendar.history.noReason')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
