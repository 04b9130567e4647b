/**
 * The YAML source of a bank file that passed the schema under this very build (its validated
 * entry was found, bank/load.ts): its data is that entry, so nothing of the file is read unless a
 * message asks where something stands, which building a clean file never does. The depth check
 * and the read of its data entry (yaml/source.ts readYaml) wait for that first question.
 */
import type { Position } from '../core/index.js';
import { readYaml, type DataCache, type Path, type YamlSource } from '../yaml/source.js';

const COMPUTE = Symbol('position');
type Deferred = Position & { [COMPUTE]: () => Position };
/** Getters shared by every deferred position (a bank makes a thousand): no closures per object. */
const FIELDS: PropertyDescriptorMap = Object.fromEntries(
  (['line', 'col', 'offset'] as const).map((k) => [
    k,
    {
      enumerable: true,
      get(this: Deferred) {
        return this[COMPUTE]()[k];
      },
    },
  ]),
);

/** A position computed when first read. Its fields are own enumerable getters, so a spread copies the values. */
function deferred(file: string, compute: () => Position): Position {
  let value: Position | undefined;
  const at = { file };
  Object.defineProperty(at, COMPUTE, { value: () => (value ??= compute()) });
  return Object.defineProperties(at, FIELDS);
}

export function deferredSource(file: string, text: string, cache: DataCache | undefined): YamlSource {
  let read: YamlSource | undefined;
  const src = () => (read ??= readYaml(file, text, cache));
  return {
    file,
    get data() {
      return src().data;
    },
    errors: [],
    at: (path: Path, key?: boolean) => deferred(file, () => src().at(path, key)),
    inString: (path: Path, offset: number) => deferred(file, () => src().inString(path, offset)),
  };
}
