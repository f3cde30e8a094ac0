import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { useActivityReporter } from '../session/useActivityReporter';
import { StepIndicator } from '../components/StepIndicator';
import { copyText } from './copy-text';
import { clearClipboardLater, type ClearingOutcome } from './clipboard-clearing';
import { RECOVERY_KEY_CLIPBOARD_MS } from '../../shared/recovery-key';

/**
 * The recovery key, shown this once. It lives only in this screen's memory: never stored,
 * never in a draft. Printing shows only the key and the instructions (print.css).
 */
export function RecoveryKeyScreen({ recoveryKey, onContinue }: { recoveryKey: string; onContinue: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed' | ClearingOutcome>('idle');
  const keyElement = useRef<HTMLDivElement>(null);
  const checkboxId = useId();
  const groups = recoveryKey.split('-');
  // Setup opened a session: reading and copying the key is activity for the idle lock.
  useActivityReporter();

  // The clearing outlives this screen; only its news stops here.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const copy = async () => {
    if (!(await copyText(recoveryKey, keyElement.current))) {
      setCopied('failed');
      return;
    }
    setCopied('copied');
    clearClipboardLater(recoveryKey, (outcome) => {
      if (mounted.current) setCopied(outcome);
    });
  };
  const note = {
    idle: '',
    copied: t('recoveryKey.copied', { seconds: RECOVERY_KEY_CLIPBOARD_MS / 1000 }),
    failed: t('recoveryKey.copyFailed'),
    cleared: t('recoveryKey.clipboardCleared'),
    kept: t('recoveryKey.clipboardKept'),
    unavailable: t('recoveryKey.clipboardUnavailable'),
  }[copied];

  return (
    <AuthLayout wide>
      <div className="no-print">
        <StepIndicator label={t('setup.stepsLabel')} steps={[t('setup.steps.clinic'), t('setup.steps.admin'), t('setup.steps.recoveryKey')]} current={2} />
      </div>
      <section className="recovery-sheet print-only-this" aria-labelledby="recovery-title">
        <h1 id="recovery-title" className="card-title">
          {t('recoveryKey.title')}
        </h1>
        <p className="card-lead">{t('recoveryKey.lead')}</p>
        <div ref={keyElement} className="recovery-key" data-testid="recovery-key" aria-label={t('recoveryKey.keyLabel')} role="group">
          {groups.map((group, index) => (
            <span key={index} className="recovery-key__group">
              {group}
              {index < groups.length - 1 && <span className="visually-hidden">-</span>}
            </span>
          ))}
        </div>
        <ul className="recovery-instructions">
          <li>{t('recoveryKey.instructionStore')}</li>
          <li>{t('recoveryKey.instructionUse')}</li>
          <li>{t('recoveryKey.instructionOnce')}</li>
        </ul>
      </section>
      <div className="recovery-actions no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('recoveryKey.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('recoveryKey.copy')}
        </button>
        <span className="recovery-actions__note" role="status" data-testid="copy-note">
          {note}
        </span>
      </div>
      <div className="no-print">
        <div className="checkbox-field">
          <input id={checkboxId} type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
          <label htmlFor={checkboxId}>{t('recoveryKey.storedConfirmation')}</label>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={!stored} onClick={onContinue}>
            {t('common.continue')}
          </button>
        </div>
      </div>
    </AuthLayout>
  );
}
