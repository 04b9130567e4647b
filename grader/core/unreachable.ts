/**
 * The end of an exhaustive switch over a union: the compiler fails when a member has no case,
 * and a value the types ruled out (data from outside) fails loudly instead of being skipped.
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
