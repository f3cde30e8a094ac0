import { useTranslation } from 'react-i18next';
import type { VaultProblemCode } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';

/**
 * The vault file failed its integrity check, or was written by a newer Tenang. Nothing
 * was changed; say so plainly, and what the clinic can do next.
 */
export function VaultProblemScreen({ code, onBack }: { code: VaultProblemCode; onBack: () => void }) {
  const { t } = useTranslation();
  const damaged = code === 'VAULT_DAMAGED';
  return (
    <AuthLayout>
      <h1 className="card-title" data-testid="vault-problem-title">
        {damaged ? t('vaultProblem.damagedTitle') : t('vaultProblem.tooNewTitle')}
      </h1>
      <div className="alert alert--error" role="alert">
        {damaged ? t('vaultProblem.damagedBody') : t('vaultProblem.tooNewBody')}
      </div>
      <p className="card-lead">{t('vaultProblem.nextSteps')}</p>
      <ul className="instruction-list">
        {damaged ? (
          <>
            <li>{t('vaultProblem.damagedStepBackup')}</li>
            <li>{t('vaultProblem.damagedStepVerify')}</li>
          </>
        ) : (
          <li>{t('vaultProblem.tooNewStepUpdate')}</li>
        )}
        <li>{t('vaultProblem.stepUnchanged')}</li>
      </ul>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('vaultProblem.back')}
        </button>
      </div>
    </AuthLayout>
  );
}
