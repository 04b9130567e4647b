/** `--format html`: KaTeX loaded for it alone, the bank's titles and prompts, and `--instructor`'s extras. */
import type Katex from 'katex';
import type { SubmissionReport } from '../core/index.js';
import { analyseItem, type GradedAnswer, type ItemStats } from '../compare/items.js';
import type { PointCache } from '../compare/points.js';
import { allQuestions } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { toLatexText } from '../expr/latex/render.js';
import type { HtmlOptions, QuestionInfo, TexToHtml } from '../report/html.js';
import { readSubmission } from '../submission/load.js';

/** KaTeX, loaded only for HTML, rendering MathML: the browser typesets it with no fonts to fetch. */
export function texToMathml(): TexToHtml {
  // required, not imported: the bundle runs in a vm.Script (for its code cache), where import() is not
  // available; node:module loaded here, not at start-up, where it brings in Node's ES module loader (~5 ms)
  const { createRequire } = process.getBuiltinModule('node:module');
  const katex = createRequire(import.meta.url)('katex') as typeof Katex;
  return (tex, display = false) =>
    katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: false, strict: 'ignore', maxSize: 20, maxExpand: 100 });
}

/** Title, prompt (with the set's conventions) and the expected answer as LaTeX, by question id. */
export function questionInfo(bank: Bank): Map<string, QuestionInfo> {
  return new Map(
    allQuestions(bank).map((q) => {
      let referenceLatex: string | undefined;
      try {
        referenceLatex = q.referenceNode ? toLatexText(q.referenceNode) : undefined;
      } catch {
        referenceLatex = undefined;
      }
      return [q.id, { title: q.title, prompt: q.prompt, ...(referenceLatex ? { referenceLatex } : {}) }];
    }),
  );
}

/** The item analysis of a graded batch (files read again for the students' own definitions). */
export function itemsOf(bank: Bank, submissions: readonly SubmissionReport[], points: PointCache): ItemStats[] {
  const answers = new Map<string, GradedAnswer[]>();
  for (const s of submissions) {
    if (s.error) continue;
    const loaded = readSubmission(s.file);
    for (const q of s.questions)
      answers.set(q.id, [...(answers.get(q.id) ?? []), { report: q, ...(loaded.ok ? { definitions: loaded.submission.definitions } : {}) }]);
  }
  return allQuestions(bank)
    .filter((q) => answers.has(q.id))
    .map((q) => analyseItem(q, answers.get(q.id)!, points));
}

export const htmlOptions = (bank: Bank, instructor = false): HtmlOptions => ({ questions: questionInfo(bank), instructor });
