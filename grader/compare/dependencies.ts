/**
 * Which drawn symbols a formula depends on, found by redrawing each in turn: an answer that
 * uses a symbol the reference ignores, or ignores one it needs, is told which.
 */
import { finding, type Finding } from '../core/index.js';
import type * as M from '../linalg/mat.js';
import { draw } from '../sample/dist.js';
import { fillDerived } from '../sample/points.js';
import { createRng } from '../sample/rng.js';
import type { Question } from '../bank/types.js';
import type { Case } from './cases.js';
import { mismatch } from './tolerance.js';

type Run = (env: M.Mat[]) => M.Mat;

const REDRAWS = 4;

function dependsOn(q: Question, run: Run, env0: M.Mat[]): Set<string> {
  const rng = createRng(0, `${q.id}:dependencies`);
  const base = run(env0.slice());
  const out = new Set<string>();
  q.model.slots.forEach((s, slot) => {
    // Several redraws: one may leave the entry an answer reads unchanged (u_(w_1) when w_1 stays).
    for (let round = 0; round < REDRAWS && !out.has(s.name) && s.dist; round++) {
      const env = env0.slice();
      env[slot] = draw(s.dist, s.shape, rng, env);
      fillDerived(q.model, env);
      try {
        if (mismatch(run(env), base, q.tolerance)) out.add(s.name);
      } catch {
        out.add(s.name); // it fails where it did not: it reads this symbol
      }
    }
  });
  return out;
}

const referenceDeps = new WeakMap<Question, Set<string>>();

export function dependencyFindings(q: Question, cases: readonly Case[], run: Run): Finding[] {
  const env0 = cases[0]?.env;
  if (!env0) return [];
  let ref = referenceDeps.get(q);
  if (!ref) referenceDeps.set(q, (ref = dependsOn(q, (e) => q.reference.run(e), env0)));
  const got = dependsOn(q, run, env0);
  const extra = [...got].filter((s) => !ref.has(s));
  const missing = [...ref].filter((s) => !got.has(s));
  return [
    ...(extra.length ? [finding('DEPENDS_ON_EXTRA', { symbols: extra })] : []),
    ...(missing.length ? [finding('MISSING_DEPENDENCY', { symbols: missing })] : []),
  ];
}
