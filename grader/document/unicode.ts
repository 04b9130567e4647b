/**
 * Math typed or transcribed with Unicode (`∂J/∂v_c = U(ŷ − y)`, `σ'(x)`, `Σ_w`, `θᵀ`) and plain
 * ASCII math written outside `$` (`dJ/dv_c = U(y_hat - y)`, `sigma(x)(1 - sigma(x))`), as the
 * LaTeX the reader knows. What is graded is this; what is reported stays as written.
 */

const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');
const GREEK_LOWER = 'αβγδεζηθικλμνξοπρστυφχψω';

/** One character → LaTeX (a control word gets a space after it when a letter follows). */
const CHAR: Record<string, string> = {
  '∂': '\\partial',
  '∇': '\\nabla',
  Σ: '\\sum',
  '∑': '\\sum',
  '∏': '\\prod',
  Π: '\\prod',
  Δ: '\\Delta',
  Θ: '\\Theta',
  ς: '\\sigma',
  ϵ: '\\epsilon',
  ϑ: '\\theta',
  φ: '\\phi',
  '−': '-',
  '–': '-',
  '·': '\\cdot',
  '⋅': '\\cdot',
  '∙': '\\cdot',
  '×': '\\times',
  '⊙': '\\odot',
  '∘': '\\circ',
  '≠': '\\neq',
  '≤': '\\leq',
  '≥': '\\geq',
  '≈': '\\approx',
  '∈': '\\in',
  '∞': '\\infty',
  '…': '\\dots',
  '⋯': '\\cdots',
  '√': '\\sqrt',
  '′': "'",
  '’': "'",
  '⊤': '\\top',
  ᵀ: '^T',
  '⁻¹': '^{-1}',
  '²': '^2',
  '³': '^3',
  '⁻': '^-',
  ℓ: '\\ell',
  ℒ: '\\mathcal{L}',
  ŷ: '\\hat{y}',
  ỹ: '\\tilde{y}',
  ȳ: '\\bar{y}',
  '→': '\\to',
  '⇒': '\\Rightarrow',
};
GREEK_LOWER.split('').forEach((c, i) => (CHAR[c] = `\\${GREEK[i]}`));
'₀₁₂₃₄₅₆₇₈₉'.split('').forEach((c, i) => (CHAR[c] = `_${i}`));
const COMBINING: Record<string, string> = { '\u0302': 'hat', '\u0303': 'tilde', '\u0304': 'bar', '\u20d7': 'vec' };

/** Unicode math characters as LaTeX; text without them is returned as it is. */
export function unicodeToLatex(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  const chars = [...s.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const accent = COMBINING[chars[i + 1] ?? ''];
    if (accent && /[A-Za-z]/.test(c)) {
      out += `\\${accent}{${c}}`;
      i++;
      continue;
    }
    const pair = c + (chars[i + 1] ?? '');
    const t = CHAR[pair] ?? CHAR[c];
    if (t === undefined) {
      out += c;
      continue;
    }
    if (CHAR[pair]) i++;
    out += t;
    if (/\\[A-Za-z]+$/.test(t) && /[A-Za-z0-9]/.test(chars[i + 1] ?? '')) out += ' ';
  }
  return out;
}

const FUNCS = /(?<![\\A-Za-z{])(sigma|sigmoid|exp|log|ln|tanh|softmax|sum|prod|max|min|theta|alpha|beta|delta|lambda|nabla|partial|hat|tilde)(?![A-Za-z])/g;
const OPERATOR: Record<string, string> = { sigmoid: '\\operatorname{sigmoid}', softmax: '\\operatorname{softmax}' };

/**
 * Plain math typed outside `$` as LaTeX: Unicode as above, function names as commands
 * (`sigma(x)` → `\sigma(x)`), `y_hat`/`yhat` → `\hat{y}`, `dJ/dv_c` → `\frac{\partial J}{\partial v_c}`.
 */
export function plainToLatex(s: string): string {
  let t = unicodeToLatex(s);
  t = t.replace(/(?<![\\A-Za-z])([A-Za-z])_?(hat|tilde|bar)(?![A-Za-z])/g, (_m, v: string, a: string) => `\\${a}{${v}}`);
  t = t.replace(FUNCS, (m: string) => OPERATOR[m] ?? `\\${m}`);
  t = t.replace(/_\{([^{}]*?)\s+in\s+([^{}]*)\}/g, '_{$1 \\in $2}'); // `sum_{w in V}`
  // `∂/∂v_c (...)`, `d/dx σ(x)`: the operator alone
  t = t.replace(
    /(?<![\\A-Za-z])(?:\\partial|d)\s*\/\s*(?:\\partial|d)\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)(?![A-Za-z0-9])/g,
    '\\frac{\\partial}{\\partial $1}',
  );
  t = t.replace(
    /(?<![\\A-Za-z])(\\partial|d)\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\/\s*(\\partial|d)\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)(?![A-Za-z0-9(])/g,
    (_m, _d, num: string, _e, den: string) => `\\frac{\\partial ${num}}{\\partial ${den}}`,
  );
  return t;
}

