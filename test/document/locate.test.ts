/** Cases joined from separate displays, candidates chosen by their left-hand side, labels that disagree with content. */
import { describe, expect, it } from 'vitest';
import { read } from './helpers.js';

const UW = 'cs224n-a2/naive-softmax-grad-uw';

describe('cases written as separate displays', () => {
  it.each([
    [
      '"When $w = o$" before each display',
      '### (c)\nWhen $w = o$\n$$\\frac{\\partial J}{\\partial u_o} = (\\hat y_o - 1) v_c$$\nWhen $w \\neq o$\n$$\\frac{\\partial J}{\\partial u_w} = \\hat y_w v_c$$\n',
    ],
    [
      '"for $w \\neq o$" after a display, u_o on the left of the other',
      '### (c)\n$\\begin{align} \\frac{\\partial J}{\\partial u_w} = \\hat y_w v_c \\end{align}$ for $w \\neq o$,\n\n$\\begin{align} \\frac{\\partial J}{\\partial u_o} = (\\hat y_o - 1) v_c \\end{align}$.\n',
    ],
    [
      'the condition in the subscript (Case 1, Case 2)',
      '**(c)**\n**Case 1**\n$$\\frac{\\partial J}{\\partial u_{w=o}} = (\\hat y_o - 1) v_c$$\n**Case 2**\n$$\\frac{\\partial J}{\\partial \\mathbf{u}_{\\mathbf{w} \\neq \\mathbf{o}}} = \\hat y_w v_c$$\n',
    ],
  ])('%s', (_n, text) => {
    const a = read('c.md', text).answers.get(UW)!;
    expect(a.parts.map((p) => [p.final, p.case])).toEqual([
      ['(\\hat y_o - 1) v_c', 'w = o'],
      ['\\hat y_w v_c', 'w \\neq o'],
    ]);
    expect(a.final).toBe('\\begin{cases} (\\hat y_o - 1) v_c & w = o \\\\ \\hat y_w v_c & w \\neq o \\end{cases}');
    expect(a.finalExpanded).toBe(a.final);
    expect(a.notes.map((n) => n.code)).toContain('CASES_JOINED');
  });

  it('one display answers in one part', () => {
    const a = read('c.md', '### (c)\n$$\\frac{\\partial J}{\\partial u_w} = (\\hat y_w - y_w) v_c$$\n').answers.get(UW)!;
    expect([a.parts.length, a.final, a.parts[0]!.case]).toEqual([1, '(\\hat y_w - y_w) v_c', undefined]);
  });
});

describe('choosing among candidates', () => {
  it.each([
    [
      'the display whose left-hand side names the quantity, not the last',
      '### (b)\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n$$\\frac{\\partial}{\\partial v_c} \\log Z = U \\hat y$$\n',
      'cs224n-a2/naive-softmax-grad-vc',
      'U(\\hat y - y)',
    ],
    [
      'the last display of the part that is not a check of sizes',
      '### (b)\n$$ -u_o + U\\hat y $$\nShapes: $$(d \\times V)(V \\times 1) = d \\times 1$$\n',
      'cs224n-a2/naive-softmax-grad-vc',
      '-u_o + U\\hat y',
    ],
    ['else the last display of the part', '### (b)\n$$ A = B $$\n$$ -u_o + U\\hat y $$\n', 'cs224n-a2/naive-softmax-grad-vc', '-u_o + U\\hat y'],
    [
      'an answer box over the copied question',
      '\\begin{enumerate}[label=(\\alph*)]\\item Show \\[ -\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o \\] \\begin{answer} \\[ x = 1 \\] \\[ -\\sum_w y_w \\log \\hat y_w = -\\log(\\hat y_o) \\] \\end{answer}\\end{enumerate}',
      'cs224n-a2/naive-softmax-loss',
      '-\\log(\\hat y_o)',
    ],
    [
      'a neg-sample tag keeps a chain from the naive-softmax question',
      '$$\\frac{\\partial J_{neg-sample}}{\\partial v_c} = A$$\n',
      'cs224n-a2/neg-sampling-grad-vc',
      'A',
    ],
    [
      'the operator first: \\frac{\\partial}{\\partial v_c} J',
      'Text\n$$\\frac{\\partial}{\\partial \\mathbf{v}_c} J_{naive-softmax}(v_c, o, U) = U(\\hat y - y)$$\n',
      'cs224n-a2/naive-softmax-grad-vc',
      'U(\\hat y - y)',
    ],
    [
      'the operator first: \\frac{d}{dx}\\sigma(x)',
      'Text\n$$\\frac{d}{dx}\\sigma(x) = \\sigma(x)(1-\\sigma(x))$$\n',
      'cs224n-a2/sigmoid-derivative',
      '\\sigma(x)(1-\\sigma(x))',
    ],
    ['\\partial J / \\partial v_c slash notation', '## 1b\n$\\partial J / \\partial v_c = B$\n', 'cs224n-a2/naive-softmax-grad-vc', 'B'],
    [
      "\\sigma(x)' prime after the parenthesis",
      "### Sigmoid\n$$ \\sigma(x)' = \\sigma(x)(1-\\sigma(x)) $$\n",
      'cs224n-a2/sigmoid-derivative',
      '\\sigma(x)(1-\\sigma(x))',
    ],
  ])('%s', (_n, text, id, want) => {
    expect(read(text.includes('\\begin{enumerate}') ? 'x.tex' : 'x.md', text).answers.get(id)?.final).toBe(want);
  });
});

