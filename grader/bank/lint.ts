/**
 * `grader check --strict`: what is legal but likely a mistake. Symbols no question uses,
 * questions without an example that is wrong in value, and prompts that never mention a symbol
 * the reference needs (a student cannot use what they were not told of).
 */
import { finding, type Finding, type Position } from '../core/index.js';
import { familyMember } from '../expr/compile/names.js';
import { escapeRegExp as escape, namesUsed, walk, type Node } from '../expr/index.js';
import { latexName } from '../expr/latex/render.js';
import type { Question } from './types.js';

/** Names a question needs, with the symbols its derived symbols read. */
export function questionNames(q: Question): Set<string> {
  const used = new Set<string>(q.free ? [q.free.name] : []);
  for (const e of q.expressions) for (const n of namesUsed(e, q.model.scope)) used.add(n);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of q.model.slots)
      if (used.has(s.name) && s.derivedNode)
        for (const n of namesUsed(s.derivedNode, q.model.scope))
          if (!used.has(n)) {
            used.add(n);
            grew = true;
          }
  }
  return used;
}

const key = (at: Position | undefined): string => `${at?.file}:${at?.line}:${at?.col}`;

function unusedSymbols(questions: readonly Question[]): Finding[] {
  const declared = new Map<string, { name: string; at?: Position; used: boolean }>();
  for (const q of questions) {
    const used = questionNames(q);
    for (const s of q.model.slots) {
      const k = `${key(s.at)}:${s.name}`;
      const d = declared.get(k) ?? { name: s.name, ...(s.at ? { at: s.at } : {}), used: false };
      d.used ||= used.has(s.name);
      declared.set(k, d);
    }
  }
  return [...declared.values()].filter((d) => !d.used).map((d) => finding('UNUSED_SYMBOL', { name: d.name }, d.at, 'warning'));
}

/** Whether a text mentions a name in any of its usual spellings (`yhat`, `\hat y`, `\hat{y}`, `v_{c}`). */
export function mentions(text: string, name: string): boolean {
  const spellings = new Set([escape(name), escape(latexName(name))]);
  const hat = /^(.+?)(hat|tilde|bar)$/.exec(name);
  if (hat) spellings.add(`\\\\(?:wide)?${hat[2]}\\s*\\{?\\s*(?:\\\\[a-zA-Z]+\\{)?${escape(hat[1]!)}`);
  const sub = /^([A-Za-z]+)_(.+)$/.exec(name);
  if (sub) spellings.add(`${escape(sub[1]!)}\\}?_\\{?${escape(sub[2]!)}`);
  // W2 is written W_2, Dx is written D_x.
  const joined = /^([A-Za-z])([A-Za-z]|\d+)$/.exec(name);
  if (joined) spellings.add(`${escape(joined[1]!)}\\}?_\\{?${escape(joined[2]!)}`);
  return [...spellings].some((s) => new RegExp(`(?<![A-Za-z0-9])${s}(?![A-Za-z0-9])`).test(text));
}

/** The names written in a tree: symbols, and the base of each family member (`u` for `u_k`), not what families read. */
function writtenNames(node: Node, scope: Question['model']['scope']): { symbols: Set<string>; families: Set<string> } {
  const symbols = new Set<string>();
  const families = new Set<string>();
  walk(node, (n) => {
    const name =
      n.type === 'SymbolNode' ? (n as Node & { name: string }).name : n.type === 'FunctionNode' ? (n as Node & { fn: { name: string } }).fn.name : '';
    const call = name.endsWith('_') && scope.families.has(name.slice(0, -1)) ? name.slice(0, -1) : undefined; // y_(o_j)
    const base = call ?? familyMember(name, scope)?.base;
    if (scope.bindings.has(name)) symbols.add(name);
    else if (base) families.add(base);
  });
  return { symbols, families };
}

function promptMentions(q: Question): Finding[] {
  if (!q.referenceNode) return [];
  const text = `${q.description ?? ''}\n${q.prompt}`;
  const scope = q.model.scope;
  const written = writtenNames(q.referenceNode, scope);
  const needed = [...written.symbols].filter((n) => q.model.slots.some((s) => s.name === n));
  const families = [...written.families].filter((n) => !scope.bindings.has(n));
  const missing = [
    ...needed.filter((n) => !mentions(text, n)),
    ...families.filter((f) => !new RegExp(`(?<![A-Za-z])${escape(f)}_`).test(text) && !mentions(text, f)),
  ];
  return missing.map((name) => finding('PROMPT_MISSING_SYMBOL', { name, id: q.id }, q.at, 'warning'));
}

export function lint(questions: readonly Question[]): Finding[] {
  return [
    ...unusedSymbols(questions),
    ...questions.flatMap((q) => [
      ...(q.examples.some((e) => e.verdict === 'incorrect') ? [] : [finding('NO_INCORRECT_EXAMPLE', { id: q.id }, q.at, 'warning')]),
      ...promptMentions(q),
    ]),
  ];
}
