import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../../grader/yaml/file.js';

const dir = mkdtempSync(join(tmpdir(), 'grader-file-'));
const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
/** What the read gave before it read in one call: a fatal TextDecoder over the bytes. */
const decoded = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

describe('readTextFile reads a small file in one call, as the decoder did', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['ascii', Buffer.from('student: a\n')],
    ['a byte order mark', Buffer.from('\ufeffstudent: a\n')],
    ['two marks', Buffer.from('\ufeff\ufeffx')],
    ['unicode', Buffer.from('q: ∂J/∂v 😀 é\n')],
    ['a mark inside', Buffer.from('a\ufeffb')],
  ])('%s', (name, bytes) => {
    const read = readTextFile(file(name, bytes), 1000);
    expect(read).toEqual({ ok: true, text: decoded(bytes) });
  });

  it.each([
    [10, 10, true],
    [11, 10, false],
    [0, 0, true],
  ])('%i bytes with a limit of %i: read %s', (size, max, ok) => {
    const read = readTextFile(file(`size-${size}-${max}`, 'x'.repeat(size)), max);
    expect(read.ok ? read.text.length : read.error.code).toEqual(ok ? size : 'FILE_TOO_LARGE');
  });

  it.each([
    [[0x61, 0xe9, 0x62], 1],
    [[0xef, 0xbb, 0xbf, 0xc0, 0x80], 3],
    [[0xed, 0xa0, 0x80], 0],
  ])('invalid UTF-8 %j at byte %i', (bytes, offset) => {
    const read = readTextFile(file(`bad-${offset}-${bytes.length}`, Uint8Array.from(bytes)), 1000);
    expect(read.ok ? null : [read.error.code, read.error.args.offset]).toEqual(['FILE_NOT_UTF8', offset]);
  });
});
