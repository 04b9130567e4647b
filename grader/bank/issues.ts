/** Collects every problem found in a spec, each placed in its file; never stops at the first. */
import { InputError, relocate, type ArgsOf, type Code, type Finding } from '../core/index.js';
import { compileTree, readAnswer, vocabFor, type Compiled, type Node, type Scope } from '../expr/index.js';
import type { Path, YamlSource } from '../yaml/source.js';

export class Issues {
  readonly list: Finding[] = [];
  private readonly seen = new Set<string>();
  constructor(readonly src: YamlSource) {}

  /** Records a finding once: declarations shared by several questions are checked for each. */
  private push(f: Finding): void {
    const key = JSON.stringify(f);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(f);
  }

  add<C extends Code>(code: C, args: ArgsOf<C>, path: Path, key = false): void {
    this.push({ code, args, at: this.src.at(path, key) });
  }

  /**
   * Runs `f`; an InputError it throws becomes an issue placed at `path`, and so does a definition
   * that recurses without end (SPEC_RECURSIVE).
   */
  guard<T>(path: Path, f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        this.add('SPEC_RECURSIVE', {}, path);
        return undefined;
      }
      if (!(e instanceof InputError)) throw e;
      const offset = e.finding.at?.offset;
      this.push(relocate(e.finding, offset === undefined ? this.src.at(path) : this.src.inString(path, offset)));
      return undefined;
    }
  }

  /** Compiles the expression at `path`. */
  compile(text: string, path: Path, scope: Scope, firstFreeSlot: number): Compiled | undefined {
    return this.compileTree(text, path, scope, firstFreeSlot)?.compiled;
  }

  /** Compiles the expression at `path` (mathjs syntax, or LaTeX like an answer), keeping the tree as read. */
  compileTree(text: string, path: Path, scope: Scope, firstFreeSlot: number): { node: Node; compiled: Compiled } | undefined {
    return this.guard(path, () => {
      const r = readAnswer(text, vocabFor(scope, false));
      return compileTree(r.node, scope, firstFreeSlot, r.where);
    });
  }
}
