import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { calendarDateSchema } from '../../../shared/contract/agency-schemas';
import { holidaySchema, type Holiday } from '../../../shared/contract/availability-schemas';
import type { ErrorCode } from '../../../shared/errors';
import { call, errorCodeOf } from '../../api/client';
import { Notice } from '../../components/Notice';
import { DraftStatusNote } from '../../drafts/DraftStatusNote';
import { useFormDraft } from '../../drafts/useFormDraft';
import { todayIn } from '../../format/dates';
import { applyApiError } from '../../forms/apply-api-error';
import { FormAlert } from '../../forms/FormAlert';
import { FormField } from '../../forms/FormField';
import { zodErrorMap } from '../../forms/issue-messages';
import { useFormatters } from '../../session/useFormatters';

// An empty date says "required" rather than "must be a date"; the contract checks the rest.
const addSchema = holidaySchema.extend({ date: z.string().min(1).pipe(calendarDateSchema) });
type AddValues = z.input<typeof addSchema>;
const EMPTY: AddValues = { date: '', name: '' };
const FIELDS = ['date', 'name'] as const;

type NoticeState = { key: 'admin.scheduling.holidays.added' | 'admin.scheduling.holidays.removed'; holiday: Holiday };

/** Upcoming clinic holidays, each removable, and a form to add one. */
export function HolidaysSection() {
  const { t } = useTranslation();
  const { zone, calendarDate } = useFormatters();
  const [holidays, setHolidays] = useState<Holiday[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [removeError, setRemoveError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);

  const load = useCallback(async () => {
    try {
      setHolidays((await call('holidays.list', { from: todayIn(zone) })).holidays);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorCodeOf(error));
    }
  }, [zone]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (holiday: Holiday) => {
    setRemoveError(null);
    try {
      await call('holidays.remove', { date: holiday.date });
      setNotice({ key: 'admin.scheduling.holidays.removed', holiday });
    } catch (error) {
      setRemoveError(errorCodeOf(error));
    }
    await load();
  };

  return (
    <section className="card" aria-labelledby="holidays-title" data-testid="holidays">
      <h2 id="holidays-title" className="card-heading">
        {t('admin.scheduling.holidays.title')}
      </h2>
      <p className="card-text">{t('admin.scheduling.holidays.lead')}</p>
      {notice && (
        <Notice tone="success" testId="holidays-notice">
          {t(notice.key, { name: notice.holiday.name, date: calendarDate(notice.holiday.date) })}
        </Notice>
      )}
      <FormAlert code={loadError ?? removeError} />
      {holidays === null && !loadError ? (
        <p className="muted">{t('common.loading')}</p>
      ) : holidays && holidays.length === 0 ? (
        <p className="empty-state">{t('admin.scheduling.holidays.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="holidays-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.scheduling.holidays.columns.date')}</th>
                <th scope="col">{t('admin.scheduling.holidays.columns.name')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.scheduling.holidays.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(holidays ?? []).map((holiday) => (
                <tr key={holiday.date} data-holiday-date={holiday.date}>
                  <td className="cell-primary scheduling-nowrap">{calendarDate(holiday.date)}</td>
                  <td>{holiday.name}</td>
                  <td className="table__actions">
                    <button type="button" className="button button--danger-ghost button--small" onClick={() => void remove(holiday)}>
                      {t('admin.scheduling.holidays.remove')}
                      <span className="visually-hidden"> {calendarDate(holiday.date)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddHolidayForm
        onAdded={(holiday) => {
          setNotice({ key: 'admin.scheduling.holidays.added', holiday });
          void load();
        }}
      />
    </section>
  );
}

/** A date and its name ("Idul Fitri"). Kept as a draft while typed. */
function AddHolidayForm({ onAdded }: { onAdded: (holiday: Holiday) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const form = useForm<AddValues, unknown, z.output<typeof addSchema>>({
    resolver: zodResolver(addSchema, { error: zodErrorMap }),
    defaultValues: EMPTY,
  });
  const draft = useFormDraft('admin.holidays.create', form);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const holiday = await call('holidays.add', values);
      await draft.discard();
      form.reset(EMPTY);
      onAdded(holiday);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS, { HOLIDAY_EXISTS: 'date' }));
    }
  });

  return (
    <div className="scheduling-subsection">
      <div className="card-heading-row">
        <h3 id="add-holiday-title" className="scheduling-subheading">
          {t('admin.scheduling.holidays.addTitle')}
        </h3>
        <DraftStatusNote draft={draft} />
      </div>
      <FormAlert code={formError} />
      <form aria-labelledby="add-holiday-title" onSubmit={(event) => void submit(event)} noValidate>
        <div className="scheduling-holiday-grid">
          <FormField id="add-holiday-date" label={t('admin.scheduling.holidays.fields.date')} error={errors.date}>
            {(a11y) => <input {...a11y} type="date" {...form.register('date')} />}
          </FormField>
          <FormField id="add-holiday-name" label={t('admin.scheduling.holidays.fields.name')} error={errors.name} hint={t('admin.scheduling.holidays.nameHint')}>
            {(a11y) => <input {...a11y} type="text" autoComplete="off" {...form.register('name')} />}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.scheduling.holidays.adding') : t('admin.scheduling.holidays.add')}
          </button>
        </div>
      </form>
    </div>
  );
}