describe('labels that disagree with the content', () => {
  it('a (c) whose left-hand side is dJ/dU goes to dJ/dU, with a note', () => {
    const doc = read(
      'm.md',
      '### (b)\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n### (c)\n$$\\frac{\\partial J}{\\partial U} = v_c (\\hat y - y)^T$$\n',
    );
    const a = doc.answers.get('cs224n-a2/naive-softmax-grad-U')!;
    expect([a.final, a.parts[0]!.label]).toEqual(['v_c (\\hat y - y)^T', '### (c)']);
    expect(a.notes.map((n) => n.code)).toEqual(['LABEL_MISMATCH']);
    expect(doc.answers.has(UW)).toBe(false);
  });

  it('a copied left-hand side whose question is answered elsewhere stays with its label, noted', () => {
    const doc = read(
      'm.md',
      '### (b)\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n### (c)\n$$\\frac{\\partial J}{\\partial v_c} = (\\hat y_w - y_w) v_c$$\n',
    );
    expect(doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!.final).toBe('U(\\hat y - y)');
    const a = doc.answers.get(UW)!;
    expect([a.final, a.notes[0]!.code]).toEqual(['(\\hat y_w - y_w) v_c', 'LABEL_MISMATCH']);
  });

  it('found by content alone: no label, a note', () => {
    const a = read('n.md', 'Some text.\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n').answers.get('cs224n-a2/naive-softmax-grad-vc')!;
    expect([a.parts[0]!.label, a.notes[0]!.code]).toEqual(['', 'FOUND_BY_CONTENT']);
  });
});

