import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { toText } from '../../grader/expr/print.js';
import { frameBuilt } from '../../grader/yaml/cache.js';

/** A fresh copy of the modules (parsed trees are memoised per process), and a cache folder. */
async function fresh() {
  vi.resetModules();
  const math = await import('../../grader/expr/math.js');
  const load = await import('../../grader/bank/load.js');
  const { dirCache } = await import('../../grader/yaml/cache.js');
  const { gradeOne } = await import('../../grader/compare/submission.js');
  const { PointCache } = await import('../../grader/compare/points.js');
  return { math, load, dirCache, gradeOne, PointCache };
}

/** What the questions were built from, as text, and every example's grade. */
async function built(dir: string, build: string | undefined) {
  const { load, dirCache, gradeOne, PointCache } = await fresh();
  const questions = load.allQuestions(load.loadBank('problems', dirCache(dir, build)));
  return questions.map((q) => ({
    id: q.id,
    reference: q.referenceNode && toText(q.referenceNode),
    expressions: q.expressions.map(toText),
    slots: q.model.slots.map((s) => s.derivedNode && toText(s.derivedNode)),
    grades: q.examples.map((x) => gradeOne(q, x.answer, new PointCache(2))),
  }));
}

const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.bin'));
/** A built entry's key and payload (yaml/cache.ts frameBuilt). */
const open = (dir: string, f: string): { key: string; text: string } => {
  const b = readFileSync(join(dir, f));
  const n = b.readUInt32LE(0);
  return { key: b.toString('utf8', 4, 4 + n), text: b.toString('utf8', 4 + n) };
};
const rewrite = (dir: string, f: string, text: string) => writeFileSync(join(dir, f), frameBuilt(open(dir, f).key, Buffer.from(text)));

describe("a bank file's parsed trees, kept across runs", () => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-trees-'));

  it('a later run of the same build revives them: the same questions, the same grades', async () => {
    const first = await built(dir, 'build-a');
    const stored = entries(dir).filter((f) => open(dir, f).text.startsWith('[["'));
    expect(stored).toHaveLength(2); // one per bank file
    expect(await built(dir, 'build-a')).toEqual(first);
  }, 60_000);

  it('are what the later run reads (the same build trusts its own entry)', async () => {
    const file = entries(dir).find((f) => open(dir, f).text.includes('U * (yhat - y)'))!;
    const trees = JSON.parse(open(dir, file).text) as [string, string][];
    const { math } = await fresh();
    const other = JSON.stringify(math.mathParse('U * yhat'));
    rewrite(dir, file, JSON.stringify(trees.map(([t, j]) => [t, t === 'U * (yhat - y)' ? other : j])));
    const { load, dirCache } = await fresh();
    const q = load.allQuestions(load.loadBank('problems', dirCache(dir, 'build-a'))).find((x) => x.id === 'cs224n-a2/naive-softmax-grad-vc')!;
    expect(toText(q.referenceNode!)).toBe('U * yhat');
    // Another build never reads it.
    const { load: load2, dirCache: cache2 } = await fresh();
    const q2 = load2.allQuestions(load2.loadBank('problems', cache2(dir, 'build-b'))).find((x) => x.id === q.id)!;
    expect(toText(q2.referenceNode!)).toBe('U * (yhat - y)');
  }, 60_000);

  it.each([
    ['not JSON', () => '{not json'],
    ['not pairs of texts', () => '[1, 2]'],
    ['a tree that is not one', (t: [string, string][]) => JSON.stringify(t.map(([x]) => [x, '{"mathjs":"NoSuchNode"}']))],
    ['a tree that is not JSON', (t: [string, string][]) => JSON.stringify(t.map(([x]) => [x, '{']))],
  ])(
    'a damaged entry (%s): every text parsed again, the same questions',
    async (_, damage) => {
      const d = mkdtempSync(join(tmpdir(), 'grader-trees-'));
      const first = await built(d, 'build-a');
      for (const f of entries(d)) {
        const { text } = open(d, f);
        if (text.startsWith('[["')) rewrite(d, f, damage(JSON.parse(text) as [string, string][]));
      }
      expect(await built(d, 'build-a')).toEqual(first);
    },
    60_000,
  );

  it('keeps only trees that revive to an equal tree, and a run from source keeps none', async () => {
    const { math } = await fresh();
    const kept = math.recordTrees(() => ['x + 1', '1e400 * x', 'a[2]'].forEach((t) => math.mathParse(t)));
    expect(kept.map(([t]) => t)).toEqual(['x + 1', 'a[2]']);
    const d = mkdtempSync(join(tmpdir(), 'grader-trees-'));
    await built(d, undefined);
    expect(entries(d)).toEqual([]);
  });
});
