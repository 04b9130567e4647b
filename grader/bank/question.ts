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

type Layer = { decls: Partial<Declarations>; path: Path };

function merge(layers: Layer[]): MergedDeclarations {
  const pick = <K extends keyof Declarations>(key: K) => {
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

/** A question spec → its Questions: itself, or one per part (`<set>/<question>/<part>`). */
export function buildQuestions(spec: ProblemSetSpec, index: number, issues: Issues): Question[] {
  const q: QuestionSpec = spec.questions[index]!;
  const qpath: Path = ['questions', index];
  const layers: Layer[] = [{ decls: spec, path: [] }];
  if (q.context !== undefined) {
    const ctx = spec.contexts[q.context];
    if (!ctx) issues.add('UNKNOWN_CONTEXT', { name: q.context, known: Object.keys(spec.contexts) }, [...qpath, 'context']);
    else layers.push({ decls: ctx, path: ['contexts', q.context] });
  }
  layers.push({ decls: q, path: qpath });
  const model = buildModel(merge(layers), issues);
  const id = `${spec.set}/${q.id}`;
  const gradescope = q.gradescope ? { gradescope: q.gradescope } : {};
  if (q.parts.length === 0) return [buildAnswer(spec, model, q, qpath, { id, title: q.title, prompt: q.prompt, ...gradescope }, issues)].filter((x) => x !== undefined);
  return q.parts.flatMap((p, i) => {
    const naming = { id: `${id}/${p.id}`, title: p.title ?? `${q.title} (${p.id})`, prompt: p.prompt ? `${q.prompt}\n\n${p.prompt}` : q.prompt, group: id, ...gradescope };
    const built = buildAnswer(spec, model, p, [...qpath, 'parts', i], naming, issues);
    return built ? [built] : [];
  });
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
    if (!sameShape(compiled.shape, reference.shape) && !compiled.zeroLiteral) issues.add('MISTAKE_SHAPE', { answer: m.answer, got: showShape(compiled.shape), expected: showShape(reference.shape) }, mpath);
    else mistakes.push({ answer: m.answer, compiled, feedback: m.feedback, credit: m.credit, at: issues.src.at(mpath) });
  });
  const terms = Object.entries(q.terms).flatMap(([name, text]) => {
    const compiled = compile(text, [...path, 'terms', name]);
    return compiled ? [{ name, compiled }] : [];
  });
  const known = (name: string) => scope.bindings.has(name) || scope.families.has(name) || FUNCTION_BY_NAME.has(name);
  for (const name of [...(q.form?.without ?? []), ...(q.form?.using ?? [])]) if (!known(name)) issues.add('UNKNOWN_SYMBOL', { name, suggestions: [] }, [...path, 'form']);
  const forbid = q.forbid.map((f) => (typeof f === 'string' ? { name: f } : f));
  forbid.forEach((f, i) => known(f.name) || issues.add('UNKNOWN_SYMBOL', { name: f.name, suggestions: [] }, [...path, 'forbid', i]));
  return {
    ...naming,
    points: q.points,
    quantity: q.quantity ?? (q.derivative ? `dJ/d${q.derivative.wrt}` : 'the expected answer'),
    model,
    ...(free ? { free } : {}),
    reference,
    ...(read.node ? { referenceNode: read.node } : {}),
    referenceText: q.reference ?? `implementation: ${q.implementation}`,
    ...(derivative ? { derivative } : {}),
    ...(definition ? { definition } : {}),
    tolerance: q.tolerance,
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
  const found = model.slots
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => names.has(s.name) && s.dist && s.dist.kind !== 'integer' && s.dist.kind !== 'indices');
  return found.length === 1 ? found[0]!.i : undefined;
}
