import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../shared/contract/schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';

/** Whether the audit log's hash chain holds from the first entry to the last. */
export function AuditVerifyBanner() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [checking, setChecking] = useState(false);

  const verify = useCallback(async () => {
    setChecking(true);
    try {
      setResult(await call('audit.verify', {}));
      setError(null);
    } catch (failure) {
      setError(errorCodeOf(failure));
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    void verify();
  }, [verify]);

  const tone = error || (result && !result.valid) ? 'error' : result ? 'success' : 'info';
  return (
    <div className={`verify-banner verify-banner--${tone}`} role="status" data-testid="audit-verify">
      <span className="verify-banner__symbol" aria-hidden="true">
        {tone === 'success' ? '✓' : tone === 'error' ? '!' : '…'}
      </span>
      <span className="verify-banner__text">
        {error
          ? t(`errors.${error}`)
          : !result
            ? t('admin.audit.verifying')
            : result.valid
              ? t('admin.audit.verified', { count: result.checked })
              : t('admin.audit.broken', { seq: result.problem?.seq ?? '?', problem: t(`admin.audit.problems.${result.problem?.kind ?? 'hash_mismatch'}`) })}
      </span>
      <button type="button" className="button button--ghost button--small" disabled={checking} onClick={() => void verify()}>
        {t('admin.audit.verifyAgain')}
      </button>
    </div>
  );
}
