/** A write-up where nothing is found: said so, the set guess called a guess, and kept out of a gradebook's columns. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const folder = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-none-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('a write-up with no answers', () => {
  it.each([
    ['empty', ''],
    ['prose only', 'Just prose, no math here.\n'],
  ])('%s: "no answers found", and the set is a guess with no evidence', (_, text) => {
    const file = join(folder({ 'w.md': text }), 'w.md');
    const { code, out } = cli('grade', file);
    expect(code).toBe(0);
    expect(out).toContain(`no answers found in ${file}`);
    expect(out).toContain('a guess with no evidence');
    expect(out).not.toContain('(best-match)');
  });

  it('a set named in the file is no guess', () => {
    const file = join(folder({ 'w.md': '---\nset: cs224n-a2\n---\nNothing yet.\n' }), 'w.md');
    const { out } = cli('grade', file);
    expect(out).toContain(`no answers found in ${file}`);
    expect(out).toContain('graded against set cs224n-a2 (front-matter)');
  });

  it("adds no columns of its guessed set to a batch's CSV, and is marked in the error column", () => {
    const dir = folder({ 'empty.md': '' });
    copyFileSync('submissions/alice.yaml', join(dir, 'alice.yaml'));
    const [header, , empty] = cli('grade', dir, '--format', 'csv').out.trimEnd().split('\r\n');
    expect(header).not.toContain('cs224d-a1');
    expect(header).toContain('cs224n-a2/naive-softmax-loss');
    expect(empty!.endsWith(',0,16,DOC_NO_ANSWERS')).toBe(true);
  });

  it('a write-up with answers is unchanged', () => {
    const { out } = cli('grade', 'submissions/frank-writeup.md');
    expect(out).not.toContain('no answers found');
  });
});
