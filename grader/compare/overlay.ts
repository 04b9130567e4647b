/**
 * A student's definitions over a question's scope, in linear time: one map of every definition,
 * and for each definition a view that shows only the ones before it (so that a definition cannot
 * use itself or a later one: no cycles). Copying the scope per definition, as a plain
 * `withBinding` chain does, is quadratic: thousands of definitions exhausted the memory.
 */
import type { Binding } from '../expr/index.js';

export class Overlay {
  private readonly added = new Map<string, { readonly rank: number; readonly binding: Binding }>();

  constructor(private readonly base: ReadonlyMap<string, Binding>) {}

  get size(): number {
    return this.added.size;
  }

  add(name: string, binding: Binding): void {
    this.added.set(name, { rank: this.added.size, binding });
  }

  /** The base with the first `upTo` definitions (all of them by default). */
  view(upTo = Infinity): ReadonlyMap<string, Binding> {
    const { base, added } = this;
    const own = (name: string) => {
      const a = added.get(name);
      return a && a.rank < upTo ? a.binding : undefined;
    };
    // Listing (for "did you mean") is rare and may cost a pass; get and has are O(1).
    const list = (): [string, Binding][] => [
      ...base.entries(),
      ...[...added].filter(([n, a]) => a.rank < upTo && !base.has(n)).map(([n, a]): [string, Binding] => [n, a.binding]),
    ];
    const view: ReadonlyMap<string, Binding> = {
      get: (name) => own(name) ?? base.get(name),
      has: (name) => own(name) !== undefined || base.has(name),
      get size() {
        return list().length;
      },
      entries: () => list().values(),
      keys: () =>
        list()
          .map(([k]) => k)
          .values(),
      values: () =>
        list()
          .map(([, v]) => v)
          .values(),
      forEach(fn, thisArg) {
        for (const [k, v] of list()) fn.call(thisArg, v, k, view);
      },
      [Symbol.iterator]: () => list().values(),
    };
    return view;
  }
}
