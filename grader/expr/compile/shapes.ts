/** Shape rules shared by operators and functions, with errors in the question's terms. */
import { fail, isScalar, nameShape, sameShape, showShape, type Shape } from '../../core/index.js';
import type { Scope, Where } from './types.js';

/** `{left: "7 x 3", leftName: "V x d"}`: a shape as numbers and, where they are sizes, as names. */
export function shapeArgs<K extends string>(scope: Scope, key: K, s: Shape): { [P in K]: string } & { [P in `${K}Name`]: string | undefined } {
  return { [key]: showShape(s), [`${key}Name`]: nameShape(s, scope.sizes) } as { [P in K]: string } & { [P in `${K}Name`]: string | undefined };
}

/** The codes an elementwise operator fails with. */
export type ShapeRuleCode = 'SHAPE_ADD' | 'SHAPE_ELEMENTWISE';

/** Elementwise rule: equal shapes, or a scalar on either side. */
export function elementwiseShape(code: ShapeRuleCode, op: string, a: Shape, b: Shape, scope: Scope, at?: Where): Shape {
  if (sameShape(a, b) || isScalar(a)) return isScalar(a) ? b : a;
  if (isScalar(b)) return a;
  const hint = a.rows === b.cols && a.cols === b.rows ? 'transposed' : undefined;
  return fail(code, { op, ...shapeArgs(scope, 'left', a), ...shapeArgs(scope, 'right', b), hint }, at?.());
}

/** Matrix rule: inner dimensions agree; a 1 x 1 side scales. */
export function productShape(a: Shape, b: Shape, scope: Scope, at?: Where): Shape {
  if (isScalar(a)) return b;
  if (isScalar(b)) return a;
  if (a.cols === b.rows) return { rows: a.rows, cols: b.cols };
  const hint = a.rows === b.rows ? 'transposeLeft' : a.cols === b.cols ? 'transposeRight' : undefined;
  return fail('SHAPE_PRODUCT', { ...shapeArgs(scope, 'left', a), ...shapeArgs(scope, 'right', b), hint }, at?.());
}

export function requireScalar(what: string, s: Shape, scope: Scope, at?: Where): void {
  if (!isScalar(s)) fail('NOT_SCALAR', { what, ...shapeArgs(scope, 'shape', s) }, at?.());
}
