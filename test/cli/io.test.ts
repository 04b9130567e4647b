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
    [10, 0, 8, 0, 1],
    [1000, 0, 2, 0, 2],
    [1000, 0, 2, 0.4, 2],
    [1000, 0, 2, 0.6, 1], // the other core is busy more than half the time
    [1000, 0, 2, 3, 1],
    [1000, 0, 1, 0, 1],
    [199, 0, 2, 0, 1],
    [200, 0, 2, 0, 2],
    [1000, 0, 8, 0, 8],
    [1000, 0, 8, 5, 3],
    [1000, 0, 8, 9, 1],
    [300, 0, 8, 0, 3],
    [1000, 2, 2, 5, 2], // --jobs is obeyed, busy or not
    [3, 4, 8, 0, 3],
  ])('%i files, --jobs %i, %i cores, load %d → %i', (files, jobs, cores, load, n) => expect(threadCount(files, jobs, cores, load, cores)).toBe(n));

  // A container given 2 of a machine's 64 CPUs sees the whole machine's load average.
  it.each([
    [2, 30, 64, 2],
    [2, 63, 64, 1],
    [4, 61, 64, 3],
  ])('%i cores of a machine at load %d with %i CPUs → %i', (cores, load, machine, n) => expect(threadCount(1000, 0, cores, load, machine)).toBe(n));
});
