import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../shared/contract/agency-schemas';
import { URGENCIES, type Urgency } from '../../../shared/domain/agencies';

export interface WaitlistFilterValues {
  agencyId: number | null;
  urgency: Urgency | null;
}

interface WaitlistFiltersProps {
  agencies: Agency[];
  values: WaitlistFilterValues;
  onChange: (values: WaitlistFilterValues) => void;
}

/** Agency and urgency, applied as soon as they are chosen. */
export function WaitlistFilters({ agencies, values, onChange }: WaitlistFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="filters referral-filters" role="group" aria-label={t('referrals.filters.label')}>
      <div className="filters__grid">
        <div className="field">
          <label htmlFor="waitlist-agency" className="field__label">
            {t('referrals.filters.agency')}
          </label>
          <select
            id="waitlist-agency"
            value={values.agencyId ?? ''}
            onChange={(event) => onChange({ ...values, agencyId: event.target.value === '' ? null : Number(event.target.value) })}
          >
            <option value="">{t('referrals.filters.anyAgency')}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="waitlist-urgency" className="field__label">
            {t('referrals.filters.urgency')}
          </label>
          <select
            id="waitlist-urgency"
            value={values.urgency ?? ''}
            onChange={(event) => onChange({ ...values, urgency: event.target.value === '' ? null : (event.target.value as Urgency) })}
          >
            <option value="">{t('referrals.filters.anyUrgency')}</option>
            {URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(`vocab.urgency.${urgency}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
