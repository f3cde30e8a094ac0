import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { HiddenPlace, ReportDocument } from '../../shared/reports/report-document';
import { formatMonthRange } from '../format/dates';
import { Notice } from '../components/Notice';
import { HiddenValueList } from './HiddenValueList';
import { placeText, reasonAt } from './hidden-text';
import { HiddenMark } from './HiddenMark';
import { ReportTableView } from './ReportTableView';

type Preview = ChannelOutput<'reports.preview'>;
type Metric = ReportDocument['metrics'][number];

/**
 * The report as the agency will receive it, and what the agency will not see: each hidden
 * value marked where it stands, its reason on hover, and every reason listed below.
 */
export function ReportPreview({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const { document, hidden } = preview;
  const language = document.language;
  const numbers = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
  const valueText = (metric: Metric) => (metric.value === null ? null : metric.id.endsWith('_rate') ? percent.format(metric.value) : numbers.format(metric.value));
  const hiddenMark = (place: HiddenPlace) => <HiddenMark reason={reasonAt(hidden, place)} where={placeText(t, document, place)} k={document.minCellSize} />;

  return (
    <section className="card report-preview" aria-labelledby="report-preview-title" data-testid="report-preview">
      <h2 id="report-preview-title" className="card-heading">
        {t('reports.preview.title', { scope: document.scope.name, period: formatMonthRange(document.period.from, document.period.to, language) })}
      </h2>
      <p className="card-text">{t('reports.preview.lead', { k: document.minCellSize, hidden: hidden.length, count: preview.checkedAgainst })}</p>
      {preview.pinnedBeforeThisReport > 0 && (
        <Notice tone="warning" testId="report-pinned-before">
          {t('reports.preview.pinnedBefore', { count: preview.pinnedBeforeThisReport })}
        </Notice>
      )}

      <h3 className="report-preview__heading">{t('reports.preview.metricsTitle')}</h3>
      <div className="table-wrap">
        <table className="table table--dense report-metrics" data-testid="report-metrics">
          <thead>
            <tr>
              <th scope="col">{t('reports.preview.metric')}</th>
              <th scope="col">{t('reports.preview.value')}</th>
              <th scope="col">{t('reports.preview.numerator')}</th>
              <th scope="col">{t('reports.preview.denominator')}</th>
            </tr>
          </thead>
          <tbody>
            {document.metrics.map((metric) => (
              <tr key={metric.id} data-metric={metric.id}>
                <th scope="row">{metric.label}</th>
                <td>{valueText(metric) ?? hiddenMark({ kind: 'metric', metric: metric.id, part: 'value' })}</td>
                <td>{metric.numerator ?? (reasonAt(hidden, { kind: 'metric', metric: metric.id, part: 'numerator' }) ? hiddenMark({ kind: 'metric', metric: metric.id, part: 'numerator' }) : '—')}</td>
                <td>{metric.denominator ?? (reasonAt(hidden, { kind: 'metric', metric: metric.id, part: 'denominator' }) ? hiddenMark({ kind: 'metric', metric: metric.id, part: 'denominator' }) : '—')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {document.tables.map((table) => (
        <ReportTableView key={table.id} table={table} document={document} hidden={hidden} />
      ))}

      {document.insight.length > 0 && (
        <>
          <h3 className="report-preview__heading">{t('reports.preview.insightTitle')}</h3>
          <div className="table-wrap">
            <table className="table table--dense report-insight" data-testid="report-insight">
              <thead>
                <tr>
                  <th scope="col">{t('reports.preview.stressor')}</th>
                  <th scope="col">{t('reports.preview.share')}</th>
                  <th scope="col">{t('reports.preview.sectorShare')}</th>
                  <th scope="col">{t('reports.preview.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {document.insight.map((row) => (
                  <tr key={row.stressor}>
                    <th scope="row">{t(`vocab.presentingIssue.${row.stressor}`)}</th>
                    <td>{row.share === null ? hiddenMark({ kind: 'insight', stressor: row.stressor, part: 'share' }) : percent.format(row.share)}</td>
                    <td>{row.sectorShare === null ? hiddenMark({ kind: 'insight', stressor: row.stressor, part: 'sectorShare' }) : percent.format(row.sectorShare)}</td>
                    <td>
                      {row.actions.length === 0 ? (
                        <span className="muted">{t('reports.preview.noAction')}</span>
                      ) : (
                        <>
                          <ul className="report-insight__actions">
                            {row.actions.map((action) => (
                              <li key={action}>{action}</li>
                            ))}
                          </ul>
                          {row.rule && <p className="report-insight__rule">{row.rule}</p>}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <HiddenValueList document={document} hidden={hidden} />

      <details className="report-definitions">
        <summary>{t('reports.preview.definitionsTitle')}</summary>
        <dl>
          {Object.entries(document.definitions).map(([id, text]) => (
            <div key={id} className="report-definitions__item">
              <dt>{t(`reports.definitionTerms.${id}`)}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
