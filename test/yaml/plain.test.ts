import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createRng, integer, type Rng } from '../../grader/sample/rng.js';
import { parseSubmission } from '../../grader/submission/load.js';
import { readPlainYaml } from '../../grader/yaml/plain.js';
import { readYaml, type DataCache } from '../../grader/yaml/source.js';

/** A cache that never serves: readYaml then always does the full, positioned parse. */
const noCache: DataCache = { get: () => undefined, put: () => {} };
const full = (text: string) => readYaml('t.yaml', text, { strings: true, cache: noCache });

/** The fast read either declines or gives exactly the full read's data (and the full read has no error). */
function agree(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return false;
  const slow = full(text);
  expect(slow.errors, text).toEqual([]);
  expect(fast, text).toStrictEqual(slow.data);
  // Every value and key is placed where the full parse places it.
  const quick = readYaml('t.yaml', text, { strings: true });
  const paths = Object.entries(fast).flatMap(([k, v]) => [[k], ...(v && typeof v === 'object' ? Object.keys(v).map((q) => [k, q]) : [])]);
  for (const path of paths) for (const key of [false, true]) expect({ path, key, ...quick.at(path, key) }, text).toEqual({ path, key, ...slow.at(path, key) });
  return true;
}

describe('readPlainYaml reads the usual submission as the parser does', () => {
  it.each([
    ['student: alice\nanswers:\n  a/b: U (yhat - y)\n'],
    ['student: alice\nanswers:\n  a/b: U (yhat - y)'],
    ['answers:\n    a/b: -log(yhat_o)\n    a/c: x\nstudent: bob\n'],
    ['student: 007\nanswers:\n  q: 1e3\n  r: true\n  s: 0x1F\n  t: .inf\n'],
    ['student: ~\nanswers:\n  q: null\n  r: Null\n  s:\n  t: NULL\n'],
    ['student: a\nanswers:\n  q: a long\n    answer folded\n     over lines\n  r: x\n'],
    ['student: a\nanswers:\n  q: null\n    x\n'],
    ["student: 'it''s me'\nanswers:\n  q: '(sigma(u_o'' * v_c) - 1) * v_c'   # sign\n"],
    ['student: "a\\"b\\\\c\\/d"\nanswers:\n  q: "x: y # z"\n  r: "\\u00e9\\x41\\U0001F600\\_\\N\\ "\n'],
    ['# a comment\nstudent: a   # mine\n\nanswers:\n  # first\n  q: x\n\n  r: y\n# end\n'],
    ['student: a\nanswers:\n'],
    ['student: a\nanswers:\nset: s\n'],
    ['student: a\nanswers:\n  q: a, b [c] {d} e\'s "f" \\g %h @i `j` x#y a:b\n'],
    ['student: élève\nanswers:\n  q: \\frac{∂J}{∂v_c} 😀\n'],
    ['student: a\nanswers:\n  q: ?x\n  r: :x\n  s: -x\n'],
    ['student: a\ndefinitions:\n  delta_1: yhat - y\nanswers:\n  q: delta_1\n'],
    ['student: a\nanswers:\n  q:  two spaces\n  r: trailing   \n'],
    [
      "student: alice\nanswers:\n  a/u: |\n    \\begin{cases} (\\hat{y}_w - 1)\\, v_c & w = o \\\\\n    \\hat{y}_w v_c & \\text{otherwise} \\end{cases}\n  a/v: 'x'\n",
    ],
    ['answers:\n  q: |\n      a\n\n        b  \n      # not a comment\n\n\n  r: |\n   c\n'],
    ['answers:\n  q: |\n    a\n  \n    b\n'],
    ['student: |\n  a\nanswers:\n  q: |\n    x'],
    ['answers:\n  q:   \n  r: x\n  True_key: y\n  nul: z\n  _x: w\n'],
    ['student: a\nanswers:\n  a.b/c+d-e_f9: x\n  toString: y\n  constructor: z\n'],
  ])('%j', (text) => expect(agree(text)).toBe(true));

  it.each([
    ['flow collection', 'student: a\nanswers: {q: x}\n'],
    ['anchor and alias', 'student: &s a\nanswers:\n  q: *s\n'],
    ['tag', 'student: !!str a\n'],
    ['block scalar, strip', 'student: a\nanswers:\n  q: |-\n    x\n'],
    ['block scalar, keep', 'student: a\nanswers:\n  q: |+\n    x\n'],
    ['block scalar, indentation given', 'student: a\nanswers:\n  q: |2\n    x\n'],
    ['folded block scalar', 'student: a\nanswers:\n  q: >\n    x\n'],
    ['block scalar starting empty', 'student: a\nanswers:\n  q: |\n\n    x\n'],
    ['block scalar with no text', 'student: a\nanswers:\n  q: |\n  r: x\n'],
    ['block scalar with a line of spaces past its indentation', 'answers:\n  q: |\n    a\n       \n    b\n'],
    ['block scalar with a comment after its header', 'answers:\n  q: | # c\n    a\n'],
    ['block scalar then a line less indented', 'answers:\n  q: |\n      a\n    b\n'],
    ['tab', 'student: a\nanswers:\n\tq: x\n'],
    ['BOM', '\ufeffstudent: a\n'],
    ['CRLF', 'student: a\r\nanswers:\r\n  q: x\r\n'],
    ['document marker', '---\nstudent: a\n'],
    ['document end', 'student: a\n...\n'],
    ['duplicate key', 'student: a\nstudent: b\n'],
    ['duplicate answer', 'answers:\n  q: a\n  q: b\n'],
    ['number key', 'answers:\n  1: a\n'],
    ['boolean key', 'answers:\n  true: a\n'],
    ['quoted key', "answers:\n  '\\delta': a\n"],
    ['__proto__', 'answers:\n  __proto__: a\n'],
    ['colon in a value', 'answers:\n  q: a: b\n'],
    ['colon at the end', 'answers:\n  q: a:\n'],
    ['bad escape', 'answers:\n  q: "\\hat y"\n'],
    ['surrogate escape', 'answers:\n  q: "\\ud800"\n'],
    ['multi-line quotes', "answers:\n  q: 'a\n    b'\n"],
    ['text after quotes', "answers:\n  q: 'a' b\n"],
    ['uneven indentation', 'answers:\n  q: a\n   r: b\n'],
    ['less indented', 'answers:\n    q: a\n  r: b\n'],
    ['deeper nesting', 'answers:\n  q:\n    r: a\n'],
    ['sequence', 'answers:\n  - a\n'],
    ['blank line then more', 'answers:\n  q: a\n\n    b\n'],
    ['comment then more', 'answers:\n  q: a # c\n    b\n'],
    ['comment in a continuation', 'answers:\n  q: a\n    b #c\n'],
    ['indented first key', '  student: a\n'],
    ['scalar document', 'just text\n'],
    ['empty', ''],
    ['comments only', '# nothing\n'],
    ['control character', 'answers:\n  q: a\u0007b\n'],
    ['line separator', 'answers:\n  q: a\u2028b\n'],
    ['directive', '%YAML 1.2\n---\nstudent: a\n'],
    ['empty value then text', 'answers:\n  q:\n    text\n'],
    ['merge key', 'answers:\n  <<: a\n'],
    ['a key outside the usual letters', 'answers:\n  é: a\n'],
    ['a key with a space', 'answers:\n  a b: x\n'],
    ['no space after the colon', 'answers:\n  q:x\n'],
    ['a key starting with a digit', 'answers:\n  2q: x\n'],
  ])('leaves %s to the parser', (_, text) => expect(readPlainYaml(text)).toBeUndefined());

  it('reads every YAML submission shipped and every bench-like file the same way', () => {
    const dir = 'submissions';
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    const fast = files.filter((f) => agree(readFileSync(join(dir, f), 'utf8')));
    expect(fast.length).toBeGreaterThanOrEqual(2);
  });
});

