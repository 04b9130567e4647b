import { readArg, splitTop } from './scan.js';
import { plainToLatex } from './unicode.js';

/**
 * The quantity a left-hand side names: `\frac{\partial J}{\partial \mathbf{v}_c}`,
 * `\partial J_\text{skip-gram} / \partial U`, `\sigma'(x)` are all "d num / d den". Fonts,
 * spacing, arguments (`J(v_c, o, U)`) and the loss's subscript are set aside; the subscript
 * survives as a tag (naive / neg / skip) so that J_neg-sample is not J_naive-softmax.
 */
export interface Quantity {
  readonly num: string;
  readonly tag?: string;
  /** The variable: its base (`u`), index (`w`) and a condition written in the index (`\neq o`). */
  readonly base: string;
  readonly index: string;
  readonly cond: string;
}

const FONTS =
  /\\(mathbf|bm|boldsymbol|vec|mathbfit|pmb|mathit|bf|textbf|rm|mathrm|text|textrm|operatorname|mathsf|textsf|displaystyle|left|right|limits|big|Big|bigl|bigr|Bigl|Bigr)(?![A-Za-z])/g;

export function simplify(latex: string): string {
  return plainToLatex(latex)
    .replace(/\\[dt]frac(?![A-Za-z])/g, '\\frac')
    .replace(/\\mathrm\s*\{\s*d\s*\}/g, 'd')
    .replace(/\^\s*\{?\s*\\prime\s*\}?/g, "'")
    .replace(/\\mathcal\s*\{\s*([LJ])\s*\}|\\ell(?![A-Za-z])/g, 'J')
    .replace(FONTS, '')
    .replace(/\\[,;!: ]|~|\s+/g, '');
}

const strip = (s: string) => s.replace(/[{}]/g, '');

/** The quantity `latex` names, when it is a derivative of a named function; else undefined. */
export function quantityOf(latex: string): Quantity | undefined {
  let s = simplify(latex);
  if (s.length > 400) return undefined;
  while (s.startsWith('{') && readArg(s, 0)?.end === s.length) s = s.slice(1, -1);
  let num: string | undefined;
  let den: string | undefined;
  if (s.startsWith('\\frac')) {
    const a = readArg(s, 5);
    const b = a && readArg(s, a.end);
    if (a && b && b.end === s.length) [num, den] = [dropD(a.value), dropD(b.value)];
    else if (a && b && /^(\\partial|d)$/.test(a.value)) {
      // `\frac{\partial}{\partial v_c} J(v_c, o, U)`, `\frac{d}{dx}\sigma(x)`: the operator, then what it applies to
      const rest = s.slice(b.end);
      const applied = lossTag(rest) !== undefined ? rest.replace(/\(.*\)$/, '') : /^(\\?[A-Za-z]+)(?:_\{[^{}]*\})?\([^()]*\)$/.exec(rest)?.[1];
      if (applied) [num, den] = [applied, dropD(b.value)];
    }
  } else if (s.startsWith('\\nabla_')) {
    const a = readArg(s, 7);
    if (a) [num, den] = [s.slice(a.end), a.value];
  } else {
    const parts = splitTop(s, (t, i) => (t[i] === '/' ? 1 : 0));
    if (parts.length === 2) [num, den] = [dropD(parts[0]!.text), dropD(parts[1]!.text)];
    else {
      const prime = /^(\\?[A-Za-z]+)(?:'\(([^()]*)\)|\(([^()]*)\)')$/.exec(s);
      if (prime) [num, den] = [prime[1], prime[2] ?? prime[3]];
    }
  }
  if (!num || !den) return undefined;
  return { ...numerator(num), ...variable(den) };
}

/** `\partial J` → `J`, `dJ` → `J`, or undefined when there is no differential. */
export function dropD(s: string): string | undefined {
  const t = s.replace(/^\{|\}$/g, '');
  if (t.startsWith('\\partial')) return t.slice(8) || undefined;
  if (/^d(?![a-z]{2})/.test(t)) return t.slice(1) || undefined;
  return undefined;
}

