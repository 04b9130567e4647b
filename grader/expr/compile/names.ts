/**
 * Name resolution: symbols, sizes, bound indices, and indexed families (`u_w`, `yhat_o`,
 * `y_(o_j)`), in that order. Unknown names fail with suggestions from the scope.
 */
import { fail, InputError, isScalar, isVector, SCALAR } from '../../core/index.js';
import * as M from '../../linalg/mat.js';
import type { Node } from '../math.js';
import { N } from '../math.js';
import { FUNCTION_BY_NAME } from './functions.js';
import { requireScalar } from './shapes.js';
import { suggest } from '../../core/suggest.js';
import { slotReader } from './views.js';
import { withBinding, type Binding, type Compiled, type Ctx, type Scope, type Where } from './types.js';

type CompileFn = (node: Node, scope: Scope, ctx: Ctx) => Compiled;

/** A number known when compiling; its 1 x 1 matrix is made only if asked for (most uses read the number). */
export function literal(v: number, zeroLiteral = false): Compiled {
  let m: M.Mat | undefined;
  return { shape: SCALAR, run: () => (m ??= M.scalar(v)), num: () => v, work: 0, constant: v, literal: true, zeroLiteral };
}

export function fromBinding(b: Binding): Compiled {
  switch (b.kind) {
    case 'const':
      return literal(b.value);
    case 'alias':
      return b.compiled;
    case 'lazy':
      return b.get();
    case 'slot': {
      const { slot } = b;
      const run = (env: M.Mat[]) => env[slot]!;
      if (isScalar(b.shape)) return { shape: b.shape, run, num: (env) => env[slot]!.data[0]!, work: 0, slot };
      return { shape: b.shape, run, work: 0, slot, read: isVector(b.shape) ? slotReader(slot) : undefined };
    }
  }
}

// A Map, not an object: names like `toString` or `__proto__` must not reach a prototype.
const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** `W_2` → `W2`, `D_x` → `Dx`; a family call's `y_` is left alone. */
const joinedName = (name: string): string => (/^[A-Za-z]+_[A-Za-z0-9]+$/.test(name) ? name.replace('_', '') : name);

/** `u_w` → {base: u, sub: w} when `u` is a family of the scope (the first split that is one). */
export function familyMember(name: string, scope: Scope): { base: string; sub: string } | undefined {
  for (let i = name.indexOf('_'); i > 0 && i < name.length - 1; i = name.indexOf('_', i + 1))
    if (scope.families.has(name.slice(0, i))) return { base: name.slice(0, i), sub: name.slice(i + 1) };
  return undefined;
}

/** Whether a name is a value here (symbol, size, constant or family member), as opposed to a function. */
export function isValueName(name: string, scope: Scope): boolean {
  if (scope.bindings.has(name)) return true;
  const alias = scope.aliases.get(name);
  if (alias !== undefined && alias !== name) return isValueName(alias, scope);
  if (joinedName(name) !== name && scope.bindings.has(joinedName(name))) return true;
  if (FUNCTION_BY_NAME.has(name)) return false;
  return familyMember(name, scope) !== undefined || CONSTANTS.has(name);
}

/** Resolves a symbol, or returns undefined when the name is not a value in this scope. */
export function tryResolve(name: string, scope: Scope, ctx: Ctx, compile: CompileFn, at?: Where): Compiled | undefined {
  const b = scope.bindings.get(name);
  if (b) return fromBinding(b);
  const alias = scope.aliases.get(name);
  if (alias !== undefined && alias !== name) return tryResolve(alias, scope, ctx, compile, at);
  const member = familyMember(name, scope);
  if (member) {
    const { base, sub } = member;
    return applyFamily(base, /^\d+$/.test(sub) ? N.constant(Number(sub)) : N.symbol(sub), scope, ctx, compile, at);
  }
  // `W_2` for the symbol W2, `D_x` for Dx: students write subscripts where authors wrote none.
  const joined = joinedName(name);
  if (joined !== name && scope.bindings.has(joined)) return fromBinding(scope.bindings.get(joined)!);
  const c = CONSTANTS.get(name);
  return c === undefined ? undefined : fromBinding({ kind: 'const', value: c });
}

export function resolve(name: string, scope: Scope, ctx: Ctx, compile: CompileFn, at?: Where): Compiled {
  const found = tryResolve(name, scope, ctx, compile, at);
  if (found) return found;
  if (FUNCTION_BY_NAME.has(name)) return fail('FUNCTION_AS_VALUE', { name }, at?.());
  const index = scope.indices.get(name);
  if (index) return fail('INDEX_UNBOUND', { name, lo: index.lo, hi: index.hi }, at?.());
  return fail('UNKNOWN_SYMBOL', { name, suggestions: [...runTogether(name, scope), ...suggest(name, candidates(scope))] }, at?.());
}

/** `Wx` → `W x` when the name is two of the scope's values run together (mathjs reads `Wx` as one name). */
function runTogether(name: string, scope: Scope): string[] {
  const out: string[] = [];
  for (let i = 1; i < name.length; i++) {
    const [a, b] = [name.slice(0, i), name.slice(i)];
    if (!a.endsWith('_') && !b.startsWith('_') && isValueName(a, scope) && isValueName(b, scope)) out.push(`${a} ${b}`);
  }
  return out;
}

/**
 * `base_(index)`: the family's body with its parameter bound to the index. An index letter
 * declared with `of` stands for an entry of that list (`u_k` is column `negs[k]` of U).
 */
export function applyFamily(base: string, index: Node, scope: Scope, ctx: Ctx, compile: CompileFn, at?: Where): Compiled {
  const family = scope.families.get(base)!;
  let sub = index;
  if (index.type === 'SymbolNode') {
    const name = (index as unknown as { name: string }).name;
    const of = scope.indices.get(name)?.of;
    // `w_k` in a family that *is* the list (`w: negs[i]`) is negs[k], not negs[negs[k]].
    if (of && !mentions(family.body, of)) sub = N.access(N.symbol(of), [index]);
  }
  let compiled: Compiled;
  try {
    compiled = compile(sub, scope, ctx);
  } catch (e) {
    // The subscript was split from a name (`yhat_q`): point at the whole name.
    const where = e instanceof InputError && e.finding.at?.offset === undefined ? at?.() : undefined;
    if (where) throw new InputError({ ...(e as InputError).finding, at: where });
    throw e;
  }
  requireScalar(`the subscript of ${base}`, compiled.shape, scope, at);
  return compile(family.body, withBinding(scope, family.param, { kind: 'alias', compiled }), ctx);
}

const mentions = (body: Node, name: string): boolean =>
  body.filter((n) => n.type === 'SymbolNode' && (n as unknown as { name: string }).name === name).length > 0;

/** Names worth suggesting: symbols, and each family with each index letter. */
export function candidates(scope: Scope): string[] {
  const names = [...scope.bindings.keys()].filter((n) => !n.startsWith('$'));
  const letters = [...scope.indices.keys(), ...[...scope.bindings].filter(([, b]) => b.kind === 'slot' && isScalar(b.shape)).map(([n]) => n)];
  for (const f of scope.families.keys()) for (const l of new Set(letters)) names.push(`${f}_${l}`);
  return names;
}

export const functionCandidates = (): string[] => [...FUNCTION_BY_NAME.keys(), 'sum', 'onehot', 'zeros'];
