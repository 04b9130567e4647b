/**
 * `grader check --strict`: the rules of a good question that need grading to see, each a
 * warning with its reason (README, "Tools for authors"):
 * - at least 3 LaTeX examples: most students write LaTeX, and the examples prove this
 *   question's notation reads (hats, subscripts, families) before a student meets it;
 * - every incorrect example gets a named diagnosis: a student making that mistake would
 *   otherwise hear only "the value differs" (add a `mistakes:` entry or `terms:`);
 * - each discrete symbol's values at the points cover its domain: a 0/1 label that is 0 at
 *   every point lets an answer wrong for 1 pass.
 */
import { finding, type Finding } from '../core/index.js';
import type { Question } from '../bank/types.js';
import { questionNames } from '../bank/lint.js';
import { gradeAnswer } from './grade.js';
import { drawPoints } from './points.js';

export const MIN_LATEX_EXAMPLES = 3;

/** Codes that say how an answer was read or that it is wrong, without saying what the mistake is. */
export const NOT_A_DIAGNOSIS: ReadonlySet<string> = new Set([
  'VALUE_MISMATCH',
  'ORIENTATION_FORGIVEN',
  'READ_AS_ELEMENTWISE',
  'READ_AS_PRODUCT',
  'READ_AS_DOT',
  'QUALIFIER_IGNORED',
  'LHS_IGNORED',
  'NOT_FINITE',
]);

const isLatex = (answer: string): boolean => /[\\$]/.test(answer);

/** Domains this small must be covered whole (a 0/1 label, a choice of three). */
const SMALL_DOMAIN = 3;

/** Largest domain enumerated: beyond it, coverage is not expected of a handful of points. */
const MAX_DOMAIN = 50;

/** Warnings for discrete symbols whose values at the points miss part of their domain (shown by every check). */
export function coverageFindings(q: Question, seed: number): Finding[] {
  let points;
  try {
    points = drawPoints(q, seed).points;
  } catch {
    return []; // reported by the check itself
  }
  const used = questionNames(q);
  return q.model.slots.flatMap((s, i) => {
    const d = s.dist;
    if (!used.has(s.name)) return [];
    const size = s.shape.rows * s.shape.cols;
    const domain = d?.kind === 'integer' && size === 1 ? d.max - d.min + 1 : d?.kind === 'onehot' ? size : undefined;
    if (domain === undefined || domain < 2 || domain > MAX_DOMAIN) return [];
    const seen = new Set(
      points.map((p) => {
        const m = p.envs[0]![i]!;
        return d!.kind === 'onehot' ? m.data.indexOf(1) : m.data[0]!;
      }),
    );
    // One value everywhere always matters; a missed value of a small domain (a label, a sign) usually does.
    const missing = seen.size === 1 || (domain <= SMALL_DOMAIN && seen.size < domain);
    return missing
      ? [
          finding(
            'DISCRETE_NOT_COVERED',
            { id: q.id, name: s.name, seen: [...seen].sort((a, b) => a - b).map((v) => (d!.kind === 'onehot' ? v + 1 : v)), domain, points: points.length },
            s.at ?? q.at,
            'warning',
          ),
        ]
      : [];
  });
}

export function strictQuestionFindings(q: Question, seed: number): Finding[] {
  const out: Finding[] = [];
  const latex = q.examples.filter((e) => isLatex(e.answer)).length;
  if (latex < MIN_LATEX_EXAMPLES) out.push(finding('FEW_LATEX_EXAMPLES', { id: q.id, count: latex, min: MIN_LATEX_EXAMPLES }, q.at, 'warning'));
  let points;
  try {
    points = drawPoints(q, seed).points;
  } catch {
    return out;
  }
  q.examples.forEach((e, i) => {
    if (e.verdict !== 'incorrect') return;
    const got = gradeAnswer(q, e.answer, points);
    if (got.verdict === 'incorrect' && !got.feedback.some((f) => !NOT_A_DIAGNOSIS.has(f.code)))
      out.push(finding('UNNAMED_MISTAKE', { id: q.id, answer: e.answer }, q.exampleAt[i] ?? q.at, 'warning'));
  });
  return out;
}
