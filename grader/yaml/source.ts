/**
 * YAML text with positions: every value can be traced back to its file:line:column,
 * so that a problem anywhere in a spec (or a submission) is reported where it stands.
 * The only module that uses `yaml` (loaded on first use, yaml-module.ts).
 */
import type { Document, LineCounter, Node as YamlNode, YAMLError } from 'yaml';
import { yamlModule } from './yaml-module.js';
import { finding, type Finding, type Position } from '../core/index.js';
import { FILE_LIMITS } from '../core/limits.js';
import { yamlTooDeep } from './depth.js';
import { placeOf, readPlainYaml, type Places } from './plain.js';

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

interface Parsed {
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Offsets of keys given twice in one mapping. */
  readonly duplicates: readonly number[];
}

/** The parser's message in the user's terms: its advice to programmers (`please use YAML.parseAllDocuments()`) is not theirs. */
function detailOf(e: YAMLError): string {
  if (e.code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document (a `---` line starts another): it must be one';
  return e.message.split('\n')[0]!.replace(/;? *please use YAML\.\w+\(\)/, '');
}

/** Where the alias that stopped toJS stands: the first that resolves to nothing, else the first one. */
function aliasAt(doc: Document, lines: LineCounter, file: string): Position | undefined {
  const { visit } = yamlModule();
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, node) {
      first ??= node.range?.[0];
      if (node.resolve(doc) === undefined) {
        unresolved = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const offset = unresolved ?? first;
  return offset === undefined ? undefined : { file, ...lines.linePos(offset) };
}

function parseText(text: string, strings: boolean): Parsed {
  const { isScalar, LineCounter, parseDocument, visit } = yamlModule();
  const lines = new LineCounter();
  // logLevel error: the parser's warnings (an unknown tag) are not printed raw on stderr.
  // Keys are checked for uniqueness below: the parser's own check compares every pair of keys.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true, uniqueKeys: false, logLevel: 'error' });
  const duplicates: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key) || key.value === '<<') continue;
        const k = `${typeof key.value}:${String(key.value)}`;
        // A key given twice is an error, not a silent override.
        if (seen.has(k)) duplicates.push(key.range?.[0] ?? 0);
        seen.add(k);
      }
    },
  });
  // Plain scalars as written (`007`, `0x1F`, `1e3`, `true`), keeping only empty and `null` as null.
  if (strings)
    visit(doc, {
      Scalar(_, node) {
        if (node.type === 'PLAIN' && node.value !== null && typeof node.value !== 'string' && node.source !== undefined) node.value = node.source;
      },
    });
  return { doc, lines, duplicates };
}

const RESOLVE = Symbol('position');
type Lazy = Position & { [RESOLVE]: () => Position };
/** Getters shared by every lazy position (a batch makes one per answer, a bank a thousand): no closures made per object. */
const LAZY_FIELDS: PropertyDescriptorMap = Object.fromEntries(
  (['line', 'col', 'offset'] as const).map((k) => [
    k,
    {
      enumerable: true,
      get(this: Lazy) {
        return this[RESOLVE]()[k];
      },
    },
  ]),
);

/**
 * A position computed when first read. Its fields are own enumerable getters, so that spreading
 * it (`{ ...at, file }`) copies the values, as a plain object would.
 */
export function lazyPosition(file: string, compute: () => Position): Position {
  let value: Position | undefined;
  const at = { file };
  Object.defineProperty(at, RESOLVE, { value: () => (value ??= compute()) });
  return Object.defineProperties(at, LAZY_FIELDS);
}

export interface ReadOptions {
  /** Data for these bytes from an earlier read. */
  readonly cache?: DataCache;
  /** Every scalar as the text written (submissions: ids and answers are never numbers). */
  readonly strings?: boolean;
}

/** Data already read from this exact text, so that a clean file is not parsed again (see cache.ts). */
export interface DataCache {
  get(text: string): unknown;
  put(text: string, data: unknown): void;
  /** The schema's output for this exact text and this build of the grader, when it passed (see cache.ts). */
  getValid?(text: string): unknown;
  putValid?(text: string, spec: unknown): void;
  /** Bytes this build computed from exactly `key` (a bank file's entry id and what was asked), see cache.ts. */
  getBuilt?(key: string): Uint8Array | undefined;
  putBuilt?(key: string, bytes: Uint8Array): void;
}