describe('answers whose label or left-hand side is weak', () => {
  it('a left-hand side copied from the part before: the variable its steps differentiate by decides, noted', () => {
    const doc = read(
      'r.md',
      '**(b)**\n$$\\frac{\\partial J}{\\partial v_c} = \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial v_c} = U(\\hat y - y)$$\n**(c)**\n$$\\frac{\\partial J}{\\partial v_c} = \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial U} = v_c(\\hat y - y)^T$$\n',
    );
    expect(doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!.final).toBe('U(\\hat y - y)');
    const a = doc.answers.get('cs224n-a2/naive-softmax-grad-U')!;
    expect(a.final).toBe('v_c(\\hat y - y)^T');
    expect(a.notes.map((n) => n.code)).toContain('LABEL_MISMATCH');
    expect(a.parts[0]!.differentiatedBy).toBe('U');
  });

  it.each([
    ['a column for the matrix (u_w for U)', '\\frac{\\partial J}{\\partial U} = \\sum_w \\frac{\\partial J}{\\partial u_w} e_w^T = v_c(\\hat y - y)^T'],
    [
      'the chain rule through an intermediate',
      '\\frac{\\partial J}{\\partial U} = \\frac{\\partial J}{\\partial \\theta}\\frac{\\partial \\theta}{\\partial U} = v_c(\\hat y - y)^T',
    ],
  ])('the written left-hand side stands: %s', (_n, chain) => {
    const a = read('s.md', `### (d)\n$$${chain}$$\n`).answers.get('cs224n-a2/naive-softmax-grad-U')!;
    expect(a.notes.map((n) => n.code)).not.toContain('LABEL_MISMATCH');
  });

  it('alone between two answered neighbours, a derivation of the loss by a symbol of the same letter', () => {
    const doc = read(
      'p.md',
      '**(c)**\n$$\\frac{\\partial J}{\\partial u_{w=o}} = (\\hat y_o - 1) v_c$$\n$$\\frac{\\partial J}{\\partial u_{w \\neq o}} = \\hat y_w v_c$$\nGenerally,\n$$\\frac{\\partial J}{\\partial u_w} = v_c(\\hat y - y)^T$$\n**(d)**\n$$\\frac{d\\sigma}{dx} = \\sigma(x)(1-\\sigma(x))$$\n',
    );
    expect(doc.answers.get(UW)!.parts.length).toBe(2);
    const a = doc.answers.get('cs224n-a2/naive-softmax-grad-U')!;
    expect([a.final, a.notes[0]!.code]).toEqual(['v_c(\\hat y - y)^T', 'FOUND_BY_POSITION']);
  });

  it('nothing by position when the neighbours are not both answered', () => {
    const doc = read(
      'q.md',
      '**(c)**\n$$\\frac{\\partial J}{\\partial u_w} = \\hat y_w v_c$$\nGenerally,\n$$\\frac{\\partial J}{\\partial u_w} = v_c(\\hat y - y)^T$$\n',
    );
    expect(doc.answers.has('cs224n-a2/naive-softmax-grad-U')).toBe(false);
  });
});

describe('the final is the last side in the question terms', () => {
  it.each([
    ['a restated probability', '-\\sum_w y_w \\log \\hat y_w = -\\log(\\hat y_o) = -\\log \\mathrm{P}(O = o | C = c)', '-\\log(\\hat y_o)'],
    ['\\Pr with \\mid', '-\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o = -\\log \\Pr(o \\mid c)', '-\\log \\hat y_o'],
    ['prose after the answer', '-\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o = \\text{as required}', '-\\log \\hat y_o'],
    ['back to the left-hand side', '-\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o = -\\sum_w y_w \\log \\hat y_w', '-\\log \\hat y_o'],
    ['an exp, not a probability', '-\\sum_w y_w \\log \\hat y_w = -\\log \\exp(u_o^T v_c) + \\log Z', '-\\log \\exp(u_o^T v_c) + \\log Z'],
  ])('%s', (_n, chain, want) => {
    expect(read('f.md', `### (a)\n$$${chain}$$\n`).answers.get('cs224n-a2/naive-softmax-loss')!.final).toBe(want);
  });
});

describe('chains that start with the loss', () => {
  it.each([
    ['J = the asked sum = ...', 'Text\n$$J = -\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o$$\n', '-\\log \\hat y_o'],
    ['\\mathcal{L}(\\theta) with parentheses', 'Text\n$$\\mathcal{L}(\\theta) = -\\sum_{w} y_w \\log(\\hat y_w) = -\\log(\\hat y_o)$$\n', '-\\log(\\hat y_o)'],
    [
      'J_{naive-softmax}(v_c, o, U) under (a), a condition after it',
      '### (a)\n$$J_{naive-softmax}(v_c, o, U) = -\\log \\hat y_o$$\n$$ y_w = 0 $$\n',
      '-\\log \\hat y_o',
    ],
    [
      'a definition after it',
      '### (a)\n$$J = -\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o$$\nwhere\n$$\\hat y = \\mathrm{softmax}(U^T v_c)$$\n',
      '-\\log \\hat y_o',
    ],
  ])('%s', (_n, text, want) => {
    const doc = read('l.md', text);
    expect(doc.answers.get('cs224n-a2/naive-softmax-loss')?.final).toBe(want);
  });

  it('the neg-sampling loss stated under (e) answers neither the loss nor a gradient', () => {
    const doc = read('l.md', '### (e)\n$$J = -\\log \\sigma(u_o^T v_c) - \\sum_k \\log \\sigma(-u_k^T v_c)$$\n');
    expect([...doc.answers.keys()]).toEqual([]);
    expect(doc.definitions.map((d) => d.name)).toEqual(['J']);
  });
});

