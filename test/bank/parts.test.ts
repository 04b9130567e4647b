import { describe, expect, it } from 'vitest';
import { PointCache } from '../../grader/compare/points.js';
import { gradeSubmission } from '../../grader/compare/submission.js';
import { verifyQuestion } from '../../grader/compare/verify.js';
import { loadProblemText } from '../../grader/bank/load.js';
import { parseSubmission } from '../../grader/submission/load.js';

const SET = `set: multi
title: A question in parts
symbols:
  x: { sample: normal }
questions:
  - id: sig
    title: The sigmoid
    prompt: Let s = sigma(x).
    parts:
      - id: value
        prompt: Write s.
        points: 1
        reference: "sigma(x)"
        examples: [{ answer: "1 / (1 + exp(-x))", verdict: correct }, { answer: "x", verdict: incorrect }]
      - id: slope
        prompt: Write ds/dx.
        points: 2
        derivative: { of: "sigma(x)", wrt: x }
        reference: "sigma(x) * (1 - sigma(x))"
        mistakes: [{ answer: "sigma(x)", feedback: "that is s itself", credit: 0.5 }]
        examples: [{ answer: "sigma(x) - sigma(x)^2", verdict: correct }, { answer: "sigma(x)", verdict: incorrect }]
  - id: plain
    title: One part
    prompt: Write x.
    reference: "x"
    examples: [{ answer: "x", verdict: correct }, { answer: "-x", verdict: incorrect }]
`;

describe('questions with several parts', () => {
  const { set, issues } = loadProblemText('multi.yaml', SET);

  it('become one graded question per part, with their own ids, prompts and points', () => {
    expect(issues).toEqual([]);
    expect(set!.questions.map((q) => [q.id, q.points, q.group])).toEqual([
      ['multi/sig/value', 1, 'multi/sig'],
      ['multi/sig/slope', 2, 'multi/sig'],
      ['multi/plain', 1, undefined],
    ]);
    expect(set!.questions[1]!.prompt).toBe('Let s = sigma(x).\n\nWrite ds/dx.');
    for (const q of set!.questions) expect(verifyQuestion(q, 1).issues).toEqual([]);
  });

  it('get partial credit per part, and totals per submission and per set', () => {
    const bank = { sets: [set!], issues: [] };
    const sub = parseSubmission('s.yaml', 'student: s\nanswers:\n  multi/sig/value: "sigma(x)"\n  multi/sig/slope: "sigma(x)"\n');
    const r = gradeSubmission(bank, sub, new PointCache(1));
    expect(r.questions.map((q) => [q.id, q.verdict, q.score])).toEqual([
      ['multi/sig/value', 'correct', 1],
      ['multi/sig/slope', 'incorrect', 1],
      ['multi/plain', 'unanswered', 0],
    ]);
    expect([r.score, r.maxScore]).toEqual([2, 4]);
    expect(r.sets).toEqual([{ set: 'multi', score: 2, maxScore: 4 }]);
  });

  it('refuses a question with both parts and a reference', () => {
    const bad = SET.replace('    parts:\n', '    reference: "x"\n    parts:\n');
    expect(loadProblemText('multi.yaml', bad).issues.map((i) => i.code)).toEqual(['SPEC_SCHEMA']);
  });
});

describe('building only the questions asked for (`try`)', () => {
  it.each([
    ['a question in parts', 'multi/sig', ['multi/sig/value', 'multi/sig/slope']],
    ['a plain question', 'multi/plain', ['multi/plain']],
    ['none of this set', 'other/sig', []],
  ])('%s', (_, id, built) => {
    const { set, issues } = loadProblemText('multi.yaml', SET, undefined, new Set(['multi']), new Set([id]));
    expect(issues).toEqual([]);
    expect(set!.questions.map((q) => q.id)).toEqual(built);
  });

  it('still finds a duplicate id among the questions it does not build', () => {
    const twice = SET.replace('  - id: plain', '  - id: sig');
    const { issues } = loadProblemText('multi.yaml', twice, undefined, new Set(['multi']), new Set(['multi/plain']));
    expect(issues.map((i) => i.code)).toEqual(['DUPLICATE_ID']);
  });
});
