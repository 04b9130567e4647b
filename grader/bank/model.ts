/**
 * Declarations → Model: sizes evaluated, shapes fixed, distributions resolved, derived
 * symbols compiled in order. Problems are collected, each at its place in the file.
 */
import { isVector, SCALAR, unreachable, type Shape } from '../core/index.js';
import { compileText, latexName, parseMathjs, type Binding, type Family, type IndexDecl, type Scope } from '../expr/index.js';
import type { Dist } from '../sample/dist.js';
import type { Path } from '../yaml/source.js';
import type { Issues } from './issues.js';
import { FILE_LIMITS } from '../core/limits.js';
import type { FamilySpec, IndexSpec, SampleSpec, SymbolSpec } from './schema.js';
import type { Model, Slot } from './types.js';

/** A declaration and where it was written (declarations merge from set, context and question). */
export interface Located<T> {
  readonly value: T;
  readonly path: Path;
}

export interface MergedDeclarations {
  readonly sizes: ReadonlyMap<string, Located<number | string>>;
  readonly symbols: ReadonlyMap<string, Located<SymbolSpec>>;
  readonly indices: ReadonlyMap<string, Located<IndexSpec>>;
  readonly families: ReadonlyMap<string, Located<FamilySpec>>;
  readonly spellings: ReadonlyMap<string, Located<string>>;
}

/** `clean`: known to build without an issue (bank/clean.ts), so checks that could only report one are skipped. */
export function buildModel(decls: MergedDeclarations, issues: Issues, clean = false): Model {
  const bindings = new Map<string, Binding>();
  const sizes = new Map<string, number>();
  const aliases = new Map<string, string>();
  const scope: Scope = { bindings, families: new Map(), indices: new Map(), sizes, aliases };
  for (const [spelling, { value, path }] of decls.spellings) {
    const name = issues.guard(path, () => latexName(spelling));
    if (name === undefined) continue;
    if (name === null) issues.add('SPELLING_FORM', { spelling }, path, true);
    else aliases.set(name, value);
  }
  const slots: Slot[] = [];

  /** A size expression: a positive whole number known now. */
  const sizeOf = (v: number | string, path: Path): number | undefined => {
    if (typeof v === 'number') return v;
    // A size named by itself (`[d, V]`), as compiling it would give (bindings come first).
    const named = /^[A-Za-z][A-Za-z0-9]*$/.test(v) ? bindings.get(v) : undefined;
    if (named?.kind === 'const' && Number.isInteger(named.value)) return named.value;
    const c = issues.compile(v, path, scope, 0);
    if (c === undefined) return undefined;
    if (c.constant === undefined || !Number.isInteger(c.constant)) {
      issues.add('NOT_CONSTANT', { what: `size ${v}` }, path);
      return undefined;
    }
    return c.constant;
  };

  for (const [name, { value, path }] of decls.sizes) {
    const n = sizeOf(value, path);
    if (n === undefined) continue;
    if (n < 1 || n > 10_000) issues.add('SIZE_RANGE', { name, value: n }, path);
    sizes.set(name, n);
    bindings.set(name, { kind: 'const', value: n });
  }

  const shapeOf = (spec: SymbolSpec['shape'], path: Path): Shape | undefined => {
    if (spec === undefined || spec === 'scalar') return SCALAR;
    const [r, c] = Array.isArray(spec) ? spec : [spec, 1];
    const rows = sizeOf(r, [...path, 'shape']);
    const cols = sizeOf(c, [...path, 'shape']);
    return rows && cols ? { rows, cols } : undefined;
  };

  const derived: [string, Located<SymbolSpec>][] = [];
  for (const [name, loc] of decls.symbols) {
    if (loc.value.value !== undefined) {
      derived.push([name, loc]);
      continue;
    }
    let shape = shapeOf(loc.value.shape, loc.path);
    const resolved = resolveDist(loc.value.sample!, [...loc.path, 'sample'], sizeOf, (n) => slots.findIndex((s) => s.name === n), issues);
    if (!shape || !resolved) continue;
    if (resolved.shape) shape = resolved.shape;
    const { dist } = resolved;
    if ((dist.kind === 'onehot' || dist.kind === 'probability') && !isVector(shape))
      issues.add('SHAPE_NEEDS_VECTOR', { name, dist: dist.kind }, [...loc.path, 'shape']);
    bindings.set(name, { kind: 'slot', slot: slots.length, shape });
    slots.push({ name, shape, dist, at: issues.src.at(loc.path, true), ...(loc.value.description ? { description: loc.value.description } : {}) });
  }

  for (const [name, { value, path }] of decls.indices) {
    const lo = sizeOf(value.range[0], [...path, 'range', 0]);
    const hi = sizeOf(value.range[1], [...path, 'range', 1]);
    if (value.of !== undefined && !slots.some((s) => s.name === value.of && s.dist?.kind === 'indices'))
      issues.add('INDEX_OF_UNKNOWN', { name, of: value.of }, [...path, 'of']);
    // A free index is graded at every value: a range of a billion would never end.
    if (lo !== undefined && hi !== undefined && (hi < lo || hi - lo + 1 > FILE_LIMITS.indexRange))
      issues.add('INDEX_RANGE_LIMIT', { name, lo, hi, max: FILE_LIMITS.indexRange }, [...path, 'range']);
    else if (lo !== undefined && hi !== undefined) (scope.indices as Map<string, IndexDecl>).set(name, { lo, hi, ...(value.of ? { of: value.of } : {}) });
  }

  for (const [name, { value, path }] of decls.families) {
    const spec = typeof value === 'string' ? { index: 'i', value } : value;
    const body = issues.guard(typeof value === 'string' ? path : [...path, 'value'], () => parseMathjs(spec.value));
    if (body) (scope.families as Map<string, Family>).set(name, { param: spec.index, body });
  }

  for (const [name, { value, path }] of derived) {
    const read = issues.compileTree(value.value!, [...path, 'value'], scope, slots.length);
    if (!read) continue;
    const { compiled, node } = read;
    bindings.set(name, { kind: 'slot', slot: slots.length, shape: compiled.shape });
    slots.push({
      name,
      shape: compiled.shape,
      derived: compiled,
      derivedNode: node,
      at: issues.src.at(path, true),
      ...(value.description ? { description: value.description } : {}),
    });
  }

  // Each family must make sense for a typical index; compile it once to find unknown names now.
  // A family defined through itself (`u: "u_i"`) is dropped, so that nothing else recurses into it.
  // (Neither can happen in a clean question.)
  for (const [name, { value, path }] of clean ? [] : decls.families) {
    const at = typeof value === 'string' ? path : [...path, 'value'];
    const before = issues.list.length;
    issues.guard(at, () => compileText(`${name}_1`, scope, slots.length));
    if (issues.list.slice(before).some((f) => f.code === 'SPEC_RECURSIVE')) (scope.families as Map<string, Family>).delete(name);
  }

  return { scope, slots, firstFreeSlot: slots.length };
}

