import { parse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { allQuestions, loadBank } from '../../grader/bank/load.js';
import { mathParse } from '../../grader/expr/math.js';
import { toText } from '../../grader/expr/print.js';

const parses = (text: string): boolean => {
  try {
    return mathParse(text) !== undefined;
  } catch {
    return false;
  }
};
const texts = [
  ...new Set(
    allQuestions(loadBank('problems')).flatMap((q) => [
      ...q.expressions.map(toText),
      ...q.examples.map((e) => e.answer).filter((a) => !/[\\$]/.test(a) && parses(a)),
    ]),
  ),
];

describe('the mathjs instance', () => {
  it.each(texts.map((t) => [t]))('parses %s again to an equal tree of its own', (text) => {
    const first = mathParse(text);
    const again = mathParse(text);
    expect(again).not.toBe(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    // A caller that changes its tree does not change the next caller's.
    (first as unknown as { marked: boolean }).marked = true;
    expect(mathParse(text)).not.toHaveProperty('marked');
  });

  // mathjs's own full instance (units aside) reads them the same, the first time and the next.
  it.each([...texts, '2 + 3 x', 'a[1, 2:3]', 'x == 1 ? 2 : 3', 'f(x) = x^2', '{a: 1}', '1e-3 + 0x1F'].map((t) => [t]))(
    '%s: the tree mathjs itself gives',
    (text) => {
      const full = JSON.stringify(parse(text));
      expect(JSON.stringify(mathParse(text))).toBe(full);
      expect(JSON.stringify(mathParse(text))).toBe(full);
    },
  );
});
