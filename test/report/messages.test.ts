import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finding, type Finding } from '../../grader/core/index.js';
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
  it('keeps core/codes.ts one code per line, alphabetical within each group (merges stay easy)', () => {
    const groups = readFileSync('grader/core/codes.ts', 'utf8')
      .split(/\n\s*\/\/ /)
      .slice(1);
    expect(groups.length).toBeGreaterThan(5);
    for (const g of groups) {
      const codes = [...g.matchAll(/^ {2}([A-Z_]+):/gm)].map((m) => m[1]!);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('finds the codes it checks', () => expect(emitted.size).toBeGreaterThan(40));

  it.each([...emitted])('%s has words', (code) => expect(Object.hasOwn(MESSAGES, code)).toBe(true));

  it('renders arguments, not positions', () => {
    const f = finding('UNKNOWN_SYMBOL', { name: 'y_o', suggestions: ['yhat_o', 'y'] }, { offset: 4, length: 3 });
    expect(message(f)).toBe('`y_o` is not defined here; did you mean `yhat_o` or `y`?');
    expect(where(f)).toBe('at character 5');
    expect(where({ code: 'USAGE', args: {}, at: { file: 'a.yaml', line: 3, col: 7 } })).toBe('a.yaml:3:7');
  });

  it('speaks of shapes in the question’s terms', () => {
    expect(
      message({ code: 'SHAPE_MISMATCH', args: { got: '7 x 4', gotName: 'V x K', expected: '4 x 7', expectedName: 'K x V', of: 'dJ/dU', hint: 'transposed' } }),
    ).toBe('your answer is V x K (7 x 4); dJ/dU is K x V (4 x 7): transposed?');
  });

  it('falls back to the code for an unknown one (a finding read from outside)', () =>
    expect(message({ code: 'toString', args: {} } as unknown as Finding)).toContain('toString'));

  it('checks arguments against the code when a finding is made', () => {
    // @ts-expect-error: VALUE_MISMATCH counts points; `count` is not its argument
    const wrong = finding('VALUE_MISMATCH', { count: 3 });
    // @ts-expect-error: UNKNOWN_SYMBOL needs its name
    const missing = finding('UNKNOWN_SYMBOL');
    // @ts-expect-error: no such code
    const unknown = finding('NO_SUCH_CODE', {});
    expect([wrong, missing, unknown].map((f) => f.code)).toEqual(['VALUE_MISMATCH', 'UNKNOWN_SYMBOL', 'NO_SUCH_CODE']);
    expect(message(finding('VALUE_MISMATCH', { wrong: 2, total: 8 }))).toBe('the value differs from the expected answer at 2 of 8 sample points');
  });
});
