/**
 * One question spec → Questions: declarations merged (set ⊕ context ⊕ question), the model
 * built (shared by the questions of the same declarations), and each answer built (answer.ts)
 * at the bank's sizes and at each other size set.
 */
import type { Path } from '../yaml/source.js';
import type { Issues } from './issues.js';
import { buildModel, type Located, type MergedDeclarations } from './model.js';
import type { Declarations, ProblemSetSpec, QuestionSpec } from './schema.js';
import type { Model, Question } from './types.js';
import { buildAnswer } from './answer.js';

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

/**
 * Models already built from one file, by everything they are built from: the questions of a
 * context (or of a set without contexts) that declare nothing of their own share one model.
 */
export type Models = Map<string, Model>;

/** The key of a model: the declarations as written, with where (a model's symbols carry their place). */
const modelKey = (decls: MergedDeclarations, clean: boolean): string =>
  JSON.stringify([clean, ...[decls.sizes, decls.symbols, decls.indices, decls.families, decls.spellings].map((m) => [...m])]);

/**
 * A model, or the same one built before from the same declarations: building is a pure function
 * of them, nothing changes a model once built, and its problems were reported when first built.
 */
function sharedModel(models: Models | undefined, decls: MergedDeclarations, issues: Issues, clean: boolean): Model {
  if (!models) return buildModel(decls, issues, clean);
  const key = modelKey(decls, clean);
  let model = models.get(key);
  if (!model) models.set(key, (model = buildModel(decls, issues, clean)));
  return model;
}

/**
 * A question spec → its Questions: itself, or one per part (`<set>/<question>/<part>`). When it
 * is known to build cleanly (`clean`, bank/clean.ts), each Question's `others` is built on first
 * use, once, and checks that could only report an issue are skipped. `models`, shared by the
 * questions of one file, lets questions of the same declarations share their model.
 */
export function buildQuestions(spec: ProblemSetSpec, index: number, issues: Issues, clean = false, models?: Models): Question[] {
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
  const build = (model: Model, sizeSet: number): (Question | undefined)[] =>
    q.parts.length === 0
      ? [buildAnswer(spec, model, q, qpath, { id, title: q.title, prompt: q.prompt, ...gradescope }, issues, sizeSet, clean)]
      : q.parts.map((p, i) => {
          const naming = {
            id: `${id}/${p.id}`,
            title: p.title ?? `${q.title} (${p.id})`,
            prompt: p.prompt ? `${q.prompt}\n\n${p.prompt}` : q.prompt,
            group: id,
            ...gradescope,
          };
          return buildAnswer(spec, model, p, [...qpath, 'parts', i], naming, issues, sizeSet, clean);
        });
  const primary = build(sharedModel(models, decls, issues, clean), 0);
  // The other size sets, only for a question that builds cleanly at the bank's sizes (else
  // each problem would be reported once per size set).
  const sets = issues.list.length === before ? sizeSetsOf(layers, decls) : [];
  let built: (Question | undefined)[][] | undefined;
  const others = () => (built ??= sets.map((sizes, k) => build(sharedModel(models, withSizes(decls, sizes), issues, clean), k + 1)));
  const othersOf = (i: number): Question[] => others().flatMap((b) => (b[i] ? [b[i]] : []));
  if (!clean) others();
  return primary.flatMap((q, i) => {
    if (!q) return [];
    if (!clean) return [{ ...q, others: othersOf(i) }];
    // Not a spread: it would build the parts a clean question builds on first use (answer.ts).
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
 * (so a number written for one size cannot stand for another at both size sets), and such that no
 * simple relation between sizes holds at both sets (so `d + 1` written for K, or `2 * d + 1` for
 * V, is caught): see `keepsRelation`.
 */
export function largerSizes(decls: MergedDeclarations): Map<string, number> {
  const literal = [...decls.sizes].flatMap(([name, { value }]) => (typeof value === 'number' ? [[name, value] as const] : []));
  const used = new Set(literal.map(([, v]) => v));
  const out = new Map<string, number>();
  const done: (readonly [number, number])[] = [];
  let prev = 0;
  for (const [name, v] of [...literal].sort((a, b) => a[1] - b[1])) {
    let c = Math.max(v <= 16 ? 2 * v + 1 : v + 8, prev + 1);
    while (used.has(c) || keepsRelation(done, v, c)) c++;
    used.add(c);
    done.push([v, c]);
    out.set(name, (prev = c));
  }
  return out;
}

/** Small factors and offsets of the relations checked: b = p·a + q, b = a1 + a2 + q. */
const FACTORS = [1, 2, 3, 4];
const OFFSET = 4;

/**
 * Whether size b (mapped to c) and the sizes already mapped keep one relation at both sets:
 * b = a + q (any q), b = p·a + q or a = p·b + q (p ≤ 4, |q| ≤ 4), or b = a1 + a2 + q (|q| ≤ 4). Such a relation would let an
 * answer write one size through others (K as d + 1) and be right at both sets.
 */
export function keepsRelation(done: readonly (readonly [number, number])[], b: number, c: number): boolean {
  const near = (x: number, y: number, dx: number, dy: number) => x - dx === y - dy && Math.abs(x - dx) <= OFFSET;
  for (const [a, a2] of done) {
    // A difference kept at any offset (n + 8 past 16 keeps them all): K written as d + 20.
    if (b - a === c - a2) return true;
    for (const p of FACTORS) if (near(b, c, p * a, p * a2) || near(a, a2, p * b, p * c)) return true;
  }
  for (let i = 0; i < done.length; i++) for (let j = i; j < done.length; j++) if (near(b, c, done[i]![0] + done[j]![0], done[i]![1] + done[j]![1])) return true;
  return false;
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
