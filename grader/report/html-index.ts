/**
 * The front of a batch's HTML report: a score table the reader can sort (a few lines of inline
 * script, no network) and a summary per question. Students link to their sections, or to their
 * own pages when each has one.
 */
import type { SubmissionReport } from '../core/index.js';
import { escapeHtml } from './html-text.js';

export interface QuestionInfo {
  readonly title: string;
  /** The author's prompt (Markdown with LaTeX). */
  readonly prompt?: string;
  /** The expected answer as LaTeX, shown with `--instructor`. */
  readonly referenceLatex?: string;
}

/** Sorts a table by the clicked column: numbers by value, text alphabetically; again reverses. */
export const SORT_SCRIPT = `document.querySelectorAll('table.sortable').forEach(function(t){t.querySelectorAll('th button').forEach(function(b,i){b.addEventListener('click',function(){var th=b.parentNode,asc=th.getAttribute('aria-sort')!=='ascending';t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});th.setAttribute('aria-sort',asc?'ascending':'descending');var body=t.tBodies[0],rows=[].slice.call(body.rows);rows.sort(function(x,y){var a=x.cells[i].getAttribute('data-v')||x.cells[i].textContent,c=y.cells[i].getAttribute('data-v')||y.cells[i].textContent,n=parseFloat(a)-parseFloat(c);var r=isNaN(n)?a.localeCompare(c):n;return asc?r:-r});rows.forEach(function(r){body.appendChild(r)})})})});`;

const th = (label: string) => `<th scope="col"><button type="button">${label}</button></th>`;
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The score table; `href` gives each submission's link (an anchor, or its own page). */
export function scoreTable(submissions: readonly SubmissionReport[], href: (s: SubmissionReport, i: number) => string): string {
  const rows = submissions.map((s, i) => {
    const score = s.error ? '' : String(s.score);
    const share = s.error || !s.maxScore ? '' : String(s.score / s.maxScore);
    return `<tr><td><a href="${escapeHtml(href(s, i))}">${escapeHtml(s.student ?? '(unknown student)')}</a></td><td>${escapeHtml(s.file)}</td><td data-v="${score}">${s.error ? 'not graded' : `${s.score}/${s.maxScore}`}</td><td data-v="${share}">${share ? pct(Number(share)) : '—'}</td></tr>`;
  });
  return `<section aria-labelledby="scores"><h2 id="scores">Scores</h2><table class="sortable"><caption>${submissions.length} submissions; select a column heading to sort</caption><thead><tr>${th('Student')}${th('File')}${th('Score')}${th('Share')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** Per question: its title, mean points and the share of each verdict over the batch. */
export function questionSummary(submissions: readonly SubmissionReport[], info: ReadonlyMap<string, QuestionInfo>): string {
  const byId = new Map<string, { max: number; total: number; n: number; correct: number; incorrect: number; invalid: number; unanswered: number }>();
  for (const s of submissions)
    for (const q of s.questions) {
      const e = byId.get(q.id) ?? { max: q.maxScore, total: 0, n: 0, correct: 0, incorrect: 0, invalid: 0, unanswered: 0 };
      e.total += q.score;
      e.n++;
      e[q.verdict]++;
      byId.set(q.id, e);
    }
  const rows = [...byId].map(([id, e]) => {
    const mean = Math.round((e.total / e.n) * 100) / 100;
    return `<tr><td>${escapeHtml(info.get(id)?.title ?? id)}<br><code>${escapeHtml(id)}</code></td><td data-v="${mean}">${mean}/${e.max}</td>${(['correct', 'incorrect', 'invalid', 'unanswered'] as const).map((v) => `<td data-v="${e[v] / e.n}">${pct(e[v] / e.n)}</td>`).join('')}</tr>`;
  });
  return `<section aria-labelledby="per-question"><h2 id="per-question">Per question</h2><table class="sortable"><caption>Mean points and share of each verdict</caption><thead><tr>${th('Question')}${th('Mean')}${th('Correct')}${th('Incorrect')}${th('Invalid')}${th('Unanswered')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}
