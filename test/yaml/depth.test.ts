import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlTooDeep, type TooDeep } from '../../grader/yaml/depth.js';

/** The check as first written, one character at a time: the scan that jumps must agree with it. */
function reference(text: string, max: number): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  const lines = text.split('\n');
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!;
    let i = 0;
    if (flow === 0 && quote === '') {
      while (line[i] === ' ') i++;
      if (i === line.length || line[i] === '#') continue;
      const levels = [i];
      while ((line[i] === '-' || line[i] === '?') && (line[i + 1] === ' ' || line[i + 1] === undefined)) {
        i += 2;
        while (line[i] === ' ') i++;
        levels.push(i);
      }
      while (indents.length && indents[indents.length - 1]! >= levels[0]!) indents.pop();
      indents.push(...levels);
      if (indents.length > max) return { line: ln + 1, col: levels[levels.length - 1]! + 1 };
    }
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        if (i === 0 || /[\s[{,:]/.test(line[i - 1]!)) quote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      else if (c === '[' || c === '{') {
        if (++flow + indents.length > max) return { line: ln + 1, col: i + 1 };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

/** Seeded texts over the characters that matter, so that quotes, escapes, comments and brackets meet. */
function texts(n: number, seed: number): string[] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s / 2 ** 31);
  const alphabet = [' ', ' ', '  ', '- ', '? ', '-', '"', "'", '#', '[', ']', '{', '}', '\\', ':', ',', 'a', 'b', '\n', '\n'];
  return Array.from({ length: n }, () => Array.from({ length: 5 + Math.floor(next() * 120) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

const files = [
  ...readdirSync('problems')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('problems', f)),
  ...readdirSync('submissions')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join('submissions', f)),
];

describe('YAML depth before parsing', () => {
  it.each(files.map((f) => [f]))('%s: the same answer as a character-by-character scan, at every limit', (file) => {
    const text = readFileSync(file, 'utf8');
    for (const max of [1, 2, 3, 4, 6, 8, 64]) expect(yamlTooDeep(text, max)).toEqual(reference(text, max));
  });

  it.each([1, 2, 3, 5, 8])('seeded texts (seed %i): the same answer as a character-by-character scan', (seed) => {
    for (const text of texts(400, seed)) for (const max of [1, 2, 3, 5]) expect(yamlTooDeep(text, max)).toEqual(reference(text, max));
  });

  it.each([
    ['flow brackets', 'a: [[[[1]]]]', 3, { line: 1, col: 6 }],
    ['block levels', 'a:\n b:\n  c:\n   d: 1', 3, { line: 4, col: 4 }],
    ['brackets in quotes count for nothing', 'a: "[[[[" ', 2, undefined],
    ['an escaped quote stays in the string', 'a: "\\" [[[["', 2, undefined],
    ['brackets in a comment count for nothing', 'a: 1 # [[[[', 2, undefined],
  ])('%s', (_, text, max, found) => expect(yamlTooDeep(text, max)).toEqual(found));
});