describe('math in the prose of an answer', () => {
  it.each([
    [
      'after the display',
      '### (b)\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\nIt is zero when $\\frac{\\partial J}{\\partial v_c} = 0$, i.e. $\\hat y = y$.\n',
    ],
    [
      'in a template answer box',
      '\\begin{enumerate}\\item x \\begin{answer} \\[ \\frac{\\partial J}{\\partial v_c} = U(\\hat y - y) \\] The gradient is zero when $\\frac{\\partial J}{\\partial v_c} = 0$. \\end{answer}\\item y\\end{enumerate}',
    ],
  ])('the display is the answer, not the inline remark: %s', (_n, text) => {
    const doc = read(text.includes('\\begin') ? 'x.tex' : 'x.md', text);
    expect(doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!.final).toBe('U(\\hat y - y)');
  });
});

describe("the template's prompt is never an answer", () => {
  it('an empty answer box leaves its question unanswered, though the copied question shows an equation', () => {
    const text = [
      '\\begin{enumerate}[label=(\\alph*)]',
      '\\item Show that \\[ -\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o \\]',
      '\\begin{answer}\\end{answer}',
      '\\item Find \\[ \\frac{\\partial J}{\\partial v_c} = U(\\hat y - y) \\] in your own words.',
      '\\begin{answer} \\[ \\frac{\\partial J}{\\partial v_c} = U(\\hat y + y) \\] \\end{answer}',
      '\\end{enumerate}',
    ].join('\n');
    const doc = read('t.tex', text);
    expect(doc.answers.has('cs224n-a2/naive-softmax-loss')).toBe(false);
    expect(doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!.final).toBe('U(\\hat y + y)');
  });

  it('so in the Markdown template: the prompt above an empty answer block is not its answer', () => {
    const text = [
      '## Naive-softmax loss',
      'Show that $$-\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o$$',
      '<!-- answer: cs224n-a2/naive-softmax-loss -->',
      '$$',
      '',
      '$$',
      '## Gradient',
      '<!-- answer: cs224n-a2/naive-softmax-grad-vc -->',
      '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$',
    ].join('\n');
    const doc = read('t.md', text);
    expect([...doc.answers.keys()]).toEqual(['cs224n-a2/naive-softmax-grad-vc']);
  });
});

describe('the quantity named in prose', () => {
  it.each([
    ['is', '### (b)\nThe gradient $\\frac{\\partial J}{\\partial v_c}$ is $U(\\hat y - y)$.\n'],
    ['= between two inline maths', 'Text: $\\frac{\\partial J}{\\partial v_c}$ = $U(\\hat y - y)$\n'],
    ['a reversed chain', '### (b)\n$$U(\\hat y - y) = \\frac{\\partial J}{\\partial v_c}$$\n'],
  ])('"$dJ/dv_c$ %s $...$" is a chain', (_n, text) => {
    expect(read('x.md', text).answers.get('cs224n-a2/naive-softmax-grad-vc')?.final).toBe('U(\\hat y - y)');
  });

  it('the asked derivative alone is never the answer (it would grade itself right)', () => {
    const doc = read('x.md', '### (b)\n$\\frac{\\partial J}{\\partial v_c}$ is zero when $\\hat y = y$.\n');
    expect(doc.answers.has('cs224n-a2/naive-softmax-grad-vc')).toBe(false);
  });
});
