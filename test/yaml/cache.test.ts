import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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
});
