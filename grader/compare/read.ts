/**
 * Reads an answer in the question's terms: the notation recognised, the student's own names
 * bound (from the submission's `definitions:` or a `where` clause), the tree compiled.
 */
import { fail, InputError, relocate, type Finding } from '../core/index.js';
import {
  compileTree,
  readAnswer,
  vocabFor,
  withBinding,
  type Binding,
  type Compiled,
  type Node,
  type Notation,
  type Reading,
  type Scope,
  type Vocab,
} from '../expr/index.js';
import { compileExpr } from '../expr/compile/compile.js';
import { isValueName } from '../expr/compile/names.js';
import { FILE_LIMITS } from '../core/limits.js';
import { Overlay } from './overlay.js';
import { latexName } from '../expr/latex/render.js';
import type { Question } from '../bank/types.js';

/** A student's definitions, by name, as written (either notation). */
export type Definitions = ReadonlyMap<string, string>;

export interface Read {
  readonly node: Node;
  readonly compiled: Compiled;
  readonly notation: Notation;
  readonly notes: Finding[];
  /** The text as read, before compiling: the same at every size set of the question. */
  readonly reading: Reading;
}

/** The question's scope, with its free index bound. */
export function questionScope(q: Question): { scope: Scope; first: number } {
  const { scope } = q.model;
  if (!q.free) return { scope, first: q.model.firstFreeSlot };
  return { scope: withBinding(scope, q.free.name, { kind: 'slot', slot: q.free.slot, shape: { rows: 1, cols: 1 } }), first: q.free.slot + 1 };
}

/**
 * The student's names over the question's scope, bound lazily: each is read and compiled only if
 * the answer uses it, sees only the names before it, and nests at most FILE_LIMITS.definitionDepth
 * deep (a chain of thousands would exhaust the stack).
 */
class Definer {
  private readonly overlay: Overlay;
  private depth = 0;

  constructor(private readonly base: Scope) {
    this.overlay = new Overlay(base.bindings);
  }

  scope(upTo?: number): Scope {
    // Most answers define nothing: the question's own scope then, without a view over it on every lookup.
    if (this.overlay.size === 0) return this.base;
    return { ...this.base, bindings: this.overlay.view(upTo) };
  }

  define(name: string, compile: (s: Scope) => Compiled): void {
    const before = this.scope(this.overlay.size);
    if (isValueName(name, before) || before.indices.has(name)) fail('REDEFINES_SYMBOL', { name });
    let cached: Compiled | undefined;
    this.overlay.add(name, {
      kind: 'lazy',
      get: () => {
        if (cached) return cached;
        if (this.depth >= FILE_LIMITS.definitionDepth) fail('DEFINITIONS_TOO_DEEP', { name, max: FILE_LIMITS.definitionDepth });
        this.depth++;
        try {
          return (cached = compile(before));
        } finally {
          this.depth--;
        }
      },
    });
  }
}

/** What a write-up adds: names bound before reading (a derivative's value), and definitions that restate the bank's own symbols. */
export interface ReadOptions {
  readonly bindings?: ReadonlyMap<string, Binding>;
  /** A write-up restates the bank's symbols (`\hat y = softmax(U^T v_c)`): such definitions are skipped, not an error. */
  readonly skipKnown?: boolean;
  /**
   * The answer as already read for another size set of the same question: reading depends only
   * on the names in scope, which every size set shares, so only the compiling is done again.
   */
  readonly reading?: Reading;
}

/** A question's scope, first free slot and LaTeX vocabulary, as most answers read them (no names bound before reading). */
interface Base {
  readonly scope: Scope;
  readonly first: number;
  readonly vocab: Vocab;
}
/** Made once per question, not per answer: a question's declarations never change once built. */
const bases = new WeakMap<Question, Base>();
const NO_DEFINITIONS: Definitions = new Map();

function baseOf(q: Question, bindings: ReadonlyMap<string, Binding> | undefined): Base {
  if (bindings?.size) {
    const { scope: declared, first } = questionScope(q);
    let scope = declared;
    for (const [name, b] of bindings) scope = withBinding(scope, name, b);
    return { scope, first, vocab: vocabFor(scope, q.primeTranspose) };
  }
  let base = bases.get(q);
  if (!base) {
    const { scope, first } = questionScope(q);
    base = { scope, first, vocab: vocabFor(scope, q.primeTranspose) };
    bases.set(q, base);
  }
  return base;
}

export function readAndCompile(q: Question, answer: string, definitions: Definitions = NO_DEFINITIONS, opts: ReadOptions = {}): Read {
  const base = baseOf(q, opts.bindings);
  const vocab = base.vocab;
  // Most answers define nothing: no overlay is made for them.
  let definer: Definer | undefined;
  for (const [key, text] of definitions) {
    const name = /[\\{}$]/.test(key) ? (readAnswer(`$${key}$`, vocab).node as unknown as { name?: string }).name : key;
    if (!name) fail('DEFINITION_FORM', { text: key });
    if (opts.skipKnown && (isValueName(name!, base.scope) || base.scope.indices.has(name!))) continue;
    (definer ??= new Definer(base.scope)).define(name!, (s) => {
      try {
        const r = readAnswer(text, vocab);
        return compileTree(r.node, s, base.first, r.where).compiled;
      } catch (e) {
        if (e instanceof InputError) throw new InputError(relocate({ ...e.finding, args: { ...e.finding.args, definition: key } }, e.finding.at));
        throw e;
      }
    });
  }
  const reading = opts.reading ?? readAnswer(answer, vocab);
  for (const d of reading.definitions) (definer ??= new Definer(base.scope)).define(d.name, (s) => compileTree(d.node, s, base.first, d.where).compiled);
  const scope = definer ? definer.scope() : base.scope;
  try {
    const { node, compiled, notes } = compileTree(reading.node, scope, base.first, reading.where);
    return { node, compiled, notation: reading.notation, notes: [...reading.notes, ...notes], reading };
  } catch (e) {
    // A student writing LaTeX is told the near names in LaTeX too (`\hat{y}_{o}`).
    const f = e instanceof InputError ? e.finding : undefined;
    if (f && reading.notation === 'latex' && f.code === 'UNKNOWN_SYMBOL')
      throw new InputError({
        ...f,
        args: { ...f.args, nameLatex: latexName(String(f.args.name)), suggestionsLatex: (f.args.suggestions as string[]).map(latexName) },
      });
    throw e;
  }
}

/**
 * The answer compiled at another size set of its question (`first`: as read at the bank's sizes).
 * Reading, the allow-list and the normal form depend only on the names in scope, which every size
 * set shares, so the tree as read there is compiled as it is; the student's own names are compiled
 * per scope, by reading again. Only whether it compiles, and its value, are used: no positions.
 */
export function compileAt(o: Question, answer: string, first: Read, definitions?: Definitions): Compiled {
  if ((definitions?.size ?? 0) > 0 || first.reading.definitions.length > 0) return readAndCompile(o, answer, definitions, { reading: first.reading }).compiled;
  const { scope, first: slot } = baseOf(o, undefined);
  return compileExpr(first.node, scope, { where: () => undefined, nextSlot: slot, notes: [] });
}
