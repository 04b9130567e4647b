/** Whole courses: parallel batches identical to sequential ones, output files, every format. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const run = cli;
/** The CLI with some environment variables set (colour forced, say). */
const cliEnv = (env: Record<string, string>, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/grader.cjs', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** 80 submissions: the examples and the broken and hostile fixtures, over and over. */
function batchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grader-batch-'));
  const sources = [
    ...readdirSync('submissions')
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join('submissions', f)),
    ...readdirSync('test/fixtures/submissions').map((f) => join('test/fixtures/submissions', f)),
  ];
  for (let i = 0; i < 80; i++) copyFileSync(sources[i % sources.length]!, join(dir, `${String(i).padStart(3, '0')}.yaml`));
  return dir;
}

describe('a large batch', () => {
  const dir = batchDir();

  it('grades the same in parallel as in sequence, in the same order, every readable file graded', () => {
    const one = run('grade', dir, '--format', 'json', '--jobs', '1');
    const two = run('grade', dir, '--format', 'json', '--jobs', '2');
    expect(one.code).toBe(1); // broken files are in the batch
    expect(two.code).toBe(1);
    expect(two.out).toBe(one.out);
    const subs = JSON.parse(one.out).submissions as { file: string; error: unknown; questions: unknown[] }[];
    expect(subs.map((s) => s.file)).toEqual(
      readdirSync(dir)
        .sort()
        .map((f) => join(dir, f)),
    );
    expect(subs.filter((s) => !s.error).every((s) => s.questions.length > 0)).toBe(true);
    expect(subs.filter((s) => !s.error)).toHaveLength(40); // 5 of the 10 sources are readable
  });

  // Workers render these formats themselves (report/portable.ts): the same bytes, the same summary.
  it.each<[string, string[], Record<string, string>]>([
    ['text', [], {}],
    ['text in colour', [], { FORCE_COLOR: '2' }],
    ['csv', ['--format', 'csv'], {}],
  ])(
    '%s: the same in parallel as in sequence',
    (_, args, env) => {
      const one = cliEnv(env, 'grade', dir, ...args, '--jobs', '1');
      const two = cliEnv(env, 'grade', dir, ...args, '--jobs', '2');
      expect(two.code).toBe(one.code);
      expect(two.out).toBe(one.out);
      expect(one.out.split('\n').length).toBeGreaterThan(80);
      if (env.FORCE_COLOR) expect(one.out).toContain('\u001b[');
    },
    60_000,
  );

  it('writes --out atomically, leaving nothing else behind', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'grader-out-')), 'grades.csv');
    const r = run('grade', dir, '--format', 'csv', '--out', out);
    expect(r.out).toBe('');
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^student,file,/);
    expect(readdirSync(join(out, '..'))).toEqual(['grades.csv']);
  });

  it('keeps an old output when the new one cannot be written', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'grader-out-'));
    const out = join(outDir, 'grades.json');
    writeFileSync(out, 'old');
    const r = run('grade', join(dir, 'no-such-dir'), '--out', join(outDir, 'missing', 'grades.json'));
    expect(r.code).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });
});

describe('formats through the CLI', () => {
  it('csv', () => expect(run('grade', 'submissions/', '--format', 'csv').out.split('\r\n')).toHaveLength(9)); // a header, 7 submissions (4 YAML, 3 write-ups), a final newline

  it('gradescope, for one submission only', () => {
    const r = JSON.parse(run('grade', 'submissions/alice.yaml', '--format', 'gradescope').out);
    expect(r.score).toBe(15);
    expect(r.tests).toHaveLength(11);
    expect(run('grade', 'submissions/', '--format', 'gradescope').code).toBe(2);
  });

  it('html', () => {
    const html = run('grade', 'submissions/dave-latex.yaml', '--format', 'html').out;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<math');
  });

  it('html, a page per submission into a folder', () => {
    const out = mkdtempSync(join(tmpdir(), 'grader-pages-'));
    expect(run('grade', 'submissions/', '--format', 'html', '--out', out).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'alice.html',
      'bob.html',
      'carol-malformed.html',
      'dave-latex.html',
      'erin-template.html',
      'frank-writeup.html',
      'grace-notebook.html',
      'index.html',
    ]);
    expect(readFileSync(join(out, 'bob.html'), 'utf8')).toContain('<title>Report: bob</title>');
  });

  it('items', () => {
    // The 4 YAML submissions and the 3 write-ups (erin, frank, grace) all count.
    const r = JSON.parse(run('items', 'submissions/', '--format', 'json').out);
    const vc = r.items.find((i: { id: string }) => i.id === 'cs224n-a2/naive-softmax-grad-vc');
    expect(vc.submissions).toBe(7);
    expect(vc.counts).toEqual({ correct: 4, incorrect: 1, invalid: 1, unanswered: 1 });
    expect(run('items', 'submissions/').out).toContain('correct 57%');
  });

  it.each([
    ['a write-up alone', ['submissions/frank-writeup.md'], 0, 'naive-softmax-grad-vc  (1 submissions)  correct 100%', ''],
    ['a missing file', ['no/such.yaml'], 1, '', 'grader: no/such.yaml: cannot read the file: there is no such file (not counted)\n'],
    ['an empty folder', [mkdtempSync(join(tmpdir(), 'grader-none-'))], 1, '', 'no submissions found in'],
  ])('items on %s: counted, or said why not', (_, paths, code, out, err) => {
    const r = run('items', ...paths);
    expect(r.code).toBe(code);
    expect(r.out).toContain(out);
    expect(r.err).toContain(err);
    if (code) expect(r.err).not.toBe('');
  });
});

describe('the Gradescope autograder', () => {
  it('grades the submission folder into results.json at the given paths', () => {
    const root = mkdtempSync(join(tmpdir(), 'grader-gs-'));
    mkdirSync(join(root, 'submission'));
    copyFileSync('submissions/bob.yaml', join(root, 'submission', 'answers.yaml'));
    const results = join(root, 'results.json');
    expect(run('gradescope', join(root, 'submission'), results).code).toBe(0);
    const r = JSON.parse(readFileSync(results, 'utf8'));
    expect(r.score).toBeGreaterThan(0);
    expect(r.tests[0]).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        score: expect.any(Number),
        max_score: expect.any(Number),
        output: expect.any(String),
        visibility: 'visible',
      }),
    );
  });

  it('writes results.json explaining an empty upload', () => {
    const root = mkdtempSync(join(tmpdir(), 'grader-gs-'));
    const results = join(root, 'results.json');
    expect(run('gradescope', join(root, 'nothing'), results).code).toBe(0);
    expect(JSON.parse(readFileSync(results, 'utf8')).output).toContain('answers.yaml');
  });
});
