/** The pieces of the Gradescope entry: Markdown quoting, which upload is graded, who the student is, visibility. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickUpload, readStudent } from '../grader/cli/gradescope.js';
import { PointCache } from '../grader/compare/points.js';
import { gradeSubmission } from '../grader/compare/submission.js';
import { gradescopeResults, mdCode } from '../grader/report/gradescope.js';
import { parseSubmission } from '../grader/submission/load.js';
import { BANK } from './helpers.js';

describe('Markdown code spans of student text', () => {
  it.each([
    ['U * v', '`U * v`'],
    ['a `b` c', '``a `b` c``'],
    ['`x`', '`` `x` ``'],
    ['a ``` b', '````a ``` b````'],
  ])('%j → %s', (text, md) => expect(mdCode(text)).toBe(md));
});

describe('the upload to grade', () => {
  it.each([
    [['s/notes.md', 's/answers.yaml'], 's/answers.yaml'],
    [['s/hw.tex'], 's/hw.tex'],
    [['s/a.yaml', 's/hw.tex'], 's/a.yaml'],
    [['s/a.yaml', 's/b.yaml', 's/hw.tex'], 's/hw.tex'],
    [['s/a.yaml', 's/b.yaml'], undefined],
    [[], undefined],
  ])('%j → %s', (files, chosen) => expect(pickUpload(files)).toBe(chosen));
});

describe('submission_metadata.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-meta-'));
  it.each([
    ['{"users":[{"name":"Ann","email":"a@x.edu","sid":1234,"id":5}]}', { name: 'Ann', email: 'a@x.edu', sid: '1234' }],
    ['{"users":[]}', undefined],
    ['{"users":[{"name":["x"]}]}', {}],
    ['not json', undefined],
  ])('%s', (text, student) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, text);
    expect(readStudent(file)).toEqual(student);
  });
  it('is optional', () => expect(readStudent(join(dir, 'missing.json'))).toBeUndefined());
});

describe('visibility', () => {
  const s = gradeSubmission(BANK, parseSubmission('ann.yaml', 'student: ann\nanswers:\n  cs224n-a2/naive-softmax-loss: "-log(yhat_o)"\n'), new PointCache(1));
  it("is the assignment's unless the question sets its own", () => {
    const questions = new Map([['cs224n-a2/naive-softmax-loss', { title: 'Loss', visibility: 'visible' as const, tags: ['warm-up'] }]]);
    const r = gradescopeResults(s, { visibility: 'after_due_date', questions });
    expect(r.visibility).toBe('after_due_date');
    expect(r.tests[0]).toMatchObject({ name: 'Loss (cs224n-a2/naive-softmax-loss)', visibility: 'visible', tags: ['cs224n-a2', 'correct', 'warm-up'] });
    expect(r.tests.slice(1).every((t) => t.visibility === 'after_due_date')).toBe(true);
  });
});

describe('feedback in Markdown', () => {
  it("keeps the messages' code spans and escapes the rest", () => {
    const s = gradeSubmission(
      BANK,
      parseSubmission('bo.yaml', 'student: bo\nanswers:\n  cs224n-a2/naive-softmax-grad-vc: "U * (y_hat - y)"\n'),
      new PointCache(1),
    );
    const out = gradescopeResults(s).tests.find((t) => t.name.endsWith('naive-softmax-grad-vc'))!.output;
    expect(out).toMatch(/`y_hat`|`hat`/);
    expect(out).not.toMatch(/`[^`]*\\_[^`]*`/);
  });
});
