/** The folders' dependency rule, as their index headers state it: each folder imports only the folders listed. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', 'grader');
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  core: [],
  linalg: [],
  expr: ['core', 'linalg'],
  sample: ['core', 'linalg'],
  yaml: ['core'],
  submission: ['core', 'yaml'],
  document: ['core', 'yaml'],
  bank: ['core', 'expr', 'linalg', 'sample', 'yaml', 'document'],
  compare: ['core', 'linalg', 'expr', 'sample', 'bank', 'submission', 'document'],
  report: ['core'],
};

const modules = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? modules(p) : p.endsWith('.ts') ? [p] : [];
  });
/** Relative imports of a module (as in architecture.test.ts, which is not imported: its tests would run twice). */
const importsOf = (file: string, text: string): string[] =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
const folder = (file: string): string => relative(ROOT, file).split('/')[0]!;

describe('layers', () => {
  it.each(Object.keys(ALLOWED))('%s/ imports only what its header allows', (name) => {
    const bad = modules(join(ROOT, name)).flatMap((f) =>
      importsOf(f, readFileSync(f, 'utf8'))
        .map(folder)
        .filter((to) => to !== name && !ALLOWED[name]!.includes(to))
        .map((to) => `${relative(ROOT, f)} → ${to}/`),
    );
    expect(bad).toEqual([]);
  });
});
