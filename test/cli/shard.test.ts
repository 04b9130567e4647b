/** `--shard i/n`: every file in exactly one shard, in sorted order, outputs that concatenate. */
import { describe, expect, it } from 'vitest';
import { ShardError } from '../../grader/cli/shard.js';
import { parseShard, shardFiles, shardHead } from '../../grader/cli/shard.js';
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
});
