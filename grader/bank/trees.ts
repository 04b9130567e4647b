/**
 * The parsed trees of a bank file's expressions, kept in the build's cache (yaml/cache.ts: keyed
 * by the build id and the id of the file's validated entry, which stands for exactly its text;
 * never read by another build).
 * Parsing is a third of building a file's questions; reviving a tree from JSON is a fraction of
 * that. Only a whole file's build stores them (`try` builds one question); a damaged entry is
 * ignored, and a damaged tree in it is parsed again.
 */
import { recordTrees, useStoredTrees } from '../expr/math.js';
import type { DataCache } from '../yaml/source.js';

const key = (fileId: string) => `trees-1\0${fileId}`;

const isPairs = (x: unknown): x is [string, string][] =>
  Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');

/** Runs `build`, with the trees an earlier run stored for this file, or storing those it parses (`whole`). */
export function withStoredTrees(cache: DataCache | undefined, fileId: string, whole: boolean, build: () => void): void {
  if (!cache?.getBuilt || !cache.putBuilt) return build();
  const bytes = cache.getBuilt(key(fileId));
  if (bytes) {
    try {
      const trees: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      if (isPairs(trees)) useStoredTrees(trees);
    } catch {
      // a damaged entry: every text is parsed
    }
    return build();
  }
  const trees = recordTrees(build);
  if (whole) cache.putBuilt(key(fileId), Buffer.from(JSON.stringify(trees)));
}
