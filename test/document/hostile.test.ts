/** Hostile documents: bounded time, clear notes, no crash; a broken notebook is an InputError with a position. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../grader/core/index.js';
import { read } from './helpers.js';

const VC = '\\frac{\\partial J}{\\partial v_c}';

describe('hostile documents', () => {
  it.each([
    ['a macro loop \\def\\a{\\a}', 'l.tex', `\\def\\a{\\a}\n\\[ ${VC} = \\a \\]\n`, 'MACRO_LIMIT'],
    ['a macro blow-up \\def\\a{\\a\\a}', 'b.tex', `\\def\\a{\\a\\a}\n\\[ ${VC} = \\a \\]\n`, 'MACRO_LIMIT'],
    ['10,000 nested braces', 'n.md', `### (b)\n$$${VC} = ${'{'.repeat(10000)}x${'}'.repeat(10000)}$$\n`, 'UNREADABLE_BLOCK'],
    ['10,000 unclosed braces inline', 'o.md', `### (b)\n$${VC} = ${'{'.repeat(10000)}x$\n`, undefined],
    ['an unbalanced \\begin{align}', 'u.tex', `\\begin{align} ${VC} &= U(\\hat y - y)\n\nmore text\n`, 'UNREADABLE_BLOCK'],
    ['an unclosed $$', 'd.md', `### (b)\n$$ ${VC} = U\n\n text and more\n`, 'UNREADABLE_BLOCK'],
    ['200,000 dollar signs', 'D.md', '$'.repeat(200_000), undefined],
    ['100,000 unclosed \\[', 'B.md', '\\['.repeat(100_000), 'UNREADABLE_BLOCK'],
    ['50,000 unclosed \\begin{align}', 'A.tex', '\\begin{align}'.repeat(50_000), 'UNREADABLE_BLOCK'],
    ['a huge file (4 MB)', 'h.md', `### (b)\n$$${VC} = U(\\hat y - y) = a + b$$\n\ntext $x$ and $y = 2$.\n`.repeat(50_000), 'UNREADABLE_BLOCK'],
    ['6,000 plain math lines', 'p.md', '(b) dJ/dv_c = U(ŷ − y) where ŷ = σ(θ)\n= x\n'.repeat(6000), undefined],
    ['one line of = and Unicode', 'q.md', '∂=ŷ=ᵀ='.repeat(40_000), undefined],
    ['left-hand sides alone, 10,000 times', 'r.md', 'dJ/dv_c\n'.repeat(10_000) + '= 1\n', undefined],
    ['200,000 dollar signs after Answer:', 'D2.md', `**Answer:** ${'$'.repeat(200_000)}`, undefined],
    ['18,000 unclosed ```math fences', 'f.md', '```math\nx\n'.repeat(18_000), undefined],
    ['binary noise', 'z.md', Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''), undefined],
  ])(
    '%s',
    (_n, file, text, note) => {
      const t0 = performance.now();
      const doc = read(file, text);
      expect(performance.now() - t0).toBeLessThan(20_000); // bounded: seconds at worst on a loaded machine
      if (note) expect(doc.notes.map((n) => n.code)).toContain(note);
      for (const n of doc.notes) expect(n.detail.length).toBeGreaterThan(0);
    },
    30_000,
  );

  it.each([
    ['not JSON', '{"cells": [ {"cell_type": "markdown", "source": ["# (b)"] ,}', 'NOTEBOOK_JSON', 1],
    ['no cells', '{\n  "metadata": {}\n}', 'NOTEBOOK_SHAPE', 1],
  ])('a broken notebook (%s) is an InputError with a position', (_n, text, code, line) => {
    try {
      read('bad.ipynb', text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const f = (e as InputError).finding;
      expect([f.code, f.at?.file, f.at?.line]).toEqual([code, 'bad.ipynb', line]);
      expect(f.at?.col).toBeGreaterThan(0);
    }
  });
});
