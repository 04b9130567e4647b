/**
 * A cache of YAML data by the file's text, in a folder of the grader's own: parsing YAML is a
 * third of start-up, and problem files rarely change. Only files without syntax errors are
 * cached, and an unreadable entry is simply a miss. A built grader (dist/, which knows its build
 * id) also keeps the data that passed the schema, keyed by that id too, so an unchanged bank is
 * not validated again; a new build never trusts an old entry, and source runs never skip it.
 * The same goes for what a build computes from a bank file (the points it draws for a question):
 * keyed by the build id and what the caller names (bank/load.ts), stored as bytes.
 *
 * An entry is found by a fast hash of what it is for (cache-names.ts), and holds that whole text or
 * key, compared on every read: two texts that share a name are two misses, never a wrong hit, so
 * the hash's strength does not matter (and node:crypto, with Node's stream classes it loads, is
 * not part of start-up).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryName } from './cache-names.js';
import type { DataCache } from './source.js';

/** Bumped whenever what `toJS` yields could change (a new yaml version or options), or the entries' layout. */
const FORMAT = 'yaml-data-2';

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

/** A built entry's bytes: the key's length (4 bytes), the key (UTF-8), then the payload. */
export function frameBuilt(key: string, payload: Uint8Array): Uint8Array {
  const k = Buffer.from(key, 'utf8');
  const out = Buffer.allocUnsafe(4 + k.length + payload.length);
  out.writeUInt32LE(k.length, 0);
  k.copy(out, 4);
  out.set(payload, 4 + k.length);
  return out;
}

/** The payload of a built entry if it was stored for exactly `key`, else undefined. */
export function unframeBuilt(bytes: Uint8Array, key: string): Uint8Array | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.length < 4) return undefined;
  const length = buf.readUInt32LE(0);
  if (4 + length > buf.length || buf.toString('utf8', 4, 4 + length) !== key) return undefined;
  return buf.subarray(4 + length);
}

export function dirCache(dir: string, build: string | undefined = GRADER_BUILD): DataCache {
  let trusted: boolean | undefined;
  const usable = () => (trusted ??= isPrivate(dir));
  const read = (file: string): Buffer | undefined => {
    if (!usable()) return undefined;
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  };
  // JSON entries hold [text, data]: the data only for exactly that text.
  const get = (kind: string, text: string): unknown => {
    const bytes = read(join(dir, entryName(kind, text, 'json')));
    try {
      const entry = bytes && (JSON.parse(bytes.toString('utf8')) as unknown);
      return Array.isArray(entry) && entry.length === 2 && entry[0] === text ? (entry[1] as unknown) : undefined;
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
  const put = (kind: string, text: string, data: unknown): void => write(join(dir, entryName(kind, text, 'json')), JSON.stringify([text, data]));
  const valid = `spec-valid:${build}`;
  const built = `built:${build}`;
  const getBuilt = (key: string): Uint8Array | undefined => {
    const bytes = read(join(dir, entryName(built, key, 'bin')));
    return bytes && unframeBuilt(bytes, key);
  };
  return {
    get: (text) => get(FORMAT, text),
    put: (text, data) => put(FORMAT, text, data),
    ...(build
      ? {
          getValid: (text: string) => get(valid, text),
          putValid: (text: string, spec: unknown) => put(valid, text, spec),
          getBuilt,
          putBuilt: (key: string, bytes: Uint8Array) => write(join(dir, entryName(built, key, 'bin')), frameBuilt(key, bytes)),
        }
      : {}),
  };
}
