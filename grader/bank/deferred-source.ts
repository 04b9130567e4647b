/**
 * The YAML source of a bank file that passed the schema under this very build (its validated
 * entry was found, bank/load.ts): its data is that entry, so nothing of the file is read unless a
 * message asks where something stands, which building a clean file never does. The depth check
 * and the read of its data entry (yaml/source.ts readYaml) wait for that first question.
 */
import { lazyPosition, readYaml, type DataCache, type Path, type YamlSource } from '../yaml/source.js';

export function deferredSource(file: string, text: string, cache: DataCache | undefined): YamlSource {
  let read: YamlSource | undefined;
  const src = () => (read ??= readYaml(file, text, cache));
  return {
    file,
    get data() {
      return src().data;
    },
    errors: [],
    at: (path: Path, key?: boolean) => lazyPosition(file, () => src().at(path, key)),
    inString: (path: Path, offset: number) => lazyPosition(file, () => src().inString(path, offset)),
  };
}
