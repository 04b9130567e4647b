/** What `grader check` tells an author: where a wrong reference stands, the factor, honest counts, forbidden names, the --strict rules. */
import { describe, expect, it } from 'vitest';
import { loadProblemText } from '../../grader/bank/load.js';
import { checkSummary } from '../../grader/cli/commands.js';
import { coverageFindings, strictQuestionFindings } from '../../grader/compare/strict.js';
import { verifyQuestion } from '../../grader/compare/verify.js';
import { message } from '../../grader/report/messages.js';
import { codes, grade, question } from '../helpers.js';

/** A one-question set whose lines are known: `reference:` is line 9, `derivative:` line 8. */
const spec = (reference: string, extra = '') =>
  `set: t
title: T
symbols:
  x: { sample: normal }
questions:
  - id: q
    title: Q
    derivative: { of: "x^2", wrt: x }
    reference: "${reference}"
    prompt: Find the derivative of x^2.
    examples: [{ answer: "2x", verdict: correct }, { answer: "x^3", verdict: incorrect }]
${extra}`;

const load = (text: string) => {
  const { set, issues } = loadProblemText('t.yaml', text);
  expect(issues).toEqual([]);
  return set!.questions[0]!;
};

describe('a wrong reference', () => {
  it.each([
    ['4 * x', '2'],
    ['-2 * x', '-1'],
    ['x', '1/2'],
  ])('%s: points at reference:, names the loss line and the factor %s', (reference, factor) => {
    const check = verifyQuestion(load(spec(reference)), 1);
    const fd = check.issues.find((f) => f.code === 'FD_MISMATCH')!;
    expect(fd.at).toMatchObject({ file: 't.yaml', line: 9 });
    expect(fd.args).toMatchObject({ factor, lossLine: 8 });
    expect(message(fd)).toContain(`factor ${factor}`);
  });

  it('names no factor when the ratio is not constant', () => {
    const fd = verifyQuestion(load(spec('2 * x + 1')), 1).issues.find((f) => f.code === 'FD_MISMATCH')!;
    expect(fd.args.factor).toBeUndefined();
  });
});

describe('the summary of a failed check', () => {
  it.each([
    [[0, 0, 5, 2], '0 of 5 questions failed; 2 warning(s), which fail --strict'],
    [[0, 1, 5, 0], '1 of 5 questions failed'],
    [[1, 0, 4, 0], '1 problem(s) in the files'],
    [[2, 1, 4, 0], '2 problem(s) in the files; 1 of 4 questions built failed'],
    [[1, 0, 0, 0], '1 problem(s) in the files; no question could be built'],
  ])('%j → %s', (args, line) => expect(checkSummary(...(args as [number, number, number, number]))).toBe(line));
});

describe('forbid', () => {
  const q = question(
    'symbols:\n  x: { sample: normal }',
    'reference: "sigma(x) * (1 - sigma(x))"\nforbid:\n  - { name: sigmaprime, reason: "it is the derivative asked for" }',
  );

  it.each([
    ["\\sigma'(x)", 'incorrect', ['FORBIDDEN']],
    ['sigmaprime(x)', 'incorrect', ['FORBIDDEN']],
    ['sigma(x) * (1 - sigma(x))', 'correct', []],
    ['\\sigma(x)(1 - \\sigma(x))', 'correct', []],
  ])('%s → %s', (answer, verdict, found) => {
    const r = grade(q, answer);
    expect(r.verdict).toBe(verdict);
    expect(r.score).toBe(verdict === 'correct' ? 1 : 0);
    expect(codes(r).filter((c) => c === 'FORBIDDEN')).toEqual(found);
  });

  it('says why, in words', () => {
    expect(message(grade(q, 'sigmaprime(x)').feedback.find((f) => f.code === 'FORBIDDEN')!)).toContain('it is the derivative asked for');
  });

  it('refuses a name the question does not know', () => {
    const { issues } = loadProblemText('t.yaml', spec('2 * x', '    forbid: [sgimaprime]\n'));
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_SYMBOL']);
  });
});

describe('--strict rules', () => {
  it('asks for 3 LaTeX examples and a named diagnosis on every incorrect one', () => {
    const found = strictQuestionFindings(load(spec('2 * x')), 1);
    expect(found.map((f) => f.code).sort()).toEqual(['FEW_LATEX_EXAMPLES', 'UNNAMED_MISTAKE']);
    expect(found.find((f) => f.code === 'UNNAMED_MISTAKE')!.at).toMatchObject({ line: 11 });
  });

  it('passes a question that meets them', () => {
    const q = load(
      spec(
        '2 * x',
        `    mistakes: [{ answer: "x^3", feedback: "The power rule brings down the 2." }]
`,
      ).replace(
        'examples: [',
        "examples: [{ answer: '2\\,x', verdict: correct }, { answer: '\\frac{4x}{2}', verdict: correct }, { answer: '\\frac{x}{1}', verdict: incorrect }, ",
      ),
    );
    expect(strictQuestionFindings(q, 1)).toEqual([]);
  });

  it.each([1, 2, 3, 7])('sees a 0/1 label drawn both ways at seed %i (the points enumerate small domains)', (seed) => {
    // The points enumerate small discrete domains: a 0/1 label takes both values even with one sample asked for.
    const label = `symbols:\n  x: { sample: normal }\n  y: { sample: { dist: integer, min: 0, max: 1 } }`;
    expect(coverageFindings(question(label, 'samples: 1\nreference: "y * x"'), seed)).toEqual([]);
  });
});
