import { describe, expect, it } from 'vitest';
import { entryName, hash64 } from '../../grader/yaml/cache-names.js';

describe('cache entry names', () => {
  it.each([
    ['', 'a'],
    ['a', 'b'],
    ['abcd', 'abce'],
    ['abcde', 'abcdf'], // a byte past the last whole word
    ['x: 1\n', 'x: 2\n'],
    ['é', 'e\u0301'],
    ['a'.repeat(4096), `${'a'.repeat(4095)}b`],
  ])('%j and %j get different names', (a, b) => {
    expect(hash64(a)).not.toBe(hash64(b));
    expect(entryName('k', a, 'json')).not.toBe(entryName('k', b, 'json'));
  });

  it.each([['x: 1\n'], ['é'], ['']])('the same text always gets the same name, led by its UTF-8 length (%j)', (text) => {
    expect(hash64(text)).toBe(hash64(`${text}`));
    expect(hash64(text).split('-')[0]).toBe(Buffer.byteLength(text).toString(36));
    expect(entryName('k', text, 'json')).toBe(entryName('k', text, 'json'));
  });

  it('another kind or seed is another name', () => {
    expect(entryName('a', 'x', 'json')).not.toBe(entryName('b', 'x', 'json'));
    expect(hash64('x', 1)).not.toBe(hash64('x'));
  });
});
