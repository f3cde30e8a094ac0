import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../shared/contract/channels';
import { SECTORS, type Sector } from '../../shared/domain/agencies';
import type { ErrorCode } from '../../shared/errors';
import { MAX_PERIOD_MONTHS, monthsBetween, type PeriodKind } from '../../shared/reports/period';
import { call } from '../api/client';
import { Notice } from '../components/Notice';
import { errorCodeOf } from '../api/api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { ChoiceGroup } from '../forms/ChoiceGroup';
import { defaultChoice, periodText, selectableMonths, type PeriodChoice } from './period-choice';
import { ReportPreview } from './ReportPreview';
import { ReportProgress, useReportStage } from './ReportProgress';
import { formatMonth, formatMonthName } from '../format/dates';

type Options = ChannelOutput<'reports.options'>;
type Preview = ChannelOutput<'reports.preview'>;
type Request = ChannelInput<'reports.preview'>;
type Exported = Extract<ChannelOutput<'reports.export'>, { outcome: 'exported' }>;

interface FormValues extends Omit<PeriodChoice, 'year' | 'month' | 'quarter'> {
  scopeKind: 'agency' | 'sector' | 'all';
  agencyId: string;
  sector: Sector;
  year: string;
  month: string;
  quarter: string;
  language: 'en' | 'id';
}

const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'range'];

function requestOf(values: FormValues): Request {
  const scope: Request['scope'] =
    values.scopeKind === 'agency' ? { kind: 'agency', agencyId: Number(values.agencyId) } : values.scopeKind === 'sector' ? { kind: 'sector', sector: values.sector } : { kind: 'all' };
  const period = periodText({ ...values, year: Number(values.year), month: Number(values.month), quarter: Number(values.quarter) });
  return { scope, period, language: values.language };
}

/**
 * Reports → Build: the admin chooses who the report is about and which whole months it
 * covers, looks at the preview (every hidden value marked, and why), and only then
 * exports it, signed, as PDF, CSV or JSON.
 */
