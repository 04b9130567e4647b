/**
 * References written in TypeScript, for what an expression cannot state. A question names one
 * with `implementation:` instead of `reference:`. Each builds a compiled reference from the
 * question's model, so it is sampled, graded and proven like any other.
 */
import { LOSS_RUNS_PER_ENTRY, numericGradient } from '../sample/gradient.js';
import type { Shape } from '../core/index.js';
import type { Compiled } from '../expr/index.js';
import { mat, type Mat } from '../linalg/mat.js';
import type { Derivative, Model } from './types.js';

const nans = (s: Shape): Mat => mat(s.rows, s.cols, new Float64Array(s.rows * s.cols).fill(NaN));

export interface Implementation {
  readonly description: string;
  build(ctx: { model: Model; derivative?: Derivative }): Compiled | { error: string };
}

export const IMPLEMENTATIONS: ReadonlyMap<string, Implementation> = new Map([
  [
    'numeric-gradient',
    {
      description: 'the gradient of `derivative.of` with respect to `derivative.wrt`, by central differences (for gradients with no short closed form)',
      build: ({ model, derivative }) => {
        if (!derivative) return { error: 'needs `derivative:` (the loss and the variable)' };
        return {
          shape: derivative.wrt.shape,
          // Undefined gradients are NaN, so the point is drawn again like any undefined reference.
          run: (env) => numericGradient(model, derivative, env) ?? nans(derivative.wrt.shape),
          work: LOSS_RUNS_PER_ENTRY * derivative.loss.work * (derivative.wrt.shape.rows * derivative.wrt.shape.cols),
        };
      },
    },
  ],
]);
