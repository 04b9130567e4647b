/**
 * The value of an unevaluated derivative in a step, by differentiating what is written:
 * numerically (central differences, sample/gradient.ts), perturbing the sampled symbol the
 * variable is made of and refilling the derived ones. The loss names (`J`, `\mathcal{L}`,
 * `J_{neg}`) stand for the question's loss; any other numerator is read as written.
 */
import { fail, isScalar, type Shape } from '../core/index.js';
import type { Binding, Compiled } from '../expr/index.js';
import * as M from '../linalg/mat.js';
import { numericGradient } from '../sample/gradient.js';
import type { Question } from '../bank/types.js';
import { isLossName, type DerivativeForm } from './steps-latex.js';
import { isVectorShape, jacobian, type Layout } from './steps-jacobian.js';
import { derivedGradient, throughGradient } from './steps-through.js';

/** Reads a LaTeX formula in the question's terms (the step's definitions and bindings). */
export type ReadFormula = (latex: string) => Compiled;

// Central differences at 6 points cost 2 loss runs per entry of the variable; beyond this many
// entries a side is left unchecked rather than slow.
const MAX_ENTRIES = 400;

/** A loss-like name standing alone as a side (`J`, `\mathcal{L}(v_c)`): the question's loss. */
export function lossOf(q: Question): Compiled | undefined {
  return q.derivative?.loss;
}

/** The sampled slot `wrt` reads, found by tagging each candidate slot's entries with their positions. */
export function baseSlot(q: Question, wrt: Compiled, env: M.Mat[]): number | undefined {
  if (q.derivative) {
    const probe = numericProbe(q, wrt, q.derivative.baseSlot, env);
    if (probe) return q.derivative.baseSlot;
  }
  for (let s = 0; s < q.model.slots.length; s++) if (q.model.slots[s]!.dist && numericProbe(q, wrt, s, env)) return s;
  return undefined;
}

function numericProbe(q: Question, wrt: Compiled, slot: number, env: M.Mat[]): boolean {
  const base = env[slot];
  if (!base) return false;
  const tagged = env.slice();
  tagged[slot] = M.mat(
    base.rows,
    base.cols,
    Float64Array.from(base.data, (_, i) => i + 1),
  );
  const tags = wrt.run(tagged);
  const plain = wrt.run(env.slice());
  return tags.data.every((t, i) => Number.isInteger(t) && t >= 1 && t <= base.data.length && t !== plain.data[i]);
}

export const unwrapBrackets = (latex: string): string => {
  const t = latex.trim();
  return t.startsWith('[') && t.endsWith(']') ? `(${t.slice(1, -1)})` : t;
};

/**
 * One binding per derivative form; throws InputError when the variable or the numerator cannot be
 * read. A vector's derivative by a vector is its Jacobian in `layout`; `jacobians` names the forms
 * that are (then the layout matters, and the caller reads the side under each).
 */
export function derivativeBindings(
  q: Question,
  forms: readonly DerivativeForm[],
  read: ReadFormula,
  layout: Layout = 'numerator',
): { bindings: Map<string, Binding>; jacobians: Set<string> } {
  const out = new Map<string, Binding>();
  const jacobians = new Set<string>();
  for (const f of forms) {
    const wrt = read(f.wrt);
    if (wrt.shape.rows * wrt.shape.cols > MAX_ENTRIES) fail('STEP_DERIVATIVE_TOO_LARGE', { wrt: f.wrt, max: MAX_ENTRIES });
    // `\frac{d\sigma}{dx}`: a bare function differentiated at the variable.
    const bare = /^\s*\\(sigma|sigmoid)\s*$/.exec(f.of);
    const of = isLossName(f.of) ? lossOf(q) : read(bare ? `\\${bare[1]}(${f.wrt})` : unwrapBrackets(f.of));
    if (!of) fail('STEP_NO_LOSS', { name: f.of.trim() });
    if (!isScalar(of!.shape)) {
      if (!isVectorShape(of!.shape) || !isVectorShape(wrt.shape)) fail('STEP_DERIVATIVE_OF_VECTOR', { of: f.of.trim() });
      // A Jacobian costs 2 runs of its numerator per entry of the variable and of the numerator.
      if (of!.shape.rows * of!.shape.cols * wrt.shape.rows * wrt.shape.cols > MAX_ENTRIES) fail('STEP_DERIVATIVE_TOO_LARGE', { wrt: f.wrt, max: MAX_ENTRIES });
      jacobians.add(f.name);
      out.set(f.name, { kind: 'alias', compiled: jacobian(q, (w, env) => baseSlot(q, w, env), of!, wrt, f.wrt.trim(), layout) });
      continue;
    }
    out.set(f.name, { kind: 'alias', compiled: gradient(q, of!, wrt, f.wrt.trim(), isLossName(f.of)) });
  }
  return { bindings: out, jacobians };
}

function gradient(q: Question, of: Compiled, wrt: Compiled, wrtLatex: string, ofLoss: boolean): Compiled {
  const shape: Shape = wrt.shape;
  let slot: number | undefined | null = null;
  return {
    shape,
    work: (of.work + 1) * 2 * shape.rows * shape.cols + wrt.work,
    run: (env) => {
      if (slot === null) slot = baseSlot(q, wrt, env);
      // A quantity made of others (`\theta = U^T v_c`): through the chain rule, when that determines it.
      if (slot === undefined) {
        const g = derivedGradient(q, of, wrt, env) ?? throughGradient(q, of, wrt, wrtLatex, env);
        if (ofLoss && g.data.every((x) => Math.abs(x) < 1e-12)) fail('STEP_WRT_NOT_IN_LOSS', { wrt: wrtLatex });
        return g;
      }
      const g = numericGradient(q.model, { loss: of, wrt, baseSlot: slot }, env);
      if (!g) fail('STEP_WRT_NOT_SAMPLED', { wrt: wrtLatex });
      // The loss does not read the variable, which is not the question's own: the student's
      // name for another quantity (their `x` for the course's theta), not a zero derivative.
      if (ofLoss && slot !== q.derivative?.baseSlot && g!.data.every((x) => x === 0)) fail('STEP_WRT_NOT_IN_LOSS', { wrt: wrtLatex });
      return g!;
    },
  };
}
