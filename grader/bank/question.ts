/**
 * One question spec → Question: declarations merged (set ⊕ context ⊕ question), the model
 * built, the reference, loss, variable and definition compiled with their shapes checked.
 */
import { sameShape, showShape } from '../core/index.js';
import { namesUsed, parseMathjs, withBinding, type Compiled, type Node, type Scope } from '../expr/index.js';
import { IMPLEMENTATIONS } from './implementations.js';
import type { Path } from '../yaml/source.js';
import type { Issues } from './issues.js';
import { buildModel, type Located, type MergedDeclarations } from './model.js';
import type { Declarations, PartSpec, ProblemSetSpec, QuestionSpec } from './schema.js';
import type { Derivative, FreeIndex, Mistake, Model, Question } from './types.js';
import { FUNCTION_BY_NAME } from '../expr/compile/functions.js';
import { FILE_LIMITS } from '../core/limits.js';
import { quantityOf } from './quantity.js';

type Layer = { decls: Partial<Declarations>; path: Path };

function merge(layers: Layer[]): MergedDeclarations {
  const pick = <K extends Exclude<keyof Declarations, 'sizeSets'>>(key: K) => {
    const out = new Map<string, Located<Declarations[K][string]>>();
    for (const { decls, path } of layers)
      for (const [name, value] of Object.entries(decls[key] ?? {})) {
        out.delete(name); // a redefinition moves to the end, after what it may depend on
        out.set(name, { value: value as Declarations[K][string], path: [...path, key, name] });
      }
    return out;
  };
  return { sizes: pick('sizes'), symbols: pick('symbols'), indices: pick('indices'), families: pick('families'), spellings: pick('spellings') };
}

/** What a question (or one of its parts) is graded on, and how it is named. */
type Graded = Omit<PartSpec, 'id' | 'title' | 'prompt'>;
interface Naming {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly group?: string;
  readonly gradescope?: QuestionSpec['gradescope'];
}

/**
 * A question spec → its Questions: itself, or one per part (`<set>/<question>/<part>`). When it
 * is known to build cleanly (`clean`, bank/clean.ts), each Question's `others` is built on first
 * use, once, and checks that could only report an issue are skipped.
 */
export function buildQuestions(spec: ProblemSetSpec, index: number, issues: Issues, clean = false): Question[] {
  const q: QuestionSpec = spec.questions[index]!;
  const qpath: Path = ['questions', index];
  const layers: Layer[] = [{ decls: spec, path: [] }];
  if (q.context !== undefined) {
    const ctx = spec.contexts[q.context];
    if (!ctx) issues.add('UNKNOWN_CONTEXT', { name: q.context, known: Object.keys(spec.contexts) }, [...qpath, 'context']);
    else layers.push({ decls: ctx, path: ['contexts', q.context] });
  }
  layers.push({ decls: q, path: qpath });
  const decls = merge(layers);
  const before = issues.list.length;
  const id = `${spec.set}/${q.id}`;
  const gradescope = q.gradescope ? { gradescope: q.gradescope } : {};
  const build = (model: Model): (Question | undefined)[] =>
    q.parts.length === 0
      ? [buildAnswer(spec, model, q, qpath, { id, title: q.title, prompt: q.prompt, ...gradescope }, issues)]
      : q.parts.map((p, i) => {
          const naming = {
            id: `${id}/${p.id}`,
            title: p.title ?? `${q.title} (${p.id})`,
            prompt: p.prompt ? `${q.prompt}\n\n${p.prompt}` : q.prompt,
            group: id,
            ...gradescope,
          };
          return buildAnswer(spec, model, p, [...qpath, 'parts', i], naming, issues);
        });
  const primary = build(buildModel(decls, issues, clean));
  // The other size sets, only for a question that builds cleanly at the bank's sizes (else
  // each problem would be reported once per size set).
  const sets = issues.list.length === before ? sizeSetsOf(layers, decls) : [];
  let built: (Question | undefined)[][] | undefined;
  const others = () => (built ??= sets.map((sizes) => build(buildModel(withSizes(decls, sizes), issues, clean))));
  const othersOf = (i: number): Question[] => others().flatMap((b, k) => (b[i] ? [{ ...b[i], sizeSet: k + 1, others: [] }] : []));
  if (!clean) others();
  return primary.flatMap((main, i) => {
    if (!main) return [];
    if (!clean) return [{ ...main, others: othersOf(i) }];
    const q: Question = { ...main };
    Object.defineProperty(q, 'others', {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = othersOf(i);
        Object.defineProperty(q, 'others', { value, enumerable: true });
        return value;
      },
    });
    return [q];
  });
}

