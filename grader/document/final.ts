import type { Side } from './chains.js';
import { flatOf, quantityOf } from './names.js';
import { setAside, stripProse } from './prose.js';

/**
 * Which side of a chain is the student's answer. Usually the last; but students often close a
 * derivation by restating where it started (`-\log \hat y_o = -\log P(O=o|C=c)`, `= J`) or with
 * words (`= \text{as required}`), and those restate the question rather than answer it.
 */

/** A conditional probability (`P(O=o|C=c)`, `\Pr(o \mid c)`, `p(w_o | w_c)`): the model the question defines, not its terms. */
const PROBABILITY =
  /(^|[^A-Za-z\\])(?:\\mathrm\s*\{\s*P\s*\}|\\mathbb\s*\{\s*P\s*\}|\\Pr|\\operatorname\s*\{\s*P\s*\}|P|p)\s*(?:\\left)?\s*\([^()]*(?:\||\\mid)[^()]*(?:\\right)?\s*\)/;

/** Whether a side only restates the question (its own left-hand side, the model's probability) or is prose. */
export function restates(latex: string, first: string): boolean {
  const kept = setAside(stripProse(latex));
  if (!kept || /^(\\(text|textrm|mbox|textit)\s*\{[^{}]*\}\s*)+$/.test(kept)) return true;
  if (PROBABILITY.test(kept)) return true;
  // an unevaluated derivative alone (`= \frac{\partial J}{\partial v_c}`) names the question, it does not answer it
  if (quantityOf(kept) !== undefined) return true;
  return flatOf(kept) === flatOf(first);
}

/** Index of the side that is the answer: the last one that does not merely restate the question. */
export function finalIndex(sides: readonly Side[]): number {
  for (let i = sides.length - 1; i > 0; i--) if (!restates(sides[i]!.latex, sides[0]!.latex)) return i;
  // `U(\hat y - y) = \frac{\partial J}{\partial v_c}`: the answer written first
  const last = sides[sides.length - 1]!.latex;
  if (sides.length > 1 && quantityOf(setAside(last)) !== undefined && quantityOf(sides[0]!.latex) === undefined) return 0;
  return sides.length - 1;
}
