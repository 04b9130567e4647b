/**
 * `--shard i/n`: grade the i-th of n contiguous slices of the sorted file list, so that a course
 * can split a batch over machines with its own job runner and concatenate the outputs in shard
 * order: text as is; CSV with the header from shard 1 only (later shards omit it); JSON is one
 * document per shard (merge with `jq -s '{submissions: map(.submissions[])}'`); HTML to a folder
 * writes one page per student, disjoint across shards, and an index of the shard's own,
 * `index-<i>-of-<n>.html` (one `index.html` would keep only the last shard's students).
 */

/** A `--shard` text that is not i/n (the command line turns it into a usage error). */
export class ShardError extends Error {}

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export const MAX_SHARDS = 10_000;

export function parseShard(text: string): Shard {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count || count > MAX_SHARDS)
    throw new ShardError(`--shard takes i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS} (e.g. 2/8); not \`${text}\``);
  return { index, count };
}

/**
 * The shard's files: the whole list sorted (so that every machine agrees whatever order the
 * paths were given in), cut into n slices whose sizes differ by at most one.
 */
export function shardFiles(files: readonly string[], shard: Shard | undefined): string[] {
  if (!shard) return [...files];
  const sorted = [...files].sort();
  const from = Math.floor(((shard.index - 1) * sorted.length) / shard.count);
  const to = Math.floor((shard.index * sorted.length) / shard.count);
  return sorted.slice(from, to);
}

/** The head of one shard's output, shaped to concatenate: a CSV after the first shard has no header row. */
export function shardHead(format: string, head: string, shard: Shard | undefined): string {
  return shard && shard.index > 1 && format === 'csv' ? '' : head;
}

/** The index page of HTML written to a folder: `index.html`, or one per shard. */
export const indexName = (shard: Shard | undefined): string => (shard && shard.count > 1 ? `index-${shard.index}-of-${shard.count}.html` : 'index.html');
