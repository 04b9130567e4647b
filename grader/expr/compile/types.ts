import type { Finding, Position, Shape } from '../../core/index.js';
import type { Mat } from '../../linalg/mat.js';
import type { Node } from '../math.js';

/** Values by slot: symbols sampled or derived, then bound variables (sum indices, free index). */
export type Env = Mat[];

/** Where a vector's entries are (views.ts): entry i is sign * data[offset + i * stride], filled by a Reader and read at once by the node that asked. */
export interface View {
  data: Float64Array<ArrayBufferLike>;
  offset: number;
  stride: number;
  sign: number;
}

/** Evaluates a vector and says where its entries are (into a View owned by the calling node). */
export type Reader = (env: Env, into: View) => void;

/** A checked, shape-known expression, ready to run many times. */
export interface Compiled {
  readonly shape: Shape;
  readonly run: (env: Env) => Mat;
  /**
   * A whole answer's value in the expression's own buffer, which the next run overwrites (`run`
   * returns a copy, compileExpr): for a caller that reads it at once and keeps nothing.
   */
  readonly shared?: (env: Env) => Mat;
  /** For a 1 x 1 expression: its value as a number, with no matrix allocated (the hot path). */
  readonly num?: (env: Env) => number;
  /** The value when known at compile time (literals, sizes, arithmetic on them). */
  readonly constant?: number;
  /** Estimated scalar operations per run; bounds hostile input before it runs. */
  readonly work: number;
  /** A number written in the answer or the spec (a literal, a size, pi): read as itself, nothing to run or to meter. */
  readonly literal?: boolean;
  /** True for the bare literal 0, which stands for a zero of any shape. */
  readonly zeroLiteral?: boolean;
  /** For a vector read in place (a column, a transpose, a negation): where its entries are, no copy made (views.ts). */
  readonly read?: Reader;
  /** For `onehot(i, n)`: where its 1 is (0-based, checked), so that `yhat - onehot(o, V)` changes one entry, not n. */
  readonly hot?: (env: Env) => number;
  /** For a column of a sampled matrix (`u_k`, or `-u_k'`): read straight from the matrix's slot by the kernels that know it. */
  readonly column?: Column;
  /** A symbol's slot: its value is env[slot], which the hottest kernels read with no call. */
  readonly slot?: number;
  /** acc_i += value_i without writing the value out first: what a sum does with its body. */
  readonly addTo?: (env: Env, acc: Float64Array<ArrayBufferLike>) => void;
}

/** Column `index` (1-based, checked by the reader against `cols`) of the matrix in `slot`, times `sign`. */
export interface Column {
  readonly slot: number;
  readonly cols: number;
  readonly index: (env: Env) => number;
  readonly sign: number;
  readonly at: Where;
}

export type Binding =
  | { readonly kind: 'slot'; readonly slot: number; readonly shape: Shape }
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'alias'; readonly compiled: Compiled }
  /** A student's own name, compiled when first used (an unused one never fails). */
  | { readonly kind: 'lazy'; readonly get: () => Compiled };

/** An indexed family as students write it: `u_w` is `U[:, w]` with param `i` and body `U[:, i]`. */
export interface Family {
  readonly param: string;
  readonly body: Node;
}

/** An index letter: its range, and what it stands for as a subscript (`k` → `negs[k]`). */
export interface IndexDecl {
  readonly lo: number;
  readonly hi: number;
  readonly of?: string;
}

/** Names a student may use, resolved at compile time. */
export interface Scope {
  readonly bindings: ReadonlyMap<string, Binding>;
  readonly families: ReadonlyMap<string, Family>;
  readonly indices: ReadonlyMap<string, IndexDecl>;
  /** Sizes by name, to speak of shapes in the question's terms. */
  readonly sizes: ReadonlyMap<string, number>;
  /** Extra spellings declared by the spec: canonical name → the symbol or function it means. */
  readonly aliases: ReadonlyMap<string, string>;
}

/** Where a node is in the source, looked up only when a finding needs it (most nodes never fail). */
export type Where = () => Position | undefined;

/** Per-compilation state: where nodes are in the source, and slots for bound variables. */
export interface Ctx {
  readonly where: (n: Node) => Position | undefined;
  nextSlot: number;
  /** How ambiguous notation was read (an elementwise juxtaposition, a dot product). */
  readonly notes: Finding[];
}

/**
 * A scope's bindings with one name bound (or rebound) over them: a view, not a copy, since every
 * family member (`u_k`) and every sum binds a name while compiling. Lists in the order a copied
 * Map would (a rebound name keeps its place); lookups walk at most the nesting depth.
 */
class Bound implements ReadonlyMap<string, Binding> {
  constructor(
    private readonly base: ReadonlyMap<string, Binding>,
    private readonly name: string,
    private readonly binding: Binding,
  ) {}
  get(name: string): Binding | undefined {
    return name === this.name ? this.binding : this.base.get(name);
  }
  has(name: string): boolean {
    return name === this.name || this.base.has(name);
  }
  get size(): number {
    return this.base.size + (this.base.has(this.name) ? 0 : 1);
  }
  private list(): [string, Binding][] {
    const out: [string, Binding][] = [...this.base].map(([k, v]) => [k, k === this.name ? this.binding : v]);
    if (!this.base.has(this.name)) out.push([this.name, this.binding]);
    return out;
  }
  entries(): MapIterator<[string, Binding]> {
    return this.list().values();
  }
  keys(): MapIterator<string> {
    return this.list()
      .map(([k]) => k)
      .values();
  }
  values(): MapIterator<Binding> {
    return this.list()
      .map(([, v]) => v)
      .values();
  }
  forEach(fn: (value: Binding, key: string, map: ReadonlyMap<string, Binding>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.list()) fn.call(thisArg, v, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, Binding]> {
    return this.entries();
  }
}

export const whereOf =
  (ctx: Ctx, node: Node): Where =>
  () =>
    ctx.where(node);

// Written out, not spread: every sum and family member binds a name while compiling.
export const withBinding = (scope: Scope, name: string, binding: Binding): Scope => ({
  bindings: new Bound(scope.bindings, name, binding),
  families: scope.families,
  indices: scope.indices,
  sizes: scope.sizes,
  aliases: scope.aliases,
});
