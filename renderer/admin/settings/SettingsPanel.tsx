import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { FormAlert } from '../../forms/FormAlert';
import { SettingsForm } from './SettingsForm';
import { DefaultPlanSection } from '../../measures/DefaultPlanSection';

/** Loads the clinic settings, then shows them for editing. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  useEffect(() => {
    call('settings.get', {})
      .then(setSettings)
      .catch((failure: unknown) => setError(errorCodeOf(failure)));
  }, []);
  return (
    <>
      <section className="card" aria-labelledby="settings-title">
        {settings ? (
          <SettingsForm initial={settings} titleId="settings-title" />
        ) : (
          <>
            <h2 id="settings-title" className="card-heading">
              {t('admin.settings.title')}
            </h2>
            <FormAlert code={error} />
            {!error && <p className="muted">{t('common.loading')}</p>}
          </>
        )}
      </section>
      <DefaultPlanSection />
    </>
  );
}
