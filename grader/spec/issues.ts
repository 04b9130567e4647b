/** Collects every problem found in a spec, each placed in its file; never stops at the first. */
import { InputError, finding, relocate, type Args, type Finding } from '../core/index.js';
import { compileText, type Compiled, type Scope } from '../expr/index.js';
import type { Path, YamlSource } from '../yaml/source.js';

export class Issues {
  readonly list: Finding[] = [];
  constructor(readonly src: YamlSource) {}

  add(code: string, args: Args, path: Path, key = false): void {
    this.list.push(finding(code, args, this.src.at(path, key)));
  }

  /** Runs `f`; an InputError it throws becomes an issue placed at `path`. */
  guard<T>(path: Path, f: () => T): T | undefined {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const offset = e.finding.at?.offset;
      this.list.push(relocate(e.finding, offset === undefined ? this.src.at(path) : this.src.inString(path, offset)));
      return undefined;
    }
  }

  /** Compiles the expression at `path`. */
  compile(text: string, path: Path, scope: Scope, firstFreeSlot: number): Compiled | undefined {
    return this.guard(path, () => compileText(text, scope, firstFreeSlot).compiled);
  }
}
