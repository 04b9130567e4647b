/** Handwritten work transcribed to Markdown: math without `$`, Unicode symbols, ASCII names; and graded end to end. */
import { describe, expect, it } from 'vitest';
import { gradeDocument } from '../../grader/compare/document.js';
import { PointCache } from '../../grader/compare/points.js';
import { operatorOnAll, plainToLatex, primesAsTransposes, unicodeToLatex } from '../../grader/document/unicode.js';
import { BANK } from '../helpers.js';
import { finals, read } from './helpers.js';

describe('Unicode and plain math as LaTeX', () => {
  it.each([
    ['∂J/∂v_c', '\\partial J/\\partial v_c'],
    ['U(ŷ − y)', 'U(\\hat{y} - y)'],
    ['σ(x)(1 − σ(x))', '\\sigma(x)(1 - \\sigma(x))'],
    ['Σ_w ŷ_w u_w', '\\sum_w \\hat{y}_w u_w'],
    ['θᵀx', '\\theta^Tx'],
    ['(ŷ − y)^⊤', '(\\hat{y} - y)^\\top'],
    ['y\u0302 · x', '\\hat{y} \\cdot x'],
    ['W⁻¹ x₁', 'W^{-1} x_1'],
    ['w ≠ o', 'w \\neq o'],
    ['plain ascii stays', 'plain ascii stays'],
  ])('unicode %s', (text, want) => {
    expect(unicodeToLatex(text)).toBe(want);
  });

  it.each([
    ['dJ/dv_c', '\\frac{\\partial J}{\\partial v_c}'],
    ['∂J/∂U', '\\frac{\\partial J}{\\partial U}'],
    ['U(y_hat - y)', 'U(\\hat{y} - y)'],
    ['yhat_w v_c', '\\hat{y}_w v_c'],
    ['sigma(x)(1 - sigma(x))', '\\sigma(x)(1 - \\sigma(x))'],
    ['softmax(U^T v_c)', '\\operatorname{softmax}(U^T v_c)'],
    ['-log(exp(x))', '-\\log(\\exp(x))'],
    ['d/dx (1 + e^{-x})^{-1}', '\\frac{\\partial}{\\partial x} (1 + e^{-x})^{-1}'],
    ['∂/∂v_c log Z', '\\frac{\\partial}{\\partial v_c} \\log Z'],
    ['sum_{w in V} yhat_w u_w', '\\sum_{w \\in V} \\hat{y}_w u_w'],
    ['\\sigma(x) stays', '\\sigma(x) stays'],
  ])('plain %s', (text, want) => {
    expect(plainToLatex(text)).toBe(want);
  });
});

describe('a derivative operator leading a side', () => {
  it.each([
    ['\\frac{d}{dx} (1 + e^{-x})^{-1}', '\\frac{d}{dx} \\left[(1 + e^{-x})^{-1}\\right]'],
    ['\\frac{\\partial}{\\partial v_c} -\\log \\hat y_o', '\\frac{\\partial}{\\partial v_c} \\left[-\\log \\hat y_o\\right]'],
    [
      '\\frac{\\partial}{\\partial v_c}[-u_o^T v_c] + \\frac{\\partial}{\\partial v_c}\\log Z',
      '\\frac{\\partial}{\\partial v_c}[-u_o^T v_c] + \\frac{\\partial}{\\partial v_c}\\log Z',
    ],
    ['\\frac{\\partial J}{\\partial v_c}', '\\frac{\\partial J}{\\partial v_c}'],
    ['-\\frac{d}{dx}(x)^2', '-\\frac{d}{dx}(x)^2'],
  ])('%s', (text, want) => {
    expect(operatorOnAll(text)).toBe(want);
  });
});

describe('a prime for a transpose', () => {
  it.each([
    ["v_c (\\hat y - y)'", 'v_c (\\hat y - y)^T'],
    ["U'(\\hat y - y)", 'U^T(\\hat y - y)'],
    ["u_o'v_c", 'u_o^Tv_c'],
    ["\\mathbf{U}'\\mathbf{x}", '\\mathbf{U}^T\\mathbf{x}'],
    ["\\sigma'(x)", "\\sigma'(x)"],
    ["\\sigma(x)'", "\\sigma(x)'"],
    ["f'(x)", "f'(x)"],
    ["x'", "x'"],
  ])('%s', (text, want) => {
    expect(primesAsTransposes(text)).toBe(want);
  });
});

