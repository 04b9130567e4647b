/**
 * A write-up's derivation in a report: where the answer was found, each side with its mark
 * (`✓` equal to the side before, `✗` differs, `?` not checked, with why), then the first wrong
 * step with both sides and what the jump is. Plain text with the marks passed in, so that the
 * terminal renderer keeps chalk to itself; and an HTML fragment with the math typeset.
 */
import type { QuestionReport, StepCheck } from '../core/index.js';
import { escapeControls } from './escape.js';
import { message, stepMessage } from './messages.js';

export type Marks = Readonly<Record<StepCheck, string>> & { readonly dim: (s: string) => string };

// Student text, clipped and with control characters made visible (it reaches a terminal).
const clip = (s: string, n = 160): string => escapeControls(s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function stepLines(q: QuestionReport, marks: Marks, indent = '    '): string[] {
  if (!q.steps) return [];
  const lines: string[] = [];
  if (q.located) lines.push(`${indent}found:   ${q.located.label ? `${clip(q.located.label, 80)}, ` : ''}line ${q.located.line}`);
  if (q.definitions?.length) lines.push(`${indent}using:   ${q.definitions.map((d) => `${clip(d.latex, 60)} (line ${d.line})`).join('; ')}`);
  if (!q.steps.length) return lines;
  lines.push(`${indent}derivation:`);
  q.steps.forEach((s, i) => {
    const eq = s.check === 'start' || (i > 0 && q.steps![i - 1]!.chain !== s.chain) ? '  ' : '= ';
    const why = s.check === 'unchecked' && s.reason ? marks.dim(`   (not checked: ${clip(message(s.reason), 200)})`) : '';
    lines.push(`${indent}  ${marks[s.check]} ${marks.dim(`line ${String(s.line).padStart(4)}`)}  ${eq}${clip(s.latex)}${why}`);
  });
  const w = q.firstWrongStep;
  if (w !== null && w !== undefined) {
    const after = q.steps[w]!;
    const before = [...q.steps.slice(0, w)].reverse().find((s) => s.chain === after.chain && s.check !== 'unchecked');
    lines.push(`${indent}first wrong step: line ${after.line}`);
    if (before) lines.push(`${indent}  before (line ${before.line}): ${clip(before.latex)}`);
    lines.push(`${indent}  after  (line ${after.line}): ${clip(after.latex)}`);
    for (const f of q.stepFeedback ?? []) lines.push(`${indent}  ${clip(stepMessage(f), 200)}`);
  }
  return lines;
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const HTML_MARK: Record<StepCheck, string> = { start: '', equal: '✓', differs: '✗', unchecked: '?' };

/** The derivation as an HTML table, each side typeset by `tex`; empty for a YAML answer. */
export function stepsHtml(q: QuestionReport, tex: (latex: string) => string): string {
  if (!q.steps) return '';
  const found = q.located ? `<div class="row"><span class="k">found</span><span>${escape(q.located.label)} line ${q.located.line}</span></div>` : '';
  const rows = q.steps.map((s, i) => {
    const why = s.check === 'unchecked' && s.reason ? ` <span class="k">${escape(message(s.reason))}</span>` : '';
    return `<tr class="${s.check}${i === q.firstWrongStep ? ' first' : ''}"><td>${HTML_MARK[s.check]}</td><td class="k">${s.line}</td><td>${tex(s.latex)}${why}</td></tr>`;
  });
  const jump = (q.stepFeedback ?? []).map((f) => `<li>${escape(stepMessage(f))}</li>`).join('');
  return `${found}${rows.length ? `<table class="steps">${rows.join('')}</table>` : ''}${jump ? `<ul>${jump}</ul>` : ''}`;
}
