import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InstrumentView } from '../../shared/contract/measure-schemas';
import { translateIssue } from '../forms/issue-messages';

interface QuestionItemProps {
  item: InstrumentView['items'][number];
  index: number;
  registration: UseFormRegisterReturn;
  answered: boolean;
  /** Shown once the counsellor tried to save with this item left open. */
  flaggedUnanswered: boolean;
  error?: FieldError | undefined;
  onClear: () => void;
}

/** One questionnaire item: its text as the legend, each option a labelled radio, and "clear" to leave it unanswered again. */
export function QuestionItem({ item, index, registration, answered, flaggedUnanswered, error, onClear }: QuestionItemProps) {
  const { t } = useTranslation();
  const id = `measure-item-${index}`;
  const label = t('measures.record.itemLabel', { number: item.number });
  return (
    <fieldset
      id={id}
      className={['measure-item', error ? 'field--invalid' : '', flaggedUnanswered ? 'measure-item--open' : ''].filter(Boolean).join(' ')}
      aria-describedby={error ? `${id}-error` : undefined}
      data-testid="measure-item"
    >
      <legend className="measure-item__text">
        <span className="measure-item__number">{item.number}.</span> {item.text}
      </legend>
      <div className="measure-item__options">
        {item.options.map((option) => (
          <label key={option.value} className="choice measure-item__option">
            <input type="radio" value={String(option.value)} aria-invalid={error ? true : undefined} {...registration} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <div className="measure-item__foot">
        {error && (
          <p id={`${id}-error`} className="field__error">
            {translateIssue(t, error.message, label)}
          </p>
        )}
        {flaggedUnanswered && !answered && <p className="measure-item__unanswered">{t('measures.record.unansweredItem')}</p>}
        {answered && (
          <button type="button" className="link-button measure-item__clear" aria-label={t('measures.record.clearAnswer', { number: item.number })} onClick={onClear}>
            {t('measures.record.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
