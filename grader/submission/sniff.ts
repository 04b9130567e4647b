/**
 * What a text piped on standard input is, as its first characters say: a notebook (JSON with
 * cells), LaTeX, Markdown, or else a YAML submission. A file's kind comes from its name; stdin has none.
 */
export type StdinKind = 'notebook' | 'latex' | 'markdown' | 'yaml';

/** Only the start is looked at: a kind is announced early, and a huge input costs no scan. */
const HEAD = 4096;

export function sniffKind(text: string): StdinKind {
  const head = text.slice(0, HEAD).replace(/^\ufeff/, '');
  if (/^\s*\{/.test(head) && /"cells"\s*:/.test(text.slice(0, 1 << 16))) return 'notebook';
  if (/\\documentclass|\\begin\{document\}/.test(head)) return 'latex';
  // Front matter, then more text: Markdown's (in YAML, a second document, which a submission cannot be).
  if (/^---[ \t]*\r?\n(?:.*\r?\n)*?---[ \t]*\r?\n[\s\S]*\S/.test(head)) return 'markdown';
  // A submission's first line (past comments, which look like headings) is a key: `student: alice`.
  const first = head.split('\n').find((l) => l.trim() !== '' && !l.startsWith('#'));
  if (first !== undefined && /^[\w"'][^:]*:(\s|$)/.test(first)) return 'yaml';
  if (/^#{1,6} \S/m.test(head) || /^\s*\$\$/m.test(head)) return 'markdown';
  return 'yaml';
}

const EXTENSIONS: Readonly<Record<Exclude<StdinKind, 'yaml'>, string>> = { notebook: 'ipynb', latex: 'tex', markdown: 'md' };

/** The name a write-up on stdin is graded under: its kind is its extension, as a file's is. */
export const stdinName = (kind: StdinKind): string => (kind === 'yaml' ? '-' : `(stdin).${EXTENSIONS[kind]}`);
export const isStdinName = (file: string): boolean => file === '-' || /^\(stdin\)\.(md|tex|ipynb)$/.test(file);
