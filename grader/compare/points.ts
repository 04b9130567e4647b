/** Points per question for one seed, drawn once and shared by every submission in a batch. */
import type { Question } from '../bank/types.js';
import { samplePoints, type Point } from '../sample/points.js';

/** A question's points for a seed, from its own stream; throws InputError(REFERENCE_UNDEFINED). */
export const drawPoints = (q: Question, seed: number): { points: Point[]; rejected: number } =>
  samplePoints(q.model, q.reference, { seed, stream: q.id, count: q.samples, ...(q.free ? { free: q.free } : {}) });

export class PointCache {
  private readonly cache = new Map<string, Point[]>();
  constructor(readonly seed: number) {}

  /** Throws InputError(REFERENCE_UNDEFINED) when the reference is undefined too often. */
  get(q: Question): Point[] {
    let points = this.cache.get(q.id);
    if (!points) {
      points = drawPoints(q, this.seed).points;
      this.cache.set(q.id, points);
    }
    return points;
  }
}
