import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import type { InstrumentView } from '../../shared/contract/measure-schemas';

interface QuestionScreenProps {
  /** Translations in the client's language. */
  t: TFunction;
  instrument: InstrumentView;
  itemIndex: number;
  instrumentPosition: { index: number; count: number };
  answer: number | null;
  mayGoBack: boolean;
  saving: boolean;
  saveFailed: boolean;
  onAnswer: (value: number) => void;
  onBack: () => void;
  onNext: () => void;
}

/**
 * One question on the whole screen: the instrument's instructions and recall period, the
 * question large, the answers as big full-width choices, where the client is, Back and Next.
 * Any question may be left unanswered: Next moves on without a choice.
 */
export function QuestionScreen({ t, instrument, itemIndex, instrumentPosition, answer, mayGoBack, saving, saveFailed, onAnswer, onBack, onNext }: QuestionScreenProps) {
  const item = instrument.items[itemIndex]!;
  const count = instrument.items.length;
  const lastOfAll = itemIndex === count - 1 && instrumentPosition.index === instrumentPosition.count - 1;
  const textId = useId();
  const progressId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // Each question starts at its text, so a screen reader reads it and Tab reaches the answers next.
  useEffect(() => heading.current?.focus(), []);

  // Enter on a chosen answer moves on, as the Next button does.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
      event.preventDefault();
      if (!saving) onNext();
    }
  };

  return (
    <form
      className="client-mode__card client-question"
      data-testid="client-question"
      data-instrument={instrument.id}
      data-item={item.number}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving) onNext();
      }}
    >
      <div className="client-question__progress">
        <p id={progressId} className="client-question__count" data-testid="client-progress">
          {instrumentPosition.count > 1 && <span className="client-question__set">{t('clientMode.question.set', { number: instrumentPosition.index + 1, count: instrumentPosition.count })}</span>}
          {t('clientMode.question.progress', { number: itemIndex + 1, count })}
        </p>
        <progress className="progress-bar" max={count} value={itemIndex + 1} aria-labelledby={progressId} />
      </div>
      <p className="client-question__instructions">{instrument.instructions}</p>
      <p className="client-question__recall">{t('clientMode.question.recall', { period: instrument.recallPeriod })}</p>
      <h1 id={textId} className="client-question__text" ref={heading} tabIndex={-1}>
        {item.text}
      </h1>
      <fieldset className="client-question__options" aria-labelledby={textId}>
        {item.options.map((option) => (
          <label key={option.value} className={answer === option.value ? 'client-choice client-choice--chosen' : 'client-choice'}>
            <input type="radio" name={`answer-${instrument.id}-${item.number}`} value={option.value} checked={answer === option.value} onChange={() => onAnswer(option.value)} />
            <span className="client-choice__label">{option.label}</span>
          </label>
        ))}
      </fieldset>
      {saveFailed && (
        <p className="client-mode__problem" role="alert">
          {t('clientMode.saveFailed')}
        </p>
      )}
      <div className="client-question__nav">
        {mayGoBack ? (
          <button type="button" className="client-nav client-nav--back" onClick={onBack} disabled={saving}>
            <span aria-hidden="true">←</span> {t('clientMode.question.back')}
          </button>
        ) : (
          <span />
        )}
        <button type="submit" className="client-nav client-nav--next" disabled={saving} aria-busy={saving}>
          {saving ? t('clientMode.question.saving') : lastOfAll ? t('clientMode.question.finish') : t('clientMode.question.next')} {!saving && !lastOfAll && <span aria-hidden="true">→</span>}
        </button>
      </div>
      <p className="client-question__skip-hint">{t('clientMode.question.skipHint')}</p>
    </form>
  );
}
