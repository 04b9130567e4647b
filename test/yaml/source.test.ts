import { describe, expect, it } from 'vitest';
import { readYaml } from '../../grader/yaml/source.js';

describe('positions of a submission read the fast way', () => {
  const text = "student: a\nanswers:\n  q: x + 1\n  r: 'y'\n";
  it.each([
    [['answers', 'q'], false, 3, 6],
    [['answers', 'r'], false, 4, 6],
    [['answers', 'r'], true, 4, 3],
    [['student'], false, 1, 10],
  ] as const)('%j (key %s) is at %i:%i, and a spread copies it', (path, key, line, col) => {
    const src = readYaml('f.yaml', text, { strings: true });
    const at = src.at(path, key);
    expect({ ...at, file: 'g.yaml' }).toEqual({ file: 'g.yaml', line, col });
    expect([at.line, at.col]).toEqual([line, col]);
  });

  it('a position inside a string carries its offset, and a spread copies it', () => {
    const src = readYaml('f.yaml', text, { strings: true });
    const at = src.inString(['answers', 'q'], 4);
    expect(at).toMatchObject({ file: 'f.yaml', line: 3, col: 10, offset: 4 });
    expect({ ...at }).toEqual({ file: 'f.yaml', line: 3, col: 10, offset: 4 });
  });
});
