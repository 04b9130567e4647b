import { mkdtempSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadCount } from '../../grader/cli/batch.js';
import { atomicSink, OutputError, progressBar, stdoutSink, writeAtomic } from '../../grader/cli/io.js';

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
    [20000, 0, 2, 0, 2],
    [20000, 0, 2, 0.4, 2],
    [20000, 0, 2, 0.6, 1], // the other core is busy more than half the time
    [20000, 0, 2, 3, 1],
    [20000, 0, 1, 0, 1],
    [3999, 0, 2, 0, 1], // one warm thread is faster than two on a few thousand submissions
    [4000, 0, 2, 0, 2],
    [1000, 0, 8, 0, 1],
    [20000, 0, 8, 0, 8],
    [20000, 0, 8, 5, 3],
    [20000, 0, 8, 9, 1],
    [6000, 0, 8, 0, 3],
    [1000, 2, 2, 5, 2], // --jobs is obeyed, busy or not
    [3, 4, 8, 0, 3],
  ])('%i files, --jobs %i, %i cores, load %d → %i', (files, jobs, cores, load, n) => expect(threadCount(files, jobs, 0, cores, load, cores)).toBe(n));

  // A container given 2 of a machine's 64 CPUs sees the whole machine's load average.
  it.each([
    [2, 30, 64, 2],
    [2, 63, 64, 1],
    [4, 61, 64, 3],
  ])('%i cores of a machine at load %d with %i CPUs → %i', (cores, load, machine, n) => expect(threadCount(20000, 0, 0, cores, load, machine)).toBe(n));

  // A write-up weighs as much as WRITEUP_WEIGHT submissions.
  it.each([
    [300, 0, 1],
    [300, 270, 2],
    [2000, 150, 2],
    [2000, 100, 1],
  ])('%i files, %i of them write-ups, on 8 idle cores → %i', (files, writeups, n) => expect(threadCount(files, 0, writeups, 8, 0, 8)).toBe(n));
});

/** Pieces as a batch writes them: small, multi-byte, astral, a lone surrogate, and around and past the sink's 1 MiB buffer. */
const PIECES: readonly [string, string[]][] = [
  ['nothing', []],
  ['small pieces', ['{\n', '  "a": 1', ',\n', '}\n']],
  ['multi-byte and astral', ['élève ∂ ', '𝑥 \u2028', '\ud835', ' lone', '😀'.repeat(1000)]],
  ['empty pieces between', ['', 'a', '', 'b']],
  ['filling the buffer', Array.from({ length: 90 }, (_, i) => `${i}`.padEnd(15_000, 'é'))],
  ['one piece past the buffer', ['head ', 'x'.repeat(400_000), ' tail']],
  ['many three-byte pieces', Array.from({ length: 200 }, () => '∂'.repeat(5_000))],
];

describe('an atomic sink', () => {
  it.each(PIECES)('%s: the file holds exactly the text, in few writes', (_, pieces) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-sink-'));
    const file = join(dir, 'out.json');
    let calls = 0;
    const counted = ((fd: number, buf: Uint8Array, off: number, len: number) => (calls++, writeSync(fd, buf, off, len))) as typeof writeSync;
    const sink = atomicSink(file, counted);
    for (const p of pieces) sink.write(p);
    sink.commit();
    const text = pieces.join('');
    // Buffer.equals: a deep toEqual over megabytes takes seconds.
    expect(readFileSync(file).equals(Buffer.from(text))).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(calls).toBeLessThanOrEqual(Math.ceil(Buffer.byteLength(text) / 2 ** 18) + 2);
  });

  it.each([
    ['at a write', 10],
    ['at the commit', 1e9],
  ])('a full disk %s: OutputError, the old file kept, no temporary left', (_, after) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-sink-'));
    const file = join(dir, 'out.json');
    writeFileSync(file, 'old');
    let written = 0;
    const full = ((fd: number, buf: Uint8Array, off: number, len: number) => {
      if ((written += len) > 1_500_000) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      return writeSync(fd, buf, off, len);
    }) as typeof writeSync;
    const sink = atomicSink(file, full);
    const go = () => {
      for (let i = 0; i < after && i < 200; i++) sink.write('x'.repeat(10_000));
      sink.commit();
    };
    if (after === 10) {
      // 100 kB is buffered, not written: the disk fills only with the rest, at the commit.
      expect(go).not.toThrow();
      expect(readFileSync(file, 'utf8')).toBe('x'.repeat(100_000));
      return;
    }
    expect(go).toThrow(OutputError);
    expect(go).toThrow(/disk is full; the old file is unchanged/);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('the standard output sink', () => {
  it.each(PIECES)('%s: the same text, in few writes', (_, pieces) => {
    const out: string[] = [];
    const sink = stdoutSink({ out: (t) => out.push(t), err: () => {} });
    for (const p of pieces) sink.write(p);
    sink.commit();
    expect(out.join('')).toBe(pieces.join(''));
    expect(out.every((t) => t !== '')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(Math.ceil(pieces.join('').length / 65_536) + 1);
  });

  it('writes what it holds when aborted, as a write per piece did', () => {
    const out: string[] = [];
    const sink = stdoutSink({ out: (t) => out.push(t), err: () => {} });
    sink.write('partial');
    expect(out).toEqual([]);
    sink.abort();
    expect(out).toEqual(['partial']);
  });
});
