/**
 * Points kept across runs. A question's points are a pure function of its set's file, its size
 * set and the seed (its own seeded stream, its compiled model and reference), so a built grader
 * keeps them in its cache (yaml/cache.ts, keyed by the build id and the id of the file's
 * validated entry) and a later run reads them instead of drawing them again: drawing them at
 * both size sets was a third of grading one submission. Stored as bytes, so every value comes back bit for bit
 * (-0, subnormals); a Mat shared between environments stays shared.
 */
import type { Bank, Question } from '../bank/types.js';
import { PointCache } from '../compare/points.js';
import type { Mat } from '../linalg/mat.js';
import type { Point } from '../sample/points.js';
import type { DataCache } from '../yaml/source.js';

/** Bumped whenever what a Point holds changes shape. */
const FORMAT = 'points-1';

interface Header {
  /** rows, cols, length of each distinct Mat, in the order of the float section. */
  readonly mats: readonly (readonly [number, number, number])[];
  readonly points: readonly {
    readonly envs: readonly (readonly number[])[];
    readonly freeValues: readonly number[];
    readonly expected?: readonly number[];
    /** Stored as a Mat (a column), so that every float is exact. */
    readonly refKappa?: number;
    readonly large?: boolean;
  }[];
}

export function encodePoints(points: readonly Point[]): Uint8Array {
  const ids = new Map<Mat, number>();
  const mats: Mat[] = [];
  const id = (m: Mat): number => {
    let i = ids.get(m);
    if (i === undefined) ids.set(m, (i = mats.push(m) - 1));
    return i;
  };
  const header: Header = {
    mats: [],
    points: points.map((p) => ({
      envs: p.envs.map((env) => env.map(id)),
      freeValues: p.freeValues,
      ...(p.expected ? { expected: p.expected.map(id) } : {}),
      ...(p.refKappa ? { refKappa: id({ rows: p.refKappa.length, cols: 1, data: Float64Array.from(p.refKappa) }) } : {}),
      ...('large' in p ? { large: p.large! } : {}),
    })),
  };
  const json = Buffer.from(JSON.stringify({ ...header, mats: mats.map((m) => [m.rows, m.cols, m.data.length]) }));
  const start = 8 + Math.ceil(json.length / 8) * 8;
  const out = Buffer.alloc(start + 8 * mats.reduce((n, m) => n + m.data.length, 0));
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 8);
  const floats = new Float64Array(out.buffer, out.byteOffset + start, (out.length - start) / 8);
  let at = 0;
  for (const m of mats) {
    floats.set(m.data, at);
    at += m.data.length;
  }
  return out;
}

/** The points stored by encodePoints; throws on a damaged entry (the caller draws them instead). */
export function decodePoints(bytes: Uint8Array): Point[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const length = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 8, 8 + length)) as Header;
  const start = 8 + Math.ceil(length / 8) * 8;
  // Indexed loops, not destructuring: this runs once per question at start-up, before anything
  // is optimised, where each `[rows, cols, len]` walks the iterator protocol (a third of decoding).
  const sizes = header.mats;
  let total = 0;
  for (let i = 0; i < sizes.length; i++) total += sizes[i]![2];
  if (buf.length !== start + 8 * total) throw new Error('damaged points entry');
  // One aligned copy of the floats; every Mat is a view into it.
  const floats = new Float64Array(total);
  new Uint8Array(floats.buffer).set(buf.subarray(start));
  const mats: Mat[] = new Array<Mat>(sizes.length);
  for (let i = 0, at = 0; i < sizes.length; i++) {
    const s = sizes[i]!;
    mats[i] = { rows: s[0], cols: s[1], data: floats.subarray(at, (at += s[2])) };
  }
  const mat = (i: number): Mat => {
    const m = mats[i];
    if (!m) throw new Error('damaged points entry');
    return m;
  };
  const mapped = (ids: readonly number[]): Mat[] => {
    const out = new Array<Mat>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = mat(ids[i]!);
    return out;
  };
  const points = new Array<Point>(header.points.length);
  for (let i = 0; i < points.length; i++) {
    const p = header.points[i]!;
    const envs = new Array<Mat[]>(p.envs.length);
    for (let e = 0; e < envs.length; e++) envs[e] = mapped(p.envs[e]!);
    const point: { -readonly [K in keyof Point]: Point[K] } = { envs, freeValues: p.freeValues };
    if (p.expected) point.expected = mapped(p.expected);
    if (p.refKappa !== undefined) point.refKappa = Array.from(mat(p.refKappa).data);
    if (p.large !== undefined) point.large = p.large;
    points[i] = point;
  }
  return points;
}

/** A PointCache that reads a question's points from the cache, and stores those it draws. */
export class StoredPointCache extends PointCache {
  private readonly fileIds: ReadonlyMap<string, string>;
  private readonly held = new Map<Question, Point[]>();

  constructor(
    seed: number,
    bank: Bank,
    private readonly store: Required<Pick<DataCache, 'getBuilt' | 'putBuilt'>>,
  ) {
    super(seed);
    this.fileIds = new Map(bank.sets.flatMap((s) => (s.cacheId ? [[s.set, s.cacheId] as const] : [])));
  }

  override get(q: Question): Point[] {
    let points = this.held.get(q);
    if (points) return points;
    const fileId = this.fileIds.get(q.set);
    if (fileId === undefined) return super.get(q);
    const key = `${FORMAT}\0${fileId}\0${q.id}\0${q.sizeSet}\0${this.seed}`;
    const bytes = this.store.getBuilt(key);
    if (bytes) {
      try {
        points = decodePoints(bytes);
      } catch {
        points = undefined; // a damaged entry: drawn again, and stored anew
      }
    }
    if (!points) {
      points = super.get(q);
      this.store.putBuilt(key, encodePoints(points));
    }
    this.held.set(q, points);
    return points;
  }
}

/** The point source of a run: stored across runs when the cache can hold built data. */
export const storedPoints = (seed: number, bank: Bank, cache: DataCache | undefined): PointCache =>
  cache?.getBuilt && cache.putBuilt
    ? new StoredPointCache(seed, bank, { getBuilt: (key) => cache.getBuilt!(key), putBuilt: (key, bytes) => cache.putBuilt!(key, bytes) })
    : new PointCache(seed);
