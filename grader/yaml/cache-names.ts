/**
 * File names of cache entries (cache.ts): a 64-bit hash of the text or key an entry is for, and
 * of its kind. Not a cryptographic hash, and it need not be one: every entry holds what it is for
 * and is compared in full on each read, so a shared name costs a miss, never a wrong hit. It
 * hashes 4 bytes a step, as the text's UTF-8 bytes: a bank file is hashed in a fraction of a
 * millisecond before any of this code is optimised.
 */

/** The byte length, and two 32-bit multiply-xorshift lanes over the bytes' 32-bit words, mixed at the end (as cyrb53 does). */
export function hash64(text: string, seed = 0): string {
  const bytes = Buffer.from(text, 'utf8');
  const n = bytes.length >>> 2;
  const words = new Int32Array(n);
  new Uint8Array(words.buffer).set(bytes.subarray(0, 4 * n));
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    h1 = Math.imul(h1 ^ w, 2654435761);
    h2 = Math.imul(h2 ^ w, 1597334677);
  }
  for (let i = 4 * n; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 2654435761);
    h2 = Math.imul(h2 ^ bytes[i]!, 1597334677);
  }
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  // The length is part of the name: texts of different lengths (most edits) never share one.
  return `${bytes.length.toString(36)}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

// A bank file is looked up under two kinds (its data, and its validated spec): hashed once.
let lastText: string | undefined;
let lastHash = '';
const kinds = new Map<string, string>();

/** The file name of the entry of `kind` for `text`. */
export function entryName(kind: string, text: string, ext: string): string {
  if (text !== lastText) {
    lastHash = hash64(text);
    lastText = text;
  }
  let k = kinds.get(kind);
  if (k === undefined) kinds.set(kind, (k = hash64(kind, 1).slice(-8)));
  return `${lastHash}-${k}.${ext}`;
}
