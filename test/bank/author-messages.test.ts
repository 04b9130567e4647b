import { describe, expect, it } from 'vitest';
import { loadProblemText } from '../../grader/bank/load.js';
import { quantityOf } from '../../grader/bank/quantity.js';
import { message } from '../../grader/report/messages.js';
import { question } from '../helpers.js';

const SET = `set: t
title: T
sizes: { n: 3 }
symbols:
  x: { shape: n, sample: normal }
questions:
  - id: grad-x
    title: Q
    prompt: P
    points: 1
    derivative: { of: "x' * x", wrt: x }
    reference: "2 * x"
`;
const load = (text: string) => loadProblemText('s.yaml', text).issues;
const words = (text: string) => load(text).map((f) => `${f.at?.line}:${f.at?.col} ${message(f)}`);

describe('schema problems in the author’s terms', () => {
  it.each([
    [
      'an unknown key in a question: its id, the allowed keys',
      SET.replace('    points: 1', '    points: 1\n    colour: red'),
      /^11:5 unknown key `colour` in question grad-x \(allowed here: id, title, prompt, .*\bpoints\b.*\)$/,
    ],
    [
      'a misspelt sample: did you mean',
      SET.replace('sample: normal', 'sampel: normal'),
      /^5:18 unknown key `sampel` in symbols\.x: did you mean `sample`\? \(allowed here: shape, sample, value, description\)$/,
    ],
    ['a swap of two letters: did you mean', SET.replace('    title: Q', '    titel: Q'), /^8:5 unknown key `titel` in question grad-x: did you mean `title`\?/],
  ])('%s', (_, text, expected) => {
    const got = words(text);
    expect(got).toHaveLength(1); // the echo (a symbol with neither sample nor value, a missing title) is left out
    expect(got[0]).toMatch(expected);
  });

  it('keeps a real second problem in the same object', () => {
    const got = load(SET.replace('    title: Q', '    titel: Q').replace('points: 1', 'points: one'));
    expect(got.map((f) => f.code)).toEqual(['SPEC_UNKNOWN_KEY', 'SPEC_SCHEMA']);
    expect(message(got[1]!)).toMatch(/^question grad-x, points: /);
  });

  it('keeps a missing field no unknown key can stand for', () => {
    const got = load(SET.replace('    title: Q\n', '').replace('    points: 1', '    points: 1\n    colour: red'));
    expect(got.map((f) => f.code)).toEqual(['SPEC_UNKNOWN_KEY', 'SPEC_SCHEMA']);
  });
});

describe('YAML syntax: the first cause, not its echoes', () => {
  it.each([
    ['a key indented one space less', SET.replace('    prompt: P', '   prompt: P')],
    ['a question item indented one space less', SET.replace('  - id: grad-x', ' - id: grad-x')],
  ])('%s gives one error, the earliest, with the count of the rest', (_, text) => {
    const got = load(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ code: 'YAML_SYNTAX', args: { echoes: expect.any(Number) } });
    expect(message(got[0]!)).toMatch(/^YAML syntax error: .*\(the first; \d+ more after it likely follow from it/);
  });
});

describe('what the answer is called (show, feedback)', () => {
  it.each([
    ['a declared quantity', { quantity: 'df/dx', derivative: { of: 'f', wrt: 'x' }, asks: [] }, 'df/dx'],
    ['a named function', { derivative: { of: 'f', wrt: 'x' }, asks: [] }, 'df/dx'],
    ['the function asks names', { derivative: { of: '-log(yhat_o)', wrt: 'U' }, asks: ['\\frac{\\partial J_{naive}}{\\partial U}'] }, 'dJ/dU'],
    ['a function of asks with an argument', { derivative: { of: 'sigma(x)', wrt: 'x' }, asks: ["\\sigma'(x)", '\\frac{d\\sigma(x)}{dx}'] }, 'dsigma/dx'],
    ['no name anywhere: generic, no J', { derivative: { of: "x' * A * x", wrt: 'x' }, asks: [] }, 'the derivative with respect to x'],
    ['not a derivative', { asks: [] }, 'the expected answer'],
  ])('%s', (_, q, expected) => expect(quantityOf(q)).toBe(expected));

  it('a built question uses the prompt’s function, not J', () => {
    const q = question(
      'sizes: { n: 3 }\nsymbols:\n  x: { shape: n, sample: normal }\n  f: { value: "x\' * x" }',
      'derivative: { of: "f", wrt: x }\nreference: "2 * x"',
    );
    expect(q.quantity).toBe('df/dx');
  });
});
