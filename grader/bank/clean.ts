/**
 * Which questions of a bank file built without a single issue under this build (a pure function
 * of the file's text and the build), kept in the build's cache (yaml/cache.ts). Such a question's
 * other size sets are built only when grading asks for them (question.ts): they cannot report
 * anything, and a wrong answer never needs them.
 */
import type { DataCache } from '../yaml/source.js';

const key = (fileId: string) => `clean-questions-1\0${fileId}`;

export interface CleanRecord {
  /** Whether question `index` of the file is known to build cleanly. */
  has(index: number): boolean;
  /** Notes one found clean now; saved by `save`. */
  add(index: number): void;
  save(): void;
}

export function cleanRecord(cache: DataCache | undefined, fileId: string): CleanRecord {
  const known = new Set<number>();
  const bytes = cache?.getBuilt?.(key(fileId));
  if (bytes) {
    try {
      for (const i of JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown[]) if (Number.isInteger(i)) known.add(i as number);
    } catch {
      // a damaged entry: nothing is known, the questions are built whole
    }
  }
  let added = false;
  return {
    has: (i) => known.has(i),
    add: (i) => {
      if (known.has(i)) return;
      known.add(i);
      added = true;
    },
    save: () => {
      if (added) cache?.putBuilt?.(key(fileId), Buffer.from(JSON.stringify([...known].sort((a, b) => a - b))));
    },
  };
}
