import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, message, where } from '../../grader/report/messages.js';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });

/** Every code emitted anywhere in grader/: fail('X'), finding('X'), add('X'), code strings in tables. */
const emitted = new Set(
  sources('grader').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:fail|finding|add)\(\s*'([A-Z_]+)'|'(SHAPE_[A-Z_]+)'/g)].map((m) => m[1] ?? m[2]!)),
);

describe('messages', () => {
  it('finds the codes it checks', () => expect(emitted.size).toBeGreaterThan(40));

  it.each([...emitted])('%s has words', (code) => expect(Object.hasOwn(MESSAGES, code)).toBe(true));

  it('renders arguments, not positions', () => {
    const f = { code: 'UNKNOWN_SYMBOL', args: { name: 'y_o', suggestions: ['yhat_o', 'y'] }, at: { offset: 4, length: 3 } };
    expect(message(f)).toBe('`y_o` is not defined here; did you mean `yhat_o` or `y`?');
    expect(where(f)).toBe('at character 5');
    expect(where({ code: 'X', args: {}, at: { file: 'a.yaml', line: 3, col: 7 } })).toBe('a.yaml:3:7');
  });

  it('speaks of shapes in the question’s terms', () => {
    expect(message({ code: 'SHAPE_MISMATCH', args: { got: '7 x 4', gotName: 'V x K', expected: '4 x 7', expectedName: 'K x V', of: 'dJ/dU', hint: 'transposed' } })).toBe(
      'your answer is V x K (7 x 4); dJ/dU is K x V (4 x 7): transposed?',
    );
  });

  it('falls back to the code for an unknown one', () => expect(message({ code: 'toString', args: {} })).toContain('toString'));
});
