/**
 * Derivatives of vectors, valued by differentiating what is written (central differences, as
 * for scalars): `\frac{\partial U^T v_c}{\partial v_c}` is a Jacobian, m x n in the numerator
 * layout and n x m in the denominator layout, and a step is read under each; a vector times the
 * derivative of a vector by a matrix (`(\hat y - y)^T \frac{\partial U^T v_c}{\partial U}`) is the
 * chain rule's contraction, shaped like the matrix.
 */
import { fail, type Shape } from '../core/index.js';
import type { Compiled } from '../expr/index.js';
import * as M from '../linalg/mat.js';
import { numericGradient } from '../sample/gradient.js';
import type { Question } from '../bank/types.js';

export type Layout = 'numerator' | 'denominator';
export const LAYOUTS: readonly Layout[] = ['numerator', 'denominator'];

/** Finds the sampled slot a variable reads (steps-derivative.ts). */
export type SlotOf = (wrt: Compiled, env: M.Mat[]) => number | undefined;

const entries = (s: Shape): number => s.rows * s.cols;
export const isVectorShape = (s: Shape): boolean => s.rows === 1 || s.cols === 1;

function gradientOf(q: Question, slotOf: SlotOf, loss: (env: M.Mat[]) => number, wrt: Compiled, wrtLatex: string, env: M.Mat[]): M.Mat {
  const slot = slotOf(wrt, env);
  if (slot === undefined) fail('STEP_WRT_NOT_SAMPLED', { wrt: wrtLatex });
  const g = numericGradient(q.model, { loss: { run: (e) => M.scalar(loss(e)) }, wrt, baseSlot: slot! }, env);
  if (!g) fail('STEP_WRT_NOT_SAMPLED', { wrt: wrtLatex });
  return g!;
}

/** d(of)/d(wrt) for a vector `of` and a vector `wrt`, laid out as asked. */
export function jacobian(q: Question, slotOf: SlotOf, of: Compiled, wrt: Compiled, wrtLatex: string, layout: Layout): Compiled {
  const m = entries(of.shape),
    n = entries(wrt.shape);
  return {
    shape: layout === 'numerator' ? { rows: m, cols: n } : { rows: n, cols: m },
    work: (of.work + 1) * 2 * m * n + wrt.work,
    run: (env) => {
      const out = M.zeros(layout === 'numerator' ? m : n, layout === 'numerator' ? n : m);
      for (let i = 0; i < m; i++) {
        const g = gradientOf(q, slotOf, (e) => of.run(e).data[i]!, wrt, wrtLatex, env);
        for (let k = 0; k < n; k++) out.data[layout === 'numerator' ? i * n + k : k * m + i] = g.data[k]!;
      }
      return out;
    },
  };
}

/**
 * `g \frac{\partial f}{\partial X}` for vectors g and f of one length and any X: the sum over i of
 * g_i times the derivative of f_i by X, shaped like X (g's orientation is not a layout here: a
 * derivative by a matrix has none that a product could check).
 */
export function contraction(q: Question, slotOf: SlotOf, g: Compiled, of: Compiled, wrt: Compiled, wrtLatex: string): Compiled {
  if (!isVectorShape(g.shape) || entries(g.shape) !== entries(of.shape)) fail('STEP_DERIVATIVE_OF_VECTOR', { of: wrtLatex });
  return {
    shape: wrt.shape,
    work: g.work + (of.work + 1) * 2 * entries(wrt.shape) + wrt.work,
    run: (env) => {
      const gv = g.run(env.slice());
      return gradientOf(q, slotOf, (e) => M.dotData(gv, of.run(e)), wrt, wrtLatex, env);
    },
  };
}
