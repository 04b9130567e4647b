/**
 * The form of an answer, not its value: which symbols and functions it is written with.
 * "Write softmax(x + c)_j without c" is a question of form.
 */
import { finding, type Finding } from '../core/index.js';
import { namesUsed, type Node, type Scope } from '../expr/index.js';
import type { Forbidden, Form } from '../bank/types.js';

const SAME: Readonly<Record<string, readonly string[]>> = { sigma: ['sigma', 'sigmoid', 'logistic', 'sigmaprime'], log: ['log', 'ln'] };
/** Spellings of a forbidden name: forbidding `sigmaprime` forbids `\sigma'(x)`, not sigma itself. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  sigma: ['sigma', 'sigmoid', 'logistic'],
  sigmoid: ['sigma', 'sigmoid', 'logistic'],
  log: ['log', 'ln'],
  ln: ['log', 'ln'],
};

/**
 * Names the question forbids, whatever the value: `\sigma'(x)` for "find dσ/dx" restates the
 * question, and gets no credit even though it evaluates right.
 */
export function forbiddenFindings(forbid: readonly Forbidden[], node: Node, scope: Scope): Finding[] {
  if (forbid.length === 0) return [];
  const used = namesUsed(node, scope);
  return forbid
    .filter((f) => (ALIASES[f.name] ?? [f.name]).some((n) => used.has(n)))
    .map((f) => finding('FORBIDDEN', { name: f.name, ...(f.reason ? { reason: f.reason } : {}) }));
}

export function formFindings(form: Form, node: Node, scope: Scope): Finding[] {
  const used = namesUsed(node, scope);
  const uses = (name: string) => (SAME[name] ?? [name]).some((n) => used.has(n));
  const present = form.without.filter(uses);
  const absent = form.using.filter((n) => !uses(n));
  return present.length || absent.length ? [finding('FORM_REQUIRED', { without: present, using: absent, credit: form.credit })] : [];
}
