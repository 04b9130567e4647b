/**
 * The schema's complaints about a spec, in the author's terms: a question is named by its id
 * (not `questions.0`), an unknown key comes with the keys allowed there and a did-you-mean, and
 * the echoes of a misspelt key (the field it meant, now missing) are left out.
 */
import type { z } from 'zod';
import { editDistance, suggest } from '../core/suggest.js';
import type { Issues } from './issues.js';

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;
/** The parts of a zod schema's definition this walk reads. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  options?: readonly Schema[];
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  items?: readonly Schema[];
}
interface Schema {
  _zod: { def: Def };
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault', 'nonoptional']);

/** The keys an object at `path` may have (every object a union allows there). */
export function keysAt(schema: Schema, path: readonly (string | number)[]): string[] {
  let s = schema;
  while (WRAPPERS.has(s._zod.def.type) || s._zod.def.type === 'pipe') s = s._zod.def.innerType ?? s._zod.def.in!;
  const d = s._zod.def;
  if (d.type === 'union') return [...new Set(d.options!.flatMap((o) => keysAt(o, path)))];
  if (!path.length) return d.type === 'object' ? Object.keys(d.shape!) : [];
  const [head, ...rest] = path;
  if (d.type === 'object') return Object.hasOwn(d.shape!, String(head)) ? keysAt(d.shape![String(head)]!, rest) : [];
  if (d.type === 'array') return keysAt(d.element!, rest);
  if (d.type === 'record') return keysAt(d.valueType!, rest);
  if (d.type === 'tuple' && typeof head === 'number' && d.items![head]) return keysAt(d.items![head], rest);
  return [];
}

/** `questions.0.mistakes.1` → `question grad-w, mistakes.1` (the id when the question has one). */
export function pathText(data: unknown, path: readonly PropertyKey[]): string {
  const [head, i, ...rest] = path;
  const id = head === 'questions' && typeof i === 'number' ? (data as { questions?: { id?: unknown }[] })?.questions?.[i]?.id : undefined;
  if (typeof id !== 'string') return path.map(String).join('.');
  return `question ${id}${rest.length ? `, ${rest.map(String).join('.')}` : ''}`;
}

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);

/** Records the schema's issues with `data`, in the author's terms. */
export function addSchemaIssues(issues: Issues, schema: z.core.$ZodType, data: unknown, zodIssues: readonly ZodIssue[]): void {
  // The keys each misspelling most likely meant, by the object they are in.
  const meant = new Map<string, Set<string>>();
  const unknown = zodIssues.flatMap((e) =>
    e.code === 'unrecognized_keys' ? [{ e, path: e.path as Path, allowed: keysAt(schema as unknown as Schema, e.path as Path) }] : [],
  );
  for (const { e, path, allowed } of unknown) {
    const here = valueAt(data, path) as Record<string, unknown> | undefined;
    const unused = allowed.filter((k) => here?.[k] === undefined);
    const hints = new Set<string>();
    for (const key of e.keys) {
      // Two edits are still close for a key of some length (`suggest` allows fewer below 6 letters).
      const near = suggest(key, unused);
      if (!near.length) near.push(...unused.filter((k) => Math.min(k.length, key.length) >= 4 && editDistance(key, k) <= 2).slice(0, 3));
      near.forEach((k) => hints.add(k));
      issues.add('SPEC_UNKNOWN_KEY', { key, path: pathText(data, path), allowed, suggestions: near }, [...path, key], true);
    }
    meant.set(JSON.stringify(path), hints);
  }
  for (const e of zodIssues) {
    if (e.code === 'unrecognized_keys') continue;
    const path = e.path as Path;
    // Echoes of an unknown key: the object's own rule (`sample` or `value`), or the field the key misspelt, missing.
    if (e.code === 'custom' && meant.has(JSON.stringify(path))) continue;
    const parent = meant.get(JSON.stringify(path.slice(0, -1)));
    if (parent?.has(String(path.at(-1))) && valueAt(data, path) === undefined) continue;
    issues.add('SPEC_SCHEMA', { detail: e.message, path: pathText(data, path) }, path);
  }
}
