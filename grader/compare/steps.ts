/**
 * Checks a write-up's derivation side by side: each side of a chain `A = B = C` is read in the
 * question's terms (the student's definitions, derivatives valued as written), evaluated at the
 * question's sample points, and compared with the previous readable side of its chain. A side
 * that cannot be read or compared is `unchecked` with its reason, never `differs` on a guess.
 */
import { finding, InputError, isVector, type Finding, type Shape, type StepCheck } from '../core/index.js';
import * as M from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { Question } from '../bank/types.js';
import type { Definitions } from './read.js';
import { readSide, type SideReading } from './steps-read.js';
import type { UserFunction } from './steps-latex.js';
import type { DerivedName } from './steps-defs.js';
import { mismatch, relativeError, stepTolerance } from './tolerance.js';

// Below this relative difference, sides valued by finite differences are not told apart.
const NEAR_MISS = 1e-3;
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
  /** Names the student defined as a derivative, written out in each side. */
  readonly derived?: readonly DerivedName[];
}

export interface CheckedSide {
  readonly check: StepCheck;
  readonly reason?: Finding;
  /** For a `differs`: what the jump is (a sign flipped, a factor), with the lines it is between. */
  readonly diagnosis?: Finding[];
}

/** A side read and evaluated under each reading (a Jacobian's layouts): the values at every (point, environment), or why not. */
type Valued =
  | { ok: true; readings: M.Mat[][]; wrt?: SideReading['wrt']; guess?: Finding; numeric?: boolean }
  | { ok: false; reason: Finding; undefinedUnder?: SideReading['undefinedUnder'] };
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
  let read: SideReading;
  try {
    read = readSide(
      q,
      side.expanded,
      ctx,
      envs.map((e) => e.env),
    );
  } catch (e) {
    if (e instanceof InputError) return { ok: false, reason: withoutInternalNames(e.finding) };
    return { ok: false, reason: finding('STEP_UNREADABLE', { detail: String((e as Error)?.message ?? e).slice(0, 120) }) };
  }
  if (read.undefinedUnder) return { ok: false, reason: finding('STEP_NO_LAYOUT', read.undefinedUnder), undefinedUnder: read.undefinedUnder };
  const readings: M.Mat[][] = [];
  let why: Finding | undefined;
  for (const { compiled } of read.readings) {
    const zero = compiled.zeroLiteral ? M.zeros(q.reference.shape.rows, q.reference.shape.cols) : undefined;
    const values: M.Mat[] = [];
    try {
      for (const { env } of envs) {
        const v = zero ?? compiled.run(env.slice());
        if (!M.allFinite(v)) throw new InputError(finding('STEP_NOT_FINITE'));
        values.push(v);
      }
      readings.push(values);
    } catch (e) {
      if (e instanceof InputError) why ??= e.finding;
      else why ??= finding('STEP_UNREADABLE', { detail: String((e as Error)?.message ?? e).slice(0, 120) });
    }
  }
  if (!readings.length) return { ok: false, reason: why ?? finding('STEP_UNREADABLE', { detail: 'no reading' }) };
  return { ok: true, readings, numeric: !!read.numeric, ...(read.wrt ? { wrt: read.wrt } : {}), ...(read.guess ? { guess: read.guess } : {}) };
}

/** A finding without the names derivatives were bound to (`zdA`) among its suggestions. */
function withoutInternalNames(f: Finding): Finding {
  const a = f.args as { suggestions?: readonly string[]; suggestionsLatex?: readonly string[] } | undefined;
  if (!a?.suggestions) return f;
  const keep = a.suggestions.map((n) => !/^zd[A-Za-z]+\d*$/.test(n));
  const pick = <T>(xs?: readonly T[]) => xs?.filter((_, i) => keep[i] ?? true);
  return { ...f, args: { ...a, suggestions: pick(a.suggestions)!, ...(a.suggestionsLatex ? { suggestionsLatex: pick(a.suggestionsLatex)! } : {}) } };
}

/** Whether two values can be compared as written: same shape, or a vector in either orientation. */
const comparable = (a: M.Mat, b: M.Mat): boolean => (a.rows === b.rows && a.cols === b.cols) || (isVector(a) && isVector(b) && a.data.length === b.data.length);

/** Environments of moderate scale (finite differences are trustworthy there), restricted to a case. */
function stepEnvs(points: readonly Point[], filter?: ReturnType<typeof caseFilter>): { env: M.Mat[]; free?: number }[] {
  return points
    .filter((p) => !p.large)
    .flatMap((p) => p.envs.map((env, e) => ({ env, free: p.freeValues[e] })))
    .filter((x) => !filter || filter(x.free, x.env));
}

/**
 * Whether a side (an unevaluated derivative given as a final) equals the question's reference,
 * valued as a step is; undefined when it cannot be valued.
 */
export function equalsReference(q: Question, latex: string, points: readonly Point[], ctx: StepContext): boolean | undefined {
  const envs = stepEnvs(points);
  const valued = evaluate(q, { latex, expanded: latex, line: 0, chain: 0 }, ctx, envs);
  if (!valued.ok || valued.guess || !envs.length) return undefined;
  const tol = stepTolerance(q.tolerance);
  const ref = envs.map((e) => q.reference.run(e.env.slice()));
  return valued.readings.some((r) =>
    r.every((v, k) => comparable(v, ref[k]!) && mismatch(v.rows === ref[k]!.rows ? v : M.transpose(v), ref[k]!, tol) === undefined),
  );
}

