import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/settings';
import { chooseLanguage, currentLanguage } from '../i18n/language';

/** English / Bahasa Indonesia: every string changes at once, and the choice is remembered. */
export function LanguageSwitch({ id = 'language-switch' }: { id?: string }) {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="visually-hidden">
        {t('language.label')}
      </span>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === active ? 'language-switch__option language-switch__option--active' : 'language-switch__option'}
          aria-pressed={language === active}
          onClick={() => void chooseLanguage(language)}
        >
          {t(`language.names.${language}`)}
        </button>
      ))}
    </div>
  );
}
