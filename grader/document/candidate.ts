import type { Chain } from './chains.js';
import type { Quantity } from './names.js';
import type { DocNote, QuestionNaming } from './types.js';

/** A chain as the locator sees it: where it stands and what its left-hand side names. */
export interface Candidate {
  readonly chain: Chain;
  /** Index of the marker whose region holds it, or -1 before the first. */
  readonly region: number;
  readonly display: boolean;
  readonly inAnswer: boolean;
  readonly lhs?: Quantity;
  /** Its left-hand side names another variable than its steps differentiate by; `lhs` is the steps'. */
  readonly relabelled?: boolean;
  /** A definition (`\theta = U^T v_c`, `:=`), not an answer. */
  readonly definition: boolean;
  /** Its left-hand side names the loss (`J = ...`, `\mathcal{L}(\theta) = ...`): the loss's tag, '' untagged. */
  readonly loss?: string;
  /** A case condition written next to it (`when $w = o$`). */
  readonly caseHint?: string;
  readonly line: number;
}

export interface Found {
  readonly parts: { cand: Candidate; steps: Candidate[]; case?: string }[];
  readonly notes: DocNote[];
}

export interface Q {
  readonly q: QuestionNaming;
  readonly asks: Quantity[];
  /** Asked quantities that are not derivatives, compared as written. */
  readonly flats: string[];
  /** Loss tags its asks name (`neg`): a left-hand side with another tag is not this question's. */
  readonly tags: Set<string>;
  readonly labels: string[][];
}
