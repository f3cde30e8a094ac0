import type { TFunction } from 'i18next';

/**
 * An instrument file's field path as an admin can find it in the file:
 * `items.3.text.id` → "Item 4 → text (Indonesian)", `bands.2.min` → "Band 3 → min".
 * Lists count from 1, as people do (an item's position is its number); field names stay as
 * the file spells them, since that is what the admin searches for; '' is the whole file.
 */
const LIST_ENTRY = {
  items: 'adminMeasures.path.item',
  options: 'adminMeasures.path.option',
  bands: 'adminMeasures.path.band',
  alerts: 'adminMeasures.path.alert',
  subscales: 'adminMeasures.path.subscale',
  optionLabels: 'adminMeasures.path.label',
} as const;

const isIndex = (segment: string) => /^\d+$/.test(segment);

/** Fields that hold a text in both languages (`{en, id}`); elsewhere `id` is an identifier. */
const TWO_LANGUAGE_TEXTS = new Set(['name', 'instructions', 'recallPeriod', 'text', 'label', 'licence']);

function isLanguageOfText(segments: readonly string[], index: number): boolean {
  const [segment, parent, grandparent] = [segments[index], segments[index - 1], segments[index - 2]];
  if ((segment !== 'en' && segment !== 'id') || index !== segments.length - 1 || parent === undefined) return false;
  return TWO_LANGUAGE_TEXTS.has(parent) || (isIndex(parent) && grandparent === 'optionLabels');
}

export function readablePath(t: TFunction, path: string): string {
  // `fileText` is the channel's own field: the whole file as well.
  if (path === '' || path === 'fileText') return t('adminMeasures.path.file');
  const segments = path.split('.');
  const parts: string[] = [];
  segments.forEach((segment, index) => {
    const previous = segments[index - 1];
    const nextIsIndex = index + 1 < segments.length && isIndex(segments[index + 1]!);
    if (segment in LIST_ENTRY && nextIsIndex) return; // Named together with its index: "Item 4".
    if (isIndex(segment)) {
      const number = Number(segment) + 1;
      parts.push(previous && previous in LIST_ENTRY ? t(LIST_ENTRY[previous as keyof typeof LIST_ENTRY], { number }) : t('adminMeasures.path.entry', { number }));
      return;
    }
    // The two languages of a text are its last step: "text (Indonesian)".
    if (isLanguageOfText(segments, index)) {
      const field = parts.pop()!;
      parts.push(t(segment === 'en' ? 'adminMeasures.path.english' : 'adminMeasures.path.indonesian', { field }));
      return;
    }
    parts.push(segment);
  });
  return parts.join(' → ');
}
