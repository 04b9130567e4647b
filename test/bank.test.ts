/**
 * The bank in problems/, whatever it holds: every reference is proven and every example holds.
 * One contract test pins the public ids of the two bundled sets; a set added to problems/
 * needs no change here.
 */
import { describe, expect, it } from 'vitest';
import { PointCache } from '../grader/compare/points.js';
import { gradeAnswer } from '../grader/compare/grade.js';
import { verifyQuestion } from '../grader/compare/verify.js';
import { allQuestions } from '../grader/bank/load.js';
import { NOT_A_DIAGNOSIS, strictQuestionFindings } from '../grader/compare/strict.js';
import { BANK } from './helpers.js';
import { BUNDLED_SETS, CONTRACT_IDS } from './contract.js';

const questions = allQuestions(BANK);

describe('the bank', () => {
  it('loads without issues', () => expect(BANK.issues).toEqual([]));

  it('holds the contract ids of the bundled sets, in the files the contract names', () => {
    const bundled = questions.filter((q) => BUNDLED_SETS.has(q.set));
    expect(bundled.map((q) => q.id).sort()).toEqual([...CONTRACT_IDS].sort());
    expect(BANK.sets.filter((s) => BUNDLED_SETS.has(s.set)).map((s) => [s.set, s.file])).toEqual([
      ['cs224d-a1', 'problems/cs224d-a1.yaml'],
      ['cs224n-a2', 'problems/cs224n-a2-word2vec.yaml'],
    ]);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s is proven at several seeds', (_, q) => {
    for (const seed of [1, 2, 3]) expect(verifyQuestion(q, seed).issues).toEqual([]);
  });

  it.each(questions.map((q) => [q.id, q] as const))('%s has examples that must pass and must fail', (_, q) => {
    expect(q.examples.some((e) => e.verdict === 'correct')).toBe(true);
    expect(q.examples.some((e) => e.verdict !== 'correct')).toBe(true);
  });

  // The bundled sets meet `check --strict` (3 LaTeX examples, a named diagnosis for every incorrect one, ...).
  it.each(questions.filter((q) => BUNDLED_SETS.has(q.set)).map((q) => [q.id, q] as const))('%s passes the --strict rules', (_, q) => {
    expect(strictQuestionFindings(q, 1)).toEqual([]);
  });
});

describe('every example answer gets its verdict', () => {
  const points = new PointCache(1);
  const rows = questions.flatMap((q) => q.examples.map((e) => [q.id, e.answer, e.verdict, q] as const));
  it.each(rows)('%s: %s → %s', (_, answer, verdict, q) => expect(gradeAnswer(q, answer, points).verdict).toBe(verdict));
});

describe('every typical mistake in the bank is named', () => {
  const points = new PointCache(1);
  const rows = questions
    .filter((q) => BUNDLED_SETS.has(q.set))
    .flatMap((q) => q.examples.filter((e) => e.verdict === 'incorrect').map((e) => [q.id, e.answer, q] as const));
  it.each(rows)('%s: %s', (_, answer, q) => {
    const codes = gradeAnswer(q, answer, points).feedback.map((f) => f.code);
    expect(
      codes.filter((c) => !NOT_A_DIAGNOSIS.has(c)),
      codes.join(','),
    ).not.toEqual([]);
  });
});
