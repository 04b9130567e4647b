/** The template: every prompt and one answer block per question; filled in, it is located 100%. */
import { describe, expect, it } from 'vitest';
import { setNaming } from '../../grader/bank/naming.js';
import { renderTemplate } from '../../grader/document/template.js';
import { BANK, cli } from '../helpers.js';
import { read } from './helpers.js';

/** A LaTeX answer for each question: a correct LaTeX example of the spec, else its reference as written. */
const answerOf = (q: (typeof BANK.sets)[number]['questions'][number]) =>
  q.examples.find((e) => e.verdict === 'correct' && e.note === 'LaTeX' && !e.answer.includes('$'))?.answer ?? q.referenceText;

describe('template', () => {
  it.each(BANK.sets.flatMap((s) => (['tex', 'md'] as const).map((f) => [s.set, f] as const)))(
    '%s as %s, filled with LaTeX answers, locates every question',
    (setId, format) => {
      const set = BANK.sets.find((s) => s.set === setId)!;
      let text = renderTemplate(setNaming(set), format);
      for (const q of set.questions) {
        const answer = answerOf(q);
        text =
          format === 'tex'
            ? text.replace(`\\begin{answer}{${q.id}}\n\\[\n  % your answer\n\\]`, () => `\\begin{answer}{${q.id}}\n\\[\n${answer}\n\\]`)
            : text.replace(`<!-- answer: ${q.id} -->\n$$\n\n$$`, () => `<!-- answer: ${q.id} -->\n$$\n${answer}\n$$`);
      }
      const doc = read(`student.${format}`, text, null);
      expect([doc.set, doc.setReason]).toEqual([setId, format === 'tex' ? 'comment' : 'front-matter']);
      for (const q of set.questions) {
        const a = doc.answers.get(q.id);
        expect(a, q.id).toBeDefined();
        expect(answerOf(q).replace(/\s+/g, ' ').endsWith(a!.final), `${q.id}: ${a!.final}`).toBe(true);
        expect(a!.parts[0]!.label).toBe(q.id);
      }
    },
  );

  it('an unanswered block is not located, and the next question is not taken for it', () => {
    const set = BANK.sets.find((s) => s.set === 'cs224n-a2')!;
    const text = renderTemplate(setNaming(set), 'md').replace(
      '<!-- answer: cs224n-a2/naive-softmax-grad-vc -->\n$$\n\n$$',
      '<!-- answer: cs224n-a2/naive-softmax-grad-vc -->\n$$\nU(\\hat y - y)\n$$',
    );
    const doc = read('s.md', text, null);
    expect([...doc.answers.keys()]).toEqual(['cs224n-a2/naive-softmax-grad-vc']);
  });

  it.each([
    [
      'tex',
      [
        '\\documentclass{article}',
        '% grader-set: cs224n-a2',
        '\\newenvironment{answer}[1]',
        '\\begin{answer}{cs224n-a2/naive-softmax-grad-vc}',
        '\\end{document}',
      ],
    ],
    ['md', ['set: cs224n-a2', '<!-- answer: cs224n-a2/skipgram-grad-vw -->']],
    ['yaml', ['student: your-name', 'answers:', '  cs224n-a2/naive-softmax-grad-vc: |']],
  ])('grader template cs224n-a2 --format %s', (format, parts) => {
    const r = cli('template', 'cs224n-a2', '--format', format);
    expect(r.code).toBe(0);
    for (const p of parts) expect(r.out).toContain(p);
  });

  it('a LaTeX template balances its environments and braces', () => {
    const text = renderTemplate(setNaming(BANK.sets.find((s) => s.set === 'cs224d-a1')!), 'tex').replace(/\\[{}]/g, '');
    expect((text.match(/\\begin\{/g) ?? []).length).toBe((text.match(/\\end\{/g) ?? []).length);
    expect((text.match(/\{/g) ?? []).length).toBe((text.match(/\}/g) ?? []).length);
  });

  it.each([
    [['template'], 'a problem set id'],
    [['template', 'nope'], 'no problem set `nope`'],
    [['template', 'cs224n-a2', '--format', 'pdf'], '--format for template'],
  ])('grader %j fails with a clear message', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
