/**
 * Scalars as plain numbers. Most of a formula's nodes are 1 x 1 (sigma(u_o' v_c) - 1); computing
 * them as numbers, not matrices, is what keeps evaluation close to hand-written loops.
 */
import { SCALAR } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import type { Compiled, Env } from './types.js';

/** A 1 x 1 expression's value as a number. */
export const numOf = (c: Compiled): ((env: Env) => number) => {
  if (c.num) return c.num;
  const run = c.run;
  return (env) => run(env).data[0]!;
};

/** A 1 x 1 expression from a number-valued closure; `run` wraps the number only when asked. */
export function scalarCompiled(num: (env: Env) => number, work: number, constant?: number): Compiled {
  return { shape: SCALAR, num, run: (env) => M.scalar(num(env)), work, constant };
}