/** Checks every side of a part's chains; `caseOf` restricts the points to the part's case. */
export function checkSides(q: Question, sides: readonly Side[], points: readonly Point[], ctx: StepContext, caseOf?: string): CheckedSide[] {
  const filter = caseFilter(q, caseOf);
  // Derivatives in steps are valued by finite differences, trustworthy at points of moderate scale only.
  const envs = stepEnvs(points, filter);
  const out: CheckedSide[] = [];
  let prev: Prev | undefined;
  // The variable the chain differentiates by, as its latest derivative side says.
  let variable: SideReading['wrt'];
  sides.forEach((side, i) => {
    if (i === 0 || side.chain !== sides[i - 1]!.chain) [prev, variable] = [undefined, undefined];
    const valued = evaluate(q, side, ctx, envs);
    if (!valued.ok) {
      // A product no layout defines is wrong whatever the convention; said only after a readable side.
      out.push(
        valued.undefinedUnder && prev
          ? { check: 'differs', diagnosis: [finding('STEP_DIFFERS', { from: prev.side.line, to: side.line }), valued.reason] }
          : { check: 'unchecked', reason: valued.reason },
      );
      return;
    }
    if (valued.guess) {
      // A guessed reading (dots) may only confirm: equal to the side before, else left unchecked.
      const checked = prev ? compare(q, envs, prev, { valued, side }, variable, caseOf, filter) : undefined;
      out.push(checked?.check === 'equal' ? { check: 'equal' } : { check: 'unchecked', reason: valued.guess });
      return;
    }
    if (!prev) {
      out.push(isFirstOfChain(sides, i) ? { check: 'start' } : { check: 'unchecked', reason: finding('STEP_NOTHING_BEFORE') });
      prev = { valued, side };
      variable = valued.wrt ?? variable;
      return;
    }
    const { agreed, ...checked } = compare(q, envs, prev, { valued, side }, variable, caseOf, filter);
    out.push(checked);
    // After an equal step, keep only the readings that agreed (a layout that fits both sides).
    prev = { valued: agreed ? { ...valued, readings: agreed } : valued, side };
    variable = valued.wrt ?? variable;
  });
  return out;
}

type Prev = { valued: Valued & { ok: true }; side: Side };

/** One side against the previous: equal under some pair of readings, else differs, else (shapes) unchecked. */
function compare(
  q: Question,
  envs: readonly { env: M.Mat[]; free?: number }[],
  prev: Prev,
  cur: Prev,
  variable: SideReading['wrt'],
  caseOf: string | undefined,
  filter: ReturnType<typeof caseFilter>,
): CheckedSide & { agreed?: M.Mat[][] } {
  const tol = stepTolerance(q.tolerance);
  const pairs = cur.valued.readings
    .flatMap((a) => prev.valued.readings.map((b) => [a, b] as const))
    .filter(([a, b]) => a.every((v, k) => comparable(v, b[k]!)));
  if (!pairs.length) {
    const [a, b] = [cur.valued.readings[0]!, prev.valued.readings[0]!];
    const got = `${a[0]!.rows} x ${a[0]!.cols}`,
      before = `${b[0]!.rows} x ${b[0]!.cols}`;
    // A derivative by another variable than the chain's (a dJ/dU line under dJ/du_w): wrong as written.
    const w = cur.valued.wrt;
    if (w && variable && w.key !== variable.key && sameShape(a[0]!, w.shape) && sameShape(b[0]!, variable.shape))
      return {
        check: 'differs',
        diagnosis: [finding('STEP_DIFFERS', { from: prev.side.line, to: cur.side.line }), finding('STEP_WRT_CHANGED', { from: variable.latex, to: w.latex })],
      };
    // A transposed matrix is often the student's own layout, another shape often our reading of
    // their notation: said, not called wrong.
    const t = a.every((v, k) => v.rows === b[k]!.cols && v.cols === b[k]!.rows && mismatch(M.transpose(v), b[k]!, tol) === undefined);
    return { check: 'unchecked', reason: finding(t ? 'STEP_TRANSPOSED_LAYOUT' : 'STEP_SHAPE', { got, before }) };
  }
  const judged = pairs.map(([a, b]) => ({ a, b, wrong: a.map((v, k) => mismatch(v, b[k]!, tol) !== undefined) }));
  const agreeing = judged.filter((j) => !j.wrong.some(Boolean));
  if (agreeing.length) return { check: 'equal', agreed: [...new Set(agreeing.map((j) => j.a))] };
  if (caseOf && !filter && !judged.every((j) => j.wrong.every(Boolean))) return { check: 'unchecked', reason: finding('STEP_CASE_UNREAD', { case: caseOf }) };
  const { a, b } = judged[0]!;
  // Finite differences are accurate to about 1e-8, less where the loss curves sharply: a near miss
  // between sides valued so is not called wrong.
  const error = Math.max(...a.map((v, k) => relativeError(v.rows === b[k]!.rows ? v : M.transpose(v), b[k]!)));
  if ((cur.valued.numeric || prev.valued.numeric) && error < NEAR_MISS)
    return { check: 'unchecked', reason: finding('STEP_IMPRECISE', { error: Number(error.toPrecision(2)) }) };
  const numeric = diagnoseStep(q, envs, a, b);
  const textual = textualJump(prev.side.expanded, cur.side.expanded);
  return { check: 'differs', diagnosis: [finding('STEP_DIFFERS', { from: prev.side.line, to: cur.side.line }), ...numeric, ...(textual ? [textual] : [])] };
}

const sameShape = (v: M.Mat, s: Shape): boolean =>
  (v.rows === s.rows && v.cols === s.cols) || (isVector(v) && (s.rows === 1 || s.cols === 1) && v.data.length === s.rows * s.cols);

const isFirstOfChain = (sides: readonly Side[], i: number): boolean => i === 0 || sides[i - 1]!.chain !== sides[i]!.chain;
