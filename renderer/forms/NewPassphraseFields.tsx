import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../shared/passphrase-policy';
import { FormField } from './FormField';
import { PassphraseStrength } from './PassphraseStrength';

interface NewPassphraseFieldsProps {
  idPrefix: string;
  newPassphrase: UseFormRegisterReturn;
  confirmPassphrase: UseFormRegisterReturn;
  newError?: FieldError | undefined;
  confirmError?: FieldError | undefined;
  /** The passphrase as typed so far, for the strength meter. */
  value: string;
  /** Username first, then other words the passphrase should not be built from. */
  userInputs: string[];
  newLabel?: string;
}

/** A new passphrase, its confirmation and the strength meter, as every form that sets one shows them. */
export function NewPassphraseFields(props: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const newId = `${props.idPrefix}-new-passphrase`;
  const meterId = `${newId}-strength`;
  return (
    <>
      <FormField
        id={newId}
        label={props.newLabel ?? t('fields.newPassphrase')}
        error={props.newError}
        hint={t('fields.newPassphraseHint', { min: PASSPHRASE_MIN_LENGTH })}
      >
        {(a11y) => (
          <>
            <input
              {...a11y}
              aria-describedby={[a11y['aria-describedby'], meterId].filter(Boolean).join(' ')}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              {...props.newPassphrase}
            />
            <PassphraseStrength id={meterId} passphrase={props.value} userInputs={props.userInputs} />
          </>
        )}
      </FormField>
      <FormField id={`${props.idPrefix}-confirm-passphrase`} label={t('fields.confirmPassphrase')} error={props.confirmError}>
        {(a11y) => <input {...a11y} type="password" autoComplete="new-password" spellCheck={false} {...props.confirmPassphrase} />}
      </FormField>
    </>
  );
}
