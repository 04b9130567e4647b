/**
 * A self-contained HTML report: per question its title (a heading) and prompt, the answer as
 * handed in and typeset, how it was read, the feedback and the points; with `instructor`, the
 * expected answer and the item analysis; for a batch, a sortable score table and a per-question
 * summary first. Formulas are MathML (typeset by the browser, no fonts or scripts to load); the
 * caller passes the LaTeX → MathML function (KaTeX), so that this renderer stays pure. Every
 * student-supplied string is escaped. One function per piece (head, question, submission, index)
 * so that a streaming renderer can call them one at a time.
 */
import type { QuestionReport, SubmissionReport } from '../core/index.js';
import type { ItemStats } from '../core/index.js';
import { message, where } from './messages.js';
import { stepsHtml } from './steps.js';
import { questionSummary, scoreTable, SORT_SCRIPT, type QuestionInfo } from './html-index.js';
import { escapeHtml, innerTex, renderProse, type TexToHtml } from './html-text.js';

export { escapeHtml, type TexToHtml } from './html-text.js';
export type { QuestionInfo } from './html-index.js';

export interface HtmlOptions {
  /** Titles, prompts and expected answers by question id (the report carries ids only). */
  readonly questions?: ReadonlyMap<string, QuestionInfo>;
  /** Show the expected answer under each question. */
  readonly instructor?: boolean;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin:0}
