/**
 * The form of an answer, not its value: which symbols and functions it is written with.
 * "Write softmax(x + c)_j without c" is a question of form.
 */
import { finding, type Finding } from '../core/index.js';
import { namesUsed, type Node, type Scope } from '../expr/index.js';
import type { Form } from '../bank/types.js';

const SAME: Readonly<Record<string, readonly string[]>> = { sigma: ['sigma', 'sigmoid', 'logistic', 'sigmaprime'], log: ['log', 'ln'] };

export function formFindings(form: Form, node: Node, scope: Scope): Finding[] {
  const used = namesUsed(node, scope);
  const uses = (name: string) => (SAME[name] ?? [name]).some((n) => used.has(n));
  const present = form.without.filter(uses);
  const absent = form.using.filter((n) => !uses(n));
  return present.length || absent.length ? [finding('FORM_REQUIRED', { without: present, using: absent, credit: form.credit })] : [];
}
