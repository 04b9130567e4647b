/**
 * Names the mistake in a wrong answer, numerically: an authored mistake, a flipped sign, a
 * constant factor or term, a case of the free index, a missing or extra term, a symbol used
 * or left out. Each diagnosis is a finding (a code with arguments); the first that fits wins,
 * except that the index and dependency findings add to it.
 */
import { finding, type Finding } from '../core/index.js';
import * as M from '../linalg/mat.js';
import * as meter from '../linalg/meter.js';
import type { Question } from '../bank/types.js';
import type { Compiled } from '../expr/index.js';
import { matchesEverywhere, type AlternativeMemo } from './alternatives.js';
import type { Case } from './cases.js';
import { dependencyFindings } from './dependencies.js';

export interface Diagnosis {
  readonly findings: Finding[];
  /** Partial credit (a fraction of the points) from an authored mistake. */
  readonly credit: number;
}

/** A number as students read it: 2, -1/2, 0.3183. */
export function nice(x: number): string {
  for (let d = 1; d <= 12; d++) {
    const n = Math.round(x * d);
    if (Math.abs(x - n / d) <= 1e-9 * Math.max(1, Math.abs(x))) return d === 1 ? String(n) : `${n}/${d}`;
  }
  return x.toPrecision(4);
}

const isZero = (cases: readonly Case[], f: (c: Case) => M.Mat): boolean => cases.every((c) => f(c).data.every((x) => Math.abs(x) < 1e-12));

/** f of the reference's value, written into one buffer (matchesEverywhere reads each at once). */
const ofExpected = (q: Question, f: (x: number) => number): ((c: Case) => M.Mat) => {
  const out = M.zeros(q.reference.shape.rows, q.reference.shape.cols);
  return (c) => M.map(c.expected, f, out);
};

/** A compiled expression of the question at each case, in one environment refilled (its bound variables past the sampled slots are its own). */
const atCase = (c: Compiled): ((k: Case) => M.Mat) => {
  const run = c.shared ?? c.run;
  const env: M.Mat[] = [];
  return (k) => {
    for (let i = 0; i < k.env.length; i++) env[i] = k.env[i]!;
    return run(env);
  };
};

const memos = new WeakMap<object, Map<number, AlternativeMemo>>();

/** The values of a mistake, or of the expected value with a term added `k` times: they read the case, not the answer. */
function memoOf(of: object, k = 0): AlternativeMemo {
  let byK = memos.get(of);
  if (!byK) memos.set(of, (byK = new Map<number, AlternativeMemo>()));
  let memo = byK.get(k);
  if (!memo) byK.set(k, (memo = new WeakMap()));
  return memo;
}

function scalarChecks(q: Question, cases: readonly Case[]): Finding | undefined {
  if (isZero(cases, (c) => c.got) && !isZero(cases, (c) => c.expected)) return finding('ZERO_ANSWER');
  const negated = ofExpected(q, (x) => -x);
  if (matchesEverywhere(q, cases, negated)) return finding('SIGN_FLIPPED');
  // dotData sums the same products in the same order as sumAll(hadamard(a, b)), with no array made.
  const first = cases.find((c) => M.dotData(c.expected, c.expected) > 1e-12);
  if (first) {
    const k = M.dotData(first.got, first.expected) / M.dotData(first.expected, first.expected);
    const scaled = ofExpected(q, (x) => k * x);
    if (Math.abs(k - 1) > 1e-6 && matchesEverywhere(q, cases, scaled)) return finding('CONSTANT_FACTOR', { factor: nice(k) });
  }
  const t = cases[0]!.got.data[0]! - cases[0]!.expected.data[0]!;
  const shifted = ofExpected(q, (x) => meter.add(x, t));
  if (Math.abs(t) > 1e-9 && matchesEverywhere(q, cases, shifted)) return finding('CONSTANT_TERM', { term: nice(t) });
  return undefined;
}

function termChecks(q: Question, cases: readonly Case[]): Finding | undefined {
  for (const term of q.terms) {
    const value = atCase(term.compiled);
    const shifted = (k: number) => (c: Case) => {
      const [a, b] = [c.expected, M.map(value(c), (x) => k * x)];
      const r = M.add(a, b);
      meter.noteAll(a, b, r, 1); // the shifted reference loses what this sum cancels
      return r;
    };
    if (matchesEverywhere(q, cases, shifted(-1), memoOf(term, -1))) return finding('MISSING_TERM', { term: term.name });
    if (matchesEverywhere(q, cases, shifted(-2), memoOf(term, -2))) return finding('TERM_SIGN', { term: term.name });
    if (matchesEverywhere(q, cases, shifted(1), memoOf(term, 1))) return finding('EXTRA_TERM', { term: term.name });
  }
  return undefined;
}

/** "Right for w != o, wrong for w = o": the wrong cases are those where the free index equals another index. */
function indexChecks(q: Question, cases: readonly Case[]): Finding | undefined {
  if (!q.free || cases.every((c) => c.wrong)) return undefined;
  const others = q.model.slots.flatMap((s, slot) => (s.dist?.kind === 'integer' && s.shape.rows * s.shape.cols === 1 ? [{ name: s.name, slot }] : []));
  for (const { name, slot } of others) {
    const equal = (c: Case) => c.free === c.env[slot]!.data[0];
    if (cases.every((c) => c.wrong === equal(c))) return finding('WRONG_WHEN_EQUAL', { index: q.free.name, other: name });
    if (cases.every((c) => c.wrong === !equal(c))) return finding('WRONG_WHEN_NOT_EQUAL', { index: q.free.name, other: name });
  }
  const wrong = cases.filter((c) => c.wrong).length;
  return finding('WRONG_FOR_SOME_INDEX', { index: q.free.name, wrong, total: cases.length });
}

export function diagnose(q: Question, all: readonly Case[], run: (env: M.Mat[]) => M.Mat): Diagnosis {
  // Cases excused for the answer's own overflow say nothing about which mistake it is.
  const cases = all.filter((c) => !c.excused);
  for (const m of q.mistakes)
    if (matchesEverywhere(q, cases, atCase(m.compiled), memoOf(m)))
      return { findings: [finding('KNOWN_MISTAKE', { feedback: m.feedback, credit: m.credit })], credit: m.credit };
  const found = indexChecks(q, cases) ?? scalarChecks(q, cases) ?? termChecks(q, cases);
  const findings = found ? [found] : [];
  // Dependencies are judged by change; an answer undefined somewhere changes nothing reliably.
  const defined = cases.every((c) => M.allFinite(c.got));
  if (defined && (!found || found.code === 'WRONG_FOR_SOME_INDEX')) findings.push(...dependencyFindings(q, cases, run));
  return { findings, credit: 0 };
}