export function ReportBuilder() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'id' ? 'id' : 'en';
  const [options, setOptions] = useState<Options | null>(null);
  const [preview, setPreview] = useState<{ request: Request; result: Preview } | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [exported, setExported] = useState<Exported | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const form = useForm<FormValues>();
  const building = form.formState.isSubmitting ? 'preview' : exporting !== null ? 'export' : null;
  // Shown from the worker's first word: an export's save dialog comes before its build.
  const stage = useReportStage(building);

  useEffect(() => {
    void call('reports.options', {}).then((loaded) => {
      setOptions(loaded);
      const choice = defaultChoice(loaded.currentMonth);
      form.reset({
        scopeKind: 'agency',
        agencyId: String(loaded.agencies[0]?.id ?? ''),
        sector: loaded.agencies[0]?.sector ?? 'government_administration',
        kind: choice.kind,
        year: String(choice.year),
        month: String(choice.month),
        quarter: String(choice.quarter),
        rangeFrom: choice.rangeFrom,
        rangeTo: choice.rangeTo,
        language,
      });
    }, (e: unknown) => setError(errorCodeOf(e)));
    // The form's language starts as the app's; it is the agency's choice after that.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setExported(null);
    setCancelled(false);
    // A range is checked here, under its field, before the channel would refuse it.
    if (values.kind === 'range') {
      const months = monthsBetween(values.rangeFrom, values.rangeTo).length;
      if (months === 0 || months > MAX_PERIOD_MONTHS) {
        form.setError('rangeTo', { message: months === 0 ? 'period_backwards' : `period_too_long:${MAX_PERIOD_MONTHS}` });
        return;
      }
    }
    const request = requestOf(values);
    try {
      setPreview({ request, result: await call('reports.preview', request) });
    } catch (e) {
      setPreview(null);
      setError(errorCodeOf(e));
    }
  });

  const exportAs = async (format: 'pdf' | 'csv' | 'json') => {
    if (!preview) return;
    setError(null);
    setExported(null);
    setCancelled(false);
    setExporting(format);
    try {
      const done = await call('reports.export', { ...preview.request, format });
      if (done.outcome === 'exported') setExported(done);
      else setCancelled(true);
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setExporting(null);
    }
  };

  if (!options) return <FormAlert code={error} />;
  const kind = form.watch('kind');
  const scopeKind = form.watch('scopeKind');
  const months = selectableMonths(options.currentMonth);
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];

  return (
    <>
      <section className="card report-builder" aria-labelledby="report-builder-title" data-testid="report-builder">
        <h2 id="report-builder-title" className="card-heading">
          {t('reports.builder.title')}
        </h2>
        <p className="card-text">{t('reports.builder.lead')}</p>
        {options.agencies.length === 0 && (
          <Notice tone="info" testId="report-no-agencies">
            {t('reports.builder.noAgencies')}
          </Notice>
        )}
        <FormAlert code={error} />
        <form onSubmit={(event) => void submit(event)} noValidate className="report-builder__form">
          <ChoiceGroup
            id="report-scope"
            legend={t('reports.builder.scope')}
            type="radio"
            options={(['agency', 'sector', 'all'] as const).map((value) => ({ value, label: t(`reports.scope.${value}`) }))}
            registration={form.register('scopeKind')}
          />
          <div className="report-builder__row">
            {scopeKind === 'agency' && (
              <FormField id="report-agency" label={t('reports.builder.agency')}>
                {(a11y) => (
                  <select {...a11y} {...form.register('agencyId')}>
                    {options.agencies.map((agency) => (
                      <option key={agency.id} value={agency.id}>
                        {agency.name}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            )}
            {scopeKind === 'sector' && (
              <FormField id="report-sector" label={t('reports.builder.sector')}>
                {(a11y) => (
                  <select {...a11y} {...form.register('sector')}>
                    {SECTORS.map((sector) => (
                      <option key={sector} value={sector}>
                        {t(`admin.agencies.sectors.${sector}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            )}
          </div>
          <div className="report-builder__row">
            <FormField id="report-period-kind" label={t('reports.builder.periodKind')}>
              {(a11y) => (
                <select {...a11y} {...form.register('kind')}>
                  {PERIOD_KINDS.map((value) => (
                    <option key={value} value={value}>
                      {t(`reports.periodKind.${value}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {kind !== 'range' && (
              <FormField id="report-year" label={t('reports.builder.year')}>
                {(a11y) => (
                  <select {...a11y} {...form.register('year')}>
                    {years.map((year) => (
                      <option key={year} value={Number(year)}>
                        {year}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            )}
            {kind === 'quarter' && (
              <FormField id="report-quarter" label={t('reports.builder.quarter')}>
                {(a11y) => (
                  <select {...a11y} {...form.register('quarter')}>
                    {[1, 2, 3, 4].map((quarter) => (
                      <option key={quarter} value={quarter}>
                        {t('reports.builder.quarterName', { quarter, from: formatMonthName(quarter * 3 - 2, language), to: formatMonthName(quarter * 3, language) })}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            )}
            {kind === 'month' && (
              <FormField id="report-month" label={t('reports.builder.month')}>
                {(a11y) => (
                  <select {...a11y} {...form.register('month')}>
                    {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
                      <option key={month} value={month}>
                        {formatMonthName(month, language)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
            )}
            {kind === 'range' &&
              (['rangeFrom', 'rangeTo'] as const).map((field) => (
                <FormField key={field} id={`report-${field}`} label={t(`reports.builder.${field}`)} error={form.formState.errors[field]}>
                  {(a11y) => (
                    <select {...a11y} {...form.register(field)}>
                      {months.map((month) => (
                        <option key={month} value={month}>
                          {formatMonth(month, language)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              ))}
          </div>
          <ChoiceGroup
            id="report-language"
            legend={t('reports.builder.language')}
            hint={t('reports.builder.languageHint')}
            type="radio"
            options={[
              { value: 'en', label: 'English' },
              { value: 'id', label: 'Bahasa Indonesia' },
            ]}
            registration={form.register('language')}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('reports.builder.building') : t('reports.builder.preview')}
            </button>
          </div>
        </form>
        {building === 'preview' && stage !== null && <ReportProgress kind="preview" stage={stage} />}
      </section>
      {preview && (
        <>
          <ReportPreview preview={preview.result} />
          <section className="card report-export" aria-labelledby="report-export-title" data-testid="report-export">
            <h2 id="report-export-title" className="card-heading">
              {t('reports.export.title')}
            </h2>
            <p className="card-text">{t('reports.export.lead')}</p>
            {exported && (
              <Notice tone="success" testId="report-exported">
                {t('reports.export.done', { path: exported.path, sha256: exported.sha256 })}
              </Notice>
            )}
            {cancelled && (
              <Notice tone="info" testId="report-export-cancelled">
                {t('reports.export.cancelled')}
              </Notice>
            )}
            <div className="form-actions">
              {(['pdf', 'csv', 'json'] as const).map((format) => (
                <button key={format} type="button" className={format === 'pdf' ? 'button button--primary' : 'button'} disabled={exporting !== null} aria-busy={exporting === format} onClick={() => void exportAs(format)}>
                  {t(`reports.export.as.${format}`)}
                </button>
              ))}
            </div>
            {building === 'export' && stage !== null && <ReportProgress kind="export" stage={stage} />}
          </section>
        </>
      )}
    </>
  );
}
