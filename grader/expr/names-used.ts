/** The names a formula is written with, seen through the question's families and spellings. */
import { familyMember } from './compile/names.js';
import type { Scope } from './compile/types.js';
import type { Node } from './math.js';
import { walk } from './parse.js';

/**
 * Symbols and functions a tree uses; a family member (`u_k`) counts as its family (`u`), what
 * the family reads (`U`), its subscript (`k`) and the list that subscript stands for (`negs`).
 */
export function namesUsed(node: Node, scope: Scope): Set<string> {
  const out = new Set<string>();
  const visit = (root: Node): void =>
    walk(root, (n) => {
      const name = (n as Node & { name?: string }).name;
      if (n.type === 'FunctionNode') {
        const fn = (n as Node & { fn: { name: string } }).fn.name;
        const family = fn.endsWith('_') ? scope.families.get(fn.slice(0, -1)) : undefined;
        out.add(fn.replace(/_$/, ''));
        if (family) visit(family.body);
      }
      if (n.type !== 'SymbolNode' || !name) return;
      out.add(scope.aliases.get(name) ?? name);
      if (/^[A-Za-z]+_[A-Za-z0-9]+$/.test(name)) out.add(name.replace('_', '')); // W_2 is W2
      const member = familyMember(name, scope);
      if (member) {
        out.add(member.base).add(member.sub);
        visit(scope.families.get(member.base)!.body);
        const of = scope.indices.get(member.sub)?.of;
        if (of) out.add(of);
      }
    });
  visit(node);
  return out;
}
