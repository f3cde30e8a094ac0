import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../shared/contract/channels';
import type { SessionInfo } from '../../shared/contract/schemas';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { StepIndicator } from '../components/StepIndicator';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { zodErrorMap } from '../forms/issue-messages';
import { currentLanguage } from '../i18n/language';
import { SetupClinicStep } from './SetupClinicStep';
import { SetupAdminStep } from './SetupAdminStep';

const setupSchema = channels['vault.setup'].input;
export type SetupValues = z.input<typeof setupSchema>;
const FIELDS = ['clinicName', 'language', 'timeZone', 'displayName', 'username', 'newPassphrase', 'confirmPassphrase'] as const;
const CLINIC_FIELDS = ['clinicName', 'language', 'timeZone'] as const;

/** First run: the clinic, then the first admin; creating the vault returns the recovery key. */
export function SetupWizard({ onCreated }: { onCreated: (recoveryKey: string, session: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<0 | 1>(0);
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<SetupValues, unknown, z.output<typeof setupSchema>>({
    resolver: zodResolver(setupSchema, { error: zodErrorMap }),
    defaultValues: {
      clinicName: '',
      language: currentLanguage(),
      timeZone: 'Asia/Jakarta',
      displayName: '',
      username: '',
      newPassphrase: '',
      confirmPassphrase: '',
    },
  });

  const next = async () => {
    if (await form.trigger([...CLINIC_FIELDS], { shouldFocus: true })) setStep(1);
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await call('vault.setup', values);
      onCreated(created.recoveryKey, created.session);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS, { USERNAME_TAKEN: 'username' }));
      if (CLINIC_FIELDS.some((name) => form.getFieldState(name).error)) setStep(0);
    }
  });

  return (
    <AuthLayout wide>
      <StepIndicator label={t('setup.stepsLabel')} steps={[t('setup.steps.clinic'), t('setup.steps.admin'), t('setup.steps.recoveryKey')]} current={step} />
      <h1 className="card-title">{step === 0 ? t('setup.clinicTitle') : t('setup.adminTitle')}</h1>
      <p className="card-lead">{step === 0 ? t('setup.clinicLead') : t('setup.adminLead')}</p>
      <FormAlert code={formError} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {step === 0 ? (
          <SetupClinicStep form={form} onNext={() => void next()} />
        ) : (
          <SetupAdminStep form={form} onBack={() => setStep(0)} />
        )}
      </form>
    </AuthLayout>
  );
}
