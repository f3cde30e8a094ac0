import { useTranslation } from 'react-i18next';

/** A hidden value: "n.p." with its reason on hover and for screen readers. */
export function HiddenMark({ reason, where, k }: { reason: string | null; where: string; k: number }) {
  const { t } = useTranslation();
  const why = reason ? t(`reports.reasons.${reason}`, { k }) : t('reports.reasons.hidden');
  return (
    <abbr className="report-hidden" title={why} aria-label={t('reports.preview.hiddenAria', { where, why })} data-testid="hidden-value" data-reason={reason ?? ''}>
      {t('reports.preview.hiddenMark')}
    </abbr>
  );
}
