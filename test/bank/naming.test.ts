import { describe, expect, it } from 'vitest';
import { loadBank, loadProblemText } from '../../grader/bank/load.js';
import { namingOf, setNaming } from '../../grader/bank/naming.js';

const PARTS = `set: multi
title: A question in parts
symbols:
  x: { sample: normal }
indices:
  w: { range: [1, 3] }
questions:
  - id: sig
    title: The sigmoid
    prompt: Let s = sigma(x).
    labels: ["1"]
    parts:
      - { id: value, prompt: Write s., reference: "sigma(x)", labels: ["1(a)"], asks: ["s"] }
      - { id: slope, title: The slope, reference: "sigma(x) * (1 - sigma(x))", free: w }
  - { id: plain, title: One part, prompt: Write x., reference: "x", asks: ["x"] }
`;

describe('naming read from the specs, without building', () => {
  const built = loadBank('problems');
  const unbuilt = loadBank('problems', undefined, new Set());

  it.each(built.sets.map((s) => [s.set]))('%s: the same as from its built questions', (id) => {
    expect(unbuilt.sets.find((s) => s.set === id)!.questions).toEqual([]);
    expect(namingOf(unbuilt).find((n) => n.set === id)).toEqual(setNaming(built.sets.find((s) => s.set === id)!));
  });

  it('questions in parts: ids, titles, prompts, labels, asks and free indices as built', () => {
    const full = loadProblemText('multi.yaml', PARTS);
    const names = loadProblemText('multi.yaml', PARTS, undefined, new Set());
    expect(full.issues).toEqual([]);
    expect(names.set!.naming).toEqual(setNaming(full.set!));
    expect(names.set!.naming!.questions.map((q) => q.id)).toEqual(['multi/sig/value', 'multi/sig/slope', 'multi/plain']);
  });
});
