/**
 * What the jump between two sides is, reusing the answer diagnosis (diagnose.ts) with the
 * previous side in the reference's place: a sign flipped, a constant factor or term, right for
 * some values of the free index only, a named term of the reference lost (when the previous side
 * equals the reference), or a transposition.
 */
import { finding, type Finding } from '../core/index.js';
import * as M from '../linalg/mat.js';
import type { Question } from '../bank/types.js';
import type { Case } from './cases.js';
import { diagnose } from './diagnose.js';
import { mismatch } from './tolerance.js';

// The answer diagnosis also judges dependencies against the reference; between two sides only these speak of the jump.
const JUMPS = new Set(['SIGN_FLIPPED', 'CONSTANT_FACTOR', 'CONSTANT_TERM', 'ZERO_ANSWER', 'MISSING_TERM', 'EXTRA_TERM', 'TERM_SIGN', 'WRONG_WHEN_EQUAL', 'WRONG_WHEN_NOT_EQUAL']);

export function diagnoseStep(q: Question, envs: readonly { env: M.Mat[]; free?: number }[], got: readonly M.Mat[], before: readonly M.Mat[]): Finding[] {
  const cases: Case[] = envs.map((e, k) => {
    const b = before[k]!;
    const g = got[k]!.rows === b.rows ? got[k]! : M.mat(b.rows, b.cols, got[k]!.data);
    return { point: k, env: e.env, ...(e.free !== undefined ? { free: e.free } : {}), got: g, expected: b, wrong: mismatch(g, b, q.tolerance) !== undefined };
  });
  const g0 = got[0]!, b0 = before[0]!;
  if (g0.rows === b0.cols && g0.cols === b0.rows && g0.rows !== g0.cols && cases.every((c) => mismatch(M.transpose(got[c.point]!), c.expected, q.tolerance) === undefined)) return [finding('TRANSPOSED')];
  // Named terms of the reference speak of the jump only when the previous side is the reference.
  const prevIsReference = envs.every((e, k) => {
    const r = q.reference.run(e.env.slice());
    return r.data.length === before[k]!.data.length && mismatch(M.mat(r.rows, r.cols, before[k]!.data), r, q.tolerance) === undefined;
  });
  try {
    const d = diagnose({ ...q, mistakes: [], terms: prevIsReference ? q.terms : [] }, cases, () => M.zeros(1, 1));
    return d.findings.filter((f) => JUMPS.has(f.code));
  } catch {
    return [];
  }
}
