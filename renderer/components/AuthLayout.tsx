import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen before sign-in: the mark, the language switch, one calm card. */
export function AuthLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="auth__top">
        <BrandMark />
        <LanguageSwitch id="auth-language" />
      </header>
      <main className={wide ? 'auth__card auth__card--wide' : 'auth__card'}>{children}</main>
      <footer className="auth__footer">
        <svg viewBox="0 0 20 20" className="auth__lock-icon" aria-hidden="true" focusable="false">
          <path d="M6 9V6.5a4 4 0 0 1 8 0V9" />
          <rect x="4" y="9" width="12" height="8.5" rx="2" />
        </svg>
        {t('app.encryptedNote')}
      </footer>
    </div>
  );
}
