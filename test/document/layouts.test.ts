/** Locating answers in the layouts students use: headings, bold labels, list items, LaTeX counters, notebooks. */
import { describe, expect, it } from 'vitest';
import { finals, read } from './helpers.js';

const VC = '\\frac{\\partial J}{\\partial v_c} = U(\\hat{y} - y)';
const SIG = "\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))";

describe('layouts', () => {
  it.each([
    [
      'markdown headings ### (b)',
      'a.md',
      `# HW\n## 1.\n### (b)\n$$ -u_o + \\sum_w \\hat y_w u_w = U(\\hat{y} - y) $$\n### (d)\n$$\\sigma(x)(1 - \\sigma(x))$$\n`,
      { 'naive-softmax-grad-vc': 'U(\\hat{y} - y)', 'sigmoid-derivative': '\\sigma(x)(1 - \\sigma(x))' },
    ],
    [
      'markdown ## 1a and # e.',
      'b.md',
      `## 1b\n$$ ${VC} $$\n# e.\n$$\\frac{\\partial J}{\\partial u_o} = (\\sigma(u_o^T v_c) - 1) v_c$$\n`,
      { 'naive-softmax-grad-vc': 'U(\\hat{y} - y)', 'neg-sampling-grad-uo': '(\\sigma(u_o^T v_c) - 1) v_c' },
    ],
    [
      'bold labels',
      'c.md',
      `**(a)** the loss\n\n$$-\\sum_w y_w \\log \\hat y_w = -\\log(\\hat{y}_o)$$\n\n**(b)**\n$$${VC}$$\n`,
      { 'naive-softmax-loss': '-\\log(\\hat{y}_o)', 'naive-softmax-grad-vc': 'U(\\hat{y} - y)' },
    ],
    [
      'list items',
      'd.md',
      `- (b): gradient\n  $$\n  \\begin{aligned}\n  \\frac{\\partial J}{\\partial v_c} &= U(\\hat{y} - y)\n  \\end{aligned}\n  $$\n- (d): sigmoid\n  $$${SIG}$$\n`,
      { 'naive-softmax-grad-vc': 'U(\\hat{y} - y)', 'sigmoid-derivative': '\\sigma(x)(1 - \\sigma(x))' },
    ],
    [
      'descriptive heading, found by content',
      'e.md',
      `### Gradient with respect to the centre vector\n$$${VC}$$\n`,
      { 'naive-softmax-grad-vc': 'U(\\hat{y} - y)' },
    ],
    [
      'question 2 (b) in a notebook-style heading',
      'f.md',
      `## question 2 (b)\n$$\\frac{\\partial CE}{\\partial \\theta} = \\hat{y} - y$$\n`,
      { 'softmax-ce-grad': '\\hat{y} - y' },
      'cs224d-a1',
    ],
    [
      'paragraph subparts (i) (ii)',
      'g.md',
      `### (f)\n(i) $\\partial J_{skip-gram} / \\partial U = \\sum_j \\partial J / \\partial U$\n\n(ii) $\\partial J_{skip-gram} / \\partial v_c = \\sum_j \\partial J / \\partial v_c$\n\n(iii) $\\partial J_{skip-gram} / \\partial v_w = 0$ when $w \\neq c$.\n`,
      { 'skipgram-grad-U': '\\sum_j \\partial J / \\partial U', 'skipgram-grad-vc': '\\sum_j \\partial J / \\partial v_c', 'skipgram-grad-vw': '0' },
    ],
    [
      'LaTeX enumerate (\\alph*) items with answer boxes',
      'h.tex',
      `\\section{Written}\n\\begin{enumerate}[label=(\\alph*)]\n\\item Prove it. \\begin{equation} -\\sum_w y_w \\log \\hat y_w = -\\log \\hat y_o \\end{equation}\n\\begin{answer} $ -\\sum_w y_w \\log \\hat y_w = -\\log(\\hat{y}_o) $ \\end{answer}\n\\item Compute. \\begin{itemize}\\item note\\end{itemize}\n\\begin{answer}\\[ x = 1 \\]\\[ ${VC} \\]\\end{answer}\n\\end{enumerate}\n`,
      { 'naive-softmax-loss': '-\\log(\\hat{y}_o)', 'naive-softmax-grad-vc': 'U(\\hat{y} - y)' },
    ],
    [
      'LaTeX sections and subsections',
      'i.tex',
      `\\section{Understanding word2vec}\n\\subsection{}\n$$x$$\n\\subsection{}\n$$ -u_o + \\sum_w \\hat y_w u_w $$\n`,
      { 'naive-softmax-grad-vc': '-u_o + \\sum_w \\hat y_w u_w' },
    ],
    [
      'a course macro \\myhwtitle{1}{1(b)}',
      'j.tex',
      `\\myhwtitle{2}{1(b)}\n\\[ -u_o + \\sum_w \\hat y_w u_w \\]\n\\myhwtitle{2}{1(d)}\n\\[ \\sigma(x)(1-\\sigma(x)) \\]\n`,
      { 'naive-softmax-grad-vc': '-u_o + \\sum_w \\hat y_w u_w', 'sigmoid-derivative': '\\sigma(x)(1-\\sigma(x))' },
    ],
    [
      'headings that write the question id',
      'id.md',
      `## (e) sigmoid-derivative\n$$\\sigma(x)(1-\\sigma(x))$$\n## (d) naive-softmax-grad-vc\n$$ -u_o + \\sum_w \\hat y_w u_w $$\n`,
      { 'naive-softmax-grad-vc': '-u_o + \\sum_w \\hat y_w u_w', 'sigmoid-derivative': '\\sigma(x)(1-\\sigma(x))' },
    ],
    [
      '% Question 1-B comments',
      'k.tex',
      `% Question 1-B\n\\[ -u_o + \\sum_w \\hat y_w u_w \\]\n% Question 1-D\n\\[ \\sigma(x)(1-\\sigma(x)) \\]\n`,
      { 'naive-softmax-grad-vc': '-u_o + \\sum_w \\hat y_w u_w', 'sigmoid-derivative': '\\sigma(x)(1-\\sigma(x))' },
    ],
  ])('%s', (_name, file, text, want, set = 'cs224n-a2') => {
    expect(finals(read(file, text, set))).toEqual(want);
  });

  it('a notebook: markdown cells in order, lines of the .ipynb file', () => {
    const nb = {
      cells: [
        { cell_type: 'code', source: ['x = 1'] },
        { cell_type: 'markdown', source: ['### (b)\n', '$$\\frac{\\partial J}{\\partial v_c} = U(\\hat{y} - y)$$\n'] },
      ],
    };
    const text = JSON.stringify(nb, null, 1);
    const doc = read('nb.ipynb', text);
    expect(doc.format).toBe('notebook');
    const a = doc.answers.get('cs224n-a2/naive-softmax-grad-vc')!;
    expect(a.final).toBe('U(\\hat{y} - y)');
    expect(text.split('\n')[a.parts[0]!.line - 1]).toContain('U(\\\\hat{y} - y)');
  });

  it.each([
    [
      'front matter',
      'x.md',
      '---\nset: cs224d-a1\nstudent: ada\n---\n## question 2 (b)\n$$\\frac{\\partial CE}{\\partial \\theta} = \\hat{y} - y$$\n',
      'cs224d-a1',
      'front-matter',
      'ada',
    ],
    [
      '% grader-set comment and \\author',
      'x.tex',
      '% grader-set: cs224d-a1\n\\author{Ada L}\n\\[ \\frac{\\partial CE}{\\partial \\theta} = \\hat{y} - y \\]\n',
      'cs224d-a1',
      'comment',
      'Ada L',
    ],
    [
      'best match, the file name as the student',
      'dir/bob.md',
      "### (b)\n$$\\frac{\\partial J}{\\partial v_c} = U(\\hat y - y)$$\n### (d)\n$$\\sigma'(x) = \\sigma(x)(1-\\sigma(x))$$\n",
      'cs224n-a2',
      'best-match',
      'bob',
    ],
  ])('the set from %s', (_n, file, text, set, reason, student) => {
    const doc = read(file, text, null);
    expect([doc.set, doc.setReason, doc.student]).toEqual([set, reason, student]);
  });
});

