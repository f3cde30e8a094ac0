import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { builtinModules } from 'node:module';

/**
 * The walls of architecture.md, checked on every import of every source file:
 * shared/ imports nothing of the project; db/ only shared/; services/ and cli/ never
 * electron/ or renderer/; renderer/ never Node modules, db/ or services/; the preload
 * only shared/ (and the IPC names in electron/). Only electron/ imports 'electron'.
 */
const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['shared', 'db', 'services', 'cli', 'electron', 'electron/main', 'electron/preload', 'renderer'] as const;
type Folder = (typeof FOLDERS)[number];

const MAY_IMPORT: Record<Folder, Folder[]> = {
  shared: [],
  db: ['shared'],
  services: ['db', 'shared'],
  cli: ['services', 'db', 'shared'],
  /** Files directly in electron/: constants both Electron processes share (IPC names). */
  electron: ['shared'],
  'electron/main': ['electron', 'services', 'db', 'shared'],
  'electron/preload': ['electron', 'shared'],
  renderer: ['shared'],
};

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** Packages that only run in Node: persistence stays out of shared/, the renderer and the preload. */
const NODE_ONLY_PACKAGES = ['better-sqlite3-multiple-ciphers', 'typeorm', 'commander', 'tsx'];

function sourceFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

function folderOf(path: string): Folder | null {
  const rel = relative(ROOT, path).split(sep).join('/');
  return [...FOLDERS].sort((a, b) => b.length - a.length).find((f) => rel === f || rel.startsWith(`${f}/`)) ?? null;
}

function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) specifiers.push((m[1] ?? m[2] ?? m[3])!);
  return specifiers;
}

describe('architecture walls', () => {
  const violations: string[] = [];
  for (const folder of FOLDERS) {
    for (const file of sourceFiles(join(ROOT, folder))) {
      const from = folderOf(file)!;
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const where = `${relative(ROOT, file)} imports '${spec}'`;
        if (spec.startsWith('.')) {
          const target = folderOf(resolve(dirname(file), spec));
          if (target && target !== from && !MAY_IMPORT[from].includes(target)) violations.push(where);
          if (!target) violations.push(`${where} (outside the source folders)`);
        } else if (spec === 'electron' || spec.startsWith('electron/')) {
          if (!from.startsWith('electron')) violations.push(where);
        } else if (NODE_BUILTINS.has(spec) || NODE_ONLY_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`))) {
          if (from === 'shared' || from === 'renderer' || from === 'electron/preload') violations.push(where);
        }
      }
    }
  }

  it('has source files to check in every folder it guards', () => {
    for (const folder of ['shared', 'db', 'services', 'cli'] as const) expect(sourceFiles(join(ROOT, folder)).length, folder).toBeGreaterThan(0);
  });

  it('finds no import across a wall', () => {
    expect(violations).toEqual([]);
  });
});
