import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const I18N_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../shared/i18n');

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value)));
}

function strings(language: 'en' | 'id'): string[] {
  return leaves(JSON.parse(readFileSync(join(I18N_DIR, `${language}.json`), 'utf8')) as Tree);
}

/** English UI strings that Bahasa Indonesia writes differently (so their presence means "not switched"). */
export function englishOnlyStrings(): Set<string> {
  const indonesian = new Set(strings('id'));
  return new Set(strings('en').filter((text) => !indonesian.has(text) && !text.includes('{{')));
}

/** Every piece of text a person can see: visible text nodes, shown select values, button labels. */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest('option, script, style, .visually-hidden')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      texts.push(parent.children.length === 0 ? (parent.textContent ?? '').trim() : text);
    }
    for (const select of document.querySelectorAll('select')) {
      if (select.checkVisibility() && select.selectedOptions[0]) texts.push(select.selectedOptions[0].text.trim());
    }
    return texts;
  });
}

/** The visible English-only strings on the page now (empty when everything is in Indonesian). */
export async function untranslatedOnPage(page: Page): Promise<string[]> {
  const english = englishOnlyStrings();
  return (await visibleTexts(page)).filter((text) => english.has(text) || english.has(text.replace(/:$/, '')));
}
