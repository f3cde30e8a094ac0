import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';
import id from '../../shared/i18n/id.json';
import { ERROR_CODES } from '../../shared/errors';
import { ROLES } from '../../shared/roles';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, LOCK_REASONS } from '../../shared/audit-actions';
import { LANGUAGES } from '../../shared/settings';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a translation tree as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const languages = { en: flatten(en as Tree), id: flatten(id as Tree) };

describe('translations', () => {
  it('English and Bahasa Indonesia have exactly the same keys', () => {
    const enKeys = [...languages.en.keys()].sort();
    const idKeys = [...languages.id.keys()].sort();
    expect(idKeys.filter((k) => !languages.en.has(k)), 'only in id.json').toEqual([]);
    expect(enKeys.filter((k) => !languages.id.has(k)), 'only in en.json').toEqual([]);
  });

  it.each(Object.entries(languages))('%s has no empty strings', (_name, strings) => {
    expect([...strings].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(Object.entries(languages))('%s uses the same {{placeholders}} as English', (_name, strings) => {
    // A plural form for one ("once") may leave out {{count}}; other placeholders must match.
    const placeholders = (key: string, text: string) =>
      [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)]
        .map((m) => m[1])
        .filter((name) => !(name === 'count' && /_(zero|one|two)$/.test(key)))
        .sort();
    const mismatched = [...languages.en].filter(
      ([key, text]) => JSON.stringify(placeholders(key, text)) !== JSON.stringify(placeholders(key, strings.get(key) ?? '')),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  const required: [string, readonly string[], string][] = [
    ['error codes', ERROR_CODES, 'errors'],
    ['roles', ROLES, 'roles'],
    ['audit actions', AUDIT_ACTIONS, 'audit.actions'],
    ['audit outcomes', AUDIT_OUTCOMES, 'audit.outcomes'],
    ['lock reasons (unlock screen)', LOCK_REASONS, 'lockReason'],
    ['lock reasons (audit detail)', LOCK_REASONS, 'audit.lockReasons'],
    ['language names', LANGUAGES, 'language.names'],
  ];
  it.each(required)('every one of the %s is translated in both languages', (_what, values, prefix) => {
    for (const [name, strings] of Object.entries(languages)) {
      const missing = values.filter((value) => !strings.get(`${prefix}.${value}`)?.trim());
      expect(missing, `${name}: missing ${prefix}.*`).toEqual([]);
    }
  });

  it('Bahasa Indonesia is really translated (not English copied over)', () => {
    const same = [...languages.en].filter(([key, text]) => languages.id.get(key) === text && /[a-z]{4,}/i.test(text));
    // Names and words spelled alike in both languages are allowed.
    const allowed = new Set(['app.name', 'app.windowTitle', 'language.names.en', 'language.names.id', 'nav.admin', 'admin.users.columns.status', 'setup.steps.admin', 'unlock.userOption', 'admin.contracts.period', 'vocab.clientLanguage.id', 'reports.preview.title', 'reports.register.format']);
    expect(same.map(([key]) => key).filter((key) => !allowed.has(key))).toEqual([]);
  });

  it('addresses the reader formally ("Anda", never "kamu" or "kau")', () => {
    const informal = [...languages.id].filter(([, text]) => /\b(kamu|kau|lo|lu|gue)\b/i.test(text));
    expect(informal.map(([key]) => key)).toEqual([]);
  });
});
