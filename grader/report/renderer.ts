/**
 * One signature for every output format, so that a batch of any size is streamed: the CLI writes
 * `head()`, then `submission(s, i)` as each report is graded (in order), then `tail()`, holding
 * nothing between. A renderer is made per run with what it must know up front (the number of
 * submissions, the gradebook's columns, the TeX renderer); counts it reports at the end are kept
 * as it goes. Each wraps its format's own per-submission function, so the bytes are those of the
 * whole-batch renderers (renderText, renderJson, renderCsv, renderHtml, renderGradescope).
 * A portable renderer (portable.ts) also takes submissions rendered on a worker thread.
 */
import type { SubmissionReport } from '../core/index.js';
import { csvHeader } from './csv.js';
import { renderGradescope, type GradescopeOptions } from './gradescope.js';
import { htmlBackMatter, htmlFrame, htmlTitle, submission as htmlSubmission, type HtmlOptions, type TexToHtml } from './html.js';
import type { ItemStats } from '../core/index.js';
import { csvSubmission, jsonListItem, textSubmission, type Portable, type Rendered } from './portable.js';
import { colourLevel, renderSummary } from './terminal.js';

export interface Renderer {
  head(): string;
  /** The i-th submission (0-based, in order). */
  submission(s: SubmissionReport, i: number): string;
  tail(): string;
  /** For a portable format: how another thread renders a submission, and the i-th one it rendered. */
  readonly elsewhere?: { readonly spec: Portable; take(r: Rendered, i: number): string };
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
      return textSubmission(s, i);
    },
    tail: () => `${count > 1 ? `\n\n${renderSummary(count, failed)}` : ''}\n`,
    elsewhere: {
      spec: { format: 'text', colour: colourLevel() },
      take(r) {
        if (r.failed) failed++;
        return r.text;
      },
    },
  };
}

/** `JSON.stringify({ submissions }, null, 2)`, one submission at a time. */
export function jsonRenderer({ count }: RunInfo): Renderer {
  return {
    head: () => (count === 0 ? '{\n  "submissions": []\n}\n' : '{\n  "submissions": [\n'),
    submission: jsonListItem,
    tail: () => (count === 0 ? '' : '\n  ]\n}\n'),
    elsewhere: { spec: { format: 'json' }, take: (r) => r.text },
  };
}

export function csvRenderer(columns: readonly string[]): Renderer {
  return {
    head: () => csvHeader(columns),
    submission: (s) => csvSubmission(s, columns),
    tail: () => '',
    elsewhere: { spec: { format: 'csv', columns }, take: (r) => r.text },
  };
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
