/**
 * An answer right at the bank's sizes is graded again at each other size set (compiled anew:
 * shapes are fixed at compile time), until the first case that fails. Wrong there, it fixes a size the question leaves general
 * (`sum(k, 1, 4, ...)` for K, `onehot(o, 7)`, `zeros(3)`): SIZE_SPECIFIC, naming the size.
 */
import { finding, InputError, isVector, sameShape, transposed, type Finding } from '../core/index.js';
import { toText, type Node } from '../expr/index.js';
import type { Question } from '../bank/types.js';
import { answerRun, Checker, WRONG } from './cases.js';
import type { Point } from '../sample/points.js';
import type { PointSource } from './points.js';
import { compileAt, type Definitions, type Read } from './read.js';

const show = (sizes: ReadonlyMap<string, number>, names?: readonly string[]): string =>
  [...sizes]
    .filter(([n]) => !names || names.includes(n))
    .map(([n, v]) => `${n} = ${v}`)
    .join(', ');

/** The sizes whose value at the bank's sizes the answer writes as a number. */
function writtenSizes(q: Question, node: Node): string[] {
  const numbers = new Set((toText(node).match(/(?<![\w.])\d+(?![\w.])/g) ?? []).map(Number));
  return [...q.model.scope.sizes].filter(([, v]) => numbers.has(v)).map(([n]) => n);
}

/**
 * At another size set only a yes/no is needed, and the bank's sizes have already seen every value
 * of the free index at every point. Here each point checks the values equal to another index
 * (w = o, where a hard-coded `onehot(o, 7)` goes wrong) and every STRIDE-th value, offset by the
 * point, so that across the points every value still occurs several times (at 12 points or more,
 * at least 3 each), at about a third of the cost.
 */
export const STRIDE = 4;

const indexSlotsOf = new WeakMap<Question, number[]>();

/** The slots of the question's scalar indices (o), which the free index may equal. */
function indexSlots(q: Question): number[] {
  let slots = indexSlotsOf.get(q);
  if (!slots)
    indexSlotsOf.set(q, (slots = q.model.slots.flatMap((s, slot) => (s.dist?.kind === 'integer' && s.shape.rows * s.shape.cols === 1 ? [slot] : []))));
  return slots;
}

const checkedOf = new WeakMap<Point, readonly number[]>();
const ONLY = [0] as const;

/** Which environments of the `point`-th point of `o` are checked at another size set (all, without a free index). */
export function checkedAt(o: Question, p: Point, point: number): readonly number[] {
  if (p.envs.length <= 1) return ONLY;
  // The same for every answer: points are drawn once a batch.
  let out = checkedOf.get(p);
  if (out) return out;
  const indices = indexSlots(o);
  const picked: number[] = [];
  for (let e = 0; e < p.envs.length; e++) {
    const v = p.freeValues[e];
    if ((e + point) % STRIDE === 0 || indices.some((slot) => p.envs[e]![slot]!.data[0] === v)) picked.push(e);
  }
  checkedOf.set(p, (out = picked));
  return out;
}

/** Why the answer fails at `o` (another size set of q), or undefined when it holds there: the first failing case decides. */
function failsAt(o: Question, first: Read, answer: string, source: PointSource, definitions: Definitions | undefined): string | undefined {
  let compiled;
  try {
    compiled = compileAt(o, answer, first, definitions);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.finding.code;
  }
  const ref = o.reference.shape;
  if (!compiled.zeroLiteral && !sameShape(compiled.shape, ref) && !(isVector(ref) && sameShape(compiled.shape, transposed(ref)))) return 'SHAPE_MISMATCH';
  const checker = new Checker(o, answerRun(o, compiled, true));
  const points = source.get(o);
  try {
    for (let point = 0; point < points.length; point++) {
      const p = points[point]!;
      const checked = checkedAt(o, p, point);
      for (let i = 0; i < checked.length; i++) if (checker.check(p, checked[i]!) === WRONG) return 'VALUE_MISMATCH';
    }
    return undefined;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.finding.code;
  }
}

/** `first`: the answer as read and compiled at the bank's sizes (read once, compiled per size set). */
export function sizeFinding(q: Question, answer: string, first: Read, source: PointSource, definitions: Definitions | undefined): Finding | undefined {
  for (const o of q.others) {
    const why = failsAt(o, first, answer, source, definitions);
    if (!why) continue;
    const written = writtenSizes(q, first.node);
    return finding('SIZE_SPECIFIC', {
      sizes: show(q.model.scope.sizes, written.length ? written : undefined),
      named: written.length > 0,
      other: show(o.model.scope.sizes),
      because: why,
    });
  }
  return undefined;
}
