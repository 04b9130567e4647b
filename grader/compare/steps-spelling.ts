/**
 * Spellings of the same quantity that students write and the reader does not take, rewritten to
 * one it does (before the index rewrites of normalizeSide, which would read `_{w=o}` as `_o`):
 * indicators (`\mathbb{1}_{w=o}`, `\mathbf{1}\{w = o\}`, `[w = o]`, `\delta_{wo}`) as
 * a cases expression, `P(O=w|C=c)` and `p(w|c)` as `\hat y_w`, a cases `array` as `cases`, a primed
 * summation letter (`w'`) as a fresh one, an empty superscript dropped.
 */

const REL = String.raw`\s*([A-Za-z])\s*(=|\\neq?|\\not\s*=)\s*([A-Za-z])\s*`;
const ONE = String.raw`(?:\\mathbb\s*\{\s*[1I]\s*\}|\\mathbbm\s*\{\s*1\s*\}|\\mathds\s*\{\s*1\s*\}|\\mathbf\s*\{\s*1\s*\}|\\boldsymbol\s*\{\s*1\s*\}|\\mathrm\s*\{\s*1\s*\}|(?<![\w}])1)`;
const INDICATOR = new RegExp(String.raw`${ONE}\s*(?:_\s*\{${REL}\}|\\\{${REL}\\\}|\\left\s*\\\{${REL}\\right\s*\\\}|\(${REL}\)|\[${REL}\])`, 'g');
// An Iverson bracket alone: `[w = o]` not after a command or a name it could index.
const IVERSON = new RegExp(String.raw`(?<![\\\w}^_])\[${REL}\]`, 'g');
const KRONECKER = /\\delta\s*_\s*\{\s*([A-Za-z])\s*,?\s*([A-Za-z])\s*\}/g;
const PROBABILITY =
  /(?:\\mathrm\s*\{\s*P\s*\}|\\Pr|\\mathbb\s*\{\s*P\s*\}|P|p)\s*(?:\\left)?\(\s*(?:O\s*=\s*([a-z])\s*(?:\||\\mid)\s*C\s*=\s*c|([a-z])\s*(?:\||\\mid)\s*c)\s*(?:\\right)?\)/g;

/** An indicator as the reader takes it: a cases expression of the two conditions. */
function indicator(...m: (string | undefined)[]): string {
  const [a, op, b] = m.filter((x) => x !== undefined).slice(0, 3) as [string, string, string];
  const [yes, no] = op === '=' ? ['=', '\\neq'] : ['\\neq', '='];
  return `\\left(\\begin{cases} 1 & ${a} ${yes} ${b} \\\\ 0 & ${a} ${no} ${b} \\end{cases}\\right)`;
}

/** A primed letter used as an index (`\sum_{w'}`, `u_{w'}`) renamed to a letter the side does not use. */
function unprime(latex: string): string {
  const primed = /(?:_\s*\{?\s*|\\sum\s*_\s*\{?\s*)([a-z])'/.exec(latex);
  if (!primed) return latex;
  const letter = primed[1]!;
  const fresh = [...'xzqrstabdefgh'].find((l) => !new RegExp(`(?<![\\\\A-Za-z])${l}(?![A-Za-z])`).test(latex));
  return fresh ? latex.replace(new RegExp(`(?<![\\\\A-Za-z])${letter}'`, 'g'), fresh) : latex;
}

const ARRAY_OPEN = /\\left\s*\\\{\s*\\begin\s*\{array\}\s*\{[^{}]*\}/g;
const ARRAY_CLOSE = /\\end\s*\{array\}\s*\\right\s*\./g;

/** `\left\{\begin{array}{ll} ... \end{array}\right.` as `\begin{cases} ... \end{cases}` (one pass, linear). */
function arraysAsCases(s: string): string {
  let out = '';
  let from = 0;
  ARRAY_OPEN.lastIndex = 0;
  for (let open = ARRAY_OPEN.exec(s); open; open = ARRAY_OPEN.exec(s)) {
    ARRAY_CLOSE.lastIndex = open.index + open[0].length;
    const close = ARRAY_CLOSE.exec(s);
    if (!close) break;
    out += `${s.slice(from, open.index)}\\begin{cases}${s.slice(open.index + open[0].length, close.index)}\\end{cases}`;
    from = ARRAY_OPEN.lastIndex = close.index + close[0].length;
  }
  return out + s.slice(from);
}

export function courseSpellings(latex: string): string {
  const s = latex
    .replace(/\^\s*\{\s*\}/g, '')
    // `v_{w, w \neq c}`: an index with its condition beside it.
    .replace(/_\s*\{\s*([A-Za-z])\s*,\s*\1\s*(?:\\neq?|\\not\s*=|=)\s*[A-Za-z]\s*\}/g, '_{$1}')
    .replace(INDICATOR, (...m: unknown[]) => indicator(...(m.slice(1, 16) as (string | undefined)[])))
    .replace(IVERSON, (_, a: string, op: string, b: string) => indicator(a, op, b))
    .replace(KRONECKER, (_, a: string, b: string) => (a === b ? '1' : indicator(a, '=', b)))
    .replace(PROBABILITY, (_, a?: string, b?: string) => `\\hat{y}_{${a ?? b}}`);
  const t = arraysAsCases(s);
  return t.includes("'") ? unprime(t) : t;
}
