import { useMemo, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Administration, InstrumentView } from '../../shared/contract/measure-schemas';
import type { ErrorCode } from '../../shared/errors';
import { call } from '../api/client';
import { shortDateTimeText } from '../calendar/calendar-time';
import { Dialog } from '../components/Dialog';
import { applyApiError } from '../forms/apply-api-error';
import { FormAlert } from '../forms/FormAlert';
import { FormField } from '../forms/FormField';
import { translateIssue, zodErrorMap } from '../forms/issue-messages';
import { useFormatters } from '../session/useFormatters';
import { AdministrationResult } from './AdministrationScore';
import { InstrumentInfo } from './InstrumentInfo';
import { QuestionItem } from './QuestionItem';
import { clinicNowWallClock } from './measure-text';
import { recordFields, recordFormSchema, responsesOf, withTimeIssuesOnDate, type RecordFormOutput, type RecordFormValues } from './record-form';
import { useCaseSessions } from './useCaseSessions';

interface RecordMeasureDialogProps {
  caseId: number;
  instruments: InstrumentView[];
  /** The questionnaire to start with (the first one due), if any. */
  suggestedInstrumentId?: string | undefined;
  onClose: () => void;
  /** Called after a questionnaire was saved, so the record shows it (the dialog stays open on its result). */
  onRecorded: (administration: Administration) => void;
}

/**
 * The counsellor types in a questionnaire's answers item by item, as the client gave them.
 * An item may be left unanswered (the scoring rules decide whether a score can still be
 * given); saving with open items asks once more. After saving, the score, band and any
 * alert are shown at once.
 */
export function RecordMeasureDialog({ caseId, instruments, suggestedInstrumentId, onClose, onRecorded }: RecordMeasureDialogProps) {
  const { t } = useTranslation();
  const { zone, language } = useFormatters();
  const sessions = useCaseSessions(caseId);
  const [now] = useState(() => clinicNowWallClock(zone));
  const [formError, setFormError] = useState<ErrorCode | null>(null);
  const [result, setResult] = useState<Administration | null>(null);
  /** The items left open when the counsellor last tried to save: saving again with the same ones goes ahead. */
  const [confirmedOpen, setConfirmedOpen] = useState<string | null>(null);
  const form = useForm<RecordFormValues, unknown, RecordFormOutput>({
    resolver: zodResolver(recordFormSchema, { error: zodErrorMap }),
    defaultValues: { instrumentId: suggestedInstrumentId ?? '', date: now.slice(0, 10), time: now.slice(11, 16), sessionId: '', responses: [] },
  });
  const { errors, isSubmitting } = form.formState;
  const instrumentId = form.watch('instrumentId');
  const answers = form.watch('responses');
  const instrument = useMemo(() => instruments.find((candidate) => candidate.id === instrumentId), [instruments, instrumentId]);
  const itemCount = instrument?.items.length ?? 0;
  const openItems = instrument ? instrument.items.map((item, index) => ({ item, index })).filter(({ index }) => !answers?.[index]) : [];
  const openKey = openItems.map(({ index }) => index).join(',');
  const warnOpen = confirmedOpen !== null && openItems.length > 0;

  const submit = form.handleSubmit(async (values) => {
    if (!instrument) return;
    setFormError(null);
    if (openItems.length > 0 && confirmedOpen !== openKey) {
      setConfirmedOpen(openKey);
      return;
    }
    try {
      const saved = await call('measures.record', {
        caseId,
        instrumentId: values.instrumentId,
        administeredAt: `${values.date}T${values.time}`,
        mode: 'counsellor',
        responses: responsesOf(values, itemCount),
        ...(values.sessionId ? { sessionId: Number(values.sessionId) } : {}),
      });
      setResult(saved);
      onRecorded(saved);
    } catch (error) {
      setFormError(applyApiError(withTimeIssuesOnDate(error), form.setError, recordFields(itemCount) as readonly Path<RecordFormValues>[]));
    }
  });

  if (result) {
    return (
      <Dialog title={t('measures.record.savedTitle')} onClose={onClose}>
        <div className="measure-record">
          <AdministrationResult administration={result} instrument={instrument} />
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={onClose}>
              {t('measures.record.done')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('measures.record.title')} onClose={onClose}>
      <div className="measure-record">
        <FormAlert code={formError} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="measure-record__grid">
            <FormField id="measure-instrument" label={t('measures.record.instrument')} error={errors.instrumentId}>
              {(a11y) => (
                <select
                  {...a11y}
                  {...form.register('instrumentId', {
                    onChange: () => {
                      form.setValue('responses', []);
                      setConfirmedOpen(null);
                    },
                  })}
                >
                  <option value="" disabled>
                    {t('measures.record.chooseInstrument')}
                  </option>
                  {instruments.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.shortName} · {candidate.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <div className="measure-record__when">
              <FormField id="measure-date" label={t('measures.record.date')} error={errors.date} hint={t('measures.record.whenHint')}>
                {(a11y) => <input {...a11y} type="date" max={now.slice(0, 10)} {...form.register('date')} />}
              </FormField>
              <FormField id="measure-time" label={t('measures.record.time')} error={errors.time}>
                {(a11y) => <input {...a11y} type="time" {...form.register('time')} />}
              </FormField>
            </div>
            <FormField id="measure-session" label={t('measures.record.session')} error={errors.sessionId}>
              {(a11y) => (
                <select {...a11y} {...form.register('sessionId')}>
                  <option value="">{t('measures.record.noSession')}</option>
                  {sessions.map((session) => (
                    <option key={session.id} value={String(session.id)}>
                      {shortDateTimeText(session.startMs, zone, language)} · {t(`calendar.vocab.sessionType.${session.sessionType}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          {instrument && (
            <section className="measure-questionnaire" aria-label={instrument.name} data-testid="measure-questionnaire">
              <div className="measure-questionnaire__head">
                <p className="measure-questionnaire__instructions">{instrument.instructions}</p>
                <p className="measure-questionnaire__recall">{t('measures.record.recall', { period: instrument.recallPeriod })}</p>
                <InstrumentInfo instrument={instrument} />
              </div>
              {errors.responses?.message && (
                <p className="field__error" role="alert">
                  {translateIssue(t, errors.responses.message, t('measures.record.answers'))}
                </p>
              )}
              {instrument.items.map((item, index) => (
                <QuestionItem
                  key={`${instrument.id}-${item.number}`}
                  item={item}
                  index={index}
                  registration={form.register(`responses.${index}`)}
                  answered={Boolean(answers?.[index])}
                  flaggedUnanswered={warnOpen}
                  error={errors.responses?.[index]}
                  onClear={() => form.setValue(`responses.${index}`, null)}
                />
              ))}
            </section>
          )}
          {warnOpen && (
            <div className="alert alert--warning" role="alert" data-testid="measure-open-items">
              {t('measures.record.openItems', { count: openItems.length, items: openItems.map(({ item }) => item.number).join(', ') })}
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSubmitting || !instrument} aria-busy={isSubmitting}>
              {isSubmitting ? t('common.saving') : warnOpen && confirmedOpen === openKey ? t('measures.record.saveWithOpen', { count: openItems.length }) : t('measures.record.submit')}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
