/**
 * The quick checks decide as the full evaluation does: a Checker's outcome of every case equals
 * evaluateCases' (wrong, excused or right, or the same error), at every size set; a diagnosis's
 * shared values of an alternative equal computing it afresh, and never serve a case of other values.
 */
import { describe, expect, it } from 'vitest';
import { InputError, sameShape, isVector, transposed } from '../../grader/core/index.js';
import { answerRun, Checker, evaluateCases, EXCUSED, RIGHT, WRONG, type Case } from '../../grader/compare/cases.js';
import { matchesEverywhere, type AlternativeMemo } from '../../grader/compare/alternatives.js';
import { readAndCompile } from '../../grader/compare/read.js';
import { PointCache } from '../../grader/compare/points.js';
import { allQuestions } from '../../grader/bank/load.js';
import type { Question } from '../../grader/bank/types.js';
import * as M from '../../grader/linalg/mat.js';
import { ADVERSARIAL } from '../adversarial/cases.js';
import { BANK } from '../helpers.js';

const points = new PointCache(1);
const questions = allQuestions(BANK);
const rows: [string, string][] = [
  ...questions.flatMap((q) => q.examples.map((e): [string, string] => [q.id, e.answer])),
  ...ADVERSARIAL.map((a): [string, string] => [a.id, a.answer]),
];
const byId = new Map(questions.map((q) => [q.id, q]));

/** The answer compiled at `q` (a size set), when it reads and has the reference's shape (or its transpose). */
function compiled(q: Question, answer: string) {
  try {
    const c = readAndCompile(q, answer).compiled;
    const ref = q.reference.shape;
    return c.zeroLiteral || sameShape(c.shape, ref) || (isVector(ref) && sameShape(c.shape, transposed(ref))) ? c : undefined;
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

const outcome = (c: Case): number => (c.excused ? EXCUSED : c.wrong ? WRONG : RIGHT);
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof InputError) return e.finding.code;
    throw e;
  }
};

describe('quick checks', () => {
  it.each(rows)('%s: %s', (id, answer) => {
    const q = byId.get(id)!;
    for (const at of [q, ...q.others]) {
      const c = compiled(at, answer);
      if (!c) continue;
      const pts = points.get(at);
      let full: Case[] | undefined;
      const fullError = codeOf(() => (full = evaluateCases(at, answerRun(at, c), pts)));
      const checker = new Checker(at, answerRun(at, c, true));
      const quick: number[] = [];
      const quickError = codeOf(() => pts.forEach((p) => p.envs.forEach((_, e) => quick.push(checker.check(p, e)))));
      expect(quickError).toBe(fullError);
      if (full) expect(quick).toEqual(full.map(outcome));
    }
  });
});

describe('shared values of an alternative', () => {
  const wrong = rows.flatMap(([id, answer]) => {
    const q = byId.get(id)!;
    const c = compiled(q, answer);
    if (!c || q.mistakes.length === 0) return [];
    try {
      const cases = evaluateCases(q, answerRun(q, c), points.get(q)).filter((k) => !k.excused);
      return cases.some((k) => k.wrong) ? [{ q, answer, cases }] : [];
    } catch {
      return [];
    }
  });

  it('covers wrong answers of questions with mistakes', () => expect(wrong.length).toBeGreaterThan(20));

  it.each(wrong.map((w) => [w.q.id, w.answer, w] as const))('%s: %s', (_id, _answer, { q, cases }) => {
    for (const m of q.mistakes) {
      const f = (k: Case) => m.compiled.run(k.env.slice());
      const memo: AlternativeMemo = new WeakMap();
      const fresh = matchesEverywhere(q, cases, f);
      expect(matchesEverywhere(q, cases, f, memo)).toBe(fresh); // measured and kept
      expect(matchesEverywhere(q, cases, f, memo)).toBe(fresh); // read back
      // Cases at the same points with other expected values (a step's) are measured afresh.
      const moved = cases.map((k) => ({ ...k, expected: M.map(k.expected, (x) => x * 2) }));
      const movedFresh = matchesEverywhere(q, moved, (k) => M.map(m.compiled.run(k.env.slice()), (x) => x * 2));
      expect(matchesEverywhere(q, moved, (k) => M.map(m.compiled.run(k.env.slice()), (x) => x * 2), memo)).toBe(movedFresh);
    }
  });

  it('a memo answers only for the environment it was measured at', () => {
    // An answer its first mistake does not explain: the memo then holds a value unlike the answer's.
    const { q, cases } = wrong.find((w) => !matchesEverywhere(w.q, w.cases, (k) => w.q.mistakes[0]!.compiled.run(k.env.slice())))!;
    const memo: AlternativeMemo = new WeakMap();
    const m = q.mistakes[0]!;
    expect(matchesEverywhere(q, cases, (k) => m.compiled.run(k.env.slice()), memo)).toBe(false);
    // The answer itself as the alternative, at the same expected values but other environments: it matches everywhere.
    const swapped = cases.map((k, i) => ({ ...k, env: cases[(i + 1) % cases.length]!.env }));
    expect(matchesEverywhere(q, swapped, (k) => swapped.find((s) => s.env === k.env)!.got, memo)).toBe(true);
  });
});
