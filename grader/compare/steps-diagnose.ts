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
import { mismatch, stepTolerance } from './tolerance.js';

// The answer diagnosis also judges dependencies against the reference; between two sides only these speak of the jump.
const JUMPS = new Set([
  'SIGN_FLIPPED',
  'CONSTANT_FACTOR',
  'CONSTANT_TERM',
  'ZERO_ANSWER',
  'MISSING_TERM',
  'EXTRA_TERM',
  'TERM_SIGN',
  'WRONG_WHEN_EQUAL',
  'WRONG_WHEN_NOT_EQUAL',
]);

/**
 * What changed in the writing between two sides, when the values alone do not say: the one span
 * that differs once the common start and end are set aside (`e^{u_w^T v_c}` became `u_w^T v_c`:
 * an exp dropped; `u_o` became `u_w`: an index changed).
 */
export function textualJump(before: string, after: string): Finding | undefined {
  const a = before.replace(/\s+/g, ''),
    b = after.replace(/\s+/g, '');
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let e = 0;
  while (e < a.length - p && e < b.length - p && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  const x = a.slice(p, a.length - e),
    y = b.slice(p, b.length - e);
  const bare = (t: string) => t.replace(/[{}()]|\\left|\\right/g, '');
  if (/\\exp|e\^/.test(x) && !/\\exp|e\^/.test(y) && bare(x.replace(/\\exp|e\^/g, '')) === bare(y)) return finding('STEP_EXP_DROPPED');
  if (/^[A-Za-z0-9]$/.test(x) && /^[A-Za-z0-9]$/.test(y) && /[_{]$/.test(a.slice(0, p))) return finding('STEP_INDEX_CHANGED', { from: x, to: y });
  return undefined;
}

export function diagnoseStep(q: Question, envs: readonly { env: M.Mat[]; free?: number }[], got: readonly M.Mat[], before: readonly M.Mat[]): Finding[] {
  const cases: Case[] = envs.map((e, k) => {
    const b = before[k]!;
    const g = got[k]!.rows === b.rows ? got[k]! : M.mat(b.rows, b.cols, got[k]!.data);
    return {
      point: k,
      env: e.env,
      ...(e.free !== undefined ? { free: e.free } : {}),
      got: g,
      expected: b,
      wrong: mismatch(g, b, stepTolerance(q.tolerance)) !== undefined,
      precision: {},
      excused: false,
    };
  });
  const g0 = got[0]!,
    b0 = before[0]!;
  if (
    g0.rows === b0.cols &&
    g0.cols === b0.rows &&
    g0.rows !== g0.cols &&
    cases.every((c) => mismatch(M.transpose(got[c.point]!), c.expected, stepTolerance(q.tolerance)) === undefined)
  )
    return [finding('TRANSPOSED')];
  // Named terms of the reference speak of the jump only when the previous side is the reference.
  const prevIsReference = envs.every((e, k) => {
    const r = q.reference.run(e.env.slice());
    return r.data.length === before[k]!.data.length && mismatch(M.mat(r.rows, r.cols, before[k]!.data), r, stepTolerance(q.tolerance)) === undefined;
  });
  try {
    const d = diagnose({ ...q, mistakes: [], terms: prevIsReference ? q.terms : [] }, cases, () => M.zeros(1, 1));
    return d.findings.filter((f) => JUMPS.has(f.code));
  } catch {
    return [];
  }
}
