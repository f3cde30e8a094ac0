import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../../shared/i18n/en.json';

/** Literal translation keys in the renderer's source, t('a.b') and t(`a.b`), must exist. */
const RENDERER = join(dirname(fileURLToPath(import.meta.url)), '../../renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

function exists(key: string): boolean {
  const direct = lookup(en, key);
  if (typeof direct === 'string') return true;
  // Plural forms: t('x', { count }) resolves x_one / x_other.
  return typeof lookup(en, `${key}_other`) === 'string';
}

describe('translation keys used by the renderer', () => {
  const files = sourceFiles(RENDERER);

  it('finds the renderer source', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('every literal key exists in en.json (and so, by the key test, in id.json)', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*(['`])([a-zA-Z][\w.]*)\1/g)) {
        const key = match[2]!;
        if (!exists(key)) missing.push(`${relative(RENDERER, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every dynamic key prefix (t(`prefix.${…}`)) names a group in en.json', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) {
        const prefix = match[1]!;
        const node = lookup(en, prefix);
        if (!node || typeof node !== 'object') missing.push(`${relative(RENDERER, file)}: ${prefix}.*`);
      }
    }
    expect(missing).toEqual([]);
  });
});