function numerator(s: string): { num: string; tag?: string } {
  const flat = strip(s);
  const base = /^(\\[A-Za-z]+|[A-Za-z]+(?=_|\(|$)|[A-Za-z])/.exec(flat)?.[1] ?? flat;
  const low = flat.toLowerCase();
  const tag = /neg/.test(low) ? 'neg' : /skip/.test(low) ? 'skip' : /naive|softmax/.test(low) ? 'naive' : undefined;
  const num = base === 'L' ? 'J' : base;
  return tag ? { num, tag } : { num };
}

export function variable(s: string): { base: string; index: string; cond: string } {
  const flat = strip(s).replace(/\([^()]*\)$/, '');
  const m = /^(\\[A-Za-z]+|[A-Za-z])(?:\\hat|\\tilde)?(?:_(.*))?$/.exec(flat);
  if (!m) return { base: flat, index: '', cond: '' };
  const sub = m[2] ?? '';
  const c = /=|\\neq?|,|\\in/.exec(sub);
  return { base: m[1]!, index: c ? sub.slice(0, c.index) : sub, cond: c ? sub.slice(c.index).replace(/^,/, '') : '' };
}

/** How well a left-hand side names an asked quantity: 3 exactly (same loss tag), 2 exactly, 1 one case of a free index, 0 not. */
export function nameScore(lhs: Quantity, ask: Quantity, free?: string): { score: number; case?: string } {
  if (lhs.num !== ask.num || lhs.base !== ask.base) return { score: 0 };
  if (lhs.tag && ask.tag && lhs.tag !== ask.tag) return { score: 0 };
  // both tagged alike 3; an untagged side or ask 2; an untagged side for a tagged-only ask less
  const exact = lhs.tag && ask.tag ? 3 : !lhs.tag && ask.tag ? 1.5 : 2;
  if (lhs.index === ask.index) {
    if (!lhs.cond || !free || free !== ask.index) return { score: exact };
    return { score: 1, case: readable(`${lhs.index}${/^[=\\]/.test(lhs.cond) ? '' : ' '}${lhs.cond}`) };
  }
  if (free && ask.index === free && lhs.index === 'o' && !lhs.cond) return { score: 1, case: `${free} = o` };
  // an entry of the asked vector (`\partial x_i` for `\partial x`): part of its derivation, not its answer
  if (!ask.index && lhs.index) return { score: 0.5 };
  return { score: 0 };
}

/** `w\neqo` → `w \neq o`. */
function readable(cond: string): string {
  return cond
    .replace(/\\(neq|ne|leq|geq|le|ge|notin|in)/, ' \\$1 ')
    .replace(/=/g, ' = ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A non-derivative quantity compared as written, fonts, spacing and a sum's range set aside (`-\sum_{w \in V} y_w \log \hat y_w`). */
export function flatOf(latex: string): string {
  const s = simplify(latex).replace(
    /\\(sum|prod)(_\{[^{}]*(\{[^{}]*\}[^{}]*)*\}|_\\[A-Za-z]+|_[A-Za-z0-9])?(\^\{[^{}]*\}|\^\\[A-Za-z]+|\^[A-Za-z0-9])?/g,
    '\\$1 ',
  );
  // `\log(\hat y_w)` and `\log \hat y_w` are one spelling
  return s
    .replace(/[{}()]|\\left|\\right/g, '')
    .replace(/\s+/g, '')
    .replace(/\\hat([A-Za-z])/g, '\\hat$1');
}

const NAME_FONTS = /\\(mathbf|bm|boldsymbol|vec|mathrm|text|textrm|operatorname|hat|tilde|bar|widehat|widetilde)(?![A-Za-z])/g;

/** Whether a left-hand side is a name being defined: `\theta`, `\hat{y}`, `\delta_1`, `\rho(x)`, `J_{naive}(v_c, o, U)`. */
export function definedName(lhs: string): { name: string; params?: string[] } | undefined {
  const s = plainToLatex(lhs).replace(/\s+/g, ' ').trim();
  const flat = s
    .replace(NAME_FONTS, '')
    .replace(/\s/g, '')
    .replace(/^\{([^{}]*)\}/, '$1')
    .replace(/\^\{(T|\\top)\}/g, '^T');
  const m = /^(\\[A-Za-z]+|[A-Za-z])('|\^T|\^\\top)?(_(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\[A-Za-z]+|[A-Za-z0-9]))?(\^T|\^\\top)?(\(([^()]*)\))?$/.exec(flat);
  if (!m || /^\\(frac|partial|sum|prod|log|exp|nabla|int|lim|max|min|sigma')$/.test(m[1]!) || flat.startsWith('\\frac')) return undefined;
  const call = /\(([^()]*)\)\s*$/.exec(s);
  const name = (call ? s.slice(0, call.index) : s).trim();
  const params =
    m[7] !== undefined
      ? m[7]
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : undefined;
  // arguments that are whole expressions (`J(v_c, o, U)`) are a signature, not parameters: keep them all the same
  return params?.length ? { name, params } : { name };
}

/**
 * The loss a left-hand side names (`J`, `L`, `\mathcal{L}(\theta)`, `CE(y, \hat y)`,
 * `J_{naive-softmax}(v_c, o, U)`): its tag (`naive`, `neg`, `skip`, or '' untagged), else undefined.
 */
export function lossTag(lhs: string): string | undefined {
  const s = simplify(lhs).replace(/\\(?:text|textrm|mathrm|operatorname)/g, '');
  const m = /^\{?(J|L|CE)\}?(?:_(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[A-Za-z0-9]))?(?:\(.*\))?$/.exec(s);
  if (!m) return undefined;
  return numerator(m[0].replace(/\(.*\)$/, '')).tag ?? '';
}
