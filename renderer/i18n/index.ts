import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../shared/i18n/en.json';
import id from '../../shared/i18n/id.json';
import { startupLanguage } from './language';

export const resources = { en: { translation: en }, id: { translation: id } } as const;

function reflectLanguageInDocument(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.windowTitle');
}

/** Starts i18next with both languages bundled (no network: the CSP allows none). */
export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', reflectLanguageInDocument);
  await i18n.use(initReactI18next).init({
    resources,
    lng: startupLanguage(),
    fallbackLng: 'en',
    supportedLngs: ['en', 'id'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  reflectLanguageInDocument(i18n.language);
  return i18n;
}

export default i18n;
