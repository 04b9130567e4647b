import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadCount } from '../../grader/cli/batch.js';
import { progressBar, writeAtomic } from '../../grader/cli/io.js';

const stream = (isTTY: boolean) => {
  const chunks: string[] = [];
  return { chunks, s: { isTTY, write: (c: string) => chunks.push(c) } as unknown as NodeJS.WriteStream };
};

describe('progress bar', () => {
  it('draws on a terminal, ends with a cleared line', () => {
    const { chunks, s } = stream(true);
    const bar = progressBar(4, s);
    bar.tick(1);
    bar.tick(4);
    bar.end();
    expect(chunks[0]).toContain('grading 1/4');
    expect(chunks.at(-2)).toContain('4/4 [==============================] 100%');
    expect(chunks.at(-1)).toBe('\r\u001b[2K');
  });

  it('is silent when not a terminal', () => {
    const { chunks, s } = stream(false);
    const bar = progressBar(100, s);
    bar.tick(50);
    bar.end();
    expect(chunks).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('leave only the finished file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-atomic-'));
    writeAtomic(join(dir, 'a.json'), '{"ok":true}');
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('{"ok":true}');
  });
});

describe('threads', () => {
  it.each([
    [10, 0, 8, 1],
    [1000, 0, 2, 2],
    [1000, 0, 1, 1],
    [63, 0, 2, 1],
    [1000, 0, 8, 8],
    [200, 0, 8, 7],
    [1000, 2, 2, 2],
    [3, 4, 8, 3],
  ])('%i files, --jobs %i, %i cores → %i', (files, jobs, cores, n) => expect(threadCount(files, jobs, cores)).toBe(n));
});
