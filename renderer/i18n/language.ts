import i18n from 'i18next';
import { LANGUAGES, type Language } from '../../shared/settings';

const STORAGE_KEY = 'tenang.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language this person picked with the switch on this computer, if they ever did. */
export function chosenLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Before anyone signs in: their earlier choice, else the browser's language. */
export function startupLanguage(): Language {
  const chosen = chosenLanguage();
  if (chosen) return chosen;
  const browser = (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase();
  return browser.startsWith('id') || browser.startsWith('ms') ? 'id' : 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

/** The language switch: change every string now and remember the choice. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable; the switch still works for this session.
  }
  await i18n.changeLanguage(language);
}

/** The clinic's default language applies unless this person chose one with the switch. */
export async function applyClinicLanguage(language: Language): Promise<void> {
  if (chosenLanguage()) return;
  if (currentLanguage() !== language) await i18n.changeLanguage(language);
}
