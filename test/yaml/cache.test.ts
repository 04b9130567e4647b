import { chmodSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank, loadProblemText } from '../../grader/bank/load.js';
import { storedPoints } from '../../grader/cli/stored-points.js';
import { PointCache } from '../../grader/compare/points.js';
import { toText } from '../../grader/expr/print.js';
import { dirCache } from '../../grader/yaml/cache.js';
import { hash64 } from '../../grader/yaml/cache-names.js';
import { readYaml, type DataCache } from '../../grader/yaml/source.js';

describe('the parsed-YAML cache', () => {
  it('serves a clean file without parsing it, with the same questions and positions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
    const first = loadBank('problems', dirCache(dir));
    expect(readdirSync(dir)).toHaveLength(readdirSync('problems').filter((f) => /\.ya?ml$/.test(f)).length);
    const second = loadBank('problems', dirCache(dir));
    expect(second.issues).toEqual([]);
    const summary = (b: typeof first) => b.sets.flatMap((s) => s.questions.map((q) => [q.id, q.at.line, q.at.col, q.referenceText]));
    expect(summary(second)).toEqual(summary(first));
  });

  it('treats a damaged entry as a miss', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
    loadBank('problems', dirCache(dir));
    for (const f of readdirSync(dir)) writeFileSync(join(dir, f), '{not json');
    expect(loadBank('problems', dirCache(dir)).sets.flatMap((s) => s.questions)).toHaveLength(loadBank('problems').sets.flatMap((s) => s.questions).length);
  });

  it('never caches a file with syntax errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
    readYaml('bad.yaml', 'a: [1, 2\n', dirCache(dir));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('computes positions only when read', () => {
    const src = readYaml('x.yaml', 'a:\n  b: "hello"\n');
    const at = src.inString(['a', 'b'], 2);
    expect([at.line, at.col, at.offset]).toEqual([2, 9, 2]); // the first l of "hello"
  });

  /** The data and validated entries (what a build computes from a file, bank/clean.ts and cli/stored-points.ts, is .bin). */
  const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));
  const points = (dir: string, build?: string) => loadBank('problems', dirCache(dir, build)).sets.flatMap((s) => s.questions.map((q) => q.points));
  /** Doubles the points in every validated entry, to see whether a load trusts them. */
  const tamper = (dir: string, before: Set<string>) => {
    for (const f of entries(dir).filter((f) => !before.has(f))) {
      const [text, entry] = JSON.parse(readFileSync(join(dir, f), 'utf8')) as [string, { spec: { questions: { points: number }[] } }];
      for (const q of entry.spec.questions) q.points *= 2;
      writeFileSync(join(dir, f), JSON.stringify([text, entry]));
    }
  };

  it.each([
    ['the same build trusts its validated entries', 'build-a', 'build-a', 2],
    ['another build never trusts them', 'build-a', 'build-b', 1],
    ['a run from source never writes or reads them', undefined, undefined, 1],
  ])('%s', (_, writer, reader, factor) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
    const plain = new Set((loadBank('problems', dirCache(dir)), entries(dir)));
    const first = points(dir, writer);
    // A data entry per bank file, and a validated one per file for a build: whatever problems/ holds.
    const files = readdirSync('problems').filter((f) => /\.ya?ml$/.test(f)).length;
    expect(entries(dir)).toHaveLength(writer ? 2 * files : files);
    tamper(dir, plain);
    expect(points(dir, reader)).toEqual(first.map((p) => p * factor));
  });

  it.runIf(process.getuid?.() !== undefined)('ignores a folder that others may write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
    const plain = new Set((loadBank('problems', dirCache(dir)), entries(dir)));
    const first = points(dir, 'build-a');
    tamper(dir, plain);
    chmodSync(dir, 0o777);
    expect(points(dir, 'build-a')).toEqual(first);
  });

  describe('a name two entries share (forced): a miss, never the other entry', () => {
    it.each([
      ['data', (c: DataCache, t: string) => c.get(t), (c: DataCache, t: string, v: unknown) => c.put(t, v)],
      ['validated data', (c: DataCache, t: string) => c.getValid!(t), (c: DataCache, t: string, v: unknown) => c.putValid!(t, v)],
    ])('%s', (_, get, put) => {
      const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
      const cache = dirCache(dir, 'build-a');
      // Two texts of one length, so that only the hash could tell their names apart.
      put(cache, 'a: 1\n', { a: 1 });
      const name = readdirSync(dir)[0]!;
      expect(get(cache, 'a: 1\n')).toEqual({ a: 1 });
      put(cache, 'a: 2\n', { a: 2 });
      const other = readdirSync(dir).find((f) => f !== name)!;
      // Each text's entry under the other's name: neither is served the other's data.
      renameSync(join(dir, name), join(dir, 'swap'));
      renameSync(join(dir, other), join(dir, name));
      renameSync(join(dir, 'swap'), join(dir, other));
      expect(get(cache, 'a: 2\n')).toBeUndefined();
      expect(get(cache, 'a: 1\n')).toBeUndefined();
    });

    it('built bytes', () => {
      const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
      const cache = dirCache(dir, 'build-a');
      cache.putBuilt!('key-1', Buffer.from('one'));
      const [name] = readdirSync(dir);
      expect(Buffer.from(cache.getBuilt!('key-1')!).toString()).toBe('one');
      cache.putBuilt!('key-2', Buffer.from('two'));
      const other = readdirSync(dir).find((f) => f !== name)!;
      renameSync(join(dir, name!), join(dir, other));
      expect(cache.getBuilt!('key-2')).toBeUndefined();
      expect(cache.getBuilt!('key-1')).toBeUndefined();
    });

    it('a bank file whose entries hold another text: read and validated anew, with its own trees and points', () => {
      const dir = mkdtempSync(join(tmpdir(), 'grader-cache-'));
      const file = 'problems/cs224n-a2-word2vec.yaml';
      const text = readFileSync(file, 'utf8');
      // The same length: a wrong reference.
      const edited = text.replace('reference: "U * (yhat - y)"', 'reference: "U * (y - yhat)"');
      expect(edited.length).toBe(text.length);
      const first = loadProblemText(file, text, dirCache(dir, 'build-a'));
      // The first text's data and validated entries, under the names of the edited text's.
      const [from, to] = [hash64(text), hash64(edited)];
      const copied = readdirSync(dir).filter((f) => f.startsWith(from) && f.endsWith('.json'));
      expect(copied).toHaveLength(2);
      for (const f of copied) writeFileSync(join(dir, f.replace(from, to)), readFileSync(join(dir, f)));
      const second = loadProblemText(file, edited, dirCache(dir, 'build-a'));
      expect(second.issues).toEqual([]);
      expect(second.set!.cacheId).not.toBe(first.set!.cacheId);
      const q = second.set!.questions.find((x) => x.id === 'cs224n-a2/naive-softmax-grad-vc')!;
      expect(q.referenceText).toBe('U * (y - yhat)');
      expect(toText(q.referenceNode!)).toBe('U * (y - yhat)');
      const stored = storedPoints(1, { sets: [second.set!], issues: [] }, dirCache(dir, 'build-a')).get(q);
      expect(stored.map((p) => p.expected)).toEqual(new PointCache(1).get(q).map((p) => p.expected));
    });
  });
});
