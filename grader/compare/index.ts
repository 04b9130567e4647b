/**
 * compare/: judging. Reads an answer in a question's terms (read.ts), evaluates it against the
 * reference at the sample points (cases.ts, tolerance.ts), grades it as an ordered list of checks
 * (grade.ts: read → names → shape → values → diagnosis), and builds on grading: whole
 * submissions (submission.ts), spec self-checks (verify.ts), item analysis (items.ts) and
 * --explain (explain.ts), the last two reusing grading's kept evaluation, and write-ups
 * (document.ts: finals graded, each step checked side by side in steps*.ts). May import core/,
 * linalg/, expr/, sample/, and bank/, submission/ and document/ for their types; report/ never imports it
 * (it renders core's report types); cli/ wires it.
 */
export { gradeAnswer } from './grade.js';
export { evaluationOf, type Evaluation } from './evaluation.js';
export { gradeOne, gradeSubmission } from './submission.js';
export { analyseItem, type GradedAnswer } from './items.js';
export { explain } from './explain.js';
export { verifyQuestion } from './verify.js';
export { PointCache } from './points.js';
