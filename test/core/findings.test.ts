import { describe, expect, it } from 'vitest';
import { fail, finding, InputError } from '../../grader/core/index.js';

describe('InputError: bad input as a finding, thrown without a stack', () => {
  it.each([
    ['made directly', () => new InputError(finding('TOO_MANY_NODES', { max: 3 }))],
    [
      'thrown by fail()',
      () => {
        try {
          fail('TOO_MANY_NODES', { max: 3 });
        } catch (e) {
          return e as InputError;
        }
        throw new Error('fail() returned');
      },
    ],
  ])('%s: carries its finding, no stack frames, and leaves the stack limit as it was', (_, make) => {
    const before = Error.stackTraceLimit;
    const e = make();
    expect(e).toBeInstanceOf(InputError);
    expect(e.finding.code).toBe('TOO_MANY_NODES');
    expect(e.name).toBe('InputError');
    expect(e.stack ?? '').not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('x').stack).toMatch(/\n\s+at /);
  });
});
