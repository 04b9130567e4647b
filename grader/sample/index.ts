/**
 * sample/: seeded randomness (rng.ts, passed in, never Math.random), the distributions of sampled
 * symbols (dist.ts), the sample points of a question (points.ts: every free-index value, several
 * draws) and finite-difference gradients (gradient.ts). May import core/ and linalg/ only;
 * bank/ and compare/ use it.
 */
export { createRng, hash32, integer, normal, type Rng } from './rng.js';
export { draw, type Dist } from './dist.js';
