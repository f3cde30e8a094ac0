import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/settings';

/**
 * The first thing the client sees: a welcome and the choice of language, written in both
 * languages, since neither is known to be theirs yet.
 */
export function LanguageChoice({ onChoose }: { onChoose: (language: Language) => void }) {
  const { i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="client-mode__card client-language" aria-labelledby="client-language-title" data-testid="client-language">
      <h1 id="client-language-title" className="client-mode__title" ref={heading} tabIndex={-1}>
        {LANGUAGES.map((language) => (
          <span key={language} lang={language} className="client-language__line">
            {i18n.getFixedT(language)('clientMode.language.title')}
          </span>
        ))}
      </h1>
      <p className="client-mode__lead">
        {LANGUAGES.map((language) => (
          <span key={language} lang={language} className="client-language__line">
            {i18n.getFixedT(language)('clientMode.language.lead')}
          </span>
        ))}
      </p>
      <div className="client-language__choices">
        {LANGUAGES.map((language) => (
          <button key={language} type="button" lang={language} className="client-choice client-choice--language" onClick={() => onChoose(language)}>
            {i18n.getFixedT(language)(`language.names.${language}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
