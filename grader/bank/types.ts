import type { Finding, Position, Shape } from '../core/index.js';
import type { Compiled, Node, Scope } from '../expr/index.js';
import type { Dist } from '../sample/dist.js';
import type { QuestionSpec } from './schema.js';

/** One slot of a point: a symbol drawn at random, or derived from earlier slots. */
export interface Slot {
  readonly name: string;
  readonly shape: Shape;
  readonly dist?: Dist;
  readonly derived?: Compiled;
  /** A derived symbol's tree, to see what it reads. */
  readonly derivedNode?: Node;
  /** Where the symbol is declared. */
  readonly at?: Position;
  /** What the symbol is, from its declaration (`grader show` prints it). */
  readonly description?: string;
}

/** Everything a question's expressions can name, and how to draw a point. */
export interface Model {
  readonly scope: Scope;
  readonly slots: readonly Slot[];
  /** First slot free for bound variables (the free index, sums). */
  readonly firstFreeSlot: number;
}

export interface FreeIndex {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
  readonly slot: number;
}

/** A derivative question's loss and the entries of the sampled symbol it is taken with respect to. */
export interface Derivative {
  readonly loss: Compiled;
  readonly wrt: Compiled;
  readonly wrtText: string;
  /** The sampled slot that `wrt` reads. */
  readonly baseSlot: number;
}

/** A known wrong answer with authored feedback and partial credit. */
export interface Mistake {
  readonly answer: string;
  readonly compiled: Compiled;
  readonly feedback: string;
  readonly credit: number;
  readonly at: Position;
}

/** A required form: symbols the answer must avoid or use. */
export interface Form {
  readonly without: readonly string[];
  readonly using: readonly string[];
  readonly credit: number;
}

/** A function or symbol an answer may not use, and why. */
export interface Forbidden {
  readonly name: string;
  readonly reason?: string;
}

export interface Question {
  /** `<set>/<id>`: the public id. */
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly points: number;
  /** What the answer is, to speak of it in feedback ("dJ/dU"). */
  readonly quantity: string;
  readonly model: Model;
  readonly free?: FreeIndex;
  readonly reference: Compiled;
  /** The reference as read; absent for a TypeScript implementation. */
  readonly referenceNode?: Node;
  readonly referenceText: string;
  readonly derivative?: Derivative;
  readonly definition?: Compiled;
  readonly tolerance: { readonly rel: number; readonly abs: number };
  /** Whether a LaTeX prime on a symbol means a transpose. */
  readonly primeTranspose: boolean;
  readonly samples: number;
  readonly examples: QuestionSpec['examples'];
  readonly at: Position;
  /** Where the reference (or implementation) and the derivative's loss stand, for `grader check`. */
  readonly referenceAt?: Position;
  readonly derivativeAt?: Position;
  /** Where each example stands in the spec, for `grader check`. */
  readonly exampleAt: readonly Position[];
  readonly mistakes: readonly Mistake[];
  /** The reference as a sum of named terms, to name a missing or extra one. */
  readonly terms: readonly { readonly name: string; readonly compiled: Compiled }[];
  readonly form?: Form;
  /** Names an answer may not use, whatever its value (an answer restating the question). */
  readonly forbid: readonly Forbidden[];
  /** The set this question belongs to. */
  readonly set: string;
  /** Which size set it is built at: 0 for the bank's sizes. */
  readonly sizeSet: number;
  /** The same question built at each other size set (shapes are fixed at compile time); empty on those. */
  readonly others: readonly Question[];
  /** For a part of a question with several: the question's id. */
  readonly group?: string;
  /** Every expression the author wrote for it (reference, loss, variable, definition, terms, mistakes), as read. */
  readonly expressions: readonly Node[];
  /** The set's description (its conventions), which students read with the prompt. */
  readonly description?: string;
  /** How it appears in Gradescope's results.json (visibility, tags). */
  readonly gradescope?: { readonly visibility?: 'visible' | 'hidden' | 'after_due_date' | 'after_published'; readonly tags: readonly string[] };
  /** How write-ups label it (`1(b)`, `(b)`), from the spec. */
  readonly labels: readonly string[];
  /** LaTeX spellings of the quantity it asks for, from the spec. */
  readonly asks: readonly string[];
}

export interface ProblemSet {
  readonly set: string;
  readonly title: string;
  readonly description?: string;
  readonly file: string;
  /** An id of exactly this file's text, from the build's cache (bank/load.ts validEntry): what a build computes from the set is cached under it. */
  readonly cacheId?: string;
  readonly questions: readonly Question[];
  /** For a set loaded without building its questions: how write-ups name them (bank/naming.ts). */
  readonly naming?: Naming;
}

/** A loaded bank: what could be built, and every problem found on the way. */
export interface Bank {
  readonly sets: readonly ProblemSet[];
  readonly issues: readonly Finding[];
}

/**
 * How each set of the bank is named in write-ups (labels, the quantity each question asks for),
 * for document/, which must know nothing else of the bank: the shape of document/'s SetNaming,
 * written in bank/ so that bank/ imports nothing of document/. Prompts come along for the template.
 */
export interface Naming {
  readonly set: string;
  readonly title: string;
  readonly questions: readonly {
    readonly id: string;
    readonly title: string;
    readonly labels: readonly string[];
    readonly asks: readonly string[];
    readonly free?: string;
  }[];
  readonly prompts: ReadonlyMap<string, string>;
}
