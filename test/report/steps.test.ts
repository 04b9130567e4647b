/** A write-up's derivation in every report: step wording for a step's jump, and steps on Gradescope. */
import { describe, expect, it } from 'vitest';
import { finding, type Finding, type QuestionReport, type SubmissionReport } from '../../grader/core/index.js';
import { gradescopeResults } from '../../grader/report/gradescope.js';
import { jsonQuestion } from '../../grader/report/json.js';
import { message, stepMessage } from '../../grader/report/messages.js';
import { stepLines } from '../../grader/report/steps.js';

const writeup = (stepFeedback: Finding[], firstWrongStep: number | null = 2): QuestionReport => ({
  id: 'cs224n-a2/naive-softmax-grad-vc',
  verdict: 'correct',
  score: 2,
  maxScore: 2,
  answer: 'U(\\hat{y} - y)',
  interpreted: 'U * (yhat - y)',
  feedback: [],
  located: { line: 16, label: '### (b)' },
  steps: [
    { latex: '\\frac{\\partial J}{\\partial v_c}', line: 13, chain: 0, check: 'start' },
    { latex: '-u_o + \\sum_{w} \\hat{y}_w u_w', line: 14, chain: 0, check: 'equal' },
    { latex: 'u_o - \\sum_{w} \\hat{y}_w u_w', line: 15, chain: 0, check: firstWrongStep === null ? 'equal' : 'differs' },
  ],
  firstWrongStep,
  definitions: [],
  ...(stepFeedback.length ? { stepFeedback } : {}),
});
const submission = (q: QuestionReport): SubmissionReport => ({
  file: 'frank.md',
  student: 'frank',
  score: q.score,
  maxScore: q.maxScore,
  seed: 1,
  error: null,
  questions: [q],
});
const flipped = [finding('STEP_DIFFERS', { from: 14, to: 15 }), finding('SIGN_FLIPPED')];
const marks = { start: ' ', equal: '✓', differs: '✗', unchecked: '?', dim: (s: string) => s };

describe('step wording', () => {
  it.each([
    [finding('SIGN_FLIPPED'), 'the sign is flipped: this side is the negative of the previous one'],
    [finding('ZERO_ANSWER'), 'this side is zero everywhere, and the side before it is not'],
    [finding('TRANSPOSED'), 'this side is the transpose of the previous one'],
    [finding('CONSTANT_FACTOR', { factor: '2' }), 'this side is 2 times the previous one: check the constant factor'],
    [finding('CONSTANT_TERM', { term: '1' }), 'this side differs from the previous one by a constant 1'],
    [finding('MISSING_TERM', { term: 'u_o' }), 'a term of the previous side is missing: u_o'],
    [finding('EXTRA_TERM', { term: 'u_o' }), 'the term u_o appears once too often on this side'],
    [finding('DEPENDS_ON_EXTRA', { symbols: ['x', 'y'] }), 'this side depends on `x`, `y`, which the previous one does not'],
    [finding('MISSING_DEPENDENCY', { symbols: ['x'] }), 'this side does not depend on `x`, which the previous one does'],
    [finding('VALUE_MISMATCH', { wrong: 3, total: 8 }), 'this side differs from the previous one at 3 of 8 sample points'],
    [finding('NOT_FINITE', { count: 2 }), 'this side is undefined (NaN or infinite) in 2 case(s) where the previous one is defined'],
    // Words that already fit a step are shared with the answer's.
    [finding('TERM_SIGN', { term: '-u_o' }), 'the term -u_o has the wrong sign'],
  ])('%j', (f, words) => {
    expect(stepMessage(f)).toBe(words);
    expect(stepMessage(f)).not.toMatch(/your answer|expected/);
  });

  it('is used for the jump in the terminal text and the JSON, not the answer wording', () => {
    const q = writeup(flipped);
    const text = stepLines(q, marks).join('\n');
    expect(text).toContain('this side is the negative of the previous one');
    expect(text).not.toContain(message(finding('SIGN_FLIPPED')));
    expect(jsonQuestion(q).stepFeedback!.map((f) => f.message)).toEqual([
      'line 15 is not equal to the side before it (line 14)',
      'the sign is flipped: this side is the negative of the previous one',
    ]);
  });
});

describe('steps on Gradescope', () => {
  it("puts the first wrong step, both sides and the jump in the question's output, as feedback only", () => {
    const out = gradescopeResults(submission(writeup(flipped))).tests[0]!;
    expect(out.score).toBe(2);
    expect(out.output).toContain('**derivation** (feedback only: the steps do not change the score), found at line 16');
    expect(out.output).toContain('first wrong step: line 15');
    expect(out.output).toContain('- before (line 14): `-u_o + \\sum_{w} \\hat{y}_w u_w`');
    expect(out.output).toContain('- after (line 15): `u_o - \\sum_{w} \\hat{y}_w u_w`');
    expect(out.output).toContain('- line 15 is not equal to the side before it (line 14)');
    expect(out.output).toContain('- the sign is flipped: this side is the negative of the previous one');
  });

  it('says how many sides were checked when every one follows', () => {
    expect(gradescopeResults(submission(writeup([], null))).tests[0]!.output).toContain('2 of 3 sides checked, each equal to the side before it.');
  });

  it('adds nothing for a YAML answer', () => {
    const { located: _l, steps: _s, firstWrongStep: _w, definitions: _d, ...yaml } = writeup([], null);
    expect(gradescopeResults(submission(yaml)).tests[0]!.output).not.toContain('derivation');
  });
});

describe('answers echoed on Gradescope', () => {
  it.each([
    ['U', 'answer: `U`'],
    ['{'.repeat(10_000), `answer: \`${'{'.repeat(300)}\`… (10000 characters)`],
  ])('%#', (answer, line) => {
    const q: QuestionReport = { id: 'cs224n-a2/naive-softmax-loss', verdict: 'invalid', score: 0, maxScore: 1, answer, interpreted: null, feedback: [] };
    const out = gradescopeResults(submission(q)).tests[0]!.output;
    expect(out.split('\n')).toContain(line);
    expect(out.length).toBeLessThan(1000);
  });
});
