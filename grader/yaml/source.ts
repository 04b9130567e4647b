/**
 * YAML text with positions: every value can be traced back to its file:line:column,
 * so that a problem anywhere in a spec (or a submission) is reported where it stands.
 * The only module that imports `yaml`.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { finding, type Finding, type Position } from '../core/index.js';

export type Path = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Syntax errors; when there are any, `data` is whatever could be read. */
  readonly errors: Finding[];
  /** Where the value at `path` starts (or its key, when `key` is set). */
  at(path: Path, key?: boolean): Position;
  /** Where character `offset` of the string at `path` stands, for errors inside expressions. */
  inString(path: Path, offset: number): Position;
}

const MAX_YAML_BYTES = 2_000_000;

export function readYaml(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const pos = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { file, line, col };
  };
  if (text.length > MAX_YAML_BYTES) {
    return { file, data: null, errors: [finding('FILE_TOO_LARGE', { size: text.length, max: MAX_YAML_BYTES }, { file })], at: () => ({ file }), inString: () => ({ file }) };
  }
  // Aliases are bounded so that a "billion laughs" file cannot blow up memory.
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true, uniqueKeys: true });
  const errors = doc.errors.map((e) => finding('YAML_SYNTAX', { detail: e.message.split('\n')[0]! }, pos(e.pos[0])));
  let data: unknown = null;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    errors.push(finding('YAML_SYNTAX', { detail: (e as Error).message }, { file }));
  }
  const nodeAt = (path: Path): YamlNode | undefined => {
    for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
      const n = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (n && typeof n === 'object' && 'range' in n) return n as YamlNode;
      if (p.length === 0) return undefined;
    }
    return undefined;
  };
  const at = (path: Path, key = false): Position => {
    if (key && path.length > 0) {
      const parent = nodeAt(path.slice(0, -1));
      if (parent && isMap(parent)) {
        const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(path[path.length - 1]));
        const k = pair?.key as YamlNode | undefined;
        if (k?.range) return pos(k.range[0]);
      }
    }
    const n = nodeAt(path);
    return n?.range ? pos(n.range[0]) : { file };
  };
  const inString = (path: Path, offset: number): Position => {
    const n = doc.getIn(path, true);
    if (!isScalar(n) || !n.range || typeof n.value !== 'string') return at(path);
    const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
    const single = !n.value.includes('\n') && (n.type === 'PLAIN' || quoted);
    return single ? { ...pos(n.range[0] + (quoted ? 1 : 0) + offset), offset } : { ...pos(n.range[0]), offset };
  };
  return { file, data, errors, at, inString };
}

/**
 * Appends a mapping (given as YAML text, comments kept) to the list under `key` of a document,
 * keeping the document's own comments and layout. Returns undefined when there is no such list.
 */
export function appendToList(text: string, key: string, item: string): string | undefined {
  const doc = parseDocument(text);
  const list = doc.get(key, true);
  if (doc.errors.length || !isSeq(list)) return undefined;
  const node = parseDocument(item).contents;
  if (!node) return undefined;
  list.items.push(node);
  return doc.toString({ lineWidth: 0 });
}
