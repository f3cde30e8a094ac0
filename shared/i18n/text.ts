import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

/**
 * The app's strings outside the renderer (documents the services write: agency reports,
 * letters), read from the same files as the UI with the same `{{name}}` placeholders.
 * A missing key is a programming error, so it throws rather than printing the key.
 */
export type Language = 'en' | 'id';
const BUNDLES: Record<Language, unknown> = { en, id };

export type TextOf = (key: string, values?: Record<string, string | number>) => string;

export function textIn(language: Language): TextOf {
  return (key, values = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), BUNDLES[language]);
    if (typeof found !== 'string') throw new Error(`no ${language} text for ${key}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`${key} needs {{${name}}}`);
      return String(values[name]);
    });
  };
}
