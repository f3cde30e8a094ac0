import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { channels } from '../../../shared/contract/channels';
import type { Leave } from '../../../shared/contract/availability-schemas';
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

const addSchema = channels['leave.add'].input;
type AddValues = z.input<typeof addSchema>;
const FIELDS = ['startDate', 'endDate', 'note'] as const;

interface LeaveSectionProps {
  userId: number;
  counsellorName: string;
  leave: Leave[];
  onChanged: () => Promise<void>;
}

/** The counsellor's leave, each removable, and a form to record more. */
export function LeaveSection({ userId, counsellorName, leave, onChanged }: LeaveSectionProps) {
  const { t } = useTranslation();
  const { calendarDate, zone } = useFormatters();
  const [removeError, setRemoveError] = useState<ErrorCode | null>(null);
  const [notice, setNotice] = useState<{ key: 'admin.scheduling.leave.added' | 'admin.scheduling.leave.removed'; leave: Leave } | null>(null);
  const today = todayIn(zone);
  const sorted = [...leave].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id);
  const period = (entry: Leave) =>
    entry.startDate === entry.endDate ? calendarDate(entry.startDate) : t('admin.scheduling.leave.period', { from: calendarDate(entry.startDate), to: calendarDate(entry.endDate) });

  const remove = async (entry: Leave) => {
    setRemoveError(null);
    try {
      await call('leave.remove', { id: entry.id });
      setNotice({ key: 'admin.scheduling.leave.removed', leave: entry });
    } catch (error) {
      setRemoveError(errorCodeOf(error));
    }
    await onChanged();
  };

  return (
    <div className="scheduling-subsection" data-testid="leave">
      <h3 className="scheduling-subheading">{t('admin.scheduling.leave.title', { name: counsellorName })}</h3>
      <p className="card-text">{t('admin.scheduling.leave.lead')}</p>
      {notice && (
        <Notice tone="success" testId="leave-notice">
          {t(notice.key, { period: period(notice.leave) })}
        </Notice>
      )}
      <FormAlert code={removeError} />
      {sorted.length === 0 ? (
        <p className="empty-state">{t('admin.scheduling.leave.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="leave-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.scheduling.leave.columns.period')}</th>
                <th scope="col">{t('admin.scheduling.leave.columns.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.scheduling.leave.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((entry) => (
                <tr key={entry.id} data-leave-id={entry.id} className={entry.endDate < today ? 'scheduling-past' : undefined}>
                  <td className="cell-primary scheduling-nowrap">{period(entry)}</td>
                  <td>{entry.note || <span className="muted">{t('admin.scheduling.leave.noNote')}</span>}</td>
                  <td className="table__actions">
                    <button type="button" className="button button--danger-ghost button--small" onClick={() => void remove(entry)}>
                      {t('admin.scheduling.leave.remove')}
                      <span className="visually-hidden"> {period(entry)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddLeaveForm
        userId={userId}
        today={today}
        onAdded={async (entry) => {
          setNotice({ key: 'admin.scheduling.leave.added', leave: entry });
          await onChanged();
        }}
      />
    </div>
  );
}

/** First and last day of leave (both included) and an optional note. Kept as a draft per counsellor. */
function AddLeaveForm({ userId, today, onAdded }: { userId: number; today: string; onAdded: (leave: Leave) => Promise<void> }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const empty: AddValues = { userId, startDate: today, endDate: today, note: '' };
  const form = useForm<AddValues, unknown, z.output<typeof addSchema>>({
    resolver: zodResolver(addSchema, { error: zodErrorMap }),
    defaultValues: empty,
  });
  const draft = useFormDraft(`admin.leave.create.${userId}`, form, { exclude: ['userId'] });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const entry = await call('leave.add', { ...values, userId });
      await draft.discard();
      form.reset(empty);
      await onAdded(entry);
    } catch (error) {
      setFormError(applyApiError(error, form.setError, FIELDS));
    }
  });

  return (
    <>
      <div className="card-heading-row scheduling-add-leave-heading">
        <h4 id="add-leave-title" className="scheduling-minorheading">
          {t('admin.scheduling.leave.addTitle')}
        </h4>
        <DraftStatusNote draft={draft} />
      </div>
      <FormAlert code={formError} />
      <form aria-labelledby="add-leave-title" onSubmit={(event) => void submit(event)} noValidate>
        <div className="scheduling-dates-grid">
          <FormField id="add-leave-start" label={t('admin.scheduling.leave.fields.startDate')} error={errors.startDate}>
            {(a11y) => <input {...a11y} type="date" {...form.register('startDate')} />}
          </FormField>
          <FormField id="add-leave-end" label={t('admin.scheduling.leave.fields.endDate')} error={errors.endDate}>
            {(a11y) => <input {...a11y} type="date" {...form.register('endDate')} />}
          </FormField>
        </div>
        <FormField id="add-leave-note" label={t('admin.scheduling.leave.fields.note')} error={errors.note} hint={t('admin.scheduling.leave.noteHint')}>
          {(a11y) => <input {...a11y} type="text" autoComplete="off" {...form.register('note')} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('admin.scheduling.leave.adding') : t('admin.scheduling.leave.add')}
          </button>
        </div>
      </form>
    </>
  );
}
