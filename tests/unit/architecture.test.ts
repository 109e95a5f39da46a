import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The directions of dependence of docs/architecture: a wrong import fails here.
const root = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
const sources = files(root).map((path) => {
  const text = readFileSync(path, 'utf8');
  return { path: relative(root, path), text, imports: [...text.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!) };
});
const folder = (path: string) => path.split('/')[0]!;

describe('the architecture', () => {
  it('keeps the référentiels free of logic: they import only their kinds, ids and zod', () => {
    for (const file of sources.filter((f) => folder(f.path) === 'referentiels')) {
      for (const target of file.imports) expect(['zod/mini', './kinds', './ids', './dgesco-2010', './grille-occitanie', './label-lycee']).toContain(target);
    }
  });

  it('imports only types from referentiels/kinds: the definitions are checked by the tests, never built by the app', () => {
    for (const file of sources) {
      const kindsImports = [...file.text.matchAll(/import\s+(type\s+)?[^;]*?from\s*['"][^'"]*\/kinds['"]/g)];
      for (const m of kindsImports) expect(m[1], `${file.path}: ${m[0]}`).toBe('type ');
    }
  });

  it('keeps the domain pure: no Dexie, no Svelte, no storage, no pages', () => {
    for (const file of sources.filter((f) => folder(f.path) === 'domain')) {
      for (const target of file.imports) expect(target, file.path).not.toMatch(/dexie|svelte|storage|pages|components|chart/);
    }
  });

  it('lets only storage/ import Dexie, and only charts/ import Chart.js', () => {
    for (const file of sources) {
      if (file.imports.some((t) => t === 'dexie')) expect(file.path).toMatch(/^storage\//);
      if (file.imports.some((t) => t.startsWith('chart.js'))) expect(file.path).toMatch(/^charts\//);
    }
  });

  it('keeps components and pages away from storage: every read and write goes through state/ (the campaign session)', () => {
    for (const file of sources.filter((f) => ['components', 'pages'].includes(folder(f.path)) || f.path === 'App.svelte')) {
      for (const target of file.imports) expect(target, file.path).not.toMatch(/(^|\/)storage\//);
    }
  });

  it('keeps state/ free of pages and components: state is used by them, never the reverse', () => {
    for (const file of sources.filter((f) => folder(f.path) === 'state')) {
      for (const target of file.imports) expect(target, file.path).not.toMatch(/\/(pages|components)\//);
    }
  });

  it('never imports a page from anything but the app shell', () => {
    for (const file of sources) {
      if (file.imports.some((t) => t.includes('/pages/') || t.startsWith('./pages/'))) {
        expect(['App.svelte'].concat(sources.filter((f) => folder(f.path) === 'pages').map((f) => f.path))).toContain(file.path);
      }
    }
  });
});
