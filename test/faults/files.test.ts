/**
 * Issue 12.2, 12.6, 12.8, 12.9: whatever a file is, reading it ends quickly with the file's text
 * or a finding that says why not; ids and answers are the text written.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../grader/bank/load.js';
import { parseSubmission, readSubmission } from '../../grader/submission/load.js';
import { readYaml } from '../../grader/yaml/source.js';
import { firstInvalidUtf8 } from '../../grader/yaml/file.js';
import { gradeDocumentFile } from '../../grader/cli/document.js';
import { PointCache } from '../../grader/compare/points.js';

const dir = mkdtempSync(join(tmpdir(), 'grader-files-'));
const fifo = join(dir, 'pipe.yaml');
spawnSync('mkfifo', [fifo]);
symlinkSync(fifo, join(dir, 'link-to-pipe.yaml'));
const code = (r: ReturnType<typeof readSubmission>) => (r.ok ? 'ok' : r.error.code);

describe('special files', () => {
  it.each([
    ['a FIFO', fifo, 'FILE_NOT_REGULAR'],
    ['a link to a FIFO', join(dir, 'link-to-pipe.yaml'), 'FILE_NOT_REGULAR'],
    ['/dev/zero', '/dev/zero', 'FILE_NOT_REGULAR'],
    ['/dev/urandom', '/dev/urandom', 'FILE_NOT_REGULAR'],
    ['a folder', dir, 'FILE_NOT_REGULAR'],
    ['a missing file', join(dir, 'missing.yaml'), 'FILE_UNREADABLE'],
  ])('%s is reported, not read', (_, file, expected) => expect(code(readSubmission(file))).toBe(expected));

  it.each([
    ['a FIFO named as a write-up', join(dir, 'pipe.md'), 'FILE_NOT_REGULAR'],
    ['a write-up that is not UTF-8', join(dir, 'latin1.md'), 'FILE_NOT_UTF8'],
    ['a missing write-up', join(dir, 'missing.tex'), 'FILE_UNREADABLE'],
  ])('%s is reported, not read', (_, file, expected) => {
    spawnSync('mkfifo', [join(dir, 'pipe.md')]);
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    expect(gradeDocumentFile(loadBank('problems'), file, new PointCache(1)).error?.code).toBe(expected);
  });

  it('a file over the size cap is reported', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `student: x\n# ${'a'.repeat(1_100_000)}\n`);
    expect(code(readSubmission(big))).toBe('FILE_TOO_LARGE');
  });

  it('a FIFO in a problem folder is an issue of the bank, with its file', () => {
    const bank = join(dir, 'bank');
    mkdirSync(bank);
    spawnSync('mkfifo', [join(bank, 'a.yaml')]);
    expect(loadBank(bank).issues.map((i) => [i.code, i.at?.file])).toEqual([['FILE_NOT_REGULAR', join(bank, 'a.yaml')]]);
  });

  it('the Gradescope entry writes results for a FIFO upload', () => {
    const results = join(dir, 'results.json');
    const r = spawnSync(process.execPath, ['bin/grader.mjs', 'gradescope', fifo, results], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(spawnSync('cat', [results], { encoding: 'utf8' }).stdout).toContain('not a regular file');
  });
});

describe('text encoding', () => {
  it('names the first byte that is not UTF-8, with its line and column', () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from('student: ana\nanswers:\n  q: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
    const r = readSubmission(file);
    expect(r.ok ? null : [r.error.code, r.error.args.byte, r.error.at?.line, r.error.at?.col]).toEqual(['FILE_NOT_UTF8', '0xE9', 3, 10]);
  });

  it.each([
    [[0x61, 0x62], 2],
    [[0xc3, 0xa9, 0xff], 2],
    [[0xe2, 0x82], 0],
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xc0, 0x80], 0], // overlong
    [[0xf0, 0x9f, 0x98, 0x80, 0x41], 5],
  ])('%j: first invalid byte at %i', (bytes, at) => expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at));
});

describe('ids and answers as written', () => {
  it.each([
    ['007', '0x1F', '1e3'],
    ['0o17', '1_000', 'true'],
    ['.inf', '12:30', 'null1'],
  ])('student %s, question %s, answer %s', (student, id, answer) => {
    const r = parseSubmission('s.yaml', `student: ${student}\nanswers:\n  ${id}: ${answer}\n`);
    expect(r.ok && [r.submission.student, [...r.submission.answers]]).toEqual([student, [[id, answer]]]);
  });

  it('an empty or null answer is unanswered', () => {
    const r = parseSubmission('s.yaml', 'student: a\nanswers:\n  q1:\n  q2: null\n  q3: ~\n');
    expect(r.ok && [...r.submission.answers.values()]).toEqual([null, null, null]);
  });
});

describe('deeply nested YAML', () => {
  it.each([
    ['flow', '['.repeat(100_000)],
    ['block sequences', `${'- '.repeat(50_000)}x\n`],
    ['block maps', Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')],
  ])('%s: refused before parsing, in the same place every time', (_, text) => {
    const t = performance.now();
    const a = readYaml('deep.yaml', text).errors;
    const b = readYaml('deep.yaml', text).errors;
    expect(performance.now() - t).toBeLessThan(1000);
    expect(a.map((e) => e.code)).toEqual(['YAML_TOO_DEEP']);
    expect(b).toEqual(a);
  });

  it('leaves ordinary nesting, quotes and comments alone', () => {
    const text = 'a:\n  b: [1, {c: "[[[[", d: \'{{{\'}]\n  # [[[[[[[[[[\n  e:\n    - - x\n';
    expect(readYaml('ok.yaml', text).errors).toEqual([]);
  });
});

describe('large and odd submissions', () => {
  it('40,000 answers are refused at once; 2,000 unknown ids are graded in moments', () => {
    const many = (n: number) => `student: a\nanswers:\n${Array.from({ length: n }, (_, i) => `  nope/q${i}: x\n`).join('')}`;
    const t = performance.now();
    const big = parseSubmission('s.yaml', many(40_000));
    expect(big.ok ? 'ok' : big.error.code).toBe('LIMIT_EXCEEDED');
    const file = join(dir, 'unknown.yaml');
    writeFileSync(file, many(2000));
    const r = spawnSync(process.execPath, ['bin/grader.mjs', 'grade', file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(r.stdout).submissions[0].warnings).toHaveLength(2000);
    expect(performance.now() - t).toBeLessThan(20_000);
  });

  it("the YAML parser's warnings are not printed raw", () => {
    const file = join(dir, 'tagged.yaml');
    writeFileSync(file, 'student: !weird "\\u001b[2Jx"\nanswers:\n  cs224n-a2/naive-softmax-loss: !tag -log(yhat_o)\n');
    const r = spawnSync(process.execPath, ['bin/grader.mjs', 'grade', file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b');
  });
});
