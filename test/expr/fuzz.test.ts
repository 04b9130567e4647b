/**
 * Seeded random input, built from the pieces students type: whatever comes out, it is a verdict
 * with a reason, never a crash (any error but InputError) and never a hang.
 */
import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeAnswer } from '../../grader/compare/grade.js';
import { createRng } from '../../grader/sample/rng.js';
import { allQuestions } from '../../grader/bank/load.js';
import { BANK } from '../helpers.js';

const PIECES = [
  '\\hat',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '\\left(',
  '\\right)',
  '_',
  '^',
  "'",
  '\\sum',
  '_{k=1}^{K}',
  '\\frac',
  '\\sigma',
  '\\begin{cases}',
  '\\end{cases}',
  '&',
  '\\\\',
  ',',
  '=',
  '\\neq',
  'U',
  'y',
  'v_c',
  'u',
  'o',
  'w',
  'k',
  '\\top',
  'T',
  '+',
  '-',
  '*',
  '/',
  '\\cdot',
  '\\odot',
  '2',
  '0.5',
  '1e309',
  ' ',
  '$',
  '\\text{if }',
  '\\mathbf',
  '\\log',
  'e',
  'sum(',
  'onehot(',
  'zeros(',
  '1e9',
  ':',
  '.*',
  '?',
  '==',
  'where',
  '\\quad',
  '\\,',
  '|',
  '\\',
  'x',
];

describe('fuzzed answers', () => {
  const questions = allQuestions(BANK);
  const points = new PointCache(1);
  const rng = createRng(2026, 'fuzz');
  it('always get a verdict', () => {
    for (let n = 0; n < Number(process.env.FUZZ_RUNS ?? 3000); n++) {
      const q = questions[Math.floor(rng.next() * questions.length)]!;
      const len = 1 + Math.floor(rng.next() * 14);
      const text = Array.from({ length: len }, () => PIECES[Math.floor(rng.next() * PIECES.length)]).join(rng.next() < 0.5 ? '' : ' ');
      let verdict: string;
      try {
        verdict = gradeAnswer(q, text, points.get(q)).verdict;
      } catch (e) {
        throw new Error(`crashed on ${JSON.stringify(text)} for ${q.id}: ${(e as Error).stack}`, { cause: e });
      }
      expect(['correct', 'incorrect', 'invalid', 'unanswered']).toContain(verdict);
    }
  }, 300_000); // a hang fails here; speed is the benchmark's business
});
