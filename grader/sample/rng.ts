/**
 * Seeded randomness, passed in: every grade is reproducible from the seed the report prints.
 * xoshiro128** (fast, good quality, pure 32-bit arithmetic, identical on every machine).
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
}

/** FNV-1a: a stable 32-bit hash, to derive independent streams from (seed, question id). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: number, stream = ''): Rng {
  // splitmix32 expands one seed into the four words of state.
  let x = (hash32(`${seed >>> 0}:${stream}`) ^ (seed >>> 0)) >>> 0;
  const split = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [split(), split(), split(), split()];
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
      const t = (s[1]! << 9) >>> 0;
      s[2]! ^= s[0]!;
      s[3]! ^= s[1]!;
      s[1]! ^= s[2]!;
      s[0]! ^= s[3]!;
      s[2]! ^= t;
      s[3] = rotl(s[3]!, 11);
      return result / 4294967296;
    },
  };
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Standard normal by Box-Muller (uses two uniforms per draw; simple and deterministic). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Integer uniform in [lo, hi]. */
export const integer = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));
