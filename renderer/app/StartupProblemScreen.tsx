import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors';
import { AuthLayout } from '../components/AuthLayout';

/** When Tenang cannot even ask the app for its status: outside the desktop app, or a failure. */
export function StartupProblemScreen({ code, onRetry }: { code: ErrorCode | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <AuthLayout>
      <h1 className="card-title">{t('startup.title')}</h1>
      <div className="alert alert--error" role="alert">
        {code ? t(`errors.${code}`) : t('startup.noBridge')}
      </div>
      {onRetry && (
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
    </AuthLayout>
  );
}
