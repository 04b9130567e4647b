import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allQuestions, loadBank } from '../../grader/bank/load.js';
import type { Question } from '../../grader/bank/types.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeOne } from '../../grader/compare/submission.js';
import { dirCache } from '../../grader/yaml/cache.js';

const isLazy = (q: Question) => Object.getOwnPropertyDescriptor(q, 'others')?.get !== undefined;
/** What a size set is built from and yields, without the closures. */
const summary = (q: Question) => ({
  id: q.id,
  sizeSet: q.sizeSet,
  sizes: [...q.model.scope.sizes],
  slots: q.model.slots.map((s) => [s.name, s.shape]),
  reference: q.reference.shape,
  mistakes: q.mistakes.map((m) => m.answer),
  terms: q.terms.map((t) => [t.name, t.compiled.shape]),
});

describe('other size sets built when first asked for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-clean-'));
  const eager = loadBank('problems', dirCache(dir, 'build-a'));
  const lazy = loadBank('problems', dirCache(dir, 'build-a'));

  it('only once this build has seen the question build cleanly', () => {
    expect(allQuestions(eager).some(isLazy)).toBe(false);
    expect(allQuestions(lazy).every(isLazy)).toBe(true);
    expect(allQuestions(loadBank('problems', dirCache(dir, 'build-b'))).some(isLazy)).toBe(false);
    expect(allQuestions(loadBank('problems', dirCache(dir, undefined))).some(isLazy)).toBe(false);
  });

  it.each(allQuestions(eager).map((q, i) => [q.id, i] as const))('%s: the same size sets, the same grade', (_, i) => {
    const e = allQuestions(eager)[i]!;
    const l = allQuestions(lazy)[i]!;
    expect(l.others.map(summary)).toEqual(e.others.map(summary));
    expect(l.others).toBe(l.others); // built once
    expect(isLazy(l)).toBe(false);
    for (const { answer } of e.examples) expect(gradeOne(l, answer, new PointCache(3))).toEqual(gradeOne(e, answer, new PointCache(3)));
  });

  it('a damaged record builds everything', () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.bin'))) writeFileSync(join(dir, f), '{not json');
    expect(allQuestions(loadBank('problems', dirCache(dir, 'build-a'))).some(isLazy)).toBe(false);
  });
});
