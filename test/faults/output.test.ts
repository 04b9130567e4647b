/**
 * Issue 12.3, 12.5, 12.7, 12.9: where the report goes. A destination that cannot be written is
 * told in one line before grading; a disk that fills up or a kill leaves the old file intact and
 * no temporary file behind; a reader that goes away is not an error; student text cannot drive
 * the terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, type writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../grader/cli/main.js';
import { cli } from '../helpers.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'grader-out-'));
const isRoot = process.getuid?.() === 0;

/** A batch of copies of the bundled submissions. */
function batch(n: number): string {
  const dir = fresh();
  const sources = readdirSync('submissions').map((f) => join('submissions', f));
  for (let i = 0; i < n; i++) copyFileSync(sources[i % sources.length]!, join(dir, `${String(i).padStart(4, '0')}.yaml`));
  return dir;
}

/** n submissions whose answers differ from file to file, so that none is graded from an earlier one's memo: a batch that takes a while. */
function distinctBatch(n: number): string {
  const dir = fresh();
  for (let i = 0; i < n; i++) {
    const k = i + 2;
    const answers = [
      `cs224n-a2/naive-softmax-grad-vc: "U * (yhat - y) * ${k} / ${k}"`,
      `cs224n-a2/naive-softmax-grad-uw: "(yhat - y) * v_c' * ${k} / ${k}"`,
      `cs224n-a2/neg-sampling-grad-vc: "${k} * sum(k, 1, K, sigma(u_k' * v_c) * u_k) / ${k}"`,
    ];
    writeFileSync(join(dir, `${String(i).padStart(4, '0')}.yaml`), `student: s${i}\nanswers:\n  ${answers.join('\n  ')}\n`);
  }
  return dir;
}

async function run(argv: string[], write?: typeof writeSync) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), ...(write ? { write } : {}) });
  return { code, out, err };
}

describe('--out', () => {
  it.each([
    ['a missing folder', (d: string) => join(d, 'missing', 'grades.csv')],
    ['a folder given as a file', (d: string) => d],
  ])('to %s: one line, exit 2', async (_, target) => {
    const r = await run(['grade', 'submissions/', '--format', 'csv', '--out', target(fresh())]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^grader: cannot write/);
  });

  it.skipIf(isRoot)('to a read-only file: one line, exit 2, the file unchanged', async () => {
    const out = join(fresh(), 'grades.csv');
    writeFileSync(out, 'old');
    chmodSync(out, 0o444);
    const r = await run(['grade', 'submissions/', '--format', 'csv', '--out', out]);
    expect([r.code, r.err.trim().split('\n').length, readFileSync(out, 'utf8')]).toEqual([2, 1, 'old']);
  });

  it('on a full disk: one line, exit 2, the old file intact, no temporary file left', async () => {
    const dir = fresh();
    const out = join(dir, 'grades.json');
    writeFileSync(out, 'old');
    let written = 0;
    const full = ((fd: number, buf: Uint8Array, off: number, len: number) => {
      if ((written += len) > 5000) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return len;
    }) as unknown as typeof writeSync;
    const r = await run(['grade', 'submissions/', '--format', 'json', '--out', out], full);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/disk is full.*old file is unchanged\n$/);
    expect(readFileSync(out, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['grades.json']);
  });

  it('killed halfway (SIGINT, SIGTERM): the old file intact, no temporary file left', async () => {
    const src = distinctBatch(400);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const dir = fresh();
      const out = join(dir, 'grades.csv');
      writeFileSync(out, 'old');
      const child = spawn(process.execPath, ['bin/grader.mjs', 'grade', src, '--format', 'csv', '--out', out, '--jobs', '1']);
      // Kill once the temporary file exists: grading has started.
      for (let i = 0; i < 3000 && readdirSync(dir).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      child.kill(signal);
      const code = await new Promise((r) => child.on('exit', (c, s) => r(c ?? s)));
      expect([code, readFileSync(out, 'utf8'), readdirSync(dir)]).toEqual([signal === 'SIGINT' ? 130 : 143, 'old', ['grades.csv']]);
    }
  });
});

describe('standard output', () => {
  it('a reader that stops early (| head) ends the grader quietly', () => {
    const r = spawnSync('bash', ['-c', `node bin/grader.mjs grade ${batch(200)} --jobs 1 | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });

  it('an empty folder says so and exits 1', () => {
    const r = cli('grade', fresh());
    expect([r.code, r.out, r.err]).toEqual([1, '', expect.stringContaining('no submissions found')]);
  });
});

describe('per-student HTML pages', () => {
  it('two submissions with the same file name in different folders get two pages, named the same on every run', () => {
    const root = fresh();
    for (const sub of ['a', 'b', 'c']) mkdirSync(join(root, sub));
    copyFileSync('submissions/alice.yaml', join(root, 'a', 'hw.yaml'));
    copyFileSync('submissions/bob.yaml', join(root, 'b', 'hw.yaml'));
    copyFileSync('submissions/bob.yaml', join(root, 'c', 'bob.yaml'));
    const pages = fresh();
    const args = ['grade', join(root, 'a', 'hw.yaml'), join(root, 'b', 'hw.yaml'), join(root, 'c', 'bob.yaml'), '--format', 'html', '--out', pages];
    expect(cli(...args).code).toBe(0);
    const first = readdirSync(pages).sort();
    expect(first).toHaveLength(4); // and the batch's index.html
    expect(first).toContain('bob.html');
    expect(first).toContain('index.html');
    expect(cli(...args).code).toBe(0);
    expect(readdirSync(pages).sort()).toEqual(first);
    const texts = first.filter((f) => f.startsWith('hw-')).map((f) => readFileSync(join(pages, f), 'utf8'));
    expect(texts.some((t) => t.includes('alice')) && texts.some((t) => t.includes('bob'))).toBe(true);
  });
});

describe('terminal injection', () => {
  const hostile = ['\u001b]0;pwned\u0007', '\u001b[2J', 'ok\r✓ fake', 'line\n  ✓ cs224n-a2/x  1/1  correct', '\u202Eevil', '\u009b31m'];

  it.each(['text', 'csv'])('%s: no control character of a submission reaches the output', (format) => {
    const dir = fresh();
    hostile.forEach((h, i) =>
      writeFileSync(
        join(dir, `${i}.yaml`),
        `student: ${JSON.stringify(`s${i}${h}`)}\nanswers:\n  cs224n-a2/naive-softmax-loss: ${JSON.stringify(`-log(yhat_o)${h}`)}\n  ${JSON.stringify(`cs224n-a2/nope${h}`)}: "1"\n`,
      ),
    );
    const r = cli('grade', dir, '--format', format);
    expect(r.code).toBe(0);
    const text = format === 'csv' ? r.out.replace(/\r\n/g, '') : r.out;
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
    expect(text).not.toContain('\n  ✓ cs224n-a2/x');
    expect(text).toContain('\\x1B[2J');
  });
});
