import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentView, MeasureAlert } from '../../shared/contract/measure-schemas';
import type { Language } from '../../shared/settings';
import { call } from '../api/client';
import { useSession } from '../session/SessionContext';
import { clinicNowWallClock } from '../measures/measure-text';
import type { ClientModeRequest } from './client-mode-context';
import { LanguageChoice } from './LanguageChoice';
import { QuestionScreen } from './QuestionScreen';
import { ThanksScreen } from './ThanksScreen';

type Step =
  | { kind: 'language' }
  | { kind: 'loading'; language: Language }
  | { kind: 'question'; language: Language; instrument: number; item: number }
  | { kind: 'thanks'; language: Language };

interface ClientQuestionnaireProps {
  request: ClientModeRequest;
  /** The counsellor's passphrase was accepted: the alerts the answers raised (told to the counsellor only). */
  onHandedBack: (alerts: MeasureAlert[]) => void;
}

/**
 * The whole screen while a client answers: their language, then one question per screen,
 * instrument after instrument, each recorded as the client's answers when its last question
 * is done; then a neutral thank-you. Nothing about scores, bands or alerts is ever shown here.
 */
export function ClientQuestionnaire({ request, onHandedBack }: ClientQuestionnaireProps) {
  const { session } = useSession();
  const [step, setStep] = useState<Step>({ kind: 'language' });
  const [instruments, setInstruments] = useState<InstrumentView[]>([]);
  const [answers, setAnswers] = useState<(number | null)[][]>([]);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const language = step.kind === 'language' ? null : step.language;
  const { t } = useTranslation(undefined, { lng: language ?? undefined });
  const root = useRef<HTMLDivElement>(null);

  // The client's language is theirs alone: the counsellor's screens keep their own.
  useEffect(() => {
    if (step.kind !== 'loading') return;
    let current = true;
    setLoadFailed(false);
    call('measures.instruments', { language: step.language })
      .then(({ instruments: all }) => {
        if (!current) return;
        // In the order the counsellor chose; one the clinic has switched off since is left out.
        const asked = request.instrumentIds.flatMap((id) => all.filter((instrument) => instrument.id === id));
        setInstruments(asked);
        setAnswers(asked.map((instrument) => instrument.items.map(() => null)));
        setStep(asked.length > 0 ? { kind: 'question', language: step.language, instrument: 0, item: 0 } : { kind: 'thanks', language: step.language });
      })
      .catch(() => current && setLoadFailed(true));
    return () => {
      current = false;
    };
  }, [step, request.instrumentIds]);

  const choose = (index: number, item: number, value: number | null) =>
    setAnswers((all) => all.map((list, i) => (i === index ? list.map((answer, j) => (j === item ? value : answer)) : list)));

  /** The instrument's last question is done: its answers are recorded as given, item by item. */
  const record = async (index: number): Promise<boolean> => {
    const instrument = instruments[index]!;
    setSaving(true);
    setSaveFailed(false);
    try {
      // The reply holds the score and any alert: deliberately not read here, the client never sees them.
      await call('measures.record', {
        caseId: request.caseId,
        ...(request.sessionId ? { sessionId: request.sessionId } : {}),
        instrumentId: instrument.id,
        administeredAt: clinicNowWallClock(session.settings.timeZone),
        mode: 'client',
        responses: answers[index]!,
      });
      return true;
    } catch {
      setSaveFailed(true);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const next = async () => {
    if (step.kind !== 'question') return;
    const instrument = instruments[step.instrument]!;
    if (step.item < instrument.items.length - 1) return setStep({ ...step, item: step.item + 1 });
    if (!(await record(step.instrument))) return;
    if (step.instrument < instruments.length - 1) setStep({ ...step, instrument: step.instrument + 1, item: 0 });
    else setStep({ kind: 'thanks', language: step.language });
  };

  const back = () => {
    if (step.kind !== 'question') return;
    if (step.item > 0) setStep({ ...step, item: step.item - 1 });
    // Before anything is recorded the client may go back to the language; a recorded questionnaire stays as it was given.
    else if (step.instrument === 0) setStep({ kind: 'language' });
  };

  useEffect(() => {
    root.current?.scrollTo?.(0, 0);
  }, [step]);

  return (
    <div className="client-mode" lang={language ?? undefined} ref={root} data-testid="client-mode">
      <main className="client-mode__page">
        {step.kind === 'language' && <LanguageChoice onChoose={(chosen) => setStep({ kind: 'loading', language: chosen })} />}
        {step.kind === 'loading' &&
          (loadFailed ? (
            <p className="client-mode__problem" role="alert">
              {t('clientMode.problem')}
            </p>
          ) : (
            <p className="client-mode__loading">{t('common.loading')}</p>
          ))}
        {step.kind === 'question' && (
          <QuestionScreen
            key={`${step.instrument}-${step.item}`}
            t={t}
            instrument={instruments[step.instrument]!}
            itemIndex={step.item}
            instrumentPosition={{ index: step.instrument, count: instruments.length }}
            answer={answers[step.instrument]![step.item] ?? null}
            mayGoBack={step.item > 0 || step.instrument === 0}
            saving={saving}
            saveFailed={saveFailed}
            onAnswer={(value) => choose(step.instrument, step.item, value)}
            onBack={back}
            onNext={() => void next()}
          />
        )}
        {step.kind === 'thanks' && <ThanksScreen t={t} onHandedBack={onHandedBack} />}
      </main>
    </div>
  );
}
