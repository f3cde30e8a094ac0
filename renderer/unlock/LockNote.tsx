import { useTranslation } from 'react-i18next';
import type { LockReason } from '../../shared/audit-actions';

/** Why the app is locked now ("Tenang locked itself after a period without activity"). */
export function LockNote({ reason }: { reason: LockReason | null }) {
  const { t } = useTranslation();
  if (!reason) return null;
  return (
    <div className="alert alert--info" role="status" data-testid="lock-note">
      {t(`lockReason.${reason}`)}
    </div>
  );
}
