/** Item analysis as text and JSON. */
import type { ItemStats } from '../core/index.js';
import { jsonFinding } from './json.js';
import { message } from './messages.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function renderItemsText(items: readonly ItemStats[]): string {
  const lines: string[] = [];
  for (const it of items) {
    const s = it.shares;
    lines.push(
      `${it.id}  (${it.submissions} submissions)  correct ${pct(s.correct)}  incorrect ${pct(s.incorrect)}  invalid ${pct(s.invalid)}  unanswered ${pct(s.unanswered)}`,
    );
    for (const w of it.wrong) {
      const more = w.spellings > 1 ? ` (+${w.spellings - 1} other spelling${w.spellings > 2 ? 's' : ''})` : '';
      const why = w.feedback.find((f) => f.code !== 'VALUE_MISMATCH' && f.severity !== 'info') ?? w.feedback[0];
      lines.push(`    ${String(w.count).padStart(4)} × ${w.answer}${more}${why ? `  — ${message(why)}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export const renderItemsJson = (items: readonly ItemStats[]): string =>
  `${JSON.stringify({ items: items.map((it) => ({ ...it, wrong: it.wrong.map((w) => ({ ...w, feedback: w.feedback.map(jsonFinding) })) })) }, null, 2)}\n`;
