import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/referral-schemas';
import { useFormatters } from '../../session/useFormatters';
import { clientName } from '../shared/client-text';

/** "TN-2026-000001 · Siti Rahma · born 12 Mar 1988": enough to tell two clients apart. */
export function ClientSummaryLine({ client }: { client: ClientSummary }) {
  const { t } = useTranslation();
  const { calendarDate } = useFormatters();
  return (
    <span className="client-line">
      <span className="client-line__code">{client.code}</span>
      <span className="client-line__name">{clientName(client)}</span>
      <span className="client-line__birth">
        {client.dateOfBirth ? t('referrals.client.born', { date: calendarDate(client.dateOfBirth) }) : t('referrals.client.noBirthDate')}
      </span>
    </span>
  );
}
