/**
 * A self-contained HTML report: each answer typeset next to how it was read, the verdict and the
 * feedback; for a batch, the item analysis too. Formulas are MathML (typeset by the browser, no
 * fonts or scripts to load); the caller passes the LaTeX → MathML function (KaTeX), so that this
 * renderer stays pure. Every student-supplied string is escaped.
 */
import type { QuestionReport, SubmissionReport } from '../core/index.js';
import type { ItemStats } from '../core/index.js';
import { message, where } from './messages.js';
import { stepsHtml } from './steps.js';

export type TexToHtml = (tex: string) => string;

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The LaTeX inside `$...$` and the like, or the text itself. */
const inner = (s: string): string => s.trim().replace(/^\$\$([\s\S]*)\$\$$|^\$([\s\S]*)\$$|^\\\(([\s\S]*)\\\)$|^\\\[([\s\S]*)\\\]$/, (_, a, b, c, d) => a ?? b ?? c ?? d);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.q{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.7rem 0}
.head{display:flex;gap:1rem;align-items:baseline}.id{font-weight:600}.pts{margin-left:auto}
.v{padding:0 .5rem;border-radius:4px;font-size:.85rem}.correct{background:#dcfce7}.incorrect{background:#fee2e2}.invalid{background:#fef3c7}.unanswered{background:#eee}
.row{display:grid;grid-template-columns:7rem 1fr;gap:.3rem;margin:.2rem 0}.k{color:#666}
code{background:#f6f6f6;padding:0 .25rem;border-radius:3px}ul{margin:.3rem 0}.info{color:#666}
table{border-collapse:collapse}.steps .differs{background:#fee2e2}.steps .first td{font-weight:600}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}`;

function question(q: QuestionReport, tex: TexToHtml): string {
  const rows: string[] = [];
  if (q.answer) {
    const typed = q.notation === 'latex' ? tex(inner(q.answer)) : q.interpretedLatex ? tex(q.interpretedLatex) : '';
    rows.push(`<div class="row"><span class="k">answer</span><span><code>${escapeHtml(q.answer)}</code></span></div>`);
    if (typed) rows.push(`<div class="row"><span class="k">typeset</span><span>${typed}</span></div>`);
  }
  if (q.interpretedLatex) rows.push(`<div class="row"><span class="k">read as</span><span>${tex(q.interpretedLatex)} &nbsp;<code>${escapeHtml(q.interpreted ?? '')}</code></span></div>`);
  const feedback = q.feedback.map((f) => `<li class="${f.severity ?? 'error'}">${escapeHtml(message(f))}${f.at?.offset !== undefined ? ` <span class="k">(${escapeHtml(where(f))})</span>` : ''}</li>`);
  return `<div class="q"><div class="head"><span class="id">${escapeHtml(q.id)}</span><span class="v ${q.verdict}">${q.verdict}</span><span class="pts">${q.score}/${q.maxScore}</span></div>${stepsHtml(q, (t) => tex(t))}${rows.join('')}${feedback.length ? `<ul>${feedback.join('')}</ul>` : ''}</div>`;
}

export function submission(s: SubmissionReport, tex: TexToHtml): string {
  const head = `<h2>${escapeHtml(s.student ?? '(unknown student)')} — ${s.error ? 'not graded' : `${s.score}/${s.maxScore}`}</h2><p class="k">${escapeHtml(s.file)} · seed ${s.seed}</p>`;
  if (s.error) return `${head}<p>Could not read the file: ${escapeHtml(message(s.error))} <span class="k">${escapeHtml(where(s.error))}</span></p>`;
  return head + s.questions.map((q) => question(q, tex)).join('');
}

function items(list: readonly ItemStats[]): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const rows = list.map((it) => {
    const wrong = it.wrong.map((w) => `<li><code>${escapeHtml(w.answer)}</code> × ${w.count}${w.feedback[0] ? ` — ${escapeHtml(message(w.feedback[0]))}` : ''}</li>`).join('');
    return `<tr><td>${escapeHtml(it.id)}</td><td>${pct(it.shares.correct)}</td><td>${pct(it.shares.incorrect)}</td><td>${pct(it.shares.invalid)}</td><td>${pct(it.shares.unanswered)}</td><td><ul>${wrong}</ul></td></tr>`;
  });
  return `<h2>Item analysis</h2><table><tr><th>question</th><th>correct</th><th>incorrect</th><th>invalid</th><th>unanswered</th><th>most common wrong answers</th></tr>${rows.join('')}</table>`;
}

/** The page's title: the student for one submission, the count for several. */
export const htmlTitle = (count: number, first?: SubmissionReport): string => (count === 1 && first ? `Report: ${first.student ?? first.file}` : `Report: ${count} submissions`);

/** The page up to the first submission, and after the last. */
export const htmlFrame = (title: string, itemStats?: readonly ItemStats[]): [string, string] => [
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${itemStats ? items(itemStats) : ''}`,
  '</body></html>\n',
];

export function renderHtml(submissions: readonly SubmissionReport[], tex: TexToHtml, itemStats?: readonly ItemStats[]): string {
  const [head, tail] = htmlFrame(htmlTitle(submissions.length, submissions[0]), itemStats);
  return head + submissions.map((s) => submission(s, tex)).join('') + tail;
}