/** The size sets a question is graded at besides the bank's: the spec's `sizeSets`, or one derived. */
function sizeSetsOf(layers: Layer[], decls: MergedDeclarations): ReadonlyMap<string, number>[] {
  const given = [...layers].reverse().find((l) => l.decls.sizeSets !== undefined)?.decls.sizeSets;
  if (given) return given.map((s) => new Map(Object.entries(s)));
  const derived = largerSizes(decls);
  return derived.size ? [derived] : [];
}

/**
 * Each literal size mapped to a larger one (2n + 1, or n + 8 past 16 to bound the cost), in the
 * same order (so V > K stays true), pairwise distinct and distinct from every size of the bank
 * (so a number written for one size cannot stand for another at both size sets).
 */
export function largerSizes(decls: MergedDeclarations): Map<string, number> {
  const literal = [...decls.sizes].flatMap(([name, { value }]) => (typeof value === 'number' ? [[name, value] as const] : []));
  const used = new Set(literal.map(([, v]) => v));
  const out = new Map<string, number>();
  let prev = 0;
  for (const [name, v] of [...literal].sort((a, b) => a[1] - b[1])) {
    let c = Math.max(v <= 16 ? 2 * v + 1 : v + 8, prev + 1);
    while (used.has(c)) c++;
    used.add(c);
    out.set(name, (prev = c));
  }
  return out;
}

/** The declarations with some sizes replaced (sizes a set does not name keep their value). */
function withSizes(decls: MergedDeclarations, sizes: ReadonlyMap<string, number>): MergedDeclarations {
  const merged = new Map(decls.sizes);
  for (const [name, value] of sizes) {
    const old = merged.get(name);
    if (old) merged.set(name, { ...old, value });
  }
  return { ...decls, sizes: merged };
}

