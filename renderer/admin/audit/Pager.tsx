import { useTranslation } from 'react-i18next';

interface PagerProps {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
}

/** "21–40 of 57" with Newer / Older. */
export function Pager({ offset, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + pageSize, total);
  return (
    <nav className="pager" aria-label={t('admin.audit.pagerLabel')}>
      <span className="pager__range" data-testid="audit-range">
        {t('admin.audit.range', { first, last, total })}
      </span>
      <button type="button" className="button button--ghost button--small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {t('admin.audit.newer')}
      </button>
      <button type="button" className="button button--ghost button--small" disabled={last >= total} onClick={() => onChange(offset + pageSize)}>
        {t('admin.audit.older')}
      </button>
    </nav>
  );
}
