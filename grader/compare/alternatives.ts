/**
 * The alternatives a diagnosis tries (an authored mistake, the reference negated, scaled, or with
 * a term added or removed) compared with a wrong answer at every case.
 */
import * as M from '../linalg/mat.js';
import { measureInto, type Reading } from '../linalg/meter.js';
import type { Question } from '../bank/types.js';
import type { Case } from './cases.js';
import { mismatch } from './tolerance.js';

/** matchesEverywhere's reading and precision, reused (it reads them at once, and nothing nests). */
const everywhere = { reading: { kappa: 1, overflow: false } as Reading, precision: { ref: 1, answer: 1, integer: false, answerCap: Infinity } };

/** An alternative's value at one case, as measured (a copy: the alternative's own buffer is reused). */
interface Measured {
  readonly env: readonly M.Mat[];
  readonly value: M.Mat;
  readonly kappa: number;
}

/**
 * Values of an alternative that reads only a case's environment and expected value (not the
 * answer), keyed by the expected value and holding its environment: graded at the same points,
 * every answer of a batch shares them (a step's cases, with values of their own, never meet them).
 */
export type AlternativeMemo = WeakMap<M.Mat, Measured>;

/** Whether `f(case)` matches the answer in every case (excused ones aside). `memo`: see AlternativeMemo. */
export function matchesEverywhere(q: Question, cases: readonly Case[], f: (c: Case) => M.Mat, memo?: AlternativeMemo): boolean {
  const { reading, precision } = everywhere;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    if (c.excused) continue;
    // The alternative is computed too (a term added to the reference): its cancellation counts.
    const known = memo?.get(c.expected);
    let value: M.Mat;
    let kappa: number;
    if (known && known.env === c.env) ({ value, kappa } = known);
    else {
      value = measureInto(f, c, reading);
      kappa = reading.kappa;
      if (memo && !known) memo.set(c.expected, { env: c.env, value: M.copy(value), kappa });
    }
    // Naming a mistake grants the answer its whole round-off: `(sigma(-z) - 1) v` is still a sign flip where it cancels.
    precision.ref = Math.max(c.precision.ref ?? 1, kappa);
    precision.answer = c.precision.answer ?? 1;
    precision.integer = c.precision.integer === true;
    if (mismatch(c.got, value, q.tolerance, precision) !== undefined) return false;
  }
  return true;
}
