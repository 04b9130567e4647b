/** The grader as a library: load a bank, read and grade answers and submissions, render reports. */
export * from './core/index.js';
export { loadBank, loadProblemText, allQuestions } from './bank/load.js';
export type { Bank, ProblemSet, Question } from './bank/types.js';
export { jsonSchema } from './bank/schema.js';
export { PointCache } from './compare/points.js';
export { gradeAnswer } from './compare/grade.js';
export { gradeOne, gradeSubmission } from './compare/submission.js';
export { verifyQuestion } from './compare/verify.js';
export { analyseItem } from './compare/items.js';
export { readAnswer, toLatex, toText } from './expr/index.js';
export { parseSubmission, readSubmission } from './submission/load.js';
export { renderJson, renderQuestionJson } from './report/json.js';
export { renderText } from './report/terminal.js';
export { renderCsv } from './report/csv.js';
export { renderGradescope } from './report/gradescope.js';
export { renderHtml } from './report/html.js';
export { message } from './report/messages.js';