.q{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.7rem 0}
.head{display:flex;gap:1rem;align-items:baseline;margin:.2rem 0}.id{font-weight:400;color:#555;font-size:.85rem}.pts{margin-left:auto}
.v{padding:0 .5rem;border-radius:4px;font-size:.85rem}.correct{background:#dcfce7}.incorrect{background:#fee2e2}.invalid{background:#fef3c7}.unanswered{background:#eee}
.prompt{color:#333;border-left:3px solid #eee;padding-left:.6rem}.prompt p{margin:.3rem 0}
dl{display:grid;grid-template-columns:7rem 1fr;gap:.3rem;margin:.3rem 0}dt{color:#555}dd{margin:0}
code{background:#f6f6f6;padding:0 .25rem;border-radius:3px}ul{margin:.3rem 0}.k{color:#555}
table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;color:#555}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#1d4ed8}th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
.steps .differs{background:#fee2e2}.steps .first td{font-weight:600}`;

export const renderHead = (title: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>`;

export const renderFoot = (sortable: boolean): string => `</main>${sortable ? `<script>${SORT_SCRIPT}</script>` : ''}</body></html>\n`;

const row = (label: string, html: string): string => `<dt>${label}</dt><dd>${html}</dd>`;

/** One question of one submission; `anchor` makes its heading's id unique on the page. */
export function renderQuestion(q: QuestionReport, tex: TexToHtml, opts: HtmlOptions = {}, anchor = q.id): string {
  const info = opts.questions?.get(q.id);
  const rows: string[] = [];
  if (q.answer) {
    const typed = q.notation === 'latex' ? tex(innerTex(q.answer)) : q.interpretedLatex ? tex(q.interpretedLatex) : '';
    rows.push(row('answer', `<code>${escapeHtml(q.answer)}</code>`));
    if (typed) rows.push(row('typeset', typed));
  } else rows.push(row('answer', '<span class="k">none</span>'));
  if (q.interpretedLatex) rows.push(row('read as', `${tex(q.interpretedLatex)} &nbsp;<code>${escapeHtml(q.interpreted ?? '')}</code>`));
  if (opts.instructor && info?.referenceLatex) rows.push(row('expected', tex(info.referenceLatex)));
  const feedback = q.feedback.map(
    (f) =>
      `<li class="${f.severity ?? 'error'}">${escapeHtml(message(f))}${f.at?.offset !== undefined ? ` <span class="k">(${escapeHtml(where(f))})</span>` : ''}</li>`,
  );
  const id = `q-${anchor.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const title = info ? `${escapeHtml(info.title)} <span class="id">${escapeHtml(q.id)}</span>` : escapeHtml(q.id);
  // An article, not a labelled section: titles repeat across students, and landmarks must be unique.
  return `<article class="q"><h3 id="${id}">${title}</h3><div class="head"><span class="v ${q.verdict}">${q.verdict}</span><span class="pts">${q.score}/${q.maxScore} points</span></div>${info?.prompt ? `<div class="prompt">${renderProse(info.prompt, tex)}</div>` : ''}${stepsHtml(q, (t) => tex(t))}<dl>${rows.join('')}</dl>${feedback.length ? `<ul aria-label="feedback">${feedback.join('')}</ul>` : ''}</article>`;
}

/** One submission as a section; `anchor` is its id on the page (the score table links to it). */
export function renderSubmission(s: SubmissionReport, tex: TexToHtml, opts: HtmlOptions = {}, anchor = 's'): string {
  const head = `<section id="${anchor}"><h2 id="${anchor}-h">${escapeHtml(s.student ?? '(unknown student)')} — ${s.error ? 'not graded' : `${s.score}/${s.maxScore}`}</h2><p class="k">${escapeHtml(s.file)} · seed ${s.seed}</p>`;
  if (s.error) return `${head}<p>Could not read the file: ${escapeHtml(message(s.error))} <span class="k">${escapeHtml(where(s.error))}</span></p></section>`;
  return `${head}${s.questions.map((q) => renderQuestion(q, tex, opts, `${anchor}-${q.id}`)).join('')}</section>`;
}

export function renderItems(list: readonly ItemStats[]): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const rows = list.map((it) => {
    const wrong = it.wrong
      .map((w) => `<li><code>${escapeHtml(w.answer)}</code> × ${w.count}${w.feedback[0] ? ` — ${escapeHtml(message(w.feedback[0]))}` : ''}</li>`)
      .join('');
    return `<tr><td>${escapeHtml(it.id)}</td><td>${pct(it.shares.correct)}</td><td>${pct(it.shares.incorrect)}</td><td>${pct(it.shares.invalid)}</td><td>${pct(it.shares.unanswered)}</td><td>${wrong ? `<ul>${wrong}</ul>` : ''}</td></tr>`;
  });
  return `<section aria-labelledby="items"><h2 id="items">Item analysis</h2><table><thead><tr><th scope="col">question</th><th scope="col">correct</th><th scope="col">incorrect</th><th scope="col">invalid</th><th scope="col">unanswered</th><th scope="col">most common wrong answers</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The scores and per-question summary of a batch, and the item analysis: after the submissions, so that a page streams. */
export function htmlBackMatter(
  submissions: readonly SubmissionReport[],
  opts: HtmlOptions = {},
  itemStats?: readonly ItemStats[],
  href: (s: SubmissionReport, i: number) => string = (_, i) => `#s${i + 1}`,
): string {
  const batch = submissions.length > 1;
  return `${batch ? scoreTable(submissions, href) + questionSummary(submissions, opts.questions ?? new Map()) : ''}${itemStats ? renderItems(itemStats) : ''}`;
}

/** A batch's index page, linking to each submission's own page (`href`). */
export function renderIndex(
  submissions: readonly SubmissionReport[],
  href: (s: SubmissionReport, i: number) => string,
  itemStats?: readonly ItemStats[],
  opts: HtmlOptions = {},
): string {
  return `${renderHead(`Report: ${submissions.length} submissions`)}${scoreTable(submissions, href)}${questionSummary(submissions, opts.questions ?? new Map())}${itemStats ? renderItems(itemStats) : ''}${renderFoot(true)}`;
}

/** The page's title: the student for one submission, the count for several. */
export const htmlTitle = (count: number, first?: SubmissionReport): string =>
  count === 1 && first ? `Report: ${first.student ?? first.file}` : `Report: ${count} submissions`;

/** The page up to the first submission (a batch links to its scores at the end), and its end. */
export const htmlFrame = (title: string, batch = false): [string, string] => [
  `${renderHead(title)}${batch ? '<p><a href="#scores">Scores and per-question summary</a></p>' : ''}`,
  renderFoot(batch),
];

/** One submission, as a streaming renderer writes it (`i`: its 0-based place in the batch). */
export const submission = (s: SubmissionReport, tex: TexToHtml, opts: HtmlOptions = {}, i = 0): string => renderSubmission(s, tex, opts, `s${i + 1}`);

export function renderHtml(submissions: readonly SubmissionReport[], tex: TexToHtml, itemStats?: readonly ItemStats[], opts: HtmlOptions = {}): string {
  const batch = submissions.length > 1;
  const [head, tail] = htmlFrame(htmlTitle(submissions.length, submissions[0]), batch);
  return `${head}${submissions.map((s, i) => submission(s, tex, opts, i)).join('')}${htmlBackMatter(submissions, opts, itemStats)}${tail}`;
}
