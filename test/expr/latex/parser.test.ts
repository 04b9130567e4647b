/** Every notation of the LaTeX issue, read into the same tree as its mathjs form. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../grader/core/index.js';
import { readAndCompile } from '../../../grader/compare/read.js';
import { toText } from '../../../grader/expr/index.js';
import { question, W2V } from '../../helpers.js';

/** The word2vec declarations, with a few more symbols and a spelling of the spec's own. */
const SPEC = `${W2V.replace('sizes: { d: 3, V: 7, K: 4 }', 'sizes: { d: 3, V: 7, K: 4, Dx: 5 }').replace(
  '  yhat: { value',
  `  W2: { shape: [V, d], sample: normal }
  h: { shape: d, sample: normal }
  z: { shape: d, sample: normal }
  x: { sample: normal }
  yhat: { value`,
)}spellings:
  "\\\\mathcal{L}": x
`;
const q = question(SPEC, 'reference: "v_c"');
const qPrime = question(`${SPEC}\nprimeTranspose: true`.replace('\nprimeTranspose: true', ''), 'reference: "v_c"\nprimeTranspose: true');

const read = (text: string, question = q): string => toText(readAndCompile(question, text).node);
const codeOf = (text: string): string => {
  try {
    readAndCompile(q, text);
    return 'none';
  } catch (e) {
    if (e instanceof InputError) return e.finding.code;
    throw e;
  }
};

describe('symbols in their usual dresses', () => {
  it.each([
    ['U', 'U'],
    ['\\mathbf{U}', 'U'],
    ['\\boldsymbol{U}', 'U'],
    ['\\bm{U}', 'U'],
    ['\\pmb{U}', 'U'],
    ['{\\bf U}', 'U'],
    ['\\textrm{U}', 'U'],
    ['\\mathrm{U}', 'U'],
    ['\\vec{v}_c', 'v_c'],
    ['\\mathbf{v}_c', 'v_c'],
    ['\\hat{y}', 'yhat'],
    ['\\hat y', 'yhat'],
    ['\\widehat{y}', 'yhat'],
    ['\\hat{\\mathbf{y}}', 'yhat'],
    ['\\mathbf{\\hat{y}}', 'yhat'],
    ['\\mathcal{L}', 'x'],
  ])('%s → %s', (latex, text) => expect(read(latex)).toBe(text));
});

describe('subscripted families', () => {
  it.each([
    ['u_o', 'u_o'],
    ['u_{o}', 'u_o'],
    ['\\hat{y}_w', 'sum(w, yhat_w)'],
    ['\\hat{y}_{o}', 'yhat_o'],
    ['\\hat{y_o}', 'yhat_o'],
    ['y_o', 'y_o'],
    ['v_{c}', 'v_c'],
    ['W_2^T', "W_2'"],
    ['D_x', 'D_x'],
    ['u_1', 'u_1'],
    ['y_{o}', 'y_o'],
  ])('%s → %s', (latex, text) => expect(read(latex.startsWith('\\hat{y}_w') ? `\\sum_w ${latex}` : latex)).toBe(text));

  it('reads u_k and u_{k} in a sum as the columns of the negative samples', () => {
    expect(read('\\sum_{k=1}^{K} u_k')).toBe('sum(k, 1, K, u_k)');
    expect(read('\\sum_{k=1}^{K} u_{k}')).toBe('sum(k, 1, K, u_k)');
  });
});

describe('transposes', () => {
  it.each(['^T', '^{T}', '^\\top', '^{\\top}', '^\\intercal', '^\\mathrm{T}', '^{\\mathsf{T}}', '^{\\mathrm{T}}'])('v_c%s', (mark) =>
    expect(read(`v_c${mark}`)).toBe("v_c'"),
  );

  it("a prime transposes only where the spec says so; \\sigma' is a derivative", () => {
    expect(read("v_c'", qPrime)).toBe("v_c'");
    expect(codeOf("$v_c'$")).toBe('PRIME_AMBIGUOUS');
    expect(read("v_c'")).toBe("v_c'"); // without LaTeX marks it is mathjs syntax, where ' transposes
    expect(read("\\sigma'(x)")).toBe('sigmaprime(x)');
  });
});

describe('operators and functions', () => {
  it.each([
    ['U(\\hat y - y)', 'U * (yhat - y)'],
    ['U \\cdot (\\hat y - y)', 'cdot(U, (yhat - y))'],
    ['x \\times v_c', 'x * v_c'],
    ['h \\odot z', 'h .* z'],
    ['h \\circ z', 'h .* z'],
    ['x * v_c', 'x * v_c'],
    ['\\frac{1}{1 + e^{-x}}', '1 / (1 + exp(-x))'],
    ['\\dfrac{x}{2}', 'x / 2'],
    ['\\tfrac12', '1 / 2'],
    ['e^{x}', 'exp(x)'],
    ['\\exp(x)', 'exp(x)'],
    ['\\exp x', 'exp(x)'],
    ['\\log \\hat{y}_o', 'log(yhat_o)'],
    ['\\ln(x)', 'ln(x)'],
    ['\\sqrt{x}', 'sqrt(x)'],
    ['\\sigma(x)', 'sigma(x)'],
    ['\\tanh(x)', 'tanh(x)'],
    ['\\text{softmax}(v_c)', 'softmax(v_c)'],
    ['\\operatorname{softmax}(v_c)', 'softmax(v_c)'],
    ['\\mathrm{softmax}(v_c)', 'softmax(v_c)'],
    ['\\mathrm{ReLU}(v_c)', 'ReLU(v_c)'],
    ['\\left( x + 1 \\right) x', '(x + 1) * x'],
    ['\\big( x + 1 \\big) x', '(x + 1) * x'],
    ['\\Bigl[ x + 1 \\Bigr] x', '(x + 1) * x'],
    ['$[x + 1] x$', '(x + 1) * x'],
    ['x\\,x\\;x\\quad x\\!x~x', 'x * x * x * x * x * x'],
    ['2x', '2 * x'],
    ['\\sigma(u_o^T v_c)', "sigma(u_o' * v_c)"],
    ['$|x|$', 'abs(x)'],
    ['$|x| + |v_c^T v_c|$', "abs(x) + abs(v_c' * v_c)"],
  ])('%s → %s', (latex, text) => expect(read(latex)).toBe(text));

  it('h(1 - h) with h a vector is elementwise, and says so', () => {
    const r = readAndCompile(q, 'h(1 - h)');
    expect(r.compiled.shape).toEqual({ rows: 3, cols: 1 });
    expect(r.notes.map((n) => n.code)).toEqual(['READ_AS_ELEMENTWISE']);
  });

  it('a \\cdot between two vectors is a dot product, and says so', () => {
    const r = readAndCompile(q, 'u_o \\cdot v_c');
    expect(r.compiled.shape).toEqual({ rows: 1, cols: 1 });
    expect(r.notes.map((n) => n.code)).toEqual(['READ_AS_DOT']);
  });
});

describe('sums', () => {
  it.each([
    ['\\sum_{k=1}^{K} u_k', 'sum(k, 1, K, u_k)'],
    ['\\sum_{w \\in V} \\hat y_w u_w', 'sum(w, yhat_w * u_w)'],
    ['\\sum_w \\hat y_w u_w', 'sum(w, yhat_w * u_w)'],
    ['\\sum_{w=1}^{|V|} u_w', 'sum(w, 1, abs(V), u_w)'],
    ['\\sum_{w \\neq o} u_w', 'sum(w, (w != o) ? (u_w) : 0)'],
    ['\\sum_{\\substack{w=1 \\\\ w \\neq o}}^{V} u_w', 'sum(w, 1, V, (w != o) ? (u_w) : 0)'],
    ['\\sum\\limits_{k=1}^{K} u_k + v_c', 'sum(k, 1, K, u_k) + v_c'],
    ['-\\sum_{k} \\log \\sigma(-u_k^T v_c)', "-sum(k, log(sigma(-(u_k' * v_c))))"],
  ])('%s → %s', (latex, text) => expect(read(latex)).toBe(text));

  it('takes an index range left implicit from its declaration, or from the family it reaches', () => {
    expect(readAndCompile(q, '\\sum_w \\hat y_w').compiled.shape).toEqual({ rows: 1, cols: 1 });
    const r = readAndCompile(q, '-u_o + \\sum_i \\hat y_i u_i');
    expect(toText(r.node)).toBe('-u_o + sum(i, yhat_i * u_i)');
    expect(r.compiled.shape).toEqual({ rows: 3, cols: 1 });
  });
});

describe('cases', () => {
  const expected = '(w == o) ? ((yhat_w - 1) * v_c) : (yhat_w * v_c)';
  const qw = question(SPEC, 'free: w\nreference: "(yhat_w - y_w) * v_c"');
  it.each([
    ['\\begin{cases} (\\hat y_w - 1) v_c & w = o \\\\ \\hat y_w v_c & w \\neq o \\end{cases}', expected],
    ['\\begin{cases} (\\hat y_w - 1) v_c, & \\text{if } w = o \\\\ \\hat y_w v_c, & \\text{otherwise} \\end{cases}', expected],
    ['\\begin{cases} (\\hat y_w - 1) v_c & \\text{if } w = o \\\\ \\hat y_w v_c & \\text{else} \\end{cases}', expected],
    ['\\begin{cases} \\hat y_w v_c & \\text{otherwise} \\\\ (\\hat y_w - 1) v_c & w = o \\end{cases}', expected],
  ])('%s', (latex, text) => expect(read(latex, qw)).toBe(text));
});

describe('what surrounds a formula', () => {
  it.each([
    ['$U(\\hat y - y)$'],
    ['$$U(\\hat y - y)$$'],
    ['\\(U(\\hat y - y)\\)'],
    ['\\[U(\\hat y - y)\\]'],
    ['\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)'],
    ['\\nabla_{v_c} J = -u_o + U \\hat y = U(\\hat y - y)'],
  ])('%s is graded on its formula', (latex) => expect(read(latex)).toBe('U * (yhat - y)'));

  it.each([['U(\\hat y - y), \\forall k \\in [1, K]'], ['U(\\hat y - y) \\quad \\text{for } w \\neq o'], ['U(\\hat y - y) \\text{ for all } w']])(
    'sets aside the qualifier of %s and says so',
    (latex) => {
      const r = readAndCompile(q, latex);
      expect(toText(r.node)).toBe('U * (yhat - y)');
      expect(r.notes.map((n) => n.code)).toEqual(['QUALIFIER_IGNORED']);
    },
  );

  it('says when a left-hand side was set aside', () => {
    expect(readAndCompile(q, 'J = -\\log \\hat y_o').notes.map((n) => n.code)).toEqual(['LHS_IGNORED']);
  });
});

describe('bad input gets a code and a position, never a crash', () => {
  it.each([
    ['U(\\hat{y - y)', 'LATEX_UNBALANCED', 6],
    ['U(\\hat y - y)}', 'LATEX_UNBALANCED', 13],
    ['\\foo{x}', 'LATEX_UNKNOWN_COMMAND', 0],
    ['\\hta{y}', 'LATEX_UNKNOWN_COMMAND', 0],
    ['$$', 'EMPTY_ANSWER', undefined],
    ['$ $', 'EMPTY_ANSWER', undefined],
    ['\\frac{1}', 'LATEX_INCOMPLETE', 8],
    ['$x + $', 'LATEX_INCOMPLETE', 4],
    ['\\left( x', 'LATEX_EXPECTED', 8],
    ['$x @ y$', 'LATEX_CHAR', 3],
    ['\\sum u_k', 'SUM_INDEX', 0],
    ['\\sum_{k=1} u_k', 'SUM_BOUNDS', 0],
    ['\\begin{pmatrix} 1 \\end{pmatrix}', 'LATEX_UNSUPPORTED', 0],
    ['x_1 + \\cdots + x_n', 'LATEX_UNSUPPORTED', 6],
    ['\\hat{(x + 1)}', 'ACCENT_ON_EXPRESSION', 0],
    ['\\log', 'FUNCTION_NEEDS_ARGUMENT', 0],
    ['\\text{}', 'LATEX_EMPTY', 0],
    ['y_o \\hat{q}', 'UNKNOWN_SYMBOL', 4],
    ['\\', 'SYNTAX', 0],
  ])('%s → %s', (latex, code, offset) => {
    try {
      readAndCompile(q, latex);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(e.finding.code).toBe(code);
      expect(e.finding.at?.offset).toBe(offset);
      return;
    }
    throw new Error('no error');
  });

  it('suggests names in the question for an unknown one', () => {
    try {
      readAndCompile(q, '\\hat{q}_o');
    } catch (e) {
      expect((e as InputError).finding.args.suggestions).toContain('yhat_o');
    }
    try {
      readAndCompile(q, 'yhat_q');
    } catch (e) {
      expect((e as InputError).finding.code).toBe('UNKNOWN_SYMBOL');
    }
    expect.assertions(2);
  });
});