const HANDWRITTEN = [
  'Problem 1',
  '',
  '(a) -Σ_w y_w log(ŷ_w) = -log(ŷ_o) since y is one-hot.',
  '',
  '(b) By the chain rule',
  'dJ/dv_c = -u_o + Σ_w ŷ_w u_w',
  '= U(ŷ − y)',
  '',
  '(c) dJ/du_w = (ŷ_w − y_w) v_c',
  '',
  '(d) dJ/dU = v_c (ŷ + y)ᵀ',
  '',
  "(e) σ'(x) = σ(x)(1 − σ(x))",
].join('\n');

describe('plain math located', () => {
  it('transcribed handwriting: labels at the start of lines, math without $, = on the next line', () => {
    const doc = read('hw.md', HANDWRITTEN);
    expect(finals(doc)).toEqual({
      'naive-softmax-loss': '-log(ŷ_o)',
      'naive-softmax-grad-vc': 'U(ŷ − y)',
      'naive-softmax-grad-uw': '(ŷ_w − y_w) v_c',
      'naive-softmax-grad-U': 'v_c (ŷ + y)ᵀ',
      'sigmoid-derivative': 'σ(x)(1 − σ(x))',
    });
    const vc = doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!;
    expect(vc.parts[0]!.steps.map((s) => [s.expanded, s.line])).toEqual([
      ['\\frac{\\partial J}{\\partial v_c}', 6],
      ['-u_o + \\sum_w \\hat{y}_w u_w', 6],
      ['U(\\hat{y} - y)', 7],
    ]);
    expect(vc.finalExpanded).toBe('U(\\hat{y} - y)');
  });

  it.each([
    ['prose before and after', 'so the gradient is dJ/dv_c = U(ŷ − y) as we saw', 'U(ŷ − y)'],
    ['a where-clause is a definition, not the answer', 'dJ/dv_c = U(h - y) where h = softmax(θ)', 'U(h - y)'],
    ['ASCII names', 'dJ/dv_c = U(y_hat - y)', 'U(y_hat - y)'],
    ['a bold label', '**1b.** ∂J/∂v_c = U(ŷ − y)', 'U(ŷ − y)'],
  ])('%s', (_n, line, want) => {
    const doc = read('p.md', `(b)\n${line}\n`);
    expect(doc.answers.get('cs224n-a2/naive-softmax-grad-vc')?.final).toBe(want);
  });

  it.each([
    ['the left-hand side alone on its line', '(b)\ndJ/dv_c\n= -u_o + Σ_w ŷ_w u_w\n= U(ŷ − y)\n', ['dJ/dv_c', '-u_o + Σ_w ŷ_w u_w', 'U(ŷ − y)']],
    ['with a colon and a blank line', '(b)\n∂J/∂v_c:\n\n= U(ŷ − y)\n', ['∂J/∂v_c', 'U(ŷ − y)']],
    [
      '$= ...$ under another part is not the chain above',
      '### (b)\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n### (c)\n$= \\hat y_w v_c$\n',
      ['\\frac{\\partial J}{\\partial v_c}', 'U(\\hat y - y)'],
    ],
    [
      'a plain **Answer:** line closes the chain above',
      '(b)\ndJ/dv_c = -u_o + sum_w yhat_w u_w\n**Answer:** U(y_hat - y)\n',
      ['dJ/dv_c', '-u_o + sum_w yhat_w u_w', 'U(y_hat - y)'],
    ],
    [
      'an Answer: $..$ line too',
      '### (b)\n$$\\frac{\\partial J}{\\partial v_c} = -u_o + U\\hat y$$\nAnswer: $U(\\hat y - y)$\n',
      ['\\frac{\\partial J}{\\partial v_c}', '-u_o + U\\hat y', 'U(\\hat y - y)'],
    ],
    ['an Answer: line alone', '### (b)\nAnswer: $U(\\hat y - y)$\n', ['U(\\hat y - y)']],
  ])('steps: %s', (_n, text, steps) => {
    const a = read('s.md', text).answers.get('cs224n-a2/naive-softmax-grad-vc')!;
    expect(a.parts[0]!.steps.map((s) => s.latex)).toEqual(steps);
  });

  it.each([
    ['words only', 'The gradient is the same as before, as shown in class.'],
    ['a left-hand side in words', 'the gradient = U(ŷ − y)'],
    ['a table row', '| a | b = c(d) |'],
    ['a heading', '## x_1 = y(2)'],
    ['inline code', '`dJ/dv_c = U(y_hat - y)`'],
    ['a link', 'see https://example.com/grad?x=u(1) for the derivation'],
    ['a Markdown link', 'see [the notes](notes.md#x=y(2)) for the derivation'],
    ['a sentence with an = of words', 'Note that the learning rate = 0.1 in our code.'],
  ])('not plain math: %s', (_n, line) => {
    expect(read('q.md', `(b)\n${line}\n`).answers.size).toBe(0);
  });

  it('plain definitions: Let θ = Uᵀv_c. Then ŷ = softmax(θ)', () => {
    const d = read('r.md', 'Let θ = Uᵀv_c. Then ŷ = softmax(θ) and\n').definitions;
    expect(d.map((x) => [x.name, x.value])).toEqual([
      ['\\theta', 'U^Tv_c'],
      ['\\hat{y}', '\\operatorname{softmax}(\\theta)'],
    ]);
  });
});

