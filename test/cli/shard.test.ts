/** `--shard i/n`: every file in exactly one shard, in sorted order, outputs that concatenate. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShardError } from '../../grader/cli/shard.js';
import { indexName, parseShard, shardFiles, shardHead } from '../../grader/cli/shard.js';
import { cli } from '../helpers.js';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['3/8', { index: 3, count: 8 }],
    ['10000/10000', { index: 10000, count: 10000 }],
  ])('%s', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each(['0/3', '4/3', '1/0', '1/10001', '1', '1/2/3', '-1/2', 'a/b', ' 1/2', '1.5/2', ''])('rejects %j', (text) =>
    expect(() => parseShard(text)).toThrow(ShardError),
  );
});

describe('shardFiles', () => {
  const files = Array.from({ length: 23 }, (_, i) => `s${String(i).padStart(2, '0')}.yaml`).reverse();

  it.each([1, 2, 3, 7, 23, 40])('cuts %i shards that cover the sorted list once, sizes within one', (n) => {
    const shards = Array.from({ length: n }, (_, i) => shardFiles(files, { index: i + 1, count: n }));
    expect(shards.flat()).toEqual([...files].sort());
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('keeps the given order without a shard', () => expect(shardFiles(files, undefined)).toEqual(files));
});

describe('shardHead', () => {
  const head = 'student,total\r\n';
  it.each([
    ['csv', 1, head],
    ['csv', 2, ''],
    ['text', 2, head],
    ['json', 3, head],
  ] as const)('%s, shard %i', (format, index, out) => expect(shardHead(format, head, { index, count: 3 })).toBe(out));
});

describe('grade --shard', () => {
  it.each([
    ['csv', 3],
    ['text', 2],
  ])('%s: the shards concatenated hold every submission of the whole run, in order', (format, n) => {
    const whole = cli('grade', 'submissions', '--format', format);
    const parts = Array.from({ length: n }, (_, i) => cli('grade', 'submissions', '--format', format, '--shard', `${i + 1}/${n}`));
    expect(parts.every((p) => p.code === whole.code)).toBe(true);
    if (format === 'csv') expect(parts.map((p) => p.out).join('')).toBe(whole.out);
    else for (const name of ['alice', 'bob', 'carol', 'dave']) expect(parts.filter((p) => p.out.includes(`submissions/${name}`))).toHaveLength(1);
  });

  it('grades nothing for a shard with no files, and says why for a bad one', () => {
    const empty = cli('grade', 'submissions/alice.yaml', '--format', 'csv', '--shard', '1/2');
    expect(empty.code).toBe(0);
    expect(empty.out).not.toContain('alice');
    expect(cli('grade', 'submissions', '--shard', '3/2')).toMatchObject({ code: 2, err: expect.stringContaining('--shard takes i/n') });
  });

  it.each([
    [undefined, 'index.html'],
    [{ index: 1, count: 1 }, 'index.html'],
    [{ index: 2, count: 3 }, 'index-2-of-3.html'],
  ])('HTML to a folder, shard %j: the index is %s', (shard, name) => expect(indexName(shard)).toBe(name));

  it('HTML to a folder: each shard writes its own index and pages, and together they list every submission', () => {
    // Two bob.yaml in different shards: page names are unique over the whole batch.
    const root = mkdtempSync(join(tmpdir(), 'grader-shard-'));
    for (const d of ['a', 'b']) mkdirSync(join(root, d));
    const bob = readFileSync('submissions/bob.yaml', 'utf8');
    writeFileSync(join(root, 'a', 'bob.yaml'), bob);
    writeFileSync(join(root, 'b', 'bob.yaml'), bob.replace(/student: .*/, 'student: bob2'));
    const out = join(root, 'rep');
    mkdirSync(out);
    for (const i of [1, 2])
      expect(cli('grade', join(root, 'a'), join(root, 'b'), '--format', 'html', '--out', out, '--shard', `${i}/2`).out).toContain(`index-${i}-of-2.html`);
    const files = readdirSync(out).sort();
    expect(files.filter((f) => f.startsWith('index'))).toEqual(['index-1-of-2.html', 'index-2-of-2.html']);
    const pages = files.filter((f) => !f.startsWith('index'));
    expect(pages).toHaveLength(2);
    const linked = [1, 2].map((i) => pages.filter((p) => readFileSync(join(out, `index-${i}-of-2.html`), 'utf8').includes(`href="${p}"`)));
    expect(linked.map((l) => l.length)).toEqual([1, 1]);
    expect(linked.flat().sort()).toEqual(pages);
  });
});
