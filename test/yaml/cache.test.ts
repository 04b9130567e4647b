import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../grader/bank/load.js';
import { dirCache } from '../../grader/yaml/cache.js';
import { readYaml } from '../../grader/yaml/source.js';

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
      const spec = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { questions: { points: number }[] };
      for (const q of spec.questions) q.points *= 2;
      writeFileSync(join(dir, f), JSON.stringify(spec));
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
});
