import '../styles/risk-search.css';
import { useTranslation } from 'react-i18next';
import type { RiskLevel } from '../../shared/domain/notes';
import { RISK_FLAG_PATH } from './risk-icon';

/** A small flag drawn inline (the CSP allows no icon fonts). */
export function RiskFlagIcon() {
  return (
    <svg className="icon risk-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={RISK_FLAG_PATH} />
    </svg>
  );
}

/** A risk level in words, with the flag and the level's colour repeating it (never colour alone). */
export function RiskLevelBadge({ level, testId }: { level: RiskLevel; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`risk-level risk-level--${level}`} data-testid={testId}>
      <RiskFlagIcon />
      {t(`risk.level.${level}`)}
    </span>
  );
}
