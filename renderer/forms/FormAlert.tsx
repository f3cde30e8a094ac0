import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/errors';

/** A request's refusal that belongs to no single field, in words. */
export function FormAlert({ code }: { code: ErrorCode | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <div className="alert alert--error" role="alert">
      {t(`errors.${code}`)}
    </div>
  );
}
