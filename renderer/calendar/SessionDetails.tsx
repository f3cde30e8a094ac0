import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../shared/contract/session-schemas';
import type { ClientSummary } from '../../shared/contract/referral-schemas';
import { clientName } from '../referrals/shared/client-text';
import { RiskLevelBadge } from '../risk/RiskLevelBadge';
import { useFormatters } from '../session/useFormatters';
import { longDayText, minutesBetween, spanText } from './calendar-time';
import { ModalityIcon, SessionStatusBadge } from './SessionBadges';

function Item({ label, children, wide = false, testId }: { label: string; children: ReactNode; wide?: boolean; testId?: string }) {
  return (
    <div className={wide ? 'details__item details__item--wide' : 'details__item'} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * A session's facts: when, who (by client code; the name only where the service gives it), what, where, and how it went.
 * Of a workshop's named attendees a counsellor is given only their own clients, and a count of the others.
 */
export function SessionDetails({ session, attendees, otherAttendees }: { session: SessionView; attendees: ClientSummary[]; otherAttendees: number }) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const workshop = session.sessionType === 'group_workshop';
  const none = <span className="muted">{t('calendar.details.none')}</span>;
  return (
    <dl className="details session-details" data-testid="session-details">
      <Item label={t('calendar.details.when')} testId="session-when">
        {longDayText(session.startMs, zone, language)}, {spanText(session.startMs, session.endMs, zone, language)}
        <span className="details__aside">{t('calendar.details.minutes', { count: minutesBetween(session.startMs, session.endMs) })}</span>
      </Item>
      <Item label={t('calendar.details.status')} testId="session-status">
        <SessionStatusBadge status={session.status} />
        {session.statusReason && <span className="details__aside details__text">{session.statusReason}</span>}
      </Item>
      {workshop ? (
        <Item label={t('calendar.fields.topic')}>{session.topic ? t(`calendar.vocab.topic.${session.topic}`) : none}</Item>
      ) : (
        <Item label={t('calendar.details.client')} testId="session-client">
          {session.clientCode ? (
            <>
              <span className="monospace">{session.clientCode}</span>
              {session.clientName && <span className="details__aside">{session.clientName}</span>}
            </>
          ) : (
            t('calendar.details.forAgency')
          )}
        </Item>
      )}
      {!workshop && session.riskLevel && (
        <Item label={t('risk.calendar.detailLabel')} wide testId="session-risk">
          <span className="session-risk-line">
            <RiskLevelBadge level={session.riskLevel} />
            <span>{t('risk.calendar.detail')}</span>
          </span>
        </Item>
      )}
      <Item label={t('calendar.fields.sessionType')}>{t(`calendar.vocab.sessionType.${session.sessionType}`)}</Item>
      <Item label={workshop ? t('calendar.fields.facilitator') : t('calendar.fields.counsellor')}>{session.counsellorName}</Item>
      <Item label={t('calendar.fields.agency')}>{session.agencyName}</Item>
      <Item label={t('calendar.fields.modality')}>
        <span className="session-modality">
          <ModalityIcon modality={session.modality} />
          {t(`calendar.vocab.modality.${session.modality}`)}
          {session.roomName && <> · {session.roomName}</>}
        </span>
        {session.modality === 'video' && session.videoLink && <span className="details__aside details__text monospace">{session.videoLink}</span>}
      </Item>
      {session.presentingIssue && <Item label={t('calendar.fields.presentingIssue')}>{t(`vocab.presentingIssue.${session.presentingIssue}`)}</Item>}
      {workshop && (
        <>
          <Item label={t('calendar.fields.capacity')}>{session.capacity ?? none}</Item>
          <Item label={t('calendar.details.attendance')} testId="session-attendance">
            {session.headCount !== null
              ? t('calendar.details.headCount', { count: session.headCount })
              : session.attendeeCount > 0
                ? t('calendar.details.named', { count: session.attendeeCount })
                : none}
          </Item>
        </>
      )}
      {session.seriesId && <Item label={t('calendar.details.series')}>{t('calendar.details.partOfSeries')}</Item>}
      {session.overrideReason && (
        <Item label={t('calendar.details.overrideReason')} wide>
          <span className="details__text">{session.overrideReason}</span>
        </Item>
      )}
      {session.allowanceReason && (
        <Item label={t('calendar.details.allowanceReason')} wide>
          <span className="details__text">{session.allowanceReason}</span>
        </Item>
      )}
      {workshop && (attendees.length > 0 || otherAttendees > 0) && (
        <Item label={t('calendar.details.attendees')} wide testId="session-attendees">
          <ul className="attendee-list">
            {attendees.map((client) => (
              <li key={client.id}>
                <span className="monospace">{client.code}</span> {clientName(client)}
              </li>
            ))}
            {otherAttendees > 0 && (
              <li className="attendee-list__others" data-testid="session-other-attendees">
                {t(attendees.length > 0 ? 'calendar.details.otherAttendees' : 'calendar.details.onlyOtherAttendees', { count: otherAttendees })}
              </li>
            )}
          </ul>
          {otherAttendees > 0 && <p className="attendee-list__hint">{t('calendar.details.otherAttendeesHint')}</p>}
        </Item>
      )}
    </dl>
  );
}
