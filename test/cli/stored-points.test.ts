import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allQuestions, loadBank } from '../../grader/bank/load.js';
import { decodePoints, encodePoints, StoredPointCache, storedPoints } from '../../grader/cli/stored-points.js';
import { PointCache } from '../../grader/compare/points.js';
import type { Point } from '../../grader/sample/points.js';
import { dirCache, frameBuilt } from '../../grader/yaml/cache.js';

// Loaded through a build's cache: points are kept under the id its validated entries hand out.
const bank = loadBank('problems', dirCache(mkdtempSync(join(tmpdir(), 'grader-points-bank-')), 'build-a'));
/** The key a built entry was stored for (yaml/cache.ts frameBuilt). */
const keyOf = (b: Buffer): string => b.toString('utf8', 4, 4 + b.readUInt32LE(0));

/** An entry with this header and no floats. */
const entry = (header: object): Buffer => {
  const json = Buffer.from(JSON.stringify(header));
  const out = Buffer.alloc(8 + Math.ceil(json.length / 8) * 8);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 8);
  return out;
};
const questions = allQuestions(bank).flatMap((q) => [q, ...q.others]);

/** Every float compared with Object.is (so -0 and NaN count), every key and every shared Mat. */
function same(a: readonly Point[], b: readonly Point[]): void {
  const plain = (ps: readonly Point[]) => {
    const seen = new Map<object, number>();
    const mat = (m: { rows: number; cols: number; data: Float64Array }) => {
      if (!seen.has(m)) seen.set(m, seen.size);
      return { id: seen.get(m), rows: m.rows, cols: m.cols, data: Array.from(m.data, (x) => (Object.is(x, -0) ? '-0' : x)) };
    };
    return ps.map((p) => ({ ...p, envs: p.envs.map((e) => e.map(mat)), ...(p.expected ? { expected: p.expected.map(mat) } : {}) }));
  };
  expect(plain(b)).toEqual(plain(a));
}

describe('points stored across runs', () => {
  it.each(questions.map((q) => [`${q.id} at size set ${q.sizeSet}`, q] as const))('%s come back bit for bit', (_, q) => {
    const drawn = new PointCache(7).get(q);
    same(drawn, decodePoints(encodePoints(drawn)));
  });

  it('keeps -0, NaN and a Mat shared between environments', () => {
    const shared = { rows: 2, cols: 1, data: Float64Array.of(-0, Number.NaN) };
    const points: Point[] = [
      { envs: [[shared, { rows: 1, cols: 1, data: Float64Array.of(1) }], [shared]], freeValues: [1, 2], expected: [shared], refKappa: [0.5], large: false },
    ];
    const back = decodePoints(encodePoints(points));
    same(points, back);
    expect(back[0]!.envs[0]![0]).toBe(back[0]!.envs[1]![0]);
    expect(Object.is(back[0]!.envs[0]![0]!.data[0], -0)).toBe(true);
  });

  it('reads what an earlier run of the same build stored, and only that build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-points-'));
    const q = allQuestions(bank)[0]!;
    const first = storedPoints(3, bank, dirCache(dir, 'build-a'));
    expect(first).toBeInstanceOf(StoredPointCache);
    const drawn = first.get(q);
    const stored = readdirSync(dir).filter((f) => f.endsWith('.bin'));
    expect(stored).toHaveLength(1);
    // Tampered: the same build trusts it, another build never reads it.
    const fake = encodePoints([{ ...drawn[0]!, freeValues: [42] }]);
    writeFileSync(join(dir, stored[0]!), frameBuilt(keyOf(readFileSync(join(dir, stored[0]!))), fake));
    expect(storedPoints(3, bank, dirCache(dir, 'build-a')).get(q)[0]!.freeValues).toEqual([42]);
    same(drawn, storedPoints(3, bank, dirCache(dir, 'build-b')).get(q));
    // Another seed is another entry.
    same(new PointCache(4).get(q), storedPoints(4, bank, dirCache(dir, 'build-a')).get(q));
  });

  it.each([
    ['truncated', (b: Uint8Array) => b.subarray(0, b.length - 8)],
    ['not an entry at all', () => Buffer.from('{not points')],
    ['a header that is not JSON', (b: Uint8Array) => Buffer.from(b).fill(0, 8, 9)],
    ['a header naming a Mat that is not there', () => entry({ mats: [], points: [{ envs: [[5]], freeValues: [] }] })],
  ])('draws the points again over a damaged entry (%s)', (_, damage) => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-points-'));
    const q = allQuestions(bank)[1]!;
    const drawn = storedPoints(5, bank, dirCache(dir, 'build-a')).get(q);
    const file = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.bin'))!,
    );
    writeFileSync(file, frameBuilt(keyOf(readFileSync(file)), damage(encodePoints(drawn))));
    same(drawn, storedPoints(5, bank, dirCache(dir, 'build-a')).get(q));
  });

  it('a run from source (no build id) stores nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'grader-points-'));
    expect(storedPoints(1, bank, dirCache(dir, undefined))).not.toBeInstanceOf(StoredPointCache);
    expect(storedPoints(1, bank, undefined)).not.toBeInstanceOf(StoredPointCache);
  });
});
