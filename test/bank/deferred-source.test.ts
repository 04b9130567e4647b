/** A bank file validated under this build is not read as YAML until a position is asked for. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allQuestions, loadBank } from '../../grader/bank/load.js';
import { dirCache } from '../../grader/yaml/cache.js';
import type { DataCache } from '../../grader/yaml/source.js';

/** A build's cache that counts reads of the YAML data entries. */
function counted(dir: string): { cache: DataCache; reads: () => number } {
  const inner = dirCache(dir, 'build-a');
  let reads = 0;
  return {
    cache: {
      ...inner,
      get: (text) => {
        reads++;
        return inner.get(text);
      },
    },
    reads: () => reads,
  };
}

const places = (bank: ReturnType<typeof loadBank>) =>
  allQuestions(bank).flatMap((q) =>
    [q.at, q.referenceAt, ...q.exampleAt, ...q.model.slots.map((s) => s.at)].map((p) => p && [p.file, p.line, p.col, p.offset]),
  );

describe('a bank file validated under this build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grader-deferred-'));
  const first = counted(dir);
  const eager = loadBank('problems', first.cache);

  it('is read as YAML when first loaded, and not at all by a later load', () => {
    expect(first.reads()).toBeGreaterThan(0);
    const later = counted(dir);
    const bank = loadBank('problems', later.cache);
    expect(bank.issues).toEqual([]);
    expect(allQuestions(bank).map((q) => q.id)).toEqual(allQuestions(eager).map((q) => q.id));
    expect(later.reads()).toBe(0);
  });

  it('places everything where an eager read does, reading each file once when first asked', () => {
    const later = counted(dir);
    const bank = loadBank('problems', later.cache);
    expect(places(bank)).toEqual(places(eager));
    // Asking read the file once per bank file, no more.
    expect(later.reads()).toBe(bank.sets.length);
    expect({ ...allQuestions(bank)[0]!.at }).toEqual({ ...allQuestions(eager)[0]!.at });
  });
});
