/**
 * The shape of the code, tested: no module imports one that imports it back (directly or
 * through others), counting type-only imports too, and core/ imports nothing of ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', 'grader');

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? modules(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a module (`import`, `import type`, `export ... from`), as module paths. */
export function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g))
    out.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  return out;
}

/** Strongly connected components of more than one module (or a module importing itself). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      for (let w = ''; w !== v;) {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      }
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('architecture', () => {
  const graph = new Map(modules(ROOT).map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));

  it('has no import cycles', () => {
    expect(cycles(graph).map((c) => c.map((f) => relative(ROOT, f)).sort())).toEqual([]);
  });

  it('keeps core/ free of imports from the rest of the grader', () => {
    const bad = [...graph]
      .filter(([f]) => relative(ROOT, f).startsWith('core/'))
      .flatMap(([f, deps]) => deps.filter((d) => !relative(ROOT, d).startsWith('core/')).map((d) => `${relative(ROOT, f)} → ${relative(ROOT, d)}`));
    expect(bad).toEqual([]);
  });

  it.each([
    ['a → b → a', { a: ['b'], b: ['a'] }, 1],
    ['a → a', { a: ['a'] }, 1],
    ['a → b → c', { a: ['b'], b: ['c'], c: [] }, 0],
    ['a → b → c → a, d → a', { a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, 1],
  ])('finds the cycles of %s', (_, g, n) => {
    expect(cycles(new Map(Object.entries(g)))).toHaveLength(n);
  });

  it('reads type-only and re-export imports', () => {
    const text = "import type { A } from './a.js';\nexport { b } from '../b.js';\nimport {\n  c,\n} from './c.js';\nimport x from 'node:fs';";
    expect(importsOf('/r/m/x.ts', text)).toEqual(['/r/m/a.ts', '/r/b.ts', '/r/m/c.ts']);
  });
});
