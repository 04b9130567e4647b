/**
 * The single mathjs instance. It can parse and print, nothing else: student text is
 * never evaluated by mathjs (see compile/), so no evaluate, import or createUnit exists here.
 */
import {
  create,
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createIsBounded,
  createNode,
  createNumber,
  createNumeric,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createResultSet,
  createSymbolNode,
  createTyped,
  factory,
} from 'mathjs';
import type { FactoryFunctionMap, MathNode } from 'mathjs';
import { createFastParse, type NodeClasses } from './fastparse.js';

/**
 * What the tree classes need only to evaluate (`a[i]`, `a[i] = v`), which nothing here does:
 * the real `subset` builds the matrix classes and a dozen typed functions, two thirds of the
 * first parse's cost.
 */
const evaluationOnly = (name: string) =>
  factory(name, [], () => () => {
    throw new Error(`mathjs ${name} is not available: this instance only parses`);
  });

/**
 * The parser's factories, named one by one so that the bundle holds nothing else of mathjs:
 * no units (`5 cm` is a product of unknown symbols, and the unit tables cost 70 ms), no
 * BigNumber, Fraction, Complex or matrix types (the parser makes plain numbers only).
 */
const FACTORIES = {
  createParse,
  createNode,
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
  createResultSet,
  createTyped,
  createNumeric,
  createNumber,
  createIsBounded,
  createSubset: evaluationOnly('subset'),
  createSize: evaluationOnly('size'),
} as FactoryFunctionMap;

const math = create(FACTORIES);
/** Our parser of the usual subset, with mathjs's node classes; mathjs parses what it declines. */
export const fastParse = createFastParse(math as unknown as NodeClasses) as (text: string) => MathNode | undefined;
/** mathjs's own parser, uncached (tests compare both). */
export const mathjsParse = (text: string): MathNode => math.parse(text);

export type Node = MathNode;

/** A node with the fields of every kind readable without narrowing (mathjs's own types need a cast per kind). */
export type AnyNode = Node & {
  name?: string;
  value?: number;
  op?: string;
  fn?: Node | string;
  args?: Node[];
  content?: Node;
  object?: Node;
  index?: { dimensions: Node[] };
  condition?: Node;
  trueExpr?: Node;
  falseExpr?: Node;
  implicit?: boolean;
  start?: Node;
  end?: Node;
};
/**
 * Trees already parsed, by text: a question is built at each of its size sets from the same
 * texts. A copy is handed out, so no caller shares a tree with another. A text is kept only
 * when it comes a second time: most answers of a batch come once, and keeping one costs a copy
 * as dear as parsing it (fastparse.ts), so a text met once is parsed and handed out as it is.
 */
const parsed = new Map<string, MathNode>();
const PARSED_MAX = 4096;
/** Texts met once and not kept. */
const metOnce = new Set<string>();
/** Trees parsed by an earlier run, as JSON, by text (bank/trees.ts keeps a bank file's). */
const stored = new Map<string, string>();
/** Texts parsed (not revived) while recording, for the caller to store. */
let recording: Set<string> | undefined;
export const mathParse = (text: string): MathNode => {
  const kept = parsed.get(text);
  if (kept !== undefined) return kept.cloneDeep();
  const json = stored.get(text);
  let node = json === undefined ? undefined : reviveOrNot(json);
  if (node === undefined) {
    node = fastParse(text) ?? math.parse(text);
    recording?.add(text);
  }
  // While recording, every tree is kept: recordTrees reads them back.
  if (recording === undefined && !metOnce.has(text)) {
    if (metOnce.size >= PARSED_MAX) metOnce.clear();
    metOnce.add(text);
    return node;
  }
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, node);
  return node.cloneDeep();
};

/** A tree from its JSON (mathjs's own format: `{ mathjs: 'OperatorNode', ... }`, children first). */
const revive = (json: string): MathNode =>
  JSON.parse(json, (_, v: unknown) => {
    const kind = (v as { mathjs?: unknown } | null)?.mathjs;
    return typeof kind === 'string' && kind.endsWith('Node') ? (math as unknown as Record<string, { fromJSON(j: unknown): MathNode }>)[kind]!.fromJSON(v) : v;
  }) as MathNode;

/** A stored tree, or undefined when it is damaged (the text is then parsed). */
const reviveOrNot = (json: string): MathNode | undefined => {
  try {
    const node = revive(json);
    return node instanceof math.Node ? node : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Parsing is a third of building a bank file's questions, and its texts are the same at every
 * run: `f` runs, and the texts it parsed come back with their trees as JSON, each only if its
 * JSON revives to an equal tree (an Infinity would come back as null). Trees given to
 * `useStoredTrees` are revived instead of parsed.
 */
export function recordTrees(f: () => void): [string, string][] {
  const outer = recording;
  const texts = (recording = new Set());
  try {
    f();
  } finally {
    recording = outer;
  }
  for (const t of texts) outer?.add(t);
  return [...texts].flatMap((text) => {
    const node = parsed.get(text);
    const json = node && JSON.stringify(node);
    return json && revive(json).equals(node) ? [[text, json] as [string, string]] : [];
  });
}

export function useStoredTrees(trees: readonly (readonly [string, string])[]): void {
  for (const [text, json] of trees) stored.set(text, json);
}

/** Node constructors, for the LaTeX parser and rewrites that must build the same trees as parse. */
export const N = {
  constant: (v: number) => new math.ConstantNode(v),
  symbol: (name: string) => new math.SymbolNode(name),
  op: (op: string, fn: string, args: MathNode[], implicit = false) => new math.OperatorNode(op as never, fn as never, args, implicit),
  paren: (content: MathNode) => new math.ParenthesisNode(content),
  call: (name: string, args: MathNode[]) => new math.FunctionNode(new math.SymbolNode(name), args),
  conditional: (cond: MathNode, a: MathNode, b: MathNode) => new math.ConditionalNode(cond, a, b),
  access: (object: MathNode, dims: MathNode[]) => new math.AccessorNode(object, new math.IndexNode(dims)),
  range: (start: MathNode, end: MathNode) => new math.RangeNode(start, end),
};