/**
 * A prime written for a transpose, as students do in matrix work: after a group (`(\hat y - y)'`),
 * an indexed symbol (`u_o'`, `v_c'`), a hat (`\hat{y}'`) or a capital (`U'`), read as `^T`. A
 * function's prime stays a derivative: `\sigma'(x)`, `f'(x)`, `\sigma(x)'`.
 */
export function primesAsTransposes(latex: string): string {
  if (!latex.includes("'")) return latex;
  let out = '';
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i]!;
    if (c !== "'" || !transposed(latex, i)) out += c;
    else out += '^T';
  }
  return out;
}

function transposed(s: string, i: number): boolean {
  const before = s.slice(Math.max(0, i - 200), i).replace(/\s+$/, '');
  const argument = /^\s*(\(|\\left\s*\()/.test(s.slice(i + 1));
  if (/(?<![\\A-Za-z])[A-Z]$/.test(before)) return true; // `U'`, `U'(\hat y - y)`
  if (argument) return false; // `\sigma'(x)`, `f'(x)`
  if (/(_\{[^{}]*\}|_[A-Za-z0-9]|\\(?:hat|tilde|mathbf|bm|boldsymbol|vec)\s*\{?[A-Za-z]\}?)$/.test(before)) return true;
  if (!/(\)|\])$/.test(before)) return false;
  // the group's opening parenthesis: a function's arguments (`\sigma(x)'`) keep the prime
  let depth = 0;
  for (let j = before.length - 1; j >= 0; j--) {
    const ch = before[j];
    if (ch === ')' || ch === ']') depth++;
    else if ((ch === '(' || ch === '[') && --depth === 0) {
      const head = before
        .slice(0, j)
        .replace(/\\left\s*$/, '')
        .replace(/\s+$/, '');
      return !/(\\[A-Za-z]+|\\operatorname\s*\{[^{}]*\}|\\mathrm\s*\{[^{}]*\}|(?<![A-Za-z\\_{])[fgh])$/.test(head);
    }
  }
  return false;
}

/**
 * A derivative operator leading a side applies to all the rest of it: `d/dx (1 + e^{-x})^{-1}` and
 * `\frac{d}{dx} (1 + e^{-x})^{-1}` are the derivative of the power, not the power of a derivative.
 */
export function operatorOnAll(side: string): string {
  const lead =
    /^\s*\\[dt]?frac\s*\{\s*(?:\\partial|d|\\mathrm\s*\{\s*d\s*\})\s*\}\s*\{\s*(?:\\partial|d|\\mathrm\s*\{\s*d\s*\})\s*[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*/.exec(
      side,
    );
  const rest = lead ? side.slice(lead[0].length) : '';
  // a sum after it (`\frac{d}{dx}[f] + g`) keeps the operator on its first term, as written
  if (!lead || !/\S/.test(rest) || topLevelSum(rest)) return side;
  return `${lead[0]}\\left[${rest}\\right]`;
}

function topLevelSum(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const m = /^\\(left|right|big|Big|bigl|bigr|Bigl|Bigr)\b/.exec(s.slice(i));
      if (m) i += m[0].length - 1;
      else i++;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if ((c === '+' || c === '-') && depth === 0 && /\S/.test(s.slice(0, i))) return true;
  }
  return false;
}
