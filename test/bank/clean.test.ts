import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allQuestions, loadBank } from '../../grader/bank/load.js';
import type { Question } from '../../grader/bank/types.js';
import { PointCache } from '../../grader/compare/points.js';
import { gradeOne } from '../../grader/compare/submission.js';
import { dirCache } from '../../grader/yaml/cache.js';
import { toText } from '../../grader/expr/math.js';

const isLazy = (q: Question, key: keyof Question = 'others') => Object.getOwnPropertyDescriptor(q, key)?.get !== undefined;
/** What a clean question compiles on first use (bank/answer.ts). */
const PARTS = ['derivative', 'definition', 'mistakes', 'terms', 'expressions'] as const;
/** What a size set is built from and yields, without the closures. */
const summary = (q: Question) => ({
  id: q.id,
  sizeSet: q.sizeSet,
  sizes: [...q.model.scope.sizes],
  slots: q.model.slots.map((s) => [s.name, s.shape]),
  reference: q.reference.shape,
  mistakes: q.mistakes.map((m) => m.answer),
  terms: q.terms.map((t) => [t.name, t.compiled.shape]),
  derivative: q.derivative && [q.derivative.wrtText, q.derivative.baseSlot, q.derivative.loss.shape, q.derivative.wrt.shape],
  definition: q.definition?.shape,
  expressions: q.expressions.map(toText),
});

describe('other size sets built when first asked for', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-clean-'));
  const eager = loadBank('problems', dirCache(dir, 'build-a'));
  const lazy = loadBank('problems', dirCache(dir, 'build-a'));

  it('only once this build has seen the question build cleanly', () => {
    expect(allQuestions(eager).some((q) => isLazy(q))).toBe(false);
    expect(allQuestions(lazy).every((q) => isLazy(q))).toBe(true);
    expect(allQuestions(loadBank('problems', dirCache(dir, 'build-b'))).some((q) => isLazy(q))).toBe(false);
    expect(allQuestions(loadBank('problems', dirCache(dir, undefined))).some((q) => isLazy(q))).toBe(false);
  });

  it.each(allQuestions(eager).map((q, i) => [q.id, i] as const))('%s: the same size sets, the same parts, the same grade', (_, i) => {
    const e = allQuestions(eager)[i]!;
    const l = allQuestions(lazy)[i]!;
    expect(PARTS.filter((k) => isLazy(e, k))).toEqual([]);
    expect(PARTS.filter((k) => isLazy(l, k))).toEqual(l.referenceNode ? PARTS : []);
    // A right answer reads none of them.
    gradeOne(l, e.examples.find((x) => x.verdict === 'correct')!.answer, new PointCache(3));
    expect(PARTS.filter((k) => isLazy(l, k))).toEqual(l.referenceNode ? PARTS : []);
    expect(summary(l)).toEqual(summary(e));
    expect(l.mistakes).toBe(l.mistakes); // built once
    expect(PARTS.filter((k) => isLazy(l, k))).toEqual([]);
    expect(l.others.map(summary)).toEqual(e.others.map(summary));
    expect(l.others).toBe(l.others); // built once
    expect(isLazy(l)).toBe(false);
    for (const { answer } of e.examples) expect(gradeOne(l, answer, new PointCache(3))).toEqual(gradeOne(e, answer, new PointCache(3)));
  });

  it('a damaged record builds everything', () => {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.bin'))) writeFileSync(join(dir, f), '{not json');
    expect(allQuestions(loadBank('problems', dirCache(dir, 'build-a'))).some((q) => isLazy(q))).toBe(false);
  });
});

describe('models', () => {
  const bank = loadBank('problems');
  const byId = new Map(allQuestions(bank).map((q) => [q.id, q]));
  it.each([
    ['cs224n-a2/naive-softmax-grad-vc', 'cs224n-a2/neg-sampling-grad-uo', true], // the set's declarations only
    ['cs224d-a1/softmax-invariance', 'cs224d-a1/softmax-ce-grad', true], // one context
    ['cs224d-a1/softmax-invariance', 'cs224d-a1/nn-grad-x', false], // two contexts
    ['cs224n-a2/naive-softmax-grad-vc', 'cs224n-a2/sigmoid-derivative', false], // a symbol of its own
    ['cs224n-a2/skipgram-grad-U', 'cs224n-a2/skipgram-grad-vc', false], // declared in two places
  ])('%s and %s share a model: %s', (a, b, shared) => {
    expect(byId.get(a)!.model === byId.get(b)!.model).toBe(shared);
    expect(byId.get(a)!.others[0]!.model === byId.get(b)!.others[0]!.model).toBe(shared);
    expect(byId.get(a)!.others[0]!.model).not.toBe(byId.get(a)!.model);
  });
});
