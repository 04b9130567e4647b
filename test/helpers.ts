import { spawnSync } from 'node:child_process';
import { PointCache } from '../grader/compare/points.js';
import { gradeAnswer } from '../grader/compare/grade.js';
import { loadBank, loadProblemText } from '../grader/bank/load.js';
import type { Question } from '../grader/bank/types.js';

export const BANK = loadBank('problems');

/** A one-question set from YAML declarations, for engine tests. */
export function question(body: string, q: string): Question {
  const text = `set: t\ntitle: T\n${body}\nquestions:\n  - id: q\n    title: Q\n    prompt: P\n${q.replace(/^/gm, '    ')}\n`;
  const { set, issues } = loadProblemText('inline.yaml', text);
  if (issues.length || !set?.questions[0]) throw new Error(`bad test spec: ${JSON.stringify(issues)}`);
  return set.questions[0];
}

/** The word2vec declarations used across engine tests (d=3, V=7, K=4). */
export const W2V = `
sizes: { d: 3, V: 7, K: 4 }
symbols:
  U: { shape: [d, V], sample: normal }
  v_c: { shape: d, sample: normal }
  o: { sample: { dist: index, max: V } }
  negs: { sample: { dist: indices, count: K, max: V, distinctFrom: [o] } }
  yhat: { value: "softmax(U' * v_c)" }
  y: { value: "onehot(o, V)" }
indices:
  w: { range: [1, V] }
  k: { range: [1, K], of: negs }
families:
  u: "U[:, i]"
  yhat: "yhat[i]"
  y: "y[i]"
  w: "negs[i]"
`;

/** Grades as a batch does: at every size set of the question. */
export function grade(q: Question, answer: string | undefined, seed = 1) {
  return gradeAnswer(q, answer, new PointCache(seed));
}

export const codes = (r: { feedback: readonly { code: string }[] }): string[] => r.feedback.map((f) => f.code);

/** The built CLI in a child process, without colour, as other tools and people run it. */
export function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['bin/grader.cjs', ...args], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The bundled YAML submissions (alice, bob, carol, dave), without the example write-ups beside them. */
export const YAML_SUBMISSIONS = ['submissions/alice.yaml', 'submissions/bob.yaml', 'submissions/carol-malformed.yaml', 'submissions/dave-latex.yaml'];
