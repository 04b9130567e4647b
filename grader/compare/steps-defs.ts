/**
 * The student's definitions as steps use them. A definition written as a chain (`\delta_2 =
 * \frac{\partial CE}{\partial h} = \delta_1 W_2^T`) defines the name by its first side; the rest is
 * a derivation, checked as steps, and valuing the name by its last side would make the chain agree
 * with itself. A name defined as a derivative is written out where a step uses it, so that the
 * step's derivatives (and chain-rule products) are valued as written.
 */
import { findDerivatives, groupEnd } from './steps-latex.js';

/** A name the student defined as a derivative, and that derivative. */
export interface DerivedName {
  readonly name: string;
  readonly value: string;
}

/** The sides of `a = b = c` (also `:=`), split at top-level equals signs only. */
export function splitTop(latex: string): string[] {
  const out: string[] = [];
  let depth = 0,
    start = 0;
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i]!;
    if (ch === '\\') {
      i += /^\\[a-zA-Z]+|^\\./.exec(latex.slice(i))?.[0].length ?? 1;
      i--;
    } else if ('{(['.includes(ch)) depth++;
    else if ('})]'.includes(ch)) depth--;
    else if (ch === '=' && depth === 0 && !/[<>!]/.test(latex[i - 1] ?? '')) {
      out.push(latex.slice(start, latex[i - 1] === ':' ? i - 1 : i).trim());
      start = i + 1;
    }
  }
  out.push(latex.slice(start).trim());
  return out;
}

/** The side that defines a name: the first after it, when the definition is a chain. */
export function definingSide(latex: string, value: string): string {
  const sides = splitTop(latex);
  return sides.length >= 3 && sides[1] ? sides[1] : value;
}

export const isDerivative = (latex: string): boolean => findDerivatives(latex).forms.length > 0;

const MAX_EXPANDED = 20_000;

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/** A pattern for a name as written in a side: `\delta_1` also as `\delta_{1}`, never `\delta_{1j}` or `\delta_12`. */
function namePattern(name: string): RegExp {
  const m = /^(.*?)\s*_\s*(?:\{\s*([^{}]*?)\s*\}|(.))$/.exec(name.trim());
  if (!m) return new RegExp(`${escape(name.trim())}(?![A-Za-z0-9_])`, 'g');
  const sub = escape((m[2] ?? m[3])!);
  return new RegExp(`${escape(m[1]!)}\\s*_\\s*(?:\\{\\s*${sub}\\s*\\}|${sub}(?![A-Za-z0-9]))`, 'g');
}

/** Whether `v` is one `\frac{..}{..}` and nothing else. */
function isFraction(v: string): boolean {
  const m = /^\\[dt]?frac\s*(?=\{)/.exec(v);
  const a = m ? groupEnd(v, m[0].length) : -1;
  if (a < 0) return false;
  const b = a + /^\s*/.exec(v.slice(a))![0].length;
  return v[b] === '{' && groupEnd(v, b) === v.length;
}

/** Writes each derivative-defined name out where `latex` uses it (one round: values are not expanded again). */
export function expandDerived(latex: string, names: readonly DerivedName[]): string {
  let s = latex;
  for (const n of names) {
    const v = n.value.trim();
    // A lone `\frac{..}{..}` goes in bare, so a product with it is still a chain-rule product.
    const bare = isFraction(v);
    const next = s.replace(namePattern(n.name), () => (bare ? ` ${v} ` : `\\left(${v}\\right)`));
    // Bounded: a name used thousands of times is left as written (it will not read) rather than grown.
    if (next.length > MAX_EXPANDED) return s;
    s = next;
  }
  return s;
}
