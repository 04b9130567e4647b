/**
 * An answer right at the bank's sizes is graded again at each other size set (compiled anew:
 * shapes are fixed at compile time). Wrong there, it fixes a size the question leaves general
 * (`sum(k, 1, 4, ...)` for K, `onehot(o, 7)`, `zeros(3)`): SIZE_SPECIFIC, naming the size.
 */
import { finding, InputError, isVector, sameShape, transposed, type Finding } from '../core/index.js';
import { toText, type Node } from '../expr/index.js';
import type { Question } from '../bank/types.js';
import { answerRun, evaluateCases } from './cases.js';
import type { PointSource } from './points.js';
import { readAndCompile, type Definitions, type Read } from './read.js';

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

/** Why the answer fails at `o` (another size set of q), or undefined when it holds there. */
function failsAt(o: Question, first: Read, answer: string, source: PointSource, definitions: Definitions | undefined): string | undefined {
  let read;
  try {
    read = readAndCompile(o, answer, definitions, { reading: first.reading });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.finding.code;
  }
  const { compiled } = read;
  const ref = o.reference.shape;
  if (!compiled.zeroLiteral && !sameShape(compiled.shape, ref) && !(isVector(ref) && sameShape(compiled.shape, transposed(ref)))) return 'SHAPE_MISMATCH';
  try {
    const cases = evaluateCases(o, answerRun(o, compiled), source.get(o));
    return cases.some((c) => c.wrong) ? 'VALUE_MISMATCH' : undefined;
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
