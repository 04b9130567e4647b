/**
 * One graded answer of a question (the question itself, or one of its parts) at one model: the
 * reference compiled, and what only some runs read (the derivative, the definition, the authored
 * mistakes and terms, every expression as read). A question known to build cleanly (bank/clean.ts)
 * compiles those on first use: grading a right answer reads none of them, a wrong one reads only
 * the mistakes and terms, and they cannot report anything.
 */
import { sameShape, showShape, type Shape } from '../core/index.js';
import { namesUsed, parseMathjs, withBinding, type Compiled, type Node, type Scope } from '../expr/index.js';
import { FUNCTION_BY_NAME } from '../expr/compile/functions.js';
import { FILE_LIMITS } from '../core/limits.js';
import { IMPLEMENTATIONS } from './implementations.js';
import type { Path } from '../yaml/source.js';
import type { Issues } from './issues.js';
import type { PartSpec, ProblemSetSpec, QuestionSpec } from './schema.js';
import type { Derivative, FreeIndex, Mistake, Model, Question } from './types.js';
import { quantityOf } from './quantity.js';

/** What a question (or one of its parts) is graded on, and how it is named. */
export type Graded = Omit<PartSpec, 'id' | 'title' | 'prompt'>;
export interface Naming {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly group?: string;
  readonly gradescope?: QuestionSpec['gradescope'];
}

/** Where an answer is compiled: its scope (with the free index bound) and first free slot. */
interface Ctx {
  readonly model: Model;
  readonly q: Graded;
  readonly path: Path;
  readonly scope: Scope;
  readonly first: number;
  readonly issues: Issues;
}

/** An expression compiled at `p`, and its tree as read (for lint). */
const compileAt = (c: Ctx, text: string, p: Path): { node: Node; compiled: Compiled } | undefined => c.issues.compileTree(text, p, c.scope, c.first);
const nodes = (...read: ({ node?: Node } | undefined)[]): Node[] => read.flatMap((r) => (r?.node ? [r.node] : []));

function derivativeOf(c: Ctx): { derivative?: Derivative; wrtShape?: Shape; nodes: Node[] } {
  const { q, path, issues, model } = c;
  if (!q.derivative) return { nodes: [] };
  const dpath = [...path, 'derivative'];
  const loss = compileAt(c, q.derivative.of, [...dpath, 'of']);
  const wrt = compileAt(c, q.derivative.wrt, [...dpath, 'wrt']);
  const scalarLoss = loss && loss.compiled.shape.rows === 1 && loss.compiled.shape.cols === 1;
  if (loss && !scalarLoss) issues.add('LOSS_NOT_SCALAR', { shape: showShape(loss.compiled.shape) }, [...dpath, 'of']);
  const baseSlot = wrtBase(q.derivative.wrt, model, c.scope);
  if (baseSlot === undefined) issues.add('WRT_NOT_SAMPLED', { wrt: q.derivative.wrt }, [...dpath, 'wrt']);
  // The proof moves each entry of the variable twice and recomputes the loss and derived symbols.
  const work =
    loss && wrt
      ? 2 * wrt.compiled.shape.rows * wrt.compiled.shape.cols * (loss.compiled.work + model.slots.reduce((sum, x) => sum + (x.derived?.work ?? 0), 0))
      : 0;
  let derivative: Derivative | undefined;
  if (work > FILE_LIMITS.proofWork) issues.add('PROOF_TOO_COSTLY', { work, max: FILE_LIMITS.proofWork }, dpath);
  else if (loss && scalarLoss && wrt && baseSlot !== undefined) derivative = { loss: loss.compiled, wrt: wrt.compiled, wrtText: q.derivative.wrt, baseSlot };
  return { ...(derivative ? { derivative } : {}), ...(wrt ? { wrtShape: wrt.compiled.shape } : {}), nodes: nodes(loss, wrt) };
}

