import { describe, expect, it } from 'vitest';
import { fdWriter } from '../../grader/cli/stdio.js';

/** A stream that keeps what it is given. */
const keeper = () => {
  const got: string[] = [];
  const stream = { write: (b: string | Uint8Array) => got.push(Buffer.from(b).toString()) > 0, on: () => stream } as unknown as NodeJS.WriteStream;
  return { stream, got };
};
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('standard output written to its descriptor', () => {
  it.each([
    ['all at once', [Infinity]],
    ['a few bytes a call', [3, 1, 4, 1, 5, 9, 2, 6]],
  ])('writes every byte in order (%s)', (_, sizes) => {
    const out: string[] = [];
    let call = 0;
    const write = ((_fd: number, b: Buffer, at: number, n: number) => {
      const k = Math.min(n, sizes[call++ % sizes.length]!);
      out.push(b.subarray(at, at + k).toString());
      return k;
    }) as never;
    const w = fdWriter(1, write, () => keeper().stream);
    w('héllo, ');
    w('wörld\n');
    expect(out.join('')).toBe('héllo, wörld\n');
  });

  it('a descriptor that would block hands the rest, and every later write, to the stream, in order', () => {
    const direct: string[] = [];
    let calls = 0;
    const write = ((_fd: number, b: Buffer, at: number, n: number) => {
      if (++calls > 1) throw errno('EAGAIN');
      direct.push(b.subarray(at, at + 4).toString());
      return Math.min(n, 4);
    }) as never;
    const { stream, got } = keeper();
    const w = fdWriter(1, write, () => stream);
    w('abcdefgh');
    w('ij');
    expect([direct, got]).toEqual([['abcd'], ['efgh', 'ij']]);
  });

  // A reader that has gone (EPIPE) ends the CLI quietly: test/faults/output.test.ts (`| head`).
  it('other errors are not swallowed', () => {
    const w = fdWriter(2, () => {
      throw errno('EIO');
    });
    expect(() => w('x')).toThrow('EIO');
  });
});
