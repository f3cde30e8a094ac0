import { useTranslation } from 'react-i18next';

/** The Tenang mark: a calm horizon in a rounded square, with the name beside it. */
export function BrandMark({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={compact ? 'brand brand--compact' : 'brand'}>
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="9" className="brand__tile" />
        <circle cx="16" cy="14" r="5" className="brand__sun" />
        <path d="M6 21c3.3-2.2 6.7-2.2 10 0s6.7 2.2 10 0" className="brand__wave" />
        <path d="M8 25.5c2.7-1.6 5.3-1.6 8 0s5.3 1.6 8 0" className="brand__wave brand__wave--soft" />
      </svg>
      <span className="brand__text">
        <span className="brand__name">{t('app.name')}</span>
        {!compact && <span className="brand__tagline">{t('app.tagline')}</span>}
      </span>
    </div>
  );
}
