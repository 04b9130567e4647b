/**
 * A cache of YAML data by the text's SHA-256, in a folder of the grader's own: parsing YAML is
 * a third of start-up, and problem files rarely change. Only files without syntax errors are
 * cached; the data is still validated by the schema on every load, and an unreadable entry is
 * simply a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataCache } from './source.js';

/** Bumped whenever what `toJS` yields could change (a new yaml version or options). */
const FORMAT = 'yaml-data-1';

export function dirCache(dir: string): DataCache {
  const entry = (text: string) => join(dir, `${createHash('sha256').update(FORMAT).update(text).digest('hex')}.json`);
  return {
    get(text) {
      try {
        return JSON.parse(readFileSync(entry(text), 'utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    put(text, data) {
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const file = entry(text);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(data));
        renameSync(tmp, file);
      } catch {
        // a read-only install: no cache, only a slower start
      }
    },
  };
}
