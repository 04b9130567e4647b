/** Matrix shapes. Vectors are columns (n x 1); a scalar is 1 x 1. */
export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export const SCALAR: Shape = Object.freeze({ rows: 1, cols: 1 });

export const shape = (rows: number, cols: number): Shape => ({ rows, cols });
export const isScalar = (s: Shape): boolean => s.rows === 1 && s.cols === 1;
export const isVector = (s: Shape): boolean => !isScalar(s) && (s.rows === 1 || s.cols === 1);
export const sameShape = (a: Shape, b: Shape): boolean => a.rows === b.rows && a.cols === b.cols;
export const transposed = (s: Shape): Shape => ({ rows: s.cols, cols: s.rows });
export const size = (s: Shape): number => s.rows * s.cols;
export const showShape = (s: Shape): string => `${s.rows} x ${s.cols}`;

/**
 * Names a shape in the problem's own terms when its dimensions are sizes,
 * e.g. 3 x 7 with sizes {d: 3, V: 7} → "d x V".
 */
export function nameShape(s: Shape, sizes: ReadonlyMap<string, number>): string | undefined {
  const name = (n: number): string | undefined => {
    if (n === 1) return '1';
    const hits = [...sizes].filter(([, v]) => v === n);
    return hits.length === 1 ? hits[0]![0] : undefined;
  };
  const r = name(s.rows);
  const c = name(s.cols);
  return r && c ? `${r} x ${c}` : undefined;
}