describe('more part labels', () => {
  it.each([
    [
      '\\textbf{(b)} opening a line',
      'p.tex',
      '\\section{Written}\n\\textbf{(b)} We have\n\\[ -u_o + \\sum_w \\hat y_w u_w \\]\n\\noindent\\textbf{(d)}\n\\[ \\sigma(x)(1-\\sigma(x)) \\]\n',
    ],
    [
      '\\paragraph{Part (b)}',
      'q.tex',
      '\\paragraph{Part (b)}\n\\[ -u_o + \\sum_w \\hat y_w u_w \\]\n\\paragraph{Part (d)}\n\\[ \\sigma(x)(1-\\sigma(x)) \\]\n',
    ],
    ['b) at the start of a paragraph', 'r.md', 'b) the gradient\n$$ -u_o + \\sum_w \\hat y_w u_w $$\n\nd) the sigmoid\n$$ \\sigma(x)(1-\\sigma(x)) $$\n'],
  ])('%s', (_n, file, text) => {
    expect(finals(read(file, text))).toEqual({ 'naive-softmax-grad-vc': '-u_o + \\sum_w \\hat y_w u_w', 'sigmoid-derivative': '\\sigma(x)(1-\\sigma(x))' });
  });
});

describe('layouts beyond the annotated corpus', () => {
  const BOTH = { 'naive-softmax-grad-vc': 'U(\\hat y - y)', 'sigmoid-derivative': '\\sigma(x)(1-\\sigma(x))' };
  const B = '$$ A = U(\\hat y - y)$$';
  const D = '$$ \\sigma(x)(1-\\sigma(x)) $$';
  it.each([
    ['b. and d. at the start of a line', 'a.md', `b. gradient\n${B}\nd. sigmoid\n${D}\n`],
    ['1(b) and 1(d) at the start of a line', 'b.md', `1(b) gradient\n${B}\n1(d) sigmoid\n${D}\n`],
    ['1b) and Q1d', 'c.md', `1b) gradient\n${B}\nQ1d: sigmoid\n${D}\n`],
    ['*(b)* in italics', 'c2.md', `*(b)* gradient\n${B}\n_(d)_ sigmoid\n${D}\n`],
    ['Part (b): and Part (d)', 'd.md', `Part (b): gradient\n\n${B}\n\nPart (d):\n\n${D}\n`],
    ['an ordered list with bold labels', 'e.md', `1. **(b)** gradient\n   ${B}\n2. **(d)** sigmoid\n   ${D}\n`],
    ['a lettered list a) b) indented under 1.', 'f.md', `1. Word2vec\n   b) gradient\n   ${B}\n   d) sigmoid\n   ${D}\n`],
    [
      '<details> with a <summary> label',
      'g.md',
      `<details><summary>(b) gradient wrt v_c</summary>\n\n${B}\n\n</details>\n<details>\n<summary><b>(d)</b></summary>\n\n${D}\n</details>\n`,
    ],
    ['HTML headings', 'h.md', `<h3>(b) gradient</h3>\n\n${B}\n\n<h3>(d)</h3>\n\n${D}\n`],
    [
      'the exam class: \\question, \\part[points] counted in their lists',
      'x.tex',
      '\\begin{questions}\n\\question[10] Word2vec\n\\begin{parts}\n\\part[2] Loss\n\\part Gradient\n\\begin{solution} $$ A = U(\\hat y - y) $$ \\end{solution}\n\\part u\n\\part U\n\\part ReLU\n\\part[3] Sigmoid\n\\begin{solution} $$ \\sigma(x)(1-\\sigma(x)) $$ \\end{solution}\n\\end{parts}\n\\end{questions}\n',
    ],
    ['GitHub ```math fences', 'm.md', '### (b)\n```math\nA = U(\\hat y - y)\n```\n### (d)\n```math\n\\sigma(x)(1-\\sigma(x))\n```\n```python\nx = f(y)\n```\n'],
    ['\\paragraph{(b)}', 'i.tex', `\\paragraph{(b)} \\[ A = U(\\hat y - y) \\]\n\\paragraph{(d)} \\[ \\sigma(x)(1-\\sigma(x)) \\]\n`],
    [
      '**Answer:** lines under a copied question',
      'j.md',
      '### (b)\nFind $\\frac{\\partial J}{\\partial v_c}$ given $J = -\\log \\hat y_o$.\n$$ \\hat y = softmax(U^T v_c) $$\n**Answer:** $U(\\hat y - y)$\n\n### (d)\nAnswer: $\\sigma(x)(1-\\sigma(x))$\n',
    ],
  ])('%s', (_n, file, text) => {
    expect(finals(read(file, text))).toEqual(BOTH);
  });

  it.each([
    ['e.g. at the start of a line is not part (e)', 'e.g. the gradient\n$$\\sigma(x)(1-\\sigma(x))$$\n'],
    ['a sentence starting with "A" is not part (a)', 'A short note.\n$$\\sigma(x)(1-\\sigma(x))$$\n'],
  ])('%s', (_n, text) => {
    expect(read('k.md', text).answers.get('cs224n-a2/sigmoid-derivative')?.parts[0]!.label ?? '').toBe('');
  });

  it.each([
    ["^T, ^\\top and ' alike", "## (d)\n$$\\frac{\\partial J}{\\partial U} = v_c (\\hat y - y)'$$\n", 'v_c (\\hat y - y)^T'],
    ['ᵀ in display math', '## (d)\n$$\\frac{∂J}{∂U} = v_c (ŷ − y)ᵀ$$\n', 'v_c (\\hat{y} - y)^T'],
    ['⊤ in display math', '## (d)\n$$∂J/∂U = v_c (ŷ − y)^⊤$$\n', 'v_c (\\hat{y} - y)^\\top'],
  ])('transposes: %s', (_n, text, expanded) => {
    expect(read('t.md', text).answers.get('cs224n-a2/naive-softmax-grad-U')!.finalExpanded).toBe(expanded);
  });
});
