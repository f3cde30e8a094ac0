import { useState } from 'react';
import { useFieldArray, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Info } from 'luxon';
import { channels } from '../../../shared/contract/channels';
import type { Availability } from '../../../shared/contract/availability-schemas';
import type { ErrorCode } from '../../../shared/errors';
import type { Language } from '../../../shared/settings';
import { call, errorCodeOf, isApiError } from '../../api/client';
import { Notice } from '../../components/Notice';
import { localeFor } from '../../format/dates';
import { FormAlert } from '../../forms/FormAlert';
import { serverIssueCode, translateIssue, zodErrorMap } from '../../forms/issue-messages';
import { minutesToTime, timeToMinutes, WEEKDAYS } from './hours-time';

interface Block {
  weekday: number;
  start: string;
  end: string;
}
interface HoursValues {
  hours: Block[];
}

const setHoursSchema = channels['availability.setHours'].input;

function toBlocks(hours: Availability['hours']): Block[] {
  return [...hours]
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
    .map((h) => ({ weekday: h.weekday, start: minutesToTime(h.startMinute), end: minutesToTime(h.endMinute) }));
}

/** "hours.3.startMinute" (the contract's path) → block 3's start or end field. */
function blockField(path: string): `hours.${number}.start` | `hours.${number}.end` | null {
  const match = /^hours\.(\d+)\.(startMinute|endMinute)$/.exec(path);
  if (!match) return null;
  return match[2] === 'startMinute' ? `hours.${Number(match[1])}.start` : `hours.${Number(match[1])}.end`;
}

interface WeeklyHoursFormProps {
  availability: Availability;
  counsellorName: string;
  onSaved: (availability: Availability) => void;
}

/**
 * The counsellor's week, Monday to Sunday: each day zero or more blocks of clinic wall-clock
 * time. Saving replaces the whole week; refused blocks are marked where they are.
 */
export function WeeklyHoursForm({ availability, counsellorName, onSaved }: WeeklyHoursFormProps) {
  const { t, i18n } = useTranslation();
  const dayNames = Info.weekdays('long', { locale: localeFor(i18n.language as Language) });
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<HoursValues>({ defaultValues: { hours: toBlocks(availability.hours) } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'hours' });
  const { errors, isSubmitting, isDirty } = form.formState;

  const place = (issues: { path: string; message: string }[]): boolean => {
    let placed = false;
    let focused = false;
    for (const issue of issues) {
      const field = blockField(issue.path);
      if (!field) continue;
      form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: !focused });
      focused = true;
      placed = true;
    }
    return placed;
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const input = {
      userId: availability.userId,
      hours: values.hours.map((block) => ({ weekday: block.weekday, startMinute: timeToMinutes(block.start, false), endMinute: timeToMinutes(block.end, true) })),
    };
    const parsed = setHoursSchema.safeParse(input, { error: zodErrorMap });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      if (!place(issues)) setFormError('VALIDATION');
      return;
    }
    try {
      const result = await call('availability.setHours', parsed.data);
      form.reset({ hours: toBlocks(result.hours) });
      setSaved(true);
      onSaved(result);
    } catch (error) {
      const issues = isApiError(error) ? error.issues.map((issue) => ({ path: issue.path, message: serverIssueCode(issue) })) : [];
      if (!place(issues)) setFormError(errorCodeOf(error));
    }
  });

  const addBlock = (weekday: number) => {
    setSaved(false);
    const last = form.getValues('hours').filter((block) => block.weekday === weekday).at(-1);
    // A first block starts as a usual day; a further one follows the last and is left to fill in.
    append(last ? { weekday, start: last.end, end: '' } : { weekday, start: '09:00', end: '17:00' }, { shouldFocus: true });
  };

  const message = (error: FieldError | undefined, label: string) => {
    if (!error) return null;
    return error.message === 'end_before_start' ? t('admin.scheduling.hours.endBeforeStart') : translateIssue(t, error.message, label);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="weekly-hours">
      {saved && !isDirty && (
        <Notice tone="success" testId="hours-saved">
          {t('admin.scheduling.hours.saved', { name: counsellorName })}
        </Notice>
      )}
      <FormAlert code={formError} />
      <div className="week-editor">
        {WEEKDAYS.map((weekday) => {
          const day = dayNames[weekday - 1] ?? String(weekday);
          const blocks = fields.map((block, index) => ({ block, index })).filter(({ block }) => block.weekday === weekday);
          return (
            <fieldset key={weekday} className="week-editor__day" data-weekday={weekday}>
              <legend className="week-editor__day-name">{day}</legend>
              <div className="week-editor__blocks">
                {blocks.length === 0 && <p className="week-editor__off">{t('admin.scheduling.hours.dayOff')}</p>}
                {blocks.map(({ block, index }, position) => {
                  const startError = errors.hours?.[index]?.start;
                  const endError = errors.hours?.[index]?.end;
                  const startLabel = t('admin.scheduling.hours.startLabel', { day, number: position + 1 });
                  const endLabel = t('admin.scheduling.hours.endLabel', { day, number: position + 1 });
                  const startId = `hours-${index}-start`;
                  const endId = `hours-${index}-end`;
                  return (
                    <div key={block.id} className={['week-editor__block', startError || endError ? 'field--invalid' : ''].filter(Boolean).join(' ')} data-block={position + 1}>
                      <div className="week-editor__times">
                        <label className="visually-hidden" htmlFor={startId}>
                          {startLabel}
                        </label>
                        <input
                          id={startId}
                          type="time"
                          step={300}
                          aria-invalid={startError ? true : undefined}
                          aria-describedby={startError ? `${startId}-error` : undefined}
                          {...form.register(`hours.${index}.start`)}
                        />
                        <span className="week-editor__dash" aria-hidden="true">
                          –
                        </span>
                        <label className="visually-hidden" htmlFor={endId}>
                          {endLabel}
                        </label>
                        <input
                          id={endId}
                          type="time"
                          step={300}
                          aria-invalid={endError ? true : undefined}
                          aria-describedby={endError ? `${endId}-error` : undefined}
                          {...form.register(`hours.${index}.end`)}
                        />
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          onClick={() => {
                            setSaved(false);
                            remove(index);
                          }}
                        >
                          {t('admin.scheduling.hours.removeBlock')}
                          <span className="visually-hidden"> {t('admin.scheduling.hours.blockName', { day, number: position + 1 })}</span>
                        </button>
                      </div>
                      {startError && (
                        <p id={`${startId}-error`} className="field__error">
                          {message(startError, startLabel)}
                        </p>
                      )}
                      {endError && (
                        <p id={`${endId}-error`} className="field__error">
                          {message(endError, endLabel)}
                        </p>
                      )}
                    </div>
                  );
                })}
              </div>
              <button type="button" className="button button--secondary button--small week-editor__add" onClick={() => addBlock(weekday)}>
                {t('admin.scheduling.hours.addBlock')}
                <span className="visually-hidden"> {day}</span>
              </button>
            </fieldset>
          );
        })}
      </div>
      <div className="form-actions">
        {isDirty && <p className="muted week-editor__unsaved">{t('admin.scheduling.hours.unsaved')}</p>}
        <button type="submit" className="button button--primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('admin.scheduling.hours.submit')}
        </button>
      </div>
    </form>
  );
}
