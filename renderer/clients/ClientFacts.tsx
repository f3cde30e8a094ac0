import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../shared/contract/referral-schemas';
import { todayIn } from '../format/dates';
import { useFormatters } from '../session/useFormatters';
import { ageOn } from './client-text';

/** A value, or a quiet "Not recorded" (an empty field is common and is not an error). */
function Fact({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === false || children === '';
  return (
    <div data-testid={testId}>
      <dt>{label}</dt>
      <dd>{empty ? <span className="client-facts__missing">{t('clients.detail.notRecorded')}</span> : children}</dd>
    </div>
  );
}

/** Who the client is and how to reach them: date of birth and age, gender, role, language, contact, emergency contact. */
export function ClientFacts({ client }: { client: Client }) {
  const { t } = useTranslation();
  const { calendarDate, zone } = useFormatters();
  const age = client.dateOfBirth ? ageOn(client.dateOfBirth, todayIn(zone)) : null;
  const gender =
    client.gender === 'self_described' && client.genderDescription
      ? client.genderDescription
      : client.gender
        ? t(`vocab.gender.${client.gender}`)
        : null;
  const emergency = [client.emergencyContactName, client.emergencyContactPhone].filter(Boolean);

  return (
    <dl className="details client-facts">
      <Fact label={t('clients.fields.dateOfBirth')} testId="client-birth">
        {client.dateOfBirth &&
          (age === null ? calendarDate(client.dateOfBirth) : t('clients.detail.birthWithAge', { date: calendarDate(client.dateOfBirth), count: age }))}
      </Fact>
      <Fact label={t('clients.fields.gender')} testId="client-gender">
        {gender}
      </Fact>
      <Fact label={t('clients.fields.jobRole')} testId="client-job-role">
        {client.jobRole && t(`vocab.jobRole.${client.jobRole}`)}
      </Fact>
      <Fact label={t('clients.fields.preferredLanguage')} testId="client-language">
        {t(`vocab.clientLanguage.${client.preferredLanguage}`)}
      </Fact>
      <Fact label={t('clients.fields.phone')} testId="client-phone">
        {client.phone}
      </Fact>
      <Fact label={t('clients.fields.email')} testId="client-email">
        {client.email && <span className="client-facts__wrap">{client.email}</span>}
      </Fact>
      <Fact label={t('clients.detail.emergencyContact')} testId="client-emergency">
        {emergency.length > 0 &&
          emergency.map((line) => (
            <span key={line} className="client-facts__line">
              {line}
            </span>
          ))}
      </Fact>
    </dl>
  );
}
