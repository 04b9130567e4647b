/**
 * File names of per-student HTML pages: the submission's own name, unless another file of the
 * batch has the same one (bob.yaml in two folders; Bob.yaml beside bob.yaml on a case-blind
 * disk), when a short hash of its full path keeps both: unique, and the same on every run.
 */
import { basename, resolve } from 'node:path';

const stem = (file: string): string => basename(file).replace(/\.(ya?ml|md|markdown|tex|ipynb)$/i, '');

export function pageNames(files: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f).toLowerCase(), (count.get(stem(f).toLowerCase()) ?? 0) + 1);
  return files.map((f) => {
    const s = stem(f);
    if (count.get(s.toLowerCase()) === 1) return `${s}.html`;
    // node:crypto is loaded only when two pages would share a name (it costs start-up milliseconds).
    return `${s}-${process.getBuiltinModule('node:crypto').createHash('sha256').update(resolve(f)).digest('hex').slice(0, 8)}.html`;
  });
}
