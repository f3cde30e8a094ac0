import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseProblem } from '../../shared/passphrase-policy';
import { loadStrengthEstimator } from './strength-estimator';

interface PassphraseStrengthProps {
  id: string;
  passphrase: string;
  /** Words the passphrase should not lean on: the username, names, the clinic. */
  userInputs: string[];
}

/** An advisory meter (zxcvbn-ts). The policy that decides is the contract's, not this. */
export function PassphraseStrength({ id, passphrase, userInputs }: PassphraseStrengthProps) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  const inputsKey = userInputs.join('\n');

  useEffect(() => {
    if (!passphrase) {
      setScore(null);
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void loadStrengthEstimator().then((estimate) => {
        if (cancelled) return;
        const inputs = inputsKey.split('\n').filter(Boolean);
        const username = inputs[0];
        const allowed = passphraseProblem(passphrase, username ? { username } : {}) === null;
        setScore(allowed ? estimate(passphrase, [...inputs, 'tenang']) : 0);
      });
    }, 120);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [passphrase, inputsKey]);

  const level = score ?? -1;
  return (
    <div className="strength" data-score={score ?? 'none'}>
      <div className="strength__bar" aria-hidden="true">
        {[0, 1, 2, 3].map((segment) => (
          <span key={segment} className={segment < level ? 'strength__segment strength__segment--on' : 'strength__segment'} />
        ))}
      </div>
      <p id={id} className="strength__label" aria-live="polite">
        {t('strength.label')}: <strong>{score === null ? t('strength.empty') : t(`strength.score${score}`)}</strong>
      </p>
    </div>
  );
}
