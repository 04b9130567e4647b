/** The shipped bank: every contract id exists, every reference is proven, every example holds. */
import { describe, expect, it } from 'vitest';
import { PointCache } from '../grader/compare/points.js';
import { gradeAnswer } from '../grader/compare/grade.js';
import { verifyQuestion } from '../grader/compare/verify.js';
import { allQuestions } from '../grader/bank/load.js';
import { BANK } from './helpers.js';

/** The public ids of ../shared/problem-bank.md: tools outside the project grade against them. */
const CONTRACT_IDS = [
  'cs224n-a2/naive-softmax-loss',
  'cs224n-a2/naive-softmax-grad-vc',
  'cs224n-a2/naive-softmax-grad-uw',
  'cs224n-a2/naive-softmax-grad-U',
  'cs224n-a2/sigmoid-derivative',
  'cs224n-a2/neg-sampling-grad-vc',
  'cs224n-a2/neg-sampling-grad-uo',
  'cs224n-a2/neg-sampling-grad-uk',
  'cs224n-a2/skipgram-grad-U',
  'cs224n-a2/skipgram-grad-vc',
  'cs224n-a2/skipgram-grad-vw',
  'cs224d-a1/softmax-invariance',
  'cs224d-a1/sigmoid-grad',
  'cs224d-a1/softmax-ce-grad',
  'cs224d-a1/softmax-ce-grad-j',
  'cs224d-a1/nn-grad-x',
  'cs224d-a1/nn-param-count',
  'cs224d-a1/w2v-softmax-grad-r',
  'cs224d-a1/w2v-softmax-grad-w',
  'cs224d-a1/w2v-negsample-grad-r',
  'cs224d-a1/w2v-negsample-grad-w',
];

const questions = allQuestions(BANK);

describe('the bank', () => {
  it('loads without issues', () => expect(BANK.issues).toEqual([]));

  it('has exactly the contract ids, in the files the contract names', () => {
    expect(questions.map((q) => q.id).sort()).toEqual([...CONTRACT_IDS].sort());
    expect(BANK.sets.map((s) => [s.set, s.file])).toEqual([
      ['cs224d-a1', 'problems/cs224d-a1.yaml'],
      ['cs224n-a2', 'problems/cs224n-a2-word2vec.yaml'],
    ]);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s is proven at several seeds', (_, q) => {
    for (const seed of [1, 2, 3]) expect(verifyQuestion(q, seed).issues).toEqual([]);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s has examples that must pass and must fail, in both notations', (_, q) => {
    expect(q.examples.some((e) => e.verdict === 'correct')).toBe(true);
    expect(q.examples.some((e) => e.verdict !== 'correct')).toBe(true);
    const latex = q.examples.filter((e) => /[\\$]/.test(e.answer));
    expect(latex.filter((e) => e.verdict === 'correct').length).toBeGreaterThanOrEqual(1);
    expect(latex.length).toBeGreaterThanOrEqual(3);
  });
});

describe('every example answer gets its verdict', () => {
  const points = new PointCache(1);
  const rows = questions.flatMap((q) => q.examples.map((e) => [q.id, e.answer, e.verdict, q] as const));
  it.each(rows)('%s: %s → %s', (_, answer, verdict, q) => expect(gradeAnswer(q, answer, points).verdict).toBe(verdict));
});

/** Codes that say how an answer was read or that it is wrong, without saying what the mistake is. */
const NOT_A_DIAGNOSIS = new Set(['VALUE_MISMATCH', 'ORIENTATION_FORGIVEN', 'READ_AS_ELEMENTWISE', 'READ_AS_PRODUCT', 'READ_AS_DOT', 'QUALIFIER_IGNORED', 'LHS_IGNORED']);

describe('every typical mistake in the bank is named', () => {
  const points = new PointCache(1);
  const rows = questions.flatMap((q) => q.examples.filter((e) => e.verdict === 'incorrect').map((e) => [q.id, e.answer, q] as const));
  it.each(rows)('%s: %s', (_, answer, q) => {
    const codes = gradeAnswer(q, answer, points).feedback.map((f) => f.code);
    expect(codes.filter((c) => !NOT_A_DIAGNOSIS.has(c)), codes.join(',')).not.toEqual([]);
  });
});