/**
 * Reads YAML. Positions are computed when first read (they parse the text if a cache served
 * the data), so a clean file loaded from the cache is never parsed at all.
 */
export function readYaml(file: string, text: string, opts: ReadOptions | DataCache = {}): YamlSource {
  const { cache, strings = false }: ReadOptions = 'get' in opts ? { cache: opts } : opts;
  const failed = (error: Finding): YamlSource => ({ file, data: null, errors: [error], at: () => ({ file }), inString: () => ({ file }) });
  if (text.length > FILE_LIMITS.specBytes) return failed(finding('FILE_TOO_LARGE', { size: text.length, max: FILE_LIMITS.specBytes }, { file }));
  // The usual submission needs no positions unless a message asks for one (then `at` parses it).
  const places: Places | undefined = strings && cache === undefined ? new Map() : undefined;
  const quick = places ? readPlainYaml(text, places) : undefined;
  // Depth before parsing: the same input always gives the same error, in milliseconds.
  const deep = quick ? undefined : yamlTooDeep(text, FILE_LIMITS.yamlDepth);
  if (deep) return failed(finding('YAML_TOO_DEEP', { max: FILE_LIMITS.yamlDepth }, { file, ...deep }));
  let parsed: Parsed | undefined;
  const parse = (): Parsed => (parsed ??= parseText(text, strings));
  const pos = (offset: number): Position => ({ file, ...parse().lines.linePos(offset) });
  const lazy = (compute: () => Position): Position => lazyPosition(file, compute);
  let data: unknown = quick ?? cache?.get(text);
  const errors: Finding[] = [];
  if (data === undefined) {
    const { doc, duplicates } = parse();
    errors.push(...doc.errors.map((e) => finding('YAML_SYNTAX', { detail: detailOf(e) }, pos(e.pos[0]))));
    errors.push(...duplicates.map((at) => finding('YAML_SYNTAX', { detail: 'Map keys must be unique' }, pos(at))));
    data = null;
    try {
      // Aliases are bounded so that a "billion laughs" file cannot blow up memory.
      data = doc.toJS({ maxAliasCount: FILE_LIMITS.yamlAliases });
      if (errors.length === 0) cache?.put(text, data);
    } catch (e) {
      errors.push(finding('YAML_SYNTAX', { detail: (e as Error).message }, aliasAt(doc, parse().lines, file) ?? { file }));
    }
  }
  const nodeAt = (path: Path): YamlNode | undefined => {
    const { doc } = parse();
    for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
      const n = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (n && typeof n === 'object' && 'range' in n) return n as YamlNode;
      if (p.length === 0) return undefined;
    }
    return undefined;
  };
  const locateAt = (path: Path, key: boolean): Position => {
    const { isMap, isScalar } = yamlModule();
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
  const locateIn = (path: Path, offset: number): Position => {
    const n = parse().doc.getIn(path, true);
    if (!yamlModule().isScalar(n) || !n.range || typeof n.value !== 'string') return locateAt(path, false);
    const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
    const single = !n.value.includes('\n') && (n.type === 'PLAIN' || quoted);
    return single ? { ...pos(n.range[0] + (quoted ? 1 : 0) + offset), offset } : { ...pos(n.range[0]), offset };
  };
  const at = (path: Path, key = false): Position => {
    // A value (or its key) the fast read placed (every answer of a usual submission): no parse, no lazy object.
    const place = quick && places ? placeOf(places, path) : undefined;
    return place ? { file, line: place.line, col: key ? place.keyCol : place.col } : lazy(() => locateAt(path, key));
  };
  return { file, data, errors, at, inString: (path, offset) => lazy(() => locateIn(path, offset)) };
}

/**
 * Appends a mapping (given as YAML text, comments kept) to the list under `key` of a document,
 * keeping the document's own comments and layout. Returns undefined when there is no such list.
 */
export function appendToList(text: string, key: string, item: string): string | undefined {
  const { isSeq, parseDocument } = yamlModule();
  const doc = parseDocument(text);
  const list = doc.get(key, true);
  if (doc.errors.length || !isSeq(list)) return undefined;
  const node = parseDocument(item).contents;
  if (!node) return undefined;
  list.items.push(node);
  return doc.toString({ lineWidth: 0 });
}
