/**
 * The usual submission read without the positioned parse (a third of a batch's reading time):
 * `key: value` lines, one level of `key: value` under a key, values plain (folded over more
 * indented lines), 'single' or "double" quoted on one line. Returns exactly what the full read
 * with `strings` gives, or undefined for anything else (anchors, tags, flow collections, block
 * scalars, comments after a value, duplicate keys, tabs, a BOM, document markers…): the caller
 * then does the full read, which also reports every error with its line:col.
 * test/yaml/plain.test.ts compares both on a table and on seeded random files.
 */

/** Characters the fast read leaves to the parser: controls but the line feed (tabs, CR), BOM, separators, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\p{Cs}/u;
/** Characters of a key as written in submissions (`cs224n-a2/sigmoid-derivative`): a letter or `_` first, then `[\w./+-]`. */
const KEY_FIRST = new Uint8Array(128);
const KEY_NEXT = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  KEY_FIRST[c] = /[A-Za-z_]/.test(ch) ? 1 : 0;
  KEY_NEXT[c] = /[\w./+-]/.test(ch) ? 1 : 0;
}

/**
 * `key:` or `key: value` at column `indent` of `line` (as /^ {indent}([A-Za-z_][\w./+-]*):(?: +(.*))?$/
 * would match it, without a match array): the end of the key, or -1. The value starts past the spaces after the colon.
 */
function keyEnd(line: string, indent: number): number {
  let i = indent;
  const first = line.charCodeAt(i);
  if (!(first < 128 && KEY_FIRST[first])) return -1;
  for (i++; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!(c < 128 && KEY_NEXT[c])) break;
  }
  if (line.charCodeAt(i) !== 58) return -1;
  const after = line.charCodeAt(i + 1);
  // `key:` at the end of its line, or followed by a space (`key:x` is one plain scalar).
  return i + 1 === line.length || after === 32 ? i : -1;
}
/** Keys the core schema reads as something else than their text, and the one that is not a plain property. */
const SPECIAL_KEY = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|__proto__)$/;
/** First letters of SPECIAL_KEY's words: most keys need no test. */
const SPECIAL_FIRST = /^[tTfFnN_]/;
/** Plain values the core schema reads as null (`strings` keeps every other plain scalar as written). */
const NULL = /^(?:~|null|Null|NULL)$/;
/** A plain scalar may not start with these (`-`, `?`, `:` only before a space: `-log(x)` is plain). */
const INDICATOR = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?: |$))/;
/** Continuation lines are stricter: nothing that could start a node. */
const INDICATOR_NEXT = /^[-?:,[\]{}#&*!|>'"%@`]/;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  ' ': ' ',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  a: '\u0007',
  b: '\b',
  e: '\u001b',
  f: '\f',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

type Scalar = string | null;

/** Trailing spaces off (only spaces: YAML keeps a no-break space that trimEnd would drop; tabs never get here). */
const trimSpaces = (s: string): string => {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 32) end--;
  return end === s.length ? s : s.slice(0, end);
};

/** Indentation of a line, or -1 for a line with nothing to read (blank, or only a comment). */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i === line.length || line.charCodeAt(i) === 35 ? -1 : i;
}

/** Nothing after the closing quote at `q` but a comment. */
const endsThere = (v: string, q: number): boolean => q === v.length - 1 || COMMENT.test(v.slice(q + 1));
const COMMENT = /^ +#/;

/** The text between 'single' quotes, '' standing for one; undefined unless it closes at the end of `v`. */
function singleQuoted(v: string): string | undefined {
  let out = '';
  for (let from = 1; ;) {
    const q = v.indexOf("'", from);
    if (q < 0) return undefined;
    out += v.slice(from, q);
    if (v.charCodeAt(q + 1) !== 39) return endsThere(v, q) ? out : undefined;
    out += "'";
    from = q + 2;
  }
}