function definitionOf(c: Ctx, reference: Compiled | undefined, refPath: Path): { definition?: Compiled; nodes: Node[] } {
  if (c.q.definition === undefined) return { nodes: [] };
  const read = compileAt(c, c.q.definition, [...c.path, 'definition']);
  const definition = read?.compiled;
  if (definition && reference && !sameShape(definition.shape, reference.shape))
    c.issues.add('REFERENCE_SHAPE', { expected: showShape(definition.shape), got: showShape(reference.shape), of: 'the definition' }, refPath);
  return { ...(definition ? { definition } : {}), nodes: nodes(read) };
}

function mistakesAndTerms(c: Ctx, reference: Compiled): Pick<Question, 'mistakes' | 'terms'> & { nodes: Node[] } {
  const { q, path, issues } = c;
  const read: Node[] = [];
  const mistakes: Mistake[] = [];
  q.mistakes.forEach((m, i) => {
    const mpath = [...path, 'mistakes', i, 'answer'];
    const r = compileAt(c, m.answer, mpath);
    read.push(...nodes(r));
    if (!r) return;
    const compiled = r.compiled;
    if (!sameShape(compiled.shape, reference.shape) && !compiled.zeroLiteral)
      issues.add('MISTAKE_SHAPE', { answer: m.answer, got: showShape(compiled.shape), expected: showShape(reference.shape) }, mpath);
    else mistakes.push({ answer: m.answer, compiled, feedback: m.feedback, credit: m.credit, at: issues.src.at(mpath) });
  });
  const terms = Object.entries(q.terms).flatMap(([name, text]) => {
    const r = compileAt(c, text, [...path, 'terms', name]);
    read.push(...nodes(r));
    return r ? [{ name, compiled: r.compiled }] : [];
  });
  return { mistakes, terms, nodes: read };
}

/** Defines `key` on `target` as computed by `get` on first read, then kept (and still copied by a spread). */
function lazily(target: object, key: string, get: () => unknown): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = get();
      Object.defineProperty(target, key, { value, enumerable: true });
      return value;
    },
  });
}

