/**
 * A synthetic write-up for the document figure: every question of the word2vec set answered in
 * LaTeX, each at the end of a displayed chain of nine equal sides (99 steps in all), as a
 * Markdown file with front matter. Written here, not copied from a student, so it can ship.
 */
import { writeFileSync } from 'node:fs';

const FINALS: readonly (readonly [string, string])[] = [
  ['naive-softmax-loss', '-\\log \\hat{y}_o'],
  ['naive-softmax-grad-vc', 'U(\\hat{y} - y)'],
  ['naive-softmax-grad-uw', '(\\hat{y}_w - y_w) v_c'],
  ['naive-softmax-grad-U', 'v_c (\\hat{y} - y)^\\top'],
  ['sigmoid-derivative', '\\sigma(x)(1 - \\sigma(x))'],
  ['neg-sampling-grad-vc', '(\\sigma(u_o^\\top v_c) - 1) u_o - \\sum_{k=1}^{K} (\\sigma(-u_k^\\top v_c) - 1) u_k'],
  ['neg-sampling-grad-uo', '(\\sigma(u_o^\\top v_c) - 1) v_c'],
  ['neg-sampling-grad-uk', '(1 - \\sigma(-u_k^\\top v_c)) v_c'],
  ['skipgram-grad-U', '\\sum_{j=1}^{2m} v_c (\\hat{y} - y_{o_j})^\\top'],
  ['skipgram-grad-vc', '\\sum_{j=1}^{2m} U (\\hat{y} - y_{o_j})'],
  ['skipgram-grad-vw', '0'],
];

/** Writes the write-up; returns its question and step counts. */
export function writeWriteup(file: string): { questions: number; steps: number } {
  let steps = 0;
  const parts = FINALS.map(([id, final], i) => {
    const sides = [2, 3, 4, 5, 6, 7, 8].map((k) => `\\frac{${k}}{${k}} \\left(${final}\\right)`);
    const chain = [`\\left(${final}\\right) + 0`, ...sides, final];
    steps += chain.length;
    const lines = chain.map((s, j) => (j === 0 ? `  ${s}` : `  &= ${s}`)).join(' \\\\\n');
    return `## (${String.fromCharCode(97 + i)}) ${id}\n\nWe simplify step by step:\n\n$$\n\\begin{aligned}\n${lines}\n\\end{aligned}\n$$\n`;
  });
  writeFileSync(file, `---\nset: cs224n-a2\nstudent: bench\n---\n\n# Assignment 2, written part\n\n${parts.join('\n')}`);
  return { questions: FINALS.length, steps };
}
