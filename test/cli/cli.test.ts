/** The CLI end to end, as other tools and people use it: the built program in a child process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allQuestions } from '../../grader/bank/load.js';
import { BANK, cli } from '../helpers.js';

const run = cli;
const json = (...args: string[]) => {
  const r = run(...args);
  return { ...r, data: JSON.parse(r.out) };
};

describe('grade', () => {
  it('grades the example submissions with the JSON contract', () => {
    const { code, data } = json('grade', 'submissions/', '--format', 'json');
    expect(code).toBe(0);
    expect(data.submissions.map((s: { student: string }) => s.student)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace']);
    for (const s of data.submissions) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['file', 'student', 'score', 'maxScore', 'seed', 'error', 'questions']));
      expect(s.seed).toBe(1);
      for (const q of s.questions) {
        expect(Object.keys(q).slice(0, 7)).toEqual(['id', 'verdict', 'score', 'maxScore', 'answer', 'interpreted', 'feedback']);
        expect(['correct', 'incorrect', 'invalid', 'unanswered']).toContain(q.verdict);
      }
    }
    const [alice, bob, carol, dave] = data.submissions;
    expect(alice.score).toBe(alice.maxScore);
    expect(dave.score).toBe(dave.maxScore); // LaTeX, with a definition of the student's own
    expect(dave.questions.every((q: { notation: string }) => q.notation === 'latex')).toBe(true);
    expect(bob.score).toBeGreaterThan(0);
    expect(bob.score).toBeLessThan(bob.maxScore);
    expect(carol.unknownAnswers).toEqual(['cs224n-a2/no-such-question']);
    const vc = bob.questions.find((q: { id: string }) => q.id === 'cs224n-a2/naive-softmax-grad-U');
    expect(vc.feedback[0]).toMatchObject({ code: 'SHAPE_MISMATCH', message: expect.stringContaining('transposed?') });
  });

  it('marks missing questions unanswered', () => {
    const { data } = json('grade', 'submissions/bob.yaml', '--format', 'json');
    expect(data.submissions[0].questions.find((q: { id: string }) => q.id === 'cs224n-a2/skipgram-grad-vw')).toMatchObject({
      verdict: 'unanswered',
      answer: null,
      score: 0,
    });
  });

  it('grades every readable file when some are broken or hostile, and exits 1', () => {
    const { code, data } = json('grade', 'test/fixtures/submissions', 'submissions/alice.yaml', '--format', 'json');
    expect(code).toBe(1);
    const byFile = Object.fromEntries(data.submissions.map((s: { file: string }) => [s.file.split('/').pop(), s]));
    for (const broken of ['broken-yaml.yaml', 'not-a-map.yaml', 'answer-not-text.yaml', 'billion-laughs.yaml', 'binary.yaml']) {
      expect(byFile[broken].error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(byFile[broken].questions).toEqual([]);
    }
    expect(byFile['broken-yaml.yaml'].error.at).toMatchObject({ line: expect.any(Number), col: expect.any(Number) });
    expect(byFile['alice.yaml'].score).toBe(byFile['alice.yaml'].maxScore);
    const hostile = byFile['hostile-answers.yaml'];
    expect(hostile.error).toBeNull();
    expect(hostile.questions.filter((q: { verdict: string }) => q.verdict === 'correct')).toEqual([]);
  });

  it('reports a missing file without stopping the others', () => {
    const { code, data } = json('grade', 'no-such-file.yaml', 'submissions/alice.yaml', '--format', 'json');
    expect(code).toBe(1);
    expect(data.submissions[0].error.code).toBe('FILE_UNREADABLE');
    expect(data.submissions[1].error).toBeNull();
  });

  it('is reproducible for a seed, and prints the seed', () => {
    const a = run('grade', 'submissions/', '--format', 'json', '--seed', '99').out;
    expect(run('grade', 'submissions/', '--format', 'json', '--seed', '99').out).toBe(a);
    expect(JSON.parse(a).submissions[0].seed).toBe(99);
    expect(run('grade', 'submissions/alice.yaml').out).toContain('seed 1');
  });

  it('prints plain text without colour when piped', () => {
    const { out } = run('grade', 'submissions/carol-malformed.yaml');
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).toContain('-log(yhat_o\n');
    expect(out).toMatch(/\n\s+\^\n/); // a caret under the syntax error
  });

  it('grades a submission that answers only unknown ids on every set', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'grader-unknown-')), 'z.yaml');
    writeFileSync(file, 'student: z\nanswers:\n  nope/q: "1"\n');
    const s = json('grade', file, '--format', 'json').data.submissions[0];
    expect(s.maxScore).toBe(allQuestions(BANK).reduce((n, q) => n + q.points, 0));
    expect(s.unknownAnswers).toEqual(['nope/q']);
  });

  it('refuses a broken bank with exit 2, listing its problems', () => {
    const { code, err } = run('grade', 'submissions/alice.yaml', '--problems', 'test/fixtures/specs');
    expect(code).toBe(2);
    expect(err).toContain('test/fixtures/specs/semantic.yaml:13:21');
  });
});

describe('try', () => {
  it('prints one question object of the grade shape', () => {
    const { code, data } = json('try', 'cs224n-a2/naive-softmax-grad-vc', 'U * (yhat - y)', '--format', 'json');
    expect(code).toBe(0);
    expect(data).toMatchObject({
      id: 'cs224n-a2/naive-softmax-grad-vc',
      verdict: 'correct',
      score: 2,
      maxScore: 2,
      answer: 'U * (yhat - y)',
      interpreted: 'U * (yhat - y)',
      feedback: [],
    });
  });

  it('explains an invalid answer in text', () => {
    const { code, out } = run('try', 'cs224n-a2/naive-softmax-grad-vc', "U' * (yhat - y)");
    expect(code).toBe(0);
    expect(out).toContain('cannot multiply V x d (7 x 3) by V x 1 (7 x 1)');
  });

  it('takes an answer that starts with a minus sign, options before or after it', () => {
    expect(json('try', 'cs224n-a2/naive-softmax-loss', '-log(yhat_o)', '--format', 'json').data.verdict).toBe('correct');
    expect(json('try', '--seed', '3', 'cs224n-a2/naive-softmax-grad-vc', '-u_o + \\sum_i \\hat y_i u_i', '--format', 'json').data.verdict).toBe('correct');
  });

  it('suggests a near id for an unknown one, with exit 2', () => {
    const { code, err } = run('try', 'cs224n-a2/naive-softmax-grad-v', 'U');
    expect(code).toBe(2);
    expect(err).toContain('cs224n-a2/naive-softmax-grad-vc');
  });
});

describe('list, check, schema, usage', () => {
  it('lists every question as JSON', () => {
    const { code, data } = json('list', '--format', 'json');
    expect(code).toBe(0);
    expect(data.questions).toHaveLength(allQuestions(BANK).length);
    expect(data.questions[0]).toEqual({ id: expect.any(String), title: expect.any(String), points: expect.any(Number) });
  });

  it('check passes on the bank', () => {
    const { code, out } = run('check');
    expect(code).toBe(0);
    expect(out).toContain(`all ${allQuestions(BANK).length} questions proven`);
  });

  it('check fails on a broken bank and lists every problem', () => {
    const { code, data } = json('check', '--problems', 'test/fixtures/specs', '--format', 'json');
    expect(code).toBe(1);
    expect(data.ok).toBe(false);
    expect(data.issues.length).toBeGreaterThanOrEqual(12);
  });

  it('prints the JSON Schema', () => expect(json('schema').data.additionalProperties).toBe(false));

  it.each([
    [['frobnicate']],
    [['grade']],
    [['grade', 'x.yaml', '--seed', 'abc']],
    [['grade', 'x.yaml', '--format', 'xml']],
    [['try', 'only-an-id']],
    [['list', '--bogus']],
  ])('bad usage %j exits 2', (args) => {
    const { code, err } = run(...args);
    expect(code).toBe(2);
    expect(err).toContain('Usage: grader');
  });

  it('prints help', () => expect(run('--help').out).toContain('Usage: grader'));
});
