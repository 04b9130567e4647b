/**
 * Checks a write-up's derivation side by side: each side of a chain `A = B = C` is read in the
 * question's terms (the student's definitions, derivatives valued as written), evaluated at the
 * question's sample points, and compared with the previous readable side of its chain. A side
 * that cannot be read or compared is `unchecked` with its reason, never `differs` on a guess.
 */
import { finding, InputError, isVector, type Finding, type StepCheck } from '../core/index.js';
import type { Compiled } from '../expr/index.js';
import * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import { readAndCompile, type Definitions } from './read.js';
import { derivativeBindings, lossOf } from './steps-derivative.js';
import { expandFunctions, findDerivatives, isLossName, normalizeSide, type UserFunction } from './steps-latex.js';
import { mismatch, stepTolerance } from './tolerance.js';
import { diagnoseStep, textualJump } from './steps-diagnose.js';

/** A side as the checker sees it: verbatim for the report, expanded for reading. */
export interface Side {
  readonly latex: string;
  readonly expanded: string;
  readonly line: number;
  readonly chain: number;
}

/** The student's own names and functions, usable in every side. */
export interface StepContext {
  readonly definitions: Definitions;
  readonly functions: readonly UserFunction[];
}

export interface CheckedSide {
  readonly check: StepCheck;
  readonly reason?: Finding;
  /** For a `differs`: what the jump is (a sign flipped, a factor), with the lines it is between. */
  readonly diagnosis?: Finding[];
}

/** A side read and evaluated: its values in every (point, environment) kept, or why not. */
type Valued = { ok: true; values: M.Mat[]; compiled: Compiled } | { ok: false; reason: Finding };

/** The side compiled in the question's terms; throws InputError. */
export function compileSide(q: Question, latex: string, ctx: StepContext): Compiled {
  const text = normalizeSide(expandFunctions(latex, ctx.functions));
  if (isLossName(text)) {
    const loss = lossOf(q);
    if (loss) return loss;
  }
  const { latex: rewritten, forms } = findDerivatives(text);
  const read = (l: string): Compiled => readAndCompile(q, `$${l}$`, ctx.definitions, { skipKnown: true }).compiled;
  const bindings = forms.length ? derivativeBindings(q, forms, read) : undefined;
  return readAndCompile(q, `$${rewritten}$`, ctx.definitions, { skipKnown: true, ...(bindings ? { bindings } : {}) }).compiled;
}

/** Which environments a part's case covers (`w = o`, `w \neq o`); all when it says nothing we can read. */
export function caseFilter(q: Question, cond: string | undefined): ((free: number | undefined, env: M.Mat[]) => boolean) | undefined {
  if (!cond || !q.free) return undefined;
  const plain = cond.replace(/\\(?:mathbf|boldsymbol|bm|mathrm|mathit)\s*\{([^{}]*)\}/g, '$1').replace(/\s+/g, '');
  const m = /^([A-Za-z])(=|\\neq?|\\not=|!=)([A-Za-z])$/.exec(plain);
  if (!m || m[1] !== q.free.name) return undefined;
  const slot = q.model.slots.findIndex((s) => s.name === m[3]);
  if (slot < 0) return undefined;
  const equal = m[2] === '=';
  return (free, env) => free !== undefined && (free === env[slot]!.data[0]) === equal;
}

function evaluate(q: Question, side: Side, ctx: StepContext, envs: readonly { env: M.Mat[]; free?: number }[]): Valued {
  let compiled: Compiled;
  try {
    compiled = compileSide(q, side.expanded, ctx);
  } catch (e) {
    if (e instanceof InputError) return { ok: false, reason: e.finding };
    return { ok: false, reason: finding('STEP_UNREADABLE', { detail: String((e as Error)?.message ?? e).slice(0, 120) }) };
  }
  const zero = compiled.zeroLiteral ? M.zeros(q.reference.shape.rows, q.reference.shape.cols) : undefined;
  const values: M.Mat[] = [];
  try {
    for (const { env } of envs) {
      const v = zero ?? compiled.run(env.slice());
      if (!M.allFinite(v)) return { ok: false, reason: finding('STEP_NOT_FINITE') };
      values.push(v);
    }
  } catch (e) {
    if (e instanceof InputError) return { ok: false, reason: e.finding };
    return { ok: false, reason: finding('STEP_UNREADABLE', { detail: String((e as Error)?.message ?? e).slice(0, 120) }) };
  }
  return { ok: true, values, compiled };
}

/** Whether two values can be compared as written: same shape, or a vector in either orientation. */
const comparable = (a: M.Mat, b: M.Mat): boolean => (a.rows === b.rows && a.cols === b.cols) || (isVector(a) && isVector(b) && a.data.length === b.data.length);

/** Checks every side of a part's chains; `caseOf` restricts the points to the part's case. */
export function checkSides(q: Question, sides: readonly Side[], points: readonly Point[], ctx: StepContext, caseOf?: string): CheckedSide[] {
  const filter = caseFilter(q, caseOf);
  // Derivatives in steps are valued by finite differences, trustworthy at points of moderate scale only.
  const envs = points
    .filter((p) => !p.large)
    .flatMap((p) => p.envs.map((env, e) => ({ env, free: p.freeValues[e] })))
    .filter((x) => !filter || filter(x.free, x.env));
  const out: CheckedSide[] = [];
  let prev: { valued: Valued & { ok: true }; side: Side } | undefined;
  sides.forEach((side, i) => {
    if (i === 0 || side.chain !== sides[i - 1]!.chain) prev = undefined;
    const valued = evaluate(q, side, ctx, envs);
    if (!valued.ok) {
      out.push({ check: 'unchecked', reason: valued.reason });
      return;
    }
    if (!prev) {
      out.push(isFirstOfChain(sides, i) ? { check: 'start' } : { check: 'unchecked', reason: finding('STEP_NOTHING_BEFORE') });
      prev = { valued, side };
      return;
    }
    const a = valued.values,
      b = prev.valued.values;
    if (!a.every((v, k) => comparable(v, b[k]!))) {
      // A transposed matrix is often the student's own layout, another shape often our reading of
      // their notation: said, not called wrong.
      const t = a.every((v, k) => v.rows === b[k]!.cols && v.cols === b[k]!.rows && mismatch(M.transpose(v), b[k]!, stepTolerance(q.tolerance)) === undefined);
      out.push({
        check: 'unchecked',
        reason: finding(t ? 'STEP_TRANSPOSED_LAYOUT' : 'STEP_SHAPE', { got: `${a[0]!.rows} x ${a[0]!.cols}`, before: `${b[0]!.rows} x ${b[0]!.cols}` }),
      });
      prev = { valued, side };
      return;
    } else {
      const wrong = a.map((v, k) => mismatch(v, b[k]!, stepTolerance(q.tolerance)) !== undefined);
      if (!wrong.some(Boolean)) out.push({ check: 'equal' });
      else if (caseOf && !filter && !wrong.every(Boolean)) out.push({ check: 'unchecked', reason: finding('STEP_CASE_UNREAD', { case: caseOf }) });
      else {
        const numeric = diagnoseStep(q, envs, a, b);
        const textual = textualJump(prev.side.expanded, side.expanded);
        out.push({
          check: 'differs',
          diagnosis: [finding('STEP_DIFFERS', { from: prev.side.line, to: side.line }), ...numeric, ...(textual ? [textual] : [])],
        });
      }
    }
    prev = { valued, side };
  });
  return out;
}

const isFirstOfChain = (sides: readonly Side[], i: number): boolean => i === 0 || sides[i - 1]!.chain !== sides[i]!.chain;
