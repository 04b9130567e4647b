/**
 * A cache of YAML data by the text's SHA-256, in a folder of the grader's own: parsing YAML is
 * a third of start-up, and problem files rarely change. Only files without syntax errors are
 * cached, and an unreadable entry is simply a miss. A built grader (dist/, which knows its build
 * id) also keeps the data that passed the schema, keyed by that id too, so an unchanged bank is
 * not validated again; a new build never trusts an old entry, and source runs never skip it.
 * The same goes for what a build computes from a bank file (the points it draws for a question):
 * keyed by the build id and the file's digest, stored as bytes, never read by another build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataCache } from './source.js';

/** Bumped whenever what `toJS` yields could change (a new yaml version or options). */
const FORMAT = 'yaml-data-1';

declare const __GRADER_BUILD__: string | undefined;
/** A hash of the grader's sources and dependencies, set by scripts/build.mjs; undefined when run from source. */
export const GRADER_BUILD: string | undefined = typeof __GRADER_BUILD__ === 'string' ? __GRADER_BUILD__ : undefined;

/** Whether a folder may be trusted: ours and closed to others (the OS temp folder is shared). */
function isPrivate(dir: string): boolean {
  try {
    const st = statSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || (st.uid === uid && (st.mode & 0o077) === 0));
  } catch {
    return false;
  }
}

export function dirCache(dir: string, build: string | undefined = GRADER_BUILD): DataCache {
  let trusted: boolean | undefined;
  const usable = () => (trusted ??= isPrivate(dir));
  const entry = (kind: string, text: string, ext = 'json') => join(dir, `${createHash('sha256').update(kind).update('\0').update(text).digest('hex')}.${ext}`);
  const read = (file: string): Buffer | undefined => {
    if (!usable()) return undefined;
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  };
  const get = (kind: string, text: string): unknown => {
    const bytes = read(entry(kind, text));
    try {
      return bytes && (JSON.parse(bytes.toString('utf8')) as unknown);
    } catch {
      return undefined;
    }
  };
  const write = (file: string, data: string | Uint8Array): void => {
    try {
      if (!(trusted ??= isPrivate(dir))) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        trusted = undefined;
        if (!usable()) return;
      }
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, data);
      renameSync(tmp, file);
    } catch {
      // a read-only install: no cache, only a slower start
    }
  };
  const put = (kind: string, text: string, data: unknown): void => write(entry(kind, text), JSON.stringify(data));
  const valid = `spec-valid:${build}`;
  const built = `built:${build}`;
  return {
    get: (text) => get(FORMAT, text),
    put: (text, data) => put(FORMAT, text, data),
    ...(build
      ? {
          getValid: (text: string) => get(valid, text),
          putValid: (text: string, spec: unknown) => put(valid, text, spec),
          getBuilt: (key: string) => read(entry(built, key, 'bin')),
          putBuilt: (key: string, bytes: Uint8Array) => write(entry(built, key, 'bin'), bytes),
        }
      : {}),
  };
}
