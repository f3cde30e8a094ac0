import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '../../../shared/contract/referral-schemas';
import { ChoiceGroup } from '../../forms/ChoiceGroup';
import { DuplicateWarning } from './DuplicateWarning';
import { ExistingClientPicker } from './ExistingClientPicker';
import { CLIENT_MODES, type IntakeForm } from './intake-form';
import { NewClientFields } from './NewClientFields';
import type { DuplicateState } from './useDuplicateCheck';

interface ClientSectionProps {
  form: IntakeForm;
  today: string;
  duplicates: DuplicateState | null;
  /** The person confirmed that this is someone new, despite the look-alikes. */
  confirmedNew: boolean;
  onIdentityBlur: () => void;
  onPick: (client: ClientSummary | null) => void;
  onCreateAnyway: () => void;
}

/** Who the referral is for: a client the agency already sent, or a new one. */
export function ClientSection({ form, today, duplicates, confirmedNew, onIdentityBlur, onPick, onCreateAnyway }: ClientSectionProps) {
  const { t } = useTranslation();
  const [mode, agencyId, picked] = useWatch({ control: form.control, name: ['client.mode', 'agencyId', 'pickedClient'] });
  return (
    <section className="intake-section" aria-labelledby="intake-client-title">
      <h3 id="intake-client-title" className="intake-section__title">
        {t('referrals.intake.clientTitle')}
      </h3>
      <ChoiceGroup
        id="intake-client-mode"
        legend={t('referrals.client.modeLegend')}
        type="radio"
        options={CLIENT_MODES.map((value) => ({ value, label: t(`referrals.client.modes.${value}`) }))}
        registration={form.register('client.mode')}
      />
      {mode === 'existing' ? (
        // Keyed by agency: another agency starts a fresh search, never showing the last one's clients.
        <ExistingClientPicker
          key={agencyId || 'none'}
          agencyId={agencyId ? Number(agencyId) : null}
          picked={picked}
          onPick={onPick}
          error={form.formState.errors.client?.clientId}
        />
      ) : (
        <>
          <p className="field__hint intake-section__lead">{t('referrals.client.newLead')}</p>
          <NewClientFields form={form} today={today} onIdentityBlur={onIdentityBlur} />
          {confirmedNew && !duplicates && (
            <p className="alert alert--info" data-testid="confirmed-new">
              {t('referrals.duplicates.confirmed')}
            </p>
          )}
        </>
      )}
      {duplicates && mode === 'new' && (
        <DuplicateWarning candidates={duplicates.candidates} fromSubmit={duplicates.fromSubmit} onUse={onPick} onCreateAnyway={onCreateAnyway} />
      )}
    </section>
  );
}
