/**
 * Both parsers on one text, and the corpus of texts they must agree on: every string of the bank,
 * the submissions and the fixtures (with its pieces between `=`, `,` and `where`, as read.ts
 * cuts answers), the adversarial answers, and the bench's disguises of the bank's examples.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fastParse, mathjsParse, type Node } from '../../grader/expr/math.js';
import { ADVERSARIAL } from '../adversarial/cases.js';

/** Own fields, recursively, with the same classes: what JSON.stringify or equals might overlook. */
export function sameFields(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b) ? undefined : `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: another class`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return `${path}: fields ${ka.join()} ≠ ${kb.join()}`;
  for (const k of ka) {
    const d = sameFields((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

export type Outcome = 'same' | 'declined' | 'both-rejected';

/**
 * Runs both parsers: 'same' (identical trees), 'declined' (ours declined, whatever mathjs did),
 * 'both-rejected'; throws on any difference, or when ours returns a tree mathjs refuses.
 */
export function compare(text: string): Outcome {
  const ours = fastParse(text);
  let theirs: Node | undefined;
  try {
    theirs = mathjsParse(text);
  } catch (e) {
    if (ours) throw new Error(`ours parsed what mathjs rejects (${(e as Error).message}): ${JSON.stringify(text)}`, { cause: e });
    return 'both-rejected';
  }
  if (!ours) return 'declined';
  const problem =
    sameFields(ours, theirs) ??
    (JSON.stringify(ours) !== JSON.stringify(theirs) ? 'JSON differs' : undefined) ??
    (ours.equals(theirs) ? undefined : 'equals is false') ??
    (ours.toString() !== theirs.toString() ? 'toString differs' : undefined);
  if (problem) throw new Error(`${problem} on ${JSON.stringify(text)}: ours ${ours.toString()} | mathjs ${theirs.toString()}`);
  return 'same';
}

/** Constructs outside the subset: a valid text declined must contain one of these. */
export const OUTSIDE =
  /[=%&|~"{}#\n;\r]|\?\?|\?\.(?!\d)|<<|>>|0[xbo]|\.(?![\d*/^])|\b(mod|to|in|and|or|xor|not|true|false|null|undefined|NaN|Infinity)\b|^\s*$|^\s*'|[([,?:+\-*/^]\s*'|[^\x20-\x7e]/;

const strings = (v: unknown, out: Set<string>): void => {
  if (typeof v === 'string') out.add(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
};

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(f) ? [p] : [];
  });

export function corpus(): string[] {
  const texts = new Set<string>();
  for (const file of [...yamlFiles('problems'), ...yamlFiles('submissions'), ...yamlFiles('test/fixtures')]) {
    try {
      strings(parse(readFileSync(file, 'utf8')), texts);
    } catch {
      // a deliberately broken fixture
    }
  }
  for (const a of ADVERSARIAL) texts.add(a.answer);
  for (const t of [...texts]) {
    for (const piece of t.split(/=|,|\bwhere\b/)) texts.add(piece.trim());
    texts.add(`(${t}) * 418297 / 418297`);
    texts.add(`123456 * (${t})`);
  }
  return [...texts];
}
