/**
 * The form of an answer, not its value: which symbols and functions it is written with.
 * "Write softmax(x + c)_j without c" is a question of form.
 */
import { finding, type Finding } from '../core/index.js';
import { walk, type Node, type Scope } from '../expr/index.js';
import type { Form } from '../spec/types.js';

/** Names an answer is written with: symbols (a family member counts as its family's symbols) and functions. */
export function namesUsed(node: Node, scope: Scope): Set<string> {
  const out = new Set<string>();
  const visit = (root: Node): void =>
    walk(root, (n) => {
      const name = (n as Node & { name?: string }).name;
      if (n.type === 'FunctionNode') out.add(((n as Node & { fn: { name: string } }).fn).name.replace(/_$/, ''));
      if (n.type !== 'SymbolNode' || !name) return;
      out.add(scope.aliases.get(name) ?? name);
      for (let i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
        const family = scope.families.get(name.slice(0, i));
        if (family) {
          out.add(name.slice(0, i));
          visit(family.body);
          out.add(name.slice(i + 1));
          break;
        }
      }
    });
  visit(node);
  return out;
}

const SAME: Readonly<Record<string, readonly string[]>> = { sigma: ['sigma', 'sigmoid', 'logistic', 'sigmaprime'], log: ['log', 'ln'] };

export function formFindings(form: Form, node: Node, scope: Scope): Finding[] {
  const used = namesUsed(node, scope);
  const uses = (name: string) => (SAME[name] ?? [name]).some((n) => used.has(n));
  const present = form.without.filter(uses);
  const absent = form.using.filter((n) => !uses(n));
  return present.length || absent.length ? [finding('FORM_REQUIRED', { without: present, using: absent, credit: form.credit })] : [];
}
