import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/contract/referral-schemas';
import { useFormatters } from '../../session/useFormatters';
import { StatusBadge, UrgencyBadge } from '../shared/badges';
import { useDateTimeMinutes } from '../shared/useDateTimeMinutes';
import { TimelinessCell } from '../shared/TimelinessCell';
import { useNow } from '../shared/useNow';

function Item({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'details__item details__item--wide' : 'details__item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A referral's facts as taken in: who, from where, how urgent, why, and what the employer may be told. */
export function ReferralDetails({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  const dateTime = useDateTimeMinutes();
  const now = useNow(30_000);
  const formal = referral.referralType === 'formal_management';
  const none = <span className="muted">{t('referrals.details.none')}</span>;
  return (
    <dl className="details referral-details" data-testid="referral-details">
      <Item label={t('referrals.fields.client')}>
        {referral.clientCode} · {referral.clientName}
      </Item>
      <Item label={t('referrals.fields.agency')}>{referral.agencyName}</Item>
      <Item label={t('referrals.fields.receivedDate')}>{calendarDate(referral.receivedDate)}</Item>
      <Item label={t('referrals.fields.referralType')}>{t(`vocab.referralType.${referral.referralType}`)}</Item>
      <Item label={t('referrals.fields.urgency')}>
        <UrgencyBadge urgency={referral.urgency} />
      </Item>
      <Item label={t('referrals.fields.status')}>
        <StatusBadge status={referral.status} />
        {referral.closureReason && <span className="details__aside">{t(`vocab.closureReason.${referral.closureReason}`)}</span>}
      </Item>
      <Item label={t('referrals.details.firstAppointmentDue')}>{dateTime(referral.firstAppointmentDueAt)}</Item>
      <Item label={t('referrals.timeliness.title')}>
        <TimelinessCell referral={referral} now={now} />
      </Item>
      <Item label={t('referrals.details.counsellor')}>{referral.counsellorName ?? none}</Item>
      <Item label={t('referrals.fields.presentingIssues')} wide>
        <ul className="issue-list">
          {referral.presentingIssues.map((issue) => (
            <li key={issue}>{t(`vocab.presentingIssue.${issue}`)}</li>
          ))}
        </ul>
      </Item>
      {formal && (
        <>
          <Item label={t('referrals.fields.referrerName')}>{referral.referrerName || none}</Item>
          <Item label={t('referrals.fields.referrerContact')}>{referral.referrerContact || none}</Item>
          <Item label={t('referrals.fields.consentLevel')}>{t(`vocab.consentLevel.${referral.consentLevel}`)}</Item>
          {referral.consentLevel !== 'none' && (
            <Item label={t('referrals.details.consentPeriod')}>
              {referral.consentDate && referral.consentExpiry
                ? t('referrals.details.period', { start: calendarDate(referral.consentDate), end: calendarDate(referral.consentExpiry) })
                : none}
            </Item>
          )}
          {referral.consentLevel !== 'none' && <Item label={t('referralLetter.fields.consentDates')}>{t(`referralLetter.consentDates.${referral.consentDates}`)}</Item>}
        </>
      )}
      <Item label={t('referrals.fields.reason')} wide>
        {referral.reason ? <span className="details__text">{referral.reason}</span> : none}
      </Item>
    </dl>
  );
}
