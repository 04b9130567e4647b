/** Issue 12.4: a hostile problem bank is a list of issues with file and line, in moments. */
import { describe, expect, it } from 'vitest';
import { loadProblemText } from '../../grader/bank/load.js';

const set = (decls: string, q: string) => `set: hb\ntitle: T\n${decls}\nquestions:\n  - id: q\n    title: Q\n    prompt: P\n${q.replace(/^/gm, '    ')}\n`;

describe('hostile banks', () => {
  it.each([
    [
      'a family defined through itself',
      set('sizes: { d: 3 }\nsymbols:\n  U: { shape: [d, d], sample: normal }\nfamilies:\n  u: "u_i"', 'reference: "U"'),
      'SPEC_RECURSIVE',
      7,
    ],
    [
      'two families through each other',
      set('sizes: { d: 3 }\nsymbols:\n  U: { shape: [d, d], sample: normal }\nfamilies:\n  u: "v_i"\n  v: "u_i"', 'reference: "U"'),
      'SPEC_RECURSIVE',
      7,
    ],
    [
      'an index range of a billion',
      set('symbols:\n  x: { sample: normal }\nindices:\n  w: { range: [1, 1000000000] }', 'free: w\nreference: "x"'),
      'INDEX_RANGE_LIMIT',
      6,
    ],
    ['a decreasing index range', set('symbols:\n  x: { sample: normal }\nindices:\n  w: { range: [5, 2] }', 'reference: "x"'), 'INDEX_RANGE_LIMIT', 6],
    [
      'a numeric-gradient proof on a 300 x 300 matrix',
      set(
        'sizes: { n: 300 }\nsymbols:\n  W: { shape: [n, n], sample: normal }\n  x: { shape: n, sample: normal }',
        'derivative: { of: "sum(W * x)", wrt: W }\nreference: "W"',
      ),
      'PROOF_TOO_COSTLY',
      11,
    ],
    ['points of 1e308', set('symbols:\n  x: { sample: normal }', 'points: 1e308\nreference: "x"'), 'SPEC_SCHEMA', 9],
  ])('%s', (_, text, code, line) => {
    const t = performance.now();
    const { issues } = loadProblemText('hostile.yaml', text);
    expect(performance.now() - t).toBeLessThan(5000);
    const hit = issues.find((i) => i.code === code);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect([hit!.at?.file, hit!.at?.line]).toEqual(['hostile.yaml', line]);
  });
});