export function buildAnswer(
  spec: ProblemSetSpec,
  model: Model,
  q: Graded,
  path: Path,
  naming: Naming,
  issues: Issues,
  sizeSet: number,
  clean: boolean,
): Question | undefined {
  let scope: Scope = model.scope;
  let free: FreeIndex | undefined;
  if (q.free !== undefined) {
    const decl = scope.indices.get(q.free);
    if (!decl) issues.add('UNKNOWN_INDEX', { name: q.free, known: [...scope.indices.keys()] }, [...path, 'free']);
    else {
      free = { name: q.free, lo: decl.lo, hi: decl.hi, slot: model.firstFreeSlot };
      scope = withBinding(scope, q.free, { kind: 'slot', slot: free.slot, shape: { rows: 1, cols: 1 } });
    }
  }
  const c: Ctx = { model, q, path, scope, first: model.firstFreeSlot + (free ? 1 : 0), issues };
  // An implementation may need the derivative to build the reference: built eagerly.
  const lazy = clean && q.reference !== undefined;
  const d = lazy ? undefined : derivativeOf(c);

  const refPath = [...path, q.reference !== undefined ? 'reference' : 'implementation'];
  let read: { node?: Node; compiled: Compiled } | undefined;
  if (q.reference !== undefined) read = compileAt(c, q.reference, refPath);
  else {
    const impl = IMPLEMENTATIONS.get(q.implementation!);
    const built = impl?.build({ model, ...(d?.derivative ? { derivative: d.derivative } : {}) });
    if (!impl) issues.add('UNKNOWN_IMPLEMENTATION', { name: q.implementation!, known: [...IMPLEMENTATIONS.keys()] }, refPath);
    else if (built && 'error' in built) issues.add('IMPLEMENTATION_NEEDS', { name: q.implementation!, detail: built.error }, refPath);
    else if (built) read = { compiled: built };
  }
  const reference = read?.compiled;
  if (d?.wrtShape && reference && !sameShape(d.wrtShape, reference.shape))
    issues.add('REFERENCE_SHAPE', { expected: showShape(d.wrtShape), got: showShape(reference.shape), of: `the variable ${q.derivative!.wrt}` }, refPath);
  const def = lazy ? undefined : definitionOf(c, reference, refPath);
  if (!read || !reference) return undefined;
  const rest = lazy ? undefined : mistakesAndTerms(c, reference);
  if (!lazy) {
    const known = (name: string) => scope.bindings.has(name) || scope.families.has(name) || FUNCTION_BY_NAME.has(name);
    for (const name of [...(q.form?.without ?? []), ...(q.form?.using ?? [])])
      if (!known(name)) issues.add('UNKNOWN_SYMBOL', { name, suggestions: [] }, [...path, 'form']);
    q.forbid.forEach((f, i) => {
      const name = typeof f === 'string' ? f : f.name;
      if (!known(name)) issues.add('UNKNOWN_SYMBOL', { name, suggestions: [] }, [...path, 'forbid', i]);
    });
  }
  const question: Question = {
    ...naming,
    points: q.points,
    quantity: quantityOf(q),
    model,
    ...(free ? { free } : {}),
    reference,
    ...(read.node ? { referenceNode: read.node } : {}),
    referenceText: q.reference ?? `implementation: ${q.implementation}`,
    ...(d?.derivative ? { derivative: d.derivative } : {}),
    ...(def?.definition ? { definition: def.definition } : {}),
    // A reference by finite differences is accurate to about 1e-8 only.
    tolerance: q.implementation === 'numeric-gradient' ? { ...q.tolerance, rel: Math.max(q.tolerance.rel, 1e-6) } : q.tolerance,
    primeTranspose: q.primeTranspose ?? spec.primeTranspose,
    samples: q.samples,
    examples: q.examples,
    at: issues.src.at(path),
    referenceAt: issues.src.at(refPath),
    ...(q.derivative ? { derivativeAt: issues.src.at([...path, 'derivative', 'of']) } : {}),
    exampleAt: q.examples.map((_, i) => issues.src.at([...path, 'examples', i, 'answer'])),
    mistakes: rest?.mistakes ?? [],
    terms: rest?.terms ?? [],
    ...(q.form ? { form: q.form } : {}),
    forbid: q.forbid.map((f) => (typeof f === 'string' ? { name: f } : f)),
    set: spec.set,
    sizeSet,
    others: [],
    expressions: d && def && rest ? [...d.nodes, ...nodes(read), ...def.nodes, ...rest.nodes] : [],
    ...(spec.description ? { description: spec.description } : {}),
    labels: q.labels,
    asks: q.asks,
  };
  if (!lazy) return question;
  // Built in the order an eager build takes, once, whichever is read first.
  let parts: { d: ReturnType<typeof derivativeOf>; def: ReturnType<typeof definitionOf>; rest: ReturnType<typeof mistakesAndTerms> } | undefined;
  const all = () => (parts ??= { d: derivativeOf(c), def: definitionOf(c, reference, refPath), rest: mistakesAndTerms(c, reference) });
  lazily(question, 'derivative', () => all().d.derivative);
  lazily(question, 'definition', () => all().def.definition);
  lazily(question, 'mistakes', () => all().rest.mistakes);
  lazily(question, 'terms', () => all().rest.terms);
  lazily(question, 'expressions', () => [...all().d.nodes, ...nodes(read), ...all().def.nodes, ...all().rest.nodes]);
  return question;
}

/**
 * The sampled symbol a derivative's variable reads: `v_c` itself, or `U` for `u_w`.
 * Exactly one continuous sampled symbol must be named, directly or through a family.
 */
function wrtBase(text: string, model: Model, scope: Scope): number | undefined {
  let node: Node;
  try {
    node = parseMathjs(text);
  } catch {
    return undefined;
  }
  const names = namesUsed(node, scope);
  const found = model.slots.map((s, i) => ({ s, i })).filter(({ s }) => names.has(s.name) && s.dist && s.dist.kind !== 'integer' && s.dist.kind !== 'indices');
  return found.length === 1 ? found[0]!.i : undefined;
}
