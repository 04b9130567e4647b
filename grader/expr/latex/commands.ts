/**
 * The LaTeX vocabulary, as a table (after KaTeX's defineFunction): each command is a row saying
 * what it is. The parser never tests command names itself; it asks this table. Functions
 * (`\tanh`) are not listed here: their rows in compile/functions.ts name their LaTeX commands.
 */
import { FUNCTIONS } from '../compile/functions.js';

export type Command =
  | { readonly kind: 'space' }
  | { readonly kind: 'sizing' }
  | { readonly kind: 'font' }
  | { readonly kind: 'fontSwitch' }
  | { readonly kind: 'text' }
  | { readonly kind: 'accent'; readonly suffix: string }
  | { readonly kind: 'letter'; readonly name: string }
  | { readonly kind: 'function'; readonly name: string }
  | { readonly kind: 'operator'; readonly op: '*' | '.*' | '/' | 'cdot' }
  | { readonly kind: 'relation'; readonly op: '!=' | '<=' | '>=' | '<' | '>' | 'in' }
  | { readonly kind: 'frac' }
  | { readonly kind: 'sqrt' }
  | { readonly kind: 'sum' }
  | { readonly kind: 'transposeMark' }
  /** `side`: a bar that only opens (`\lvert`) or only closes (`\rvert`); plain bars do either. */
  | { readonly kind: 'delimiter'; readonly char: string; readonly side?: 'open' | 'close' }
  | { readonly kind: 'env'; readonly begin: boolean }
  | { readonly kind: 'qualifier' }
  | { readonly kind: 'newline' }
  | { readonly kind: 'unsupported'; readonly hint: string };

/**
 * Whether a command of each kind can begin a factor, so that juxtaposition multiplies (`x \sin y`).
 * Exhaustive over the kinds: a new kind must say. Sizing, delimiters and environments depend on
 * what follows them and are decided by the parser.
 */
export const STARTS_FACTOR: Readonly<Record<Command['kind'], boolean | 'depends'>> = {
  space: false,
  sizing: 'depends',
  font: true,
  fontSwitch: true,
  text: true,
  accent: true,
  letter: true,
  function: true,
  operator: false,
  relation: false,
  frac: true,
  sqrt: true,
  sum: true,
  transposeMark: false,
  delimiter: 'depends',
  env: 'depends',
  qualifier: false,
  newline: false,
  // Read so that the student is told it is not accepted, rather than "unexpected".
  unsupported: true,
};

const rows: [string[], Command][] = [
  [
    [',', ';', ':', '!', ' ', 'quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace', 'displaystyle', 'textstyle', 'limits', 'nolimits'],
    { kind: 'space' },
  ],
  [['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr', 'middle'], { kind: 'sizing' }],
  [['mathbf', 'boldsymbol', 'bm', 'pmb', 'mathit', 'mathsf', 'mathbb', 'mathcal', 'mathnormal', 'vec', 'mathbfit'], { kind: 'font' }],
  [['bf', 'rm', 'it', 'sf', 'boldmath', 'mit'], { kind: 'fontSwitch' }],
  [['text', 'textrm', 'mathrm', 'operatorname', 'textit', 'textbf', 'mathtt', 'texttt', 'textsf', 'textnormal'], { kind: 'text' }],
  [['hat', 'widehat'], { kind: 'accent', suffix: 'hat' }],
  [['tilde', 'widetilde'], { kind: 'accent', suffix: 'tilde' }],
  [['bar', 'overline'], { kind: 'accent', suffix: 'bar' }],
  [['cdot', 'bullet'], { kind: 'operator', op: 'cdot' }],
  [['times', 'ast'], { kind: 'operator', op: '*' }],
  [['odot', 'circ', 'otimes'], { kind: 'operator', op: '.*' }],
  [['div'], { kind: 'operator', op: '/' }],
  [['neq', 'ne'], { kind: 'relation', op: '!=' }],
  [['leq', 'le'], { kind: 'relation', op: '<=' }],
  [['geq', 'ge'], { kind: 'relation', op: '>=' }],
  [['lt'], { kind: 'relation', op: '<' }],
  [['gt'], { kind: 'relation', op: '>' }],
  [['in'], { kind: 'relation', op: 'in' }],
  [['frac', 'dfrac', 'tfrac', 'cfrac'], { kind: 'frac' }],
  [['sqrt'], { kind: 'sqrt' }],
  [['sum'], { kind: 'sum' }],
  [['top', 'intercal', 'T'], { kind: 'transposeMark' }],
  [['{'], { kind: 'delimiter', char: '{' }],
  [['}'], { kind: 'delimiter', char: '}' }],
  [['vert'], { kind: 'delimiter', char: '|' }],
  [['lvert'], { kind: 'delimiter', char: '|', side: 'open' }],
  [['rvert'], { kind: 'delimiter', char: '|', side: 'close' }],
  // A norm's double bar: `\| x \|`, `\lVert x \rVert`.
  [['|', 'Vert'], { kind: 'delimiter', char: '‖' }],
  [['lVert'], { kind: 'delimiter', char: '‖', side: 'open' }],
  [['rVert'], { kind: 'delimiter', char: '‖', side: 'close' }],
  [['langle'], { kind: 'delimiter', char: '(' }],
  [['rangle'], { kind: 'delimiter', char: ')' }],
  [['lbrack'], { kind: 'delimiter', char: '[' }],
  [['rbrack'], { kind: 'delimiter', char: ']' }],
  [['begin'], { kind: 'env', begin: true }],
  [['end'], { kind: 'env', begin: false }],
  [['forall'], { kind: 'qualifier' }],
  [['\\', 'cr'], { kind: 'newline' }],
  [['partial', 'nabla'], { kind: 'unsupported', hint: 'write only the right-hand side, not the derivative' }],
  [['cdots', 'ldots', 'dots', 'dotsb', 'vdots'], { kind: 'unsupported', hint: 'write the sum with \\sum' }],
  [['prod', 'int', 'lim'], { kind: 'unsupported', hint: 'not used in these answers' }],
];

const GREEK = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Phi',
  'Psi',
  'Omega',
  'ell',
];

export const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ...GREEK.map((g) => [g, { kind: 'letter', name: g }] as [string, Command]),
  ...rows.flatMap(([names, c]) => names.map((n) => [n, c] as [string, Command])),
  ...FUNCTIONS.flatMap((f) => (f.latex ?? []).map((n) => [n, { kind: 'function', name: f.names[0]! }] as [string, Command])),
]);

/** Words in `\text{...}` that belong to cases and qualifiers, not to formulas. */
export const CASE_WORDS: ReadonlySet<string> = new Set(['if', 'for', 'otherwise', 'else', 'when', 'where', 'and', 'all']);
