/** The student's macros, expanded with their arguments, within limits. */
import { describe, expect, it } from 'vitest';
import { collectMacros, expand } from '../../grader/document/macros.js';
import { read } from './helpers.js';

const expanded = (defs: string, latex: string) => expand(latex, new Map(collectMacros(defs).map((m) => [m.name, m])));

describe('macros', () => {
  it.each([
    ['\\newcommand{\\by}{\\mathbf{y}}', '\\hat\\by - \\by', '\\hat\\mathbf{y} - \\mathbf{y}'],
    ['\\newcommand\\R{\\mathbb{R}}', 'x \\in \\R^d', 'x \\in \\mathbb{R}^d'],
    ['\\renewcommand{\\v}[1]{\\mathbf{v}_{#1}}', '\\v{c} + \\v o', '\\mathbf{v}_{c} + \\mathbf{v}_{o}'],
    ['\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}', '\\pd{J}{v_c}', '\\frac{\\partial J}{\\partial v_c}'],
    ['\\newcommand{\\e}[1][x]{e^{#1}}', '\\e + \\e[y]', 'e^{x} + e^{y}'],
    ['\\def\\sm#1{\\mathrm{softmax}(#1)}', '\\sm{\\theta}', '\\mathrm{softmax}(\\theta)'],
    ['\\DeclareMathOperator{\\softmax}{softmax}', '\\softmax(z)', '\\operatorname{softmax}(z)'],
    ['\\DeclareMathOperator*{\\argmax}{arg\\,max}', '\\argmax_x', '\\operatorname{arg\\,max}_x'],
    ['\\newcommand{\\a}{b}\\newcommand{\\c}{\\a\\a}', '\\c', 'bb'],
    ['\\newcommand{\\x}{X}', '\\xi + \\x y', '\\xi + X y'],
  ])('%s', (defs, latex, want) => {
    expect(expanded(defs, latex)).toEqual({ text: want });
  });

  it.each([
    ['\\def\\a{\\a}', '\\a', 'a'],
    ['\\def\\a{\\a\\a}', '\\a', 'a'],
    ['\\newcommand{\\a}{\\b}\\newcommand{\\b}{\\a}', 'x + \\a', 'a'],
    ['\\newcommand{\\a}{x}\\def\\b{\\b}', '\\a + \\b', 'b'],
  ])('%s ends at the limit, unexpanded, naming the macro', (defs, latex, name) => {
    const t0 = performance.now();
    const r = expanded(defs, latex);
    expect([r.text, r.limited?.name]).toEqual([latex, name]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('a document reads answers with macros expanded, verbatim beside them', () => {
    const doc = read(
      'm.tex',
      '\\newcommand{\\by}{\\mathbf{y}}\n\\def\\loop{\\loop}\n\\section{A}\n\\begin{enumerate}[label=(\\alph*)]\\item a \\item\n\\[ \\frac{\\partial J}{\\partial v_c} = U(\\hat\\by - \\by) \\]\n\\item \\[ \\loop \\] \\end{enumerate}\n',
    );
    const a = doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!;
    expect([a.final, a.finalExpanded]).toEqual(['U(\\hat\\by - \\by)', 'U(\\hat\\mathbf{y} - \\mathbf{y})']);
    expect(a.parts[0]!.steps[1]!.expanded).toBe('U(\\hat\\mathbf{y} - \\mathbf{y})');
    expect(doc.definitions.map((d) => d.latex)).toContain('\\newcommand{\\by}{\\mathbf{y}}');
  });

  it.each([
    ['\\newcommand{\\by}{y}\n\\def\\loop{\\loop}\n', 2, '\\loop, defined as \\def\\loop{\\loop},'],
    ['\n\n\n\\newcommand{\\loop}{\\loop\\loop}\n', 4, '\\loop, defined as \\newcommand{\\loop}{\\loop\\loop},'],
  ])('a loop in an answer is noted at its definition: %j', (defs, line, detail) => {
    const doc = read('l.tex', `${defs}\\section{A}\n(b) \\[ \\frac{\\partial J}{\\partial v_c} = \\loop \\]\n`);
    const loop = doc.notes.find((n) => n.code === 'MACRO_LIMIT');
    expect([loop?.line, loop?.detail.startsWith(detail)]).toEqual([line, true]);
  });

  // no part labels: the left-hand side alone must name the question, read through the macros
  it.each([
    ['a.tex', '\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}\n% grader-set: cs224n-a2\n\\[ \\pd{J}{v_c} = U(\\hat y - y) \\]\n'],
    ['b.tex', '\\newcommand{\\vv}{\\mathbf{v}}\n\\[ \\frac{\\partial J}{\\partial \\vv_c} = U(\\hat y - y) \\]\n'],
    ['c.tex', '\\newcommand{\\pd}[2][J]{\\frac{\\partial #1}{\\partial #2}}\n\\[ \\pd{v_c} = U(\\hat y - y) \\]\n'],
    ['d.tex', '\\newcommand{\\pd}[2][J]{\\frac{\\partial #1}{\\partial #2}}\n\\[ \\pd[J]{v_c} = U(\\hat y - y) \\]\n'],
    ['e.md', '$$\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}$$\n\n$$\\pd{J}{v_c} = U(\\hat y - y)$$\n'],
    ['f.md', '$\\def\\vv{\\mathbf{v}}$\n\nThe gradient:\n$$\\frac{\\partial J}{\\partial \\vv_c} = U(\\hat y - y)$$\n'],
    ['g.md', '$$\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}$$\n\n$\\pd{J}{v_c}$ is $U(\\hat y - y)$\n'],
  ])('a left-hand side written with a macro is found by its content: %s', (file, text) => {
    const doc = read(file, text);
    const a = doc.answers.get('cs224n-a2/naive-softmax-grad-vc');
    expect([a?.final, a?.notes.map((n) => n.code)]).toEqual(['U(\\hat y - y)', ['FOUND_BY_CONTENT']]);
  });
});
