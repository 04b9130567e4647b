/**
 * Grading one write-up of 11 questions and ~100 steps (derivative sides among them), from the
 * reading on: `npx tsx bench/document.ts`. Prints the median of repeated runs, cold and warm.
 */
import { PointCache } from '../grader/compare/points.js';
import { gradeDocument } from '../grader/compare/document.js';
import { loadBank } from '../grader/bank/load.js';
import type { LocatedAnswer, LocatedDocument } from '../grader/document/types.js';

const bank = loadBank('problems');
const questions = bank.sets.find((s) => s.set === 'cs224n-a2')!.questions;
const chain = [
  '\\frac{\\partial J}{\\partial v_c}',
  '\\frac{\\partial}{\\partial v_c}\\left(-u_o^T v_c + \\log \\sum_w \\exp(u_w^T v_c)\\right)',
  '-u_o + \\sum_w \\hat y_w u_w',
  'U\\hat y - u_o',
  'U(\\hat y - y)',
  'U(y - \\hat y)',
  '-U(y - \\hat y)',
  '\\sum_w (\\hat y_w - y_w) u_w',
  'U(\\hat y - y)',
];
const answers = new Map<string, LocatedAnswer>(
  questions.map((q, k) => {
    const steps = chain.map((latex, i) => ({ latex, expanded: latex, line: 10 * k + i + 1, chain: 0 }));
    const final = chain[chain.length - 1]!;
    return [q.id, { id: q.id, final, finalExpanded: final, notes: [], parts: [{ label: `(${k})`, line: 10 * k + 9, final, finalExpanded: final, steps }] }];
  }),
);
const doc: LocatedDocument = {
  file: 'bench.md',
  format: 'markdown',
  set: 'cs224n-a2',
  setReason: 'option',
  student: 'b',
  answers,
  definitions: [{ latex: '\\theta = U^T v_c', line: 1, name: '\\theta', value: 'U^T v_c' }],
  notes: [],
};
const steps = [...answers.values()].reduce((n, a) => n + a.parts[0]!.steps.length, 0);
const time = (points: PointCache): number => {
  const t0 = performance.now();
  gradeDocument(questions, doc, points);
  return performance.now() - t0;
};
const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cold = median(Array.from({ length: 5 }, (_, i) => time(new PointCache(100 + i))));
const shared = new PointCache(1);
time(shared);
const warm = median(Array.from({ length: 5 }, () => time(shared)));
console.log(
  `${questions.length} questions, ${steps} steps: ${cold.toFixed(0)} ms with the points drawn, ${warm.toFixed(0)} ms with them drawn already (median of 5)`,
);
