import '../styles/letters.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { ErrorCode } from '../../shared/errors';
import { LANGUAGES, type Language } from '../../shared/settings';
import { call, errorCodeOf } from '../api/client';
import { Dialog } from '../components/Dialog';
import { Notice } from '../components/Notice';
import { FormAlert } from '../forms/FormAlert';
import { LetterPreview } from './LetterPreview';

type Preview = ChannelOutput<'letters.referralPreview'>;
/** '' leaves the language to the service: the client's preferred one. */
type LanguageChoice = Language | '';

/**
 * "Write letter to referrer" (issue 13, admins): the letter exactly as it will be written,
 * in the client's language or one the admin picks, then saved as a PDF where the system's
 * save dialog says (entered in the register and the audit log as it is saved). A letter
 * the consent does not allow shows why instead, and cannot be saved.
 */
export function ReferralLetterDialog({ referralId, onClose }: { referralId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<LanguageChoice>('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    call('letters.referralPreview', { referralId, ...(language ? { language } : {}) })
      .then((value) => current && setPreview(value))
      .catch((failure: unknown) => current && setError(errorCodeOf(failure)));
    return () => {
      current = false;
    };
  }, [referralId, language]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const result = await call('letters.referralSave', { referralId, ...(language ? { language } : {}) });
      if (result.outcome === 'saved') setSavedTo(result.path.split(/[\\/]/).pop() ?? result.path);
    } catch (failure) {
      setError(errorCodeOf(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title={t('referralLetter.dialog.title')} onClose={onClose}>
      <div className="letter-dialog" data-testid="letter-dialog">
        <p className="dialog__text">{t('referralLetter.dialog.lead')}</p>
        <fieldset className="letter-dialog__language">
          <legend>{t('referralLetter.dialog.language')}</legend>
          {(['', ...LANGUAGES] as const).map((choice) => (
            <label key={choice || 'client'} className="letter-dialog__choice">
              <input type="radio" name="letter-language" value={choice} checked={language === choice} onChange={() => setLanguage(choice)} />
              {choice ? t(`language.names.${choice}`) : t('referralLetter.dialog.clientLanguage')}
            </label>
          ))}
        </fieldset>
        {savedTo && (
          <Notice tone="success" testId="letter-saved">
            {t('referralLetter.dialog.saved', { file: savedTo })}
          </Notice>
        )}
        <FormAlert code={error} />
        {preview === null && error === null && <p className="muted">{t('referralLetter.dialog.loading')}</p>}
        {preview && (
          <section aria-labelledby="letter-preview-title">
            <h3 id="letter-preview-title" className="letter-dialog__heading">
              {t('referralLetter.dialog.preview')}
            </h3>
            <LetterPreview blocks={preview.blocks} />
          </section>
        )}
        <div className="form-actions">
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('referralLetter.dialog.close')}
          </button>
          <button type="button" className="button button--primary" disabled={preview === null || saving} aria-busy={saving} onClick={() => void save()}>
            {saving ? t('referralLetter.dialog.saving') : t('referralLetter.dialog.save')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
