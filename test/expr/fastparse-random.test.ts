/**
 * Seeded random texts, both parsers: from a grammar of what students write (nearly all parsed
 * by ours), and token soup with the nasty pieces (mostly errors, which ours must decline).
 */
import { describe, expect, it } from 'vitest';
import { createRng, integer, type Rng } from '../../grader/sample/rng.js';
import { compare, type Outcome } from './fastparse-helpers.js';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[integer(rng, 0, xs.length - 1)]!;

const NUMBERS = ['0', '1', '2', '10', '.5', '5.', '2.5', '2.5e-3', '1e5', '1E+2', '1e', '007', '123456', '1e999', '0.1e-0'];
const NAMES = ['x', 'y', 'x_1', 'W2', 'yhat', 'u_o', 'e', 'pi', 'end', 'α', 'ℏ', '𝑥', '$a', '_', 'in', 'to', 'mod', 'not', 'true', 'NaN', 'Infinity', 'e2'];
const BINARY = ['+', '-', '*', '/', '.*', './', '^', '.^', '==', '!=', '<', '<=', '>', '>=', '', ' ', ' ', '%', 'mod', '&', 'to'];
const SPACE = ['', '', '', ' ', '  ', '\t', '\u00a0'];

/** A text from the grammar, with random spacing; depth bounds nesting. */
function expression(rng: Rng, depth: number): string {
  const sp = (): string => pick(rng, SPACE);
  const sub = (): string => expression(rng, depth - 1);
  if (depth <= 0 || integer(rng, 0, 3) === 0) return integer(rng, 0, 1) ? pick(rng, NUMBERS) : pick(rng, NAMES);
  switch (integer(rng, 0, 11)) {
    case 0:
      return `(${sp()}${sub()}${sp()})`;
    case 1:
      return `${pick(rng, ['-', '+', '- -', '-+'])}${sp()}${sub()}`;
    case 2:
      return `${pick(rng, ['f', 'sum', 'exp', 'sigma'])}(${Array.from({ length: integer(rng, 0, 3) }, sub).join(`,${sp()}`)})`;
    case 3:
      return `${sub()}${sp()}?${sp()}${sub()}${sp()}:${sp()}${sub()}`;
    case 4:
      return `${pick(rng, NAMES)}[${Array.from({ length: integer(rng, 1, 2) }, () => pick(rng, [sub(), ':', `${sub()}:${sub()}`, `1:${sub()}:`])).join(', ')}]`;
    case 5:
      return `[${Array.from({ length: integer(rng, 1, 2) }, () => Array.from({ length: integer(rng, 1, 2) }, sub).join(', ')).join('; ')}${pick(rng, ['', ',', ';'])}]`;
    case 6:
      return `${sub()}${pick(rng, ["'", '!', "''", "'!"])}`;
    case 7: // rule 2 and its near misses
      return `${pick(rng, ['', '-', '+'])}${pick(rng, NUMBERS)}${sp()}/${sp()}${pick(rng, NUMBERS)}${sp()}${pick(rng, [...NAMES, '(x)', '2', '/ 3 x', '^2 x'])}`;
    case 8:
      return `${sub()}${sp()}${pick(rng, ['^', '.^'])}${sp()}${pick(rng, ['-', '', "'"])}${sub()}`;
    default:
      return `${sub()}${sp()}${pick(rng, BINARY)}${sp()}${sub()}`;
  }
}

const PIECES = [
  ...NUMBERS,
  ...NAMES,
  ...BINARY,
  ...'()[],;:?!\'"#{}=~|\n.'.split(''),
  '0x1',
  '0b1',
  '?.',
  '??',
  '<<',
  '>>>',
  '^|',
  "'s'",
  '"s"',
  '1..2',
  'a.b',
  '\r',
  '\\',
];

function soup(rng: Rng): string {
  return Array.from({ length: integer(rng, 1, 8) }, () => pick(rng, PIECES) + pick(rng, SPACE)).join('');
}

function run(texts: readonly string[]): Record<Outcome, number> {
  const outcomes = { same: 0, declined: 0, 'both-rejected': 0 };
  for (const text of texts) outcomes[compare(text)]++;
  return outcomes;
}

describe('fastParse against mathjs on seeded random texts', () => {
  it('agrees on 12,000 texts of the grammar, parsing most of them itself', () => {
    const rng = createRng(15, 'fastparse-grammar');
    const outcomes = run(Array.from({ length: 12000 }, () => expression(rng, integer(rng, 1, 5))));
    expect(outcomes.same).toBeGreaterThan(5000);
  });

  it('agrees on 12,000 texts of token soup, declining what mathjs rejects', () => {
    const rng = createRng(15, 'fastparse-soup');
    const outcomes = run(Array.from({ length: 12000 }, () => soup(rng)));
    expect(outcomes['both-rejected']).toBeGreaterThan(3000);
    expect(outcomes.same).toBeGreaterThan(1000);
  });

  it('agrees on deep nesting and long chains', () => {
    const texts = [
      `${'('.repeat(200)}x${')'.repeat(200)}`,
      `${'-'.repeat(300)}x`,
      `${'f('.repeat(100)}x${')'.repeat(100)}`,
      Array.from({ length: 500 }, (_, i) => `x${i}`).join(' + '),
      Array.from({ length: 300 }, () => '2').join('^'),
      Array.from({ length: 200 }, () => 'a').join(' '),
      `[${Array.from({ length: 100 }, () => '1, 2').join('; ')}]`,
      // at the longest answer (2,000 characters): mathjs must not overflow where ours does not
      Array.from({ length: 1000 }, () => '2').join('^'),
      `${'-'.repeat(1999)}x`,
      `${'- '.repeat(999)}x`,
      `x${"'".repeat(1999)}`,
      `${'1/2'.repeat(600)}`,
      Array.from({ length: 1000 }, () => 'a').join(' '),
    ];
    expect(run(texts).same).toBe(texts.length);
  });
});