type SizeOf = (v: number | string, path: Path) => number | undefined;

function resolveDist(
  spec: SampleSpec,
  path: Path,
  sizeOf: SizeOf,
  slotOf: (name: string) => number,
  issues: Issues,
): { dist: Dist; shape?: Shape } | undefined {
  const s = typeof spec === 'string' ? ({ dist: spec } as Exclude<SampleSpec, string>) : spec;
  switch (s.dist) {
    case 'normal':
      return { dist: { kind: 'normal', mean: 'mean' in s ? s.mean : 0, sd: 'sd' in s ? s.sd : 1 } };
    case 'uniform':
    case 'positive': {
      const [dmin, dmax] = s.dist === 'positive' ? [0.5, 2] : [-1, 1];
      const min = ('min' in s ? s.min : undefined) ?? dmin;
      const max = ('max' in s ? s.max : undefined) ?? dmax;
      if (s.dist === 'positive' && min <= 0) issues.add('DIST_RANGE', { dist: s.dist, min, max }, path);
      if (min >= max) issues.add('DIST_RANGE', { dist: s.dist, min, max }, path);
      return { dist: { kind: 'uniform', min, max } };
    }
    case 'onehot':
    case 'probability':
      return { dist: { kind: s.dist } };
    case 'integer': {
      const min = sizeOf(s.min, [...path, 'min']);
      const max = sizeOf(s.max, [...path, 'max']);
      if (min === undefined || max === undefined) return undefined;
      if (min > max) issues.add('DIST_RANGE', { dist: 'integer', min, max }, path);
      return { dist: { kind: 'integer', min, max } };
    }
    case 'index': {
      const max = sizeOf(s.max, [...path, 'max']);
      return max === undefined ? undefined : { dist: { kind: 'integer', min: 1, max }, shape: SCALAR };
    }
    case 'indices': {
      const count = sizeOf(s.count, [...path, 'count']);
      const max = sizeOf(s.max, [...path, 'max']);
      const avoid = s.distinctFrom.map((n) => slotOf(n));
      s.distinctFrom.forEach((n, i) => avoid[i]! < 0 && issues.add('UNKNOWN_SYMBOL', { name: n, suggestions: [] }, [...path, 'distinctFrom', i]));
      if (count === undefined || max === undefined) return undefined;
      if (max - avoid.length < (s.distinct ? count : 1)) {
        issues.add('DIST_INFEASIBLE', { count, max, avoid: avoid.length }, path);
        return undefined;
      }
      return { dist: { kind: 'indices', max, distinct: s.distinct, avoid: avoid.filter((a) => a >= 0) }, shape: { rows: count, cols: 1 } };
    }
    default:
      return unreachable(s, 'distribution');
  }
}
