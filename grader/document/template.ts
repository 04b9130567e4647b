import type { SetNaming } from './types.js';

export type TemplateFormat = 'tex' | 'md' | 'yaml';
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ['tex', 'md', 'yaml'];

/** A set's naming with each question's prompt (Markdown with LaTeX), by question id. */
export type TemplateSet = SetNaming & { readonly prompts: ReadonlyMap<string, string> };

/**
 * A starting file for students: every question's prompt and one answer block per question,
 * which readDocument maps by its id with no guessing (`\begin{answer}{id}`, `<!-- answer: id -->`,
 * a YAML key).
 */
export function renderTemplate(set: TemplateSet, format: TemplateFormat): string {
  if (format === 'tex') return latex(set);
  if (format === 'yaml') return yaml(set);
  return markdown(set);
}

function markdown(set: TemplateSet): string {
  const out = ['---', `set: ${set.set}`, 'student: your-name', '---', '', `# ${set.title}`, ''];
  out.push(
    'Write each answer as a chain `LHS = step = ... = final` in the `$$` block under its marker;',
    'the last side is graded, and each step is checked against the one before it.',
    '',
  );
  for (const q of set.questions) {
    out.push(`## ${q.title}`, '', (set.prompts.get(q.id) ?? '').trim(), '', `<!-- answer: ${q.id} -->`, '$$', '', '$$', '');
  }
  return out.join('\n');
}

function latex(set: TemplateSet): string {
  const out = [
    '\\documentclass{article}',
    '\\usepackage{amsmath,amssymb}',
    `% grader-set: ${set.set}`,
    '% Write each answer inside its answer block, as a chain LHS = step = ... = final in \\[ ... \\] or',
    '% \\begin{aligned} ... \\end{aligned}; the last side is graded, each step is checked against the one before.',
    '\\newenvironment{answer}[1]{\\par\\medskip\\noindent\\textbf{Answer} (\\texttt{\\detokenize{#1}}):\\par}{\\par\\medskip}',
    `\\title{${escapeText(set.title)}}`,
    '\\author{Your Name}',
    '\\begin{document}',
    '\\maketitle',
    '',
  ];
  for (const q of set.questions) {
    out.push(
      `\\section*{${escapeText(q.title)}}`,
      promptToLatex(set.prompts.get(q.id) ?? ''),
      '',
      `\\begin{answer}{${q.id}}`,
      '\\[',
      '  % your answer',
      '\\]',
      '\\end{answer}',
      '',
    );
  }
  out.push('\\end{document}', '');
  return out.join('\n');
}

function yaml(set: TemplateSet): string {
  const out = [`# ${set.title}: one block scalar per answer (mathjs syntax or LaTeX).`, `# grader-set: ${set.set}`, 'student: your-name', 'answers:'];
  for (const q of set.questions) {
    out.push(`  # ${q.title}`);
    for (const line of (set.prompts.get(q.id) ?? '').trim().split('\n')) out.push(`  #   ${line}`);
    out.push(`  ${q.id}: |`, '');
  }
  return out.join('\n');
}

/** Prose to LaTeX: `$..$` math kept, `code` set in \texttt, LaTeX's special characters escaped elsewhere. */
function promptToLatex(prompt: string): string {
  return prompt
    .trim()
    .split(/(\$[^$]*\$)/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece
            .split(/(`[^`]*`)/)
            .map((p, j) => (j % 2 === 1 ? `\\texttt{${escapeText(p.slice(1, -1))}}` : escapeText(p)))
            .join(''),
    )
    .join('');
}

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};
const escapeText = (s: string): string => s.replace(/[\\{}$&#%_^~<>]/g, (c) => SPECIAL[c]!);