/** The text between "double" quotes with its escapes read; undefined unless it closes at the end of `v`. */
function doubleQuoted(v: string): string | undefined {
  let out = '';
  let from = 1;
  for (let i = 1; i < v.length; i++) {
    const c = v[i]!;
    if (c === '"') return endsThere(v, i) ? out + v.slice(from, i) : undefined;
    if (c !== '\\') continue;
    out += v.slice(from, i);
    const e = v[i + 1] ?? '';
    const digits = HEX_DIGITS[e];
    if (digits !== undefined) {
      const hex = v.slice(i + 2, i + 2 + digits);
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : -1;
      // Surrogates and code points past U+10FFFF: the parser's business.
      if (code < 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += 1 + digits;
    } else if (Object.hasOwn(ESCAPES, e)) {
      out += ESCAPES[e];
      i += 1;
    } else return undefined;
    from = i + 1;
  }
  return undefined;
}

/**
 * A value starting with `first` (the rest of its key's line), folded with the lines after `at`
 * indented more than `indent`. Returns it and the line after it, or undefined.
 */
function scalar(first: string, lines: readonly string[], at: number, indent: number): { value: Scalar; next: number } | undefined {
  const v = trimSpaces(first);
  if (v.charCodeAt(0) === 39 || v.charCodeAt(0) === 34) {
    const text = v.charCodeAt(0) === 39 ? singleQuoted(v) : doubleQuoted(v);
    return text === undefined ? undefined : { value: text, next: at + 1 };
  }
  if (v === '|') return literal(lines, at + 1, indent);
  if (INDICATOR.test(v)) return undefined;
  // A comment ends the value: a line after it cannot continue it.
  const hash = v.indexOf(' #');
  if (hash >= 0) {
    const text = trimSpaces(v.slice(0, hash));
    return plainLine(text) ? { value: NULL.test(text) ? null : text, next: at + 1 } : undefined;
  }
  if (!plainLine(v)) return undefined;
  let text = v;
  let next = at + 1;
  for (; next < lines.length; next++) {
    const line = lines[next]!;
    const i = indentOf(line);
    if (i <= indent) break;
    const more = trimSpaces(line.slice(i));
    if (INDICATOR_NEXT.test(more) || !plainLine(more)) return undefined;
    text += ` ${more}`;
  }
  return { value: NULL.test(text) ? null : text, next };
}

/**
 * A `|` block (the way the README asks for LaTeX) starting at line `from`, under a key at
 * `indent`: its lines less their first line's indentation, each ending in a line feed, trailing
 * empty lines dropped (clip). Declines a block that starts empty or has a line of only spaces
 * reaching past its indentation (the spec's corners).
 */
function literal(lines: readonly string[], from: number, indent: number): { value: Scalar; next: number } | undefined {
  const first = from < lines.length ? lines[from]! : '';
  let n = 0;
  while (first.charCodeAt(n) === 32) n++;
  if (n <= indent || n === first.length) return undefined;
  let text = '';
  let pending = '';
  let next = from;
  for (; next < lines.length; next++) {
    const line = lines[next]!;
    let i = 0;
    while (i < line.length && line.charCodeAt(i) === 32) i++;
    if (i === line.length) {
      if (i > n) return undefined;
      pending += '\n';
      continue;
    }
    if (i < n) break;
    text += `${pending}${line.slice(n)}\n`;
    pending = '';
  }
  return { value: text, next };
}

/** A line of a plain scalar that neither starts a mapping (`: `, a final `:`) nor a comment (` #`). */
const plainLine = (s: string): boolean => !s.includes(': ') && !s.endsWith(':') && !s.includes(' #');

/** Where a value stands (1-based), and the column of its key (on the same line). */
export interface Place {
  readonly line: number;
  readonly col: number;
  readonly keyCol: number;
}
/** Where each value stands, by the key above it ('' at the top) and its own key (undefined: a value on lines of its own): no path strings made per lookup. */
export type Places = Map<string, ReadonlyMap<string, Place | undefined>>;
export const placeOf = (places: Places, path: readonly (string | number)[]): Place | undefined =>
  path.length === 1 ? places.get('')?.get(String(path[0])) : path.length === 2 ? places.get(String(path[0]))?.get(String(path[1])) : undefined;

/** A mapping of `key: value` lines at `indent`, from line `at`; values nest one level under `parent` (the key above) when there is none. */
function mapping(
  lines: readonly string[],
  at: number,
  indent: number,
  places: Places | undefined,
  parent?: string,
): { value: Record<string, unknown>; next: number } | undefined {
  const map: Record<string, unknown> = {};
  // Keys seen, to decline a duplicate: a Map of the key strings, no property lookups by a key not yet interned.
  const seen = new Map<string, Place | undefined>();
  let i = at;
  while (i < lines.length) {
    const line = lines[i]!;
    const ind = indentOf(line);
    if (ind < 0) {
      i++;
      continue;
    }
    if (ind < indent) break;
    const end = ind === indent ? keyEnd(line, indent) : -1;
    if (end < 0) return undefined;
    const key = line.slice(ind, end);
    if ((SPECIAL_FIRST.test(key) && SPECIAL_KEY.test(key)) || seen.has(key)) return undefined;
    let from = end + 1;
    while (line.charCodeAt(from) === 32) from++;
    const rest = line.slice(from);
    if (rest !== '') {
      const s = scalar(rest, lines, i, indent);
      if (!s) return undefined;
      map[key] = s.value;
      seen.set(key, places ? { line: i + 1, col: from + 1, keyCol: ind + 1 } : undefined);
      i = s.next;
      continue;
    }
    seen.set(key, undefined);
    // An empty value: null, or the mapping on the lines indented under it.
    let j = i + 1;
    while (j < lines.length && indentOf(lines[j]!) < 0) j++;
    const inner = j < lines.length ? indentOf(lines[j]!) : -1;
    if (inner <= indent) {
      map[key] = null;
      i = i + 1;
      continue;
    }
    if (parent !== undefined) return undefined;
    const sub = mapping(lines, j, inner, places, key);
    if (!sub) return undefined;
    map[key] = sub.value;
    i = sub.next;
  }
  places?.set(parent ?? '', seen);
  return { value: map, next: i };
}

/**
 * What the full read with `strings` gives for `text` when the fast read fully understands it, else
 * undefined. With `places`, also where each value stands, as the full read would say (test/yaml/plain.test.ts).
 */
export function readPlainYaml(text: string, places?: Places): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const lines = text.split('\n');
  const read = mapping(lines, 0, 0, places);
  // Something before the first key, or no key at all (an empty file is null, not {}).
  if (!read || read.next !== lines.length || Object.keys(read.value).length === 0) return undefined;
  return read.value;
}
