import { definedName } from './names.js';

/** How well a region's path matches one of a question's labels: 0 not, else 2 and a little for each token. */
export function labelScore(labels: readonly (readonly string[])[], path: readonly string[]): number {
  if (!path.length) return 0;
  const numbered = labels.some((l) => /^\d/.test(l[0] ?? ''));
  const pathNumbered = /^\d/.test(path[0]!);
  const rest = path.slice(path.findIndex((t) => !/^\d/.test(t)) >>> 0);
  const starts = (p: readonly string[], l: readonly string[]) => l.length > 0 && l.every((t, i) => p[i] === t);
  let best = 0;
  for (const l of labels) {
    let s = 0;
    if (/^\d/.test(l[0] ?? '')) {
      if (pathNumbered) {
        for (let k = 0; k < path.length; k++) if (starts(path.slice(k), l)) s = Math.max(s, 2 + 0.1 * l.length + (k + l.length === path.length ? 0.05 : 0));
      } else if (starts(path, l.slice(1))) s = 2 + 0.1 * (l.length - 1);
    } else if (!(pathNumbered && numbered) && starts(rest, l)) s = 2 + 0.1 * l.length + (rest.length === l.length ? 0.05 : 0);
    best = Math.max(best, s);
  }
  return best;
}

/** A lone symbol or a condition (`\\mathbf{x}`, `w \\neq c`): never an answer on its own. */
export function trivial(latex: string): boolean {
  const named = definedName(latex);
  // `U(\hat y - y)` is a product, not a function of a symbol such as `\rho(x)`
  const lone = named !== undefined && (named.params ?? []).every((p) => /^\\?[A-Za-z]+(_\{?\w+\}?)?$/.test(p));
  return lone || /\\(neq|ne|leq|geq|le|ge|in|notin)(?![A-Za-z])|[<>]/.test(latex) || latex.trim().length === 0;
}

/** A shape written as sizes (`d \times 1`, `(d×V)(V×1)`, `|V| \times d`): a check of dimensions, never an answer. */
export function dimensions(latex: string): boolean {
  const t = latex.replace(/\\(times|cdot|left|right)(?![A-Za-z])|[×·]/g, (m) => (/times|×/.test(m) ? '×' : ' '));
  return t.includes('×') && /^[\s()[\]{}|×0-9]*([A-Za-z][\s()[\]{}|×0-9]*)*$/.test(t) && !/[A-Za-z]{2}/.test(t.replace(/\s+/g, ''));
}
