/** Points per question for one seed, drawn once and shared by every submission in a batch. */
import type { Question } from '../bank/types.js';
import { samplePoints, type Point } from '../sample/points.js';

/** The stream a question's points come from: its id, and its size set after the bank's. */
const streamOf = (q: Question): string => (q.sizeSet ? `${q.id}#${q.sizeSet}` : q.id);

/** A question's points for a seed, from its own stream; throws InputError(REFERENCE_UNDEFINED). */
export const drawPoints = (q: Question, seed: number): { points: Point[]; rejected: number } =>
  samplePoints(q.model, q.reference, { seed, stream: streamOf(q), count: q.samples, ...(q.free ? { free: q.free } : {}) });

/**
 * Points with every symbol at a moderate scale (below LARGE), from a stream of their own: for the
 * finite-difference proof, when the question's own points are mostly large.
 */
export const drawModeratePoints = (q: Question, seed: number, maxScale: number): Point[] =>
  samplePoints(q.model, q.reference, { seed, stream: `${streamOf(q)}#moderate`, count: q.samples, maxScale, ...(q.free ? { free: q.free } : {}) }).points;

/** Where the points of a question (at any of its size sets) come from. */
export interface PointSource {
  get(q: Question): Point[];
}

export class PointCache implements PointSource {
  private readonly cache = new Map<string, Point[]>();
  constructor(readonly seed: number) {}

  /** Throws InputError(REFERENCE_UNDEFINED) when the reference is undefined too often. */
  get(q: Question): Point[] {
    const key = streamOf(q);
    let points = this.cache.get(key);
    if (!points) {
      points = drawPoints(q, this.seed).points;
      this.cache.set(key, points);
    }
    return points;
  }
}