describe('plain cases', () => {
  it.each([
    ['if w = o: ... / if w ≠ o: ...', '(c)\nif w = o: dJ/du_w = (ŷ_o − 1) v_c\nif w ≠ o: dJ/du_w = ŷ_w v_c\n'],
    ['u_o, then "for w ≠ o" after the other', '(c)\ndJ/du_o = (ŷ_o − 1) v_c\ndJ/du_w = ŷ_w v_c for w ≠ o\n'],
    ['Case 1: w = o / Case 2: w != o on the lines above', '(c)\nCase 1: w = o\ndJ/du_w = (ŷ_o − 1) v_c\nCase 2: w != o\ndJ/du_w = ŷ_w v_c\n'],
  ])('%s', (_n, text) => {
    const a = read('c.md', text).answers.get('cs224n-a2/naive-softmax-grad-uw')!;
    expect(a.finalExpanded).toBe('\\begin{cases} (\\hat{y}_o - 1) v_c & w = o \\\\ \\hat{y}_w v_c & w \\neq o \\end{cases}');
  });
});

describe('plain math graded', () => {
  const grade = (text: string) => {
    const set = BANK.sets.find((s) => s.set === 'cs224n-a2')!;
    return gradeDocument(set.questions, read('hw.md', text), new PointCache(1)).questions;
  };

  it('right finals accepted, the wrong one not, its step found', () => {
    const qs = grade(HANDWRITTEN);
    const by = (id: string) => qs.find((q) => q.id === `cs224n-a2/${id}`)!;
    expect(['naive-softmax-loss', 'naive-softmax-grad-vc', 'naive-softmax-grad-uw', 'sigmoid-derivative'].map((id) => by(id).verdict)).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
    ]);
    expect(by('naive-softmax-grad-U').verdict).toBe('incorrect');
    expect(by('naive-softmax-grad-vc').steps!.map((s) => s.check)).toEqual(['start', 'equal', 'equal']);
  });

  it("a prime for a transpose graded as one: v_c (ŷ − y)' right, (ŷ − y) v_c' transposed", () => {
    const U = (t: string) => grade(`(d)\n${t}\n`).find((q) => q.id === 'cs224n-a2/naive-softmax-grad-U')!.verdict;
    expect([U("dJ/dU = v_c (ŷ − y)'"), U("dJ/dU = (ŷ − y) v_c'")]).toEqual(['correct', 'incorrect']);
  });

  it('a right transcribed derivation: every step equal, none flagged', () => {
    const text = [
      '**Question 1 (b)**',
      '',
      '∂J/∂v_c = ∂/∂v_c (−u_oᵀv_c + log Σ_w exp(u_wᵀv_c))',
      '        = −u_o + Σ_w [exp(u_wᵀv_c) / Σ_x exp(u_xᵀv_c)] u_w',
      '        = U(ŷ − y)',
      '',
      '**Question 1 (d)**',
      '',
      'd/dx σ(x) = d/dx (1 + e^{-x})^{-1} = e^{-x} / (1 + e^{-x})^2 = σ(x)(1 − σ(x))',
    ].join('\n');
    const qs = grade(text);
    for (const id of ['naive-softmax-grad-vc', 'sigmoid-derivative']) {
      const q = qs.find((x) => x.id === `cs224n-a2/${id}`)!;
      expect(q.verdict).toBe('correct');
      expect(q.steps!.map((s) => s.check).filter((c) => c !== 'start')).toEqual(q.steps!.slice(1).map(() => 'equal'));
    }
  });

  it('plain cases graded as one cases answer', () => {
    const uw = grade('(c)\nif w = o: dJ/du_w = (ŷ_o − 1) v_c\nif w ≠ o: dJ/du_w = ŷ_w v_c\n').find((q) => q.id === 'cs224n-a2/naive-softmax-grad-uw')!;
    expect(uw.verdict).toBe('correct');
    const wrong = grade('(c)\nif w = o: dJ/du_w = (ŷ_o + 1) v_c\nif w ≠ o: dJ/du_w = ŷ_w v_c\n').find((q) => q.id === 'cs224n-a2/naive-softmax-grad-uw')!;
    expect(wrong.verdict).not.toBe('correct');
  });
});
