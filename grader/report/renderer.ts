/**
 * One signature for every output format, so that a batch of any size is streamed: the CLI writes
 * `head()`, then `submission(s, i)` as each report is graded (in order), then `tail()`, holding
 * nothing between. A renderer is made per run with what it must know up front (the number of
 * submissions, the gradebook's columns, the TeX renderer); counts it reports at the end are kept
 * as it goes. Each wraps its format's own per-submission function, so the bytes are those of the
 * whole-batch renderers (renderText, renderJson, renderCsv, renderHtml, renderGradescope).
 */
import type { SubmissionReport } from '../core/index.js';
import { csvHeader, csvRow } from './csv.js';
import { escapeControls } from './escape.js';
import { renderGradescope, type GradescopeOptions } from './gradescope.js';
import { htmlBackMatter, htmlFrame, htmlTitle, submission as htmlSubmission, type HtmlOptions, type TexToHtml } from './html.js';
import type { ItemStats } from '../core/index.js';
import { jsonSubmissionInList } from './json.js';
import { renderSubmission, renderSummary } from './terminal.js';

export interface Renderer {
  head(): string;
  /** The i-th submission (0-based, in order). */
  submission(s: SubmissionReport, i: number): string;
  tail(): string;
}

export interface RunInfo {
  /** Submissions in the run (every file gives one, read or not). */
  readonly count: number;
}

export function textRenderer({ count }: RunInfo): Renderer {
  let failed = 0;
  return {
    head: () => '',
    submission(s, i) {
      if (s.error) failed++;
      return `${i > 0 ? '\n\n' : ''}${renderSubmission(s)}`;
    },
    tail: () => `${count > 1 ? `\n\n${renderSummary(count, failed)}` : ''}\n`,
  };
}

/** `JSON.stringify({ submissions }, null, 2)`, one submission at a time. */
export function jsonRenderer({ count }: RunInfo): Renderer {
  return {
    head: () => (count === 0 ? '{\n  "submissions": []\n}\n' : '{\n  "submissions": [\n'),
    submission: (s, i) => `${i > 0 ? ',\n' : ''}${jsonSubmissionInList(s)}`,
    tail: () => (count === 0 ? '' : '\n  ]\n}\n'),
  };
}

export function csvRenderer(columns: readonly string[]): Renderer {
  // Ids and paths are shown in a terminal too (`cat grades.csv`): no control characters.
  const safe = (s: SubmissionReport): SubmissionReport => ({
    ...s,
    student: s.student === null ? null : escapeControls(s.student),
    file: escapeControls(s.file),
  });
  return { head: () => csvHeader(columns), submission: (s) => csvRow(safe(s), columns), tail: () => '' };
}

/**
 * The page's title names the student when there is one submission, so the head waits for it. A
 * batch's scores and per-question summary follow the submissions: each submission is kept without
 * its feedback for them (the item analysis, `items`, needs the whole reports and gets them).
 */
export function htmlRenderer(
  { count }: RunInfo,
  tex: TexToHtml,
  opts: HtmlOptions = {},
  items?: (subs: readonly SubmissionReport[]) => readonly ItemStats[],
): Renderer {
  const frame = (first?: SubmissionReport) => htmlFrame(htmlTitle(count, first), count > 1);
  const kept: SubmissionReport[] = [];
  return {
    head: () => (count === 1 ? '' : frame()[0]),
    submission: (s, i) => {
      kept.push(items ? s : { ...s, questions: s.questions.map((q) => ({ ...q, feedback: [] })) });
      return `${count === 1 && i === 0 ? frame(s)[0] : ''}${htmlSubmission(s, tex, opts, i)}`;
    },
    tail: () => `${htmlBackMatter(kept, opts, items?.(kept))}${frame()[1]}`,
  };
}

export function gradescopeRenderer(opts: GradescopeOptions = {}): Renderer {
  return { head: () => '', submission: (s) => renderGradescope(s, opts), tail: () => '' };
}
