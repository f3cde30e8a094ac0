import { useTranslation } from 'react-i18next';
import type { HiddenValue, ReportDocument } from '../../shared/reports/report-document';
import { placeText } from './hidden-text';

/** Below the preview: every hidden value, where it is and why, so the admin can explain the report. */
export function HiddenValueList({ document, hidden }: { document: ReportDocument; hidden: readonly HiddenValue[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="report-preview__heading">{t('reports.preview.hiddenTitle')}</h3>
      {hidden.length === 0 ? (
        <p className="card-text" data-testid="hidden-none">
          {t('reports.preview.hiddenNone')}
        </p>
      ) : (
        <ul className="report-hidden-list" data-testid="hidden-list">
          {hidden.map((value) => (
            <li key={JSON.stringify(value.place)} data-reason={value.reason}>
              <span className="report-hidden-list__where">{placeText(t, document, value.place)}</span>
              <span className="report-hidden-list__why">{t(`reports.reasons.${value.reason}`, { k: document.minCellSize })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
