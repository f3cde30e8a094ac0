import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { firstAppointmentTimeliness, type Timeliness } from '../../../shared/domain/first-appointment';
import { TimeLeftCell } from './TimeLeftCell';
import { useDateTimeMinutes } from './useDateTimeMinutes';

const TONE: Record<Timeliness, string> = { met: 'badge--success', on_track: 'badge--info', at_risk: 'badge--warning', missed: 'badge--danger' };

/** Met, on track, at risk or missed: the word in a pill, the colour only repeating it. */
export function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[timeliness]}`} data-timeliness={timeliness}>
      {t(`referrals.timeliness.${timeliness}`)}
    </span>
  );
}

/**
 * A referral's time to first appointment against its contract target: once the first
 * attended session stopped the clock, how long it ran in the clinic's working days and
 * hours; while it runs, the time left, and whether it is at risk.
 */
export function TimelinessCell({ referral, now }: { referral: Referral; now: number }) {
  const { t } = useTranslation();
  const dateTime = useDateTimeMinutes();
  const timeliness = firstAppointmentTimeliness(referral, now);
  if (referral.status === 'closed' && referral.clockStoppedAt === null) return <span className="muted">{t('referrals.timeliness.notSeen')}</span>;
  return (
    <div className="timeliness" data-testid="timeliness">
      <TimelinessBadge timeliness={timeliness} />
      {referral.clockStoppedAt !== null && referral.clockElapsed ? (
        <>
          <div className="cell-primary">{t('referrals.timeliness.elapsed', { count: referral.clockElapsed.workingDays, hours: referral.clockElapsed.hours })}</div>
          <div className="cell-secondary nowrap">{t('referrals.timeliness.firstAttended', { when: dateTime(referral.clockStoppedAt) })}</div>
        </>
      ) : (
        <TimeLeftCell dueAt={referral.firstAppointmentDueAt} now={now} />
      )}
    </div>
  );
}