function buildAnswer(spec: ProblemSetSpec, model: Model, q: Graded, path: Path, naming: Naming, issues: Issues): Question | undefined {
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
  const first = model.firstFreeSlot + (free ? 1 : 0);
  // Every expression the author wrote, as read, for lint (which symbols the question needs).
  const expressions: Node[] = [];
  const compile = (text: string, p: Path) => {
    const r = issues.compileTree(text, p, scope, first);
    if (r) expressions.push(r.node);
    return r?.compiled;
  };

  let derivative: Derivative | undefined;
  let wrtShape;
  if (q.derivative) {
    const dpath = [...path, 'derivative'];
    const loss = compile(q.derivative.of, [...dpath, 'of']);
    const wrt = compile(q.derivative.wrt, [...dpath, 'wrt']);
    wrtShape = wrt?.shape;
    const scalarLoss = loss && loss.shape.rows === 1 && loss.shape.cols === 1;
    if (loss && !scalarLoss) issues.add('LOSS_NOT_SCALAR', { shape: showShape(loss.shape) }, [...dpath, 'of']);
    const baseSlot = wrtBase(q.derivative.wrt, model, scope);
    if (baseSlot === undefined) issues.add('WRT_NOT_SAMPLED', { wrt: q.derivative.wrt }, [...dpath, 'wrt']);
    // The proof moves each entry of the variable twice and recomputes the loss and derived symbols.
    const work = loss && wrt ? 2 * wrt.shape.rows * wrt.shape.cols * (loss.work + model.slots.reduce((sum, x) => sum + (x.derived?.work ?? 0), 0)) : 0;
    if (work > FILE_LIMITS.proofWork) issues.add('PROOF_TOO_COSTLY', { work, max: FILE_LIMITS.proofWork }, dpath);
    else if (loss && scalarLoss && wrt && baseSlot !== undefined) derivative = { loss, wrt, wrtText: q.derivative.wrt, baseSlot };
  }

  const refPath = [...path, q.reference !== undefined ? 'reference' : 'implementation'];
  let read: { node?: Node; compiled: Compiled } | undefined;
  if (q.reference !== undefined) {
    read = issues.compileTree(q.reference, refPath, scope, first);
    if (read?.node) expressions.push(read.node);
  } else {
    const impl = IMPLEMENTATIONS.get(q.implementation!);
    const built = impl?.build({ model, ...(derivative ? { derivative } : {}) });
    if (!impl) issues.add('UNKNOWN_IMPLEMENTATION', { name: q.implementation!, known: [...IMPLEMENTATIONS.keys()] }, refPath);
    else if (built && 'error' in built) issues.add('IMPLEMENTATION_NEEDS', { name: q.implementation!, detail: built.error }, refPath);
    else if (built) read = { compiled: built };
  }
  const reference = read?.compiled;
  if (wrtShape && reference && !sameShape(wrtShape, reference.shape))
    issues.add('REFERENCE_SHAPE', { expected: showShape(wrtShape), got: showShape(reference.shape), of: `the variable ${q.derivative!.wrt}` }, refPath);
  let definition;
  if (q.definition !== undefined) {
    definition = compile(q.definition, [...path, 'definition']);
    if (definition && reference && !sameShape(definition.shape, reference.shape))
      issues.add('REFERENCE_SHAPE', { expected: showShape(definition.shape), got: showShape(reference.shape), of: 'the definition' }, refPath);
  }
  if (!read || !reference) return undefined;
  const mistakes: Mistake[] = [];
  q.mistakes.forEach((m, i) => {
    const mpath = [...path, 'mistakes', i, 'answer'];
    const compiled = compile(m.answer, mpath);
    if (!compiled) return;
    if (!sameShape(compiled.shape, reference.shape) && !compiled.zeroLiteral)
      issues.add('MISTAKE_SHAPE', { answer: m.answer, got: showShape(compiled.shape), expected: showShape(reference.shape) }, mpath);
    else mistakes.push({ answer: m.answer, compiled, feedback: m.feedback, credit: m.credit, at: issues.src.at(mpath) });
  });
  const terms = Object.entries(q.terms).flatMap(([name, text]) => {
    const compiled = compile(text, [...path, 'terms', name]);
    return compiled ? [{ name, compiled }] : [];
  });
  const known = (name: string) => scope.bindings.has(name) || scope.families.has(name) || FUNCTION_BY_NAME.has(name);
  for (const name of [...(q.form?.without ?? []), ...(q.form?.using ?? [])])
    if (!known(name)) issues.add('UNKNOWN_SYMBOL', { name, suggestions: [] }, [...path, 'form']);
  const forbid = q.forbid.map((f) => (typeof f === 'string' ? { name: f } : f));
  forbid.forEach((f, i) => known(f.name) || issues.add('UNKNOWN_SYMBOL', { name: f.name, suggestions: [] }, [...path, 'forbid', i]));
  return {
    ...naming,
    points: q.points,
    quantity: quantityOf(q),
    model,
    ...(free ? { free } : {}),
    reference,
    ...(read.node ? { referenceNode: read.node } : {}),
    referenceText: q.reference ?? `implementation: ${q.implementation}`,
    ...(derivative ? { derivative } : {}),
    ...(definition ? { definition } : {}),
    // A reference by finite differences is accurate to about 1e-8 only.
    tolerance: q.implementation === 'numeric-gradient' ? { ...q.tolerance, rel: Math.max(q.tolerance.rel, 1e-6) } : q.tolerance,
    primeTranspose: q.primeTranspose ?? spec.primeTranspose,
    samples: q.samples,
    examples: q.examples,
    at: issues.src.at(path),
    referenceAt: issues.src.at(refPath),
    ...(q.derivative ? { derivativeAt: issues.src.at([...path, 'derivative', 'of']) } : {}),
    exampleAt: q.examples.map((_, i) => issues.src.at([...path, 'examples', i, 'answer'])),
    mistakes,
    terms,
    ...(q.form ? { form: q.form } : {}),
    forbid,
    set: spec.set,
    sizeSet: 0,
    others: [],
    expressions,
    ...(spec.description ? { description: spec.description } : {}),
    labels: q.labels,
    asks: q.asks,
  };
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
