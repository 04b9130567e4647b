import { fail } from '../core/index.js';
import type { DocumentFormat } from './types.js';

/**
 * A write-up as text to scan: Markdown and LaTeX as they are, a notebook as its markdown cells
 * joined by blank lines. Offsets into `text` map back to lines of the file.
 */
export interface Source {
  readonly file: string;
  readonly format: DocumentFormat;
  readonly text: string;
  /** 1-based line in the file of an offset into `text`. */
  readonly lineOf: (offset: number) => number;
}

export function formatOf(file: string): DocumentFormat {
  const f = file.toLowerCase();
  if (f.endsWith('.tex') || f.endsWith('.latex')) return 'latex';
  if (f.endsWith('.ipynb')) return 'notebook';
  return 'markdown';
}

export function readSource(file: string, raw: string): Source {
  const format = formatOf(file);
  if (format !== 'notebook') return { file, format, text: raw, lineOf: lineIndex(raw, (n) => n) };
  const { text, lines } = notebookText(file, raw);
  return { file, format, text, lineOf: lineIndex(text, (n) => lines[n - 1] ?? n) };
}

function lineIndex(text: string, map: (line: number) => number): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return map(lo + 1);
  };
}

/** Markdown cells in order, and for each joined line the line of the .ipynb that holds it (best effort). */
function notebookText(file: string, raw: string): { text: string; lines: number[] } {
  let nb: unknown;
  try {
    nb = JSON.parse(raw);
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const lc = /line (\d+) column (\d+)/.exec(String((e as Error).message));
    const at = lc ? { line: Number(lc[1]), col: Number(lc[2]) } : m ? positionOf(raw, Number(m[1])) : { line: 1, col: 1 };
    return fail('NOTEBOOK_JSON', { detail: String((e as Error).message).slice(0, 200) }, { file, ...at });
  }
  const cells = (nb as { cells?: unknown })?.cells;
  if (!Array.isArray(cells)) return fail('NOTEBOOK_SHAPE', { detail: 'no "cells" list' }, { file, line: 1, col: 1 });
  const fileLines = raw.split('\n');
  let cursor = 0; // search forward, so repeated lines map to successive places
  const out: string[] = [];
  const lines: number[] = [];
  for (const cell of cells) {
    const c = cell as { cell_type?: unknown; source?: unknown };
    if (c?.cell_type !== 'markdown') continue;
    const src = Array.isArray(c.source) ? c.source.map(String).join('') : typeof c.source === 'string' ? c.source : '';
    if (out.length) {
      out.push('');
      lines.push(lines[lines.length - 1] ?? 1);
    }
    for (const line of src.split('\n')) {
      const needle = JSON.stringify(line).slice(1, -1);
      let found = -1;
      for (let i = cursor; i < fileLines.length && i < cursor + 5000; i++) {
        if (needle.length > 0 && fileLines[i]!.includes(needle)) {
          found = i;
          break;
        }
      }
      if (found >= 0) cursor = found;
      out.push(line);
      lines.push(cursor + 1);
    }
  }
  return { text: out.join('\n'), lines };
}

function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}
