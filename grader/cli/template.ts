/** `grader template SET --format tex|md|yaml`: a starting write-up whose answer blocks the reader maps by id. */
import { setNaming } from '../bank/naming.js';
import type { Bank } from '../bank/types.js';
import { renderTemplate } from '../document/template.js';
import { parseMathjs, toLatex } from '../expr/index.js';
import { UsageError, type Command } from './args.js';
import { writeAtomic, type Io } from './io.js';

/** Operators a prompt names alone, as a LaTeX write-up writes them. */
const OPERATORS: Readonly<Record<string, string>> = { '.*': '\\odot', "'": '^\\top', '.^': '^{\\circ}' };

/**
 * A prompt's hints in mathjs syntax (`sum(k, 1, K, ...)`, `w == o ? a : b`, `.*`), written for
 * students who answer in LaTeX: each code span that reads as a formula becomes its LaTeX. Spans
 * that do not read stay as written.
 */
export function latexHints(prompt: string): string {
  return prompt.replace(/`([^`\n]+)`/g, (span, code: string) => {
    if (Object.hasOwn(OPERATORS, code.trim())) return `$${OPERATORS[code.trim()]}$`;
    try {
      return `$${toLatex(parseMathjs(code.replace(/\.\.\./g, 'dots'))).replace(/\\mathrm\{dots\}/g, '\\dots')}$`;
    } catch {
      return span;
    }
  });
}

export function runTemplate(cmd: Command, bank: Bank, io: Io): number {
  const id = cmd.positionals[0];
  const set = bank.sets.find((s) => s.set === id);
  if (!set) throw new UsageError(`no problem set \`${id}\` in the bank; it has ${bank.sets.map((s) => s.set).join(', ')}`);
  const format = cmd.templateFormat ?? 'md';
  const naming = setNaming(set);
  // A YAML answer may be mathjs syntax, so its template keeps the bank's hints as written.
  const prompts = format === 'yaml' ? naming.prompts : new Map([...naming.prompts].map(([q, p]) => [q, latexHints(p)]));
  const text = renderTemplate({ ...naming, prompts }, format);
  if (cmd.out) {
    writeAtomic(cmd.out, text);
    io.out(`wrote ${cmd.out}\n`);
  } else io.out(text);
  return 0;
}
