/** What students trip on: YAML quoting, a missing student id, ids without their set, stdin, seeing a question. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { PointCache } from '../../grader/compare/points.js';
import { message } from '../../grader/report/messages.js';
import { eatenBackslash, parseSubmission } from '../../grader/submission/load.js';
import { shownQuestion, renderShown } from '../../grader/cli/show.js';
import { allQuestions } from '../../grader/bank/load.js';
import { BANK, cli } from '../helpers.js';

const HINT = 'a backslash was eaten by YAML double quotes: use single quotes or a `|` block';
const sub = (body: string, file = 'sub.yaml') => parseSubmission(file, body);

describe('YAML quoting traps', () => {
  it.each([
    ['"\\theta"', '\\theta'],
    ['"\\top"', '\\top'],
    ['"\\frac{1}{2}"', '\\frac'],
    ['"\\beta x"', '\\beta'],
    ['"\\alpha"', '\\alpha'],
    ['"\\rho"', '\\rho'],
    ['"\\nabla f"', '\\nabla'],
    ['"\\vec{v}"', '\\vec'],
    ['"x \\neq y"', '\\neq'],
  ])('%s: the control character is named as the command it was, with its position and the fix', (quoted, command) => {
    const loaded = sub(`student: s\nanswers:\n  q/a: ${quoted}\n`);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toMatchObject({ code: 'BACKSLASH_EATEN', args: { command }, at: { line: 3, col: 8 } });
    expect(message(loaded.error)).toContain(HINT);
  });

  it.each([["'\\theta'"], ['|\n    \\frac{a}{b}\n    + \\theta'], ['"U (yhat - y)"'], ["'a\\nb'"]])('%s reads as written', (value) => {
    const loaded = sub(`student: s\nanswers:\n  q/a: ${value}\n`);
    expect(loaded.ok).toBe(true);
  });

  it('finds the command in a text: a tab then letters, a line break only before the usual n-commands', () => {
    expect(eatenBackslash('\theta')).toEqual({ command: '\\theta', offset: 0 });
    expect(eatenBackslash('a\nb')).toBeUndefined();
    expect(eatenBackslash('x\neq y')).toEqual({ command: '\\neq', offset: 1 });
  });

  it('an invalid escape ("\\hat y") fails with its position and the hint', () => {
    const loaded = sub('student: s\nanswers:\n  q/a: "\\hat y"\n');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toMatchObject({ code: 'YAML_BAD_ESCAPE', at: { line: 3, col: expect.any(Number) } });
    expect(message(loaded.error)).toContain(HINT);
  });

  it('a bare colon in an answer says to quote it', () => {
    const loaded = sub('student: s\nanswers:\n  q/a: f: x -> y\n');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toMatchObject({ code: 'YAML_UNQUOTED_COLON', at: { line: 3 } });
    expect(message(loaded.error)).toMatch(/must be quoted: put it in single quotes/);
  });

  it('never exits 0 on an eaten backslash', () => {
    const r = spawnSync(process.execPath, ['bin/grader.mjs', 'grade', '-'], {
      input: 'student: s\nanswers:\n  cs224n-a2/naive-softmax-grad-vc: "\\theta"\n',
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(HINT);
  });
});

describe('missing student, ids without their set', () => {
  const points = new PointCache(1);

  it('takes the student id from the file name, and says so', () => {
    const loaded = sub("answers:\n  cs224n-a2/sigmoid-derivative: 'sigma(x) * (1 - sigma(x))'\n", 'subs/alice-smith.yaml');
    expect(loaded.ok && loaded.submission.student).toBe('alice-smith');
    const report = gradeSubmission(BANK, loaded, points);
    expect(report.score).toBeGreaterThan(0);
    expect(report.warnings?.map((w) => w.code)).toEqual(['STUDENT_FROM_FILE']);
  });

  it.each([
    ['a unique name, with a warning', "student: s\nanswers:\n  naive-softmax-grad-vc: 'U (yhat - y)'\n", ['QUESTION_ID_RESOLVED']],
    ['the set: key, silently', "student: s\nset: cs224n-a2\nanswers:\n  naive-softmax-grad-vc: 'U (yhat - y)'\n", []],
  ])('resolves an unprefixed id by %s', (_, text, warnings) => {
    const report = gradeSubmission(BANK, sub(text), points);
    expect(report.questions.find((q) => q.id === 'cs224n-a2/naive-softmax-grad-vc')?.verdict).toBe('correct');
    expect((report.warnings ?? []).map((w) => w.code)).toEqual(warnings);
    expect(report.unknownAnswers).toBeUndefined();
  });

  it('leaves an id that matches nothing unknown, suggesting the ids of that name', () => {
    const report = gradeSubmission(BANK, sub("student: s\nanswers:\n  cs999/naive-softmax-grad-vc: 'U'\n"), points);
    expect(report.unknownAnswers).toEqual(['cs999/naive-softmax-grad-vc']);
    expect(report.warnings?.[0]?.args.suggestions).toEqual(['cs224n-a2/naive-softmax-grad-vc']);
  });
});

describe('grade - (standard input)', () => {
  it('reads the submission once and grades it', () => {
    const r = spawnSync(process.execPath, ['bin/grader.mjs', 'grade', '-', '--format', 'json'], {
      input: "student: s\nanswers:\n  cs224n-a2/naive-softmax-grad-vc: 'U (yhat - y)'\n",
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout).submissions[0];
    expect(s).toMatchObject({ file: '-', student: 's', error: null });
    expect(s.questions.find((q: { id: string }) => q.id === 'cs224n-a2/naive-softmax-grad-vc').verdict).toBe('correct');
  });
});

describe('grader show', () => {
  const questions = allQuestions(BANK);

  it.each(questions.map((q) => [q.id, q] as const))('%s: prompt, symbols, notation and format, never the reference or examples', (_, q) => {
    const text = renderShown(shownQuestion(q));
    expect(text).toContain(q.prompt.trim().split('\n')[0]);
    for (const s of q.model.slots) expect(text).toMatch(new RegExp(`^  ${s.name.replace(/[$^]/g, '\\$&')} `, 'm'));
    expect(text).toContain(`${q.id}: '<your answer>'`);
    expect(text).not.toContain(q.referenceText);
    for (const e of q.examples.filter((x) => x.verdict === 'correct' && x.answer.length > 6)) expect(text).not.toContain(e.answer);
  });

  it('prints JSON, and suggests the full id for a name without its set', () => {
    const r = cli('show', 'cs224n-a2/naive-softmax-grad-vc', '--format', 'json');
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data).toMatchObject({ id: 'cs224n-a2/naive-softmax-grad-vc', answer: { quantity: 'dJ/dv_c', shape: '3 x 1', shapeName: 'd x 1' } });
    expect(data.symbols).toContainEqual(expect.objectContaining({ name: 'U', shape: '3 x 7', shapeName: 'd x V', kind: 'drawn' }));
    const wrong = cli('show', 'naive-softmax-grad-vc');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('did you mean cs224n-a2/naive-softmax-grad-vc?');
  });
});
