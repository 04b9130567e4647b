/** Points per question for one seed, drawn once and shared by every submission in a batch. */
import type { Question } from '../spec/types.js';
import { samplePoints, type Point } from '../sample/points.js';

export class PointCache {
  private readonly cache = new Map<string, Point[]>();
  constructor(readonly seed: number) {}

  /** Throws InputError(REFERENCE_UNDEFINED) when the reference is undefined too often. */
  get(q: Question): Point[] {
    let points = this.cache.get(q.id);
    if (!points) {
      points = samplePoints(q.model, q.reference, {
        seed: this.seed,
        stream: q.id,
        count: q.samples,
        ...(q.free ? { free: q.free } : {}),
      }).points;
      this.cache.set(q.id, points);
    }
    return points;
  }
}
