/**
 * A side read in the question's terms: the student's functions expanded, derivatives found and
 * chain-rule products merged (steps-chain.ts), each derivative bound to its value. A side holding a
 * Jacobian is read under both layouts (the readings that are defined); one whose product is
 * defined under neither is said to be so, since no convention makes it equal to anything.
 */
import { InputError, isScalar, type Finding, type Shape } from '../core/index.js';
import type { Binding, Compiled } from '../expr/index.js';
import * as M from '../linalg/mat.js';
import type { Question } from '../bank/types.js';
import { questionScope, readAndCompile, type Definitions } from './read.js';
import { dotsReadings } from './steps-dots.js';
import { expandDerived, type DerivedName } from './steps-defs.js';
import { baseSlot, derivativeBindings, lossOf, unwrapBrackets } from './steps-derivative.js';
import { sumsOfDerivatives, telescope, variableKey, windowSum } from './steps-chain.js';
import { contraction, isVectorShape, LAYOUTS, type Layout } from './steps-jacobian.js';
import { expandFunctions, findDerivatives, isLossName, normalizeSide, type DerivativeForm, type UserFunction } from './steps-latex.js';
import { mismatch, stepTolerance } from './tolerance.js';

export interface SideContext {
  readonly definitions: Definitions;
  readonly functions: readonly UserFunction[];
  readonly derived?: readonly DerivedName[];
}

const written = (latex: string, ctx: SideContext): string => normalizeSide(expandFunctions(expandDerived(latex, ctx.derived ?? []), ctx.functions));

export interface SideReading {
  readonly readings: { compiled: Compiled; layout?: Layout }[];
  /** The one variable every derivative of the side is taken by, when the side is that derivative. */
  readonly wrt?: { key: string; latex: string; shape: Shape };
  /** Whether a derivative is valued in it (by central differences, so only so precise). */
  readonly numeric?: boolean;
  /** Read by guessing what the student left out (dots): it may show the step equal, never wrong. */
  readonly guess?: Finding;
  /** The derivative whose products are defined under no layout. */
  readonly undefinedUnder?: { of: string; wrt: string };
}

const ONE: Compiled = { shape: { rows: 1, cols: 1 }, run: () => M.scalar(1), work: 0 };

/** Whether `s` is one product (no `+`, `-` or `=` outside brackets but a leading sign). */
function isProduct(s: string): boolean {
  let depth = 0;
  const t = s.trim().replace(/^[-+]\s*/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\\') {
      i += /^\\[a-zA-Z]+|^\\./.exec(t.slice(i))?.[0].length ?? 1;
      i--;
    } else if ('({['.includes(ch)) depth++;
    else if (')}]'.includes(ch)) depth--;
    else if (depth === 0 && '+-='.includes(ch)) return false;
  }
  return depth === 0 && t.length > 0;
}

