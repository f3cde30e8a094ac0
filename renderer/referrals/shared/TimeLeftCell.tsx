import { useTranslation } from 'react-i18next';
import { splitTimeLeft, timeLeftText } from './time-left';
import { useDateTimeMinutes } from './useDateTimeMinutes';

/**
 * The time left until a referral's first-appointment target, and the deadline itself.
 * Overdue is said in words and marked with a symbol as well as red, never by colour alone.
 */
export function TimeLeftCell({ dueAt, now }: { dueAt: string; now: number }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeMinutes();
  const left = splitTimeLeft(Date.parse(dueAt), now);
  return (
    <div className={left.overdue ? 'time-left time-left--overdue' : 'time-left'} data-testid="time-left" data-overdue={left.overdue}>
      <div className="time-left__text">
        {left.overdue && (
          <span className="time-left__symbol" aria-hidden="true">
            !
          </span>
        )}
        {timeLeftText(t, left)}
      </div>
      <div className="cell-secondary nowrap">{t('referrals.timeLeft.due', { when: dateTime(dueAt) })}</div>
    </div>
  );
}
