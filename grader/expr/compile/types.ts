import type { Finding, Position, Shape } from '../../core/index.js';
import type { Mat } from '../../linalg/mat.js';
import type { Node } from '../math.js';

/** Values by slot: symbols sampled or derived, then bound variables (sum indices, free index). */
export type Env = Mat[];

/** A checked, shape-known expression, ready to run many times. */
export interface Compiled {
  readonly shape: Shape;
  readonly run: (env: Env) => Mat;
  /** For a 1 x 1 expression: its value as a number, with no matrix allocated (the hot path). */
  readonly num?: (env: Env) => number;
  /** The value when known at compile time (literals, sizes, arithmetic on them). */
  readonly constant?: number;
  /** Estimated scalar operations per run; bounds hostile input before it runs. */
  readonly work: number;
  /** True for the bare literal 0, which stands for a zero of any shape. */
  readonly zeroLiteral?: boolean;
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

/** Per-compilation state: where nodes are in the source, and slots for bound variables. */
export interface Ctx {
  readonly where: (n: Node) => Position | undefined;
  nextSlot: number;
  /** How ambiguous notation was read (an elementwise juxtaposition, a dot product). */
  readonly notes: Finding[];
}

export const withBinding = (scope: Scope, name: string, binding: Binding): Scope => ({
  ...scope,
  bindings: new Map(scope.bindings).set(name, binding),
});