// Whether the question's loss is the sum over the window of the naive-softmax loss of each word.
const windowLosses = new WeakMap<Question, boolean>();
function isWindowLoss(q: Question, envs: readonly M.Mat[][]): boolean {
  const known = windowLosses.get(q);
  if (known !== undefined) return known;
  let yes = false;
  const loss = lossOf(q);
  try {
    const sum = readAndCompile(q, '$-\\sum_{j=1}^{2m} \\log \\hat{y}_{o_j}$').compiled;
    yes = !!loss && envs.length > 0 && envs.every((e) => mismatch(sum.run(e.slice()), loss.run(e.slice()), stepTolerance(q.tolerance)) === undefined);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  windowLosses.set(q, yes);
  return yes;
}

const TOKEN = (name: string): RegExp => new RegExp(String.raw`\\mathrm\{${name}\}`);

/** Reads a side; throws InputError when no reading of it can be compiled. */
export function readSide(q: Question, latex: string, ctx: SideContext, envs: readonly M.Mat[][]): SideReading {
  try {
    return readWritten(q, latex, ctx, envs);
  } catch (e) {
    const own = e instanceof InputError ? ownFreeIndex(q, e.finding) : undefined;
    if (own) {
      try {
        return readWritten(q, latex, ctx, envs, own);
      } catch (inner) {
        if (!(inner instanceof InputError)) throw inner;
      }
    }
    if (!(e instanceof InputError) || e.finding.code !== 'LATEX_UNSUPPORTED' || !/dots/.test(String(e.finding.args?.command))) throw e;
    // A sum written out with dots: read as the sum of its pattern over each index the question knows.
    const text = written(latex, ctx);
    const readings = dotsReadings(text, [...questionScope(q).scope.indices.keys()]).flatMap((l) => {
      try {
        return [{ compiled: readAndCompile(q, `$${l}$`, ctx.definitions, { skipKnown: true }).compiled }];
      } catch (inner) {
        if (inner instanceof InputError) return [];
        throw inner;
      }
    });
    if (!readings.length) throw e;
    return { readings, guess: e.finding };
  }
}

/**
 * The student's letter for the question's free index (`s` in `u_{w_s}` for the course's k, `i`
 * where the course has j over the same range): bound to it when the side cannot be read otherwise.
 */
function ownFreeIndex(q: Question, f: Finding): Map<string, Binding> | undefined {
  const name = (f.args as { name?: unknown } | undefined)?.name;
  if (!q.free || typeof name !== 'string' || !/^[a-z]$/.test(name) || name === q.free.name) return undefined;
  const decl = questionScope(q).scope.indices.get(name);
  const fits = f.code === 'INDEX_UNBOUND' ? decl?.lo === q.free.lo && decl.hi === q.free.hi : f.code === 'UNKNOWN_SYMBOL' && !decl;
  return fits ? new Map([[name, { kind: 'slot', slot: q.free.slot, shape: { rows: 1, cols: 1 } }]]) : undefined;
}

function readWritten(q: Question, latex: string, ctx: SideContext, envs: readonly M.Mat[][], extra?: ReadonlyMap<string, Binding>): SideReading {
  const text = sumsOfDerivatives(written(latex, ctx));
  const loss = lossOf(q);
  if (loss && isLossName(text)) return { readings: [{ compiled: loss }] };
  let { latex: rewritten, forms } = telescope(...(Object.values(findDerivatives(text)) as [string, DerivativeForm[]]));
  const windowed = forms.length === 1 && isWindowLoss(q, envs) ? windowSum(rewritten, forms) : undefined;
  if (windowed) ({ latex: rewritten, forms } = windowed);
  const read = (l: string, bindings?: Map<string, Binding>): Compiled =>
    readAndCompile(q, `$${l}$`, ctx.definitions, { skipKnown: true, bindings: new Map([...(extra ?? []), ...(bindings ?? [])]) }).compiled;
  const wrtOf = (f: DerivativeForm, shape: Shape) => ({ key: variableKey(f.wrt), latex: f.wrt.trim(), shape });
  const sameVariable = forms.length > 0 && forms.every((f) => variableKey(f.wrt) === variableKey(forms[0]!.wrt));

  // A vector's derivative by a matrix, times a vector: the contraction, when that is the whole side.
  for (const f of forms) {
    if (isLossName(f.of)) continue;
    const wrt = read(f.wrt);
    if (isVectorShape(wrt.shape)) continue;
    const of = read(unwrapBrackets(f.of));
    if (isScalar(of.shape)) continue;
    const token = TOKEN(f.name);
    const parts = rewritten.split(token);
    const other = parts.length === 2 ? (parts[0]!.trim() ? (parts[1]!.trim() ? undefined : parts[0]) : parts[1]) : undefined;
    if (!other || !isProduct(other)) break;
    const rest = forms.filter((x) => x !== f);
    const { bindings } = derivativeBindings(q, rest, (l) => read(l));
    const sign = /^\s*-/.test(other) ? -1 : 1;
    const g = read(other.trim().replace(/^[-+]\s*/, ''), bindings);
    const c = contraction(q, (w, env) => baseSlot(q, w, env), g, of, wrt, f.wrt.trim());
    const compiled = sign > 0 ? c : { ...c, run: (env: M.Mat[]) => M.map(c.run(env), (x) => -x) };
    return { readings: [{ compiled }], numeric: true, ...(sameVariable ? { wrt: wrtOf(f, wrt.shape) } : {}) };
  }

  const readings: SideReading['readings'] = [];
  let first: unknown;
  let jacobian: Map<string, Binding> | undefined;
  for (const layout of LAYOUTS) {
    try {
      const { bindings, jacobians } = derivativeBindings(q, forms, (l) => read(l), layout);
      if (jacobians.size) jacobian = new Map([...bindings].map(([n, b]) => [n, jacobians.has(n) ? { kind: 'alias', compiled: ONE } : b]));
      readings.push({ compiled: read(rewritten, bindings), ...(jacobians.size ? { layout } : {}) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      first ??= e;
    }
    if (!jacobian) break;
  }
  const variable = sameVariable && forms.every((f) => isLossName(f.of)) ? wrtOf(forms[0]!, read(forms[0]!.wrt).shape) : undefined;
  if (readings.length) return { readings, numeric: forms.length > 0, ...(variable ? { wrt: variable } : {}) };
  const err = first as InputError;
  if (jacobian && err.finding.code.startsWith('SHAPE_')) {
    // Defined with each Jacobian as a number, so its shape is what no layout makes fit.
    try {
      read(rewritten, jacobian);
      const f = forms.find((x) => !isLossName(x.of)) ?? forms[0]!;
      return { readings: [], undefinedUnder: { of: f.of, wrt: f.wrt } };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  throw err;
}