const PIECES = [
  'x',
  'yhat - y',
  '-log(yhat_o)',
  "u_o' * v_c",
  "it's",
  '"q"',
  '\\frac{a}{b}',
  '\\theta',
  '\\\\',
  '#',
  ' #c',
  'a#b',
  ': ',
  'a:b',
  ':',
  '?',
  '- ',
  '-',
  '1e3',
  '007',
  '0x1F',
  'null',
  'true',
  '~',
  '',
  ' ',
  '  ',
  'é',
  '😀',
  '∂',
  '\u00a0',
  '[a]',
  '{b}',
  ',',
  '&a',
  '*a',
  '!t',
  '|',
  '>',
  '%',
  '@',
  '`',
  "''",
  '\\n',
  '\\"',
  '\\u0041',
  '\\x4',
  'long '.repeat(20),
];
const KEYS = ['q', 'a/b', 'cs224n-a2/naive-softmax-grad-vc', 'delta_1', 'x.y', 'True', 'null', '1', 'k+'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[integer(rng, 0, xs.length - 1)]!;
/** Half the values from the few pieces that keep a file readable, so that the fast read is exercised often. */
const MILD = PIECES.slice(0, 5).concat([' ', ' #c', 'é', 'true', '\\theta']);
const text = (rng: Rng): string => {
  const from = integer(rng, 0, 1) ? MILD : PIECES;
  return Array.from({ length: integer(rng, 1, 6) }, () => pick(rng, from)).join('');
};

/** A `|` block: lines at the block's indentation, more indented, empty or of spaces. */
const block = (rng: Rng, pad: string): string =>
  `|${pick(rng, ['', '', '-', ' '])}\n${Array.from({ length: integer(rng, 1, 4) }, () => pick(rng, [pad, pad, `${pad}  `, '', ' ']) + text(rng)).join('\n')}${pick(rng, ['', '\n', `\n${pad}`])}`;

/** One value written the way a student or a tool might: plain, quoted, escaped, folded, commented. */
function written(rng: Rng, v: string, indent: number): string {
  const pad = ' '.repeat(indent + integer(rng, 1, 4));
  switch (integer(rng, 0, 6)) {
    case 0:
      return `'${v.replace(/'/g, "''")}'`;
    case 1:
      return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 2:
      return `"${v}"`;
    case 3:
      return integer(rng, 0, 1) ? `${v}\n${pad}${text(rng)}` : block(rng, pad);
    case 4:
      return `${v}${pick(rng, ['', ' ', '  # note', ' #', '#x'])}`;
    default:
      return v;
  }
}

function randomFile(rng: Rng): string {
  if (integer(rng, 0, 3) === 0) {
    // What tools write (yaml's own stringify, which folds long lines).
    const answers = Object.fromEntries(Array.from({ length: integer(rng, 0, 8) }, () => [pick(rng, KEYS), text(rng)]));
    return stringify({ student: text(rng), answers });
  }
  const indent = pick(rng, [2, 2, 4, 1]);
  const lines = [`student: ${written(rng, text(rng), 0)}`, 'answers:'];
  for (let k = integer(rng, 0, 8); k > 0; k--) {
    lines.push(`${' '.repeat(indent)}${pick(rng, KEYS)}:${pick(rng, [' ', ' ', '  ', ''])}${written(rng, text(rng), indent)}`);
    if (integer(rng, 0, 9) === 0) lines.push(pick(rng, ['', '# c', `${' '.repeat(indent)}# c`, '   ']));
  }
  return lines.join('\n') + pick(rng, ['\n', '', '\n\n']);
}

describe('readPlainYaml against the parser on seeded random files', () => {
  it('agrees on 3,000 files and reads most of the well-formed ones itself', () => {
    const rng = createRng(15, 'plain-yaml');
    let fast = 0;
    for (let i = 0; i < 3000; i++) if (agree(randomFile(rng))) fast++;
    // The fast read must actually be exercised, not decline everything.
    expect(fast).toBeGreaterThan(400);
  });
});

describe('a file read the fast way still gets its messages with line:col', () => {
  it.each([
    ['student: a\nanswers:\n  q: "\\nabla x"\n', 'BACKSLASH_EATEN', 3, 6],
    ['student: a\nanswers:\n  q: x\n  r: "\\nu"\n', 'BACKSLASH_EATEN', 4, 6],
    ['student:\n  x: y\nanswers:\n  q: x\n', 'SUBMISSION_SHAPE', 2, 3],
    ['student: a\nanswers: x\n', 'SUBMISSION_SHAPE', 2, 10],
  ])('%j', (text, code, line, col) => {
    expect(readPlainYaml(text)).toBeDefined();
    const read = parseSubmission('f.yaml', text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect({ code: read.error.code, line: read.error.at?.line, col: read.error.at?.col }).toEqual({ code, line, col });
  });
});
