import { readYaml } from '../yaml/source.js';
import type { DocNote } from './types.js';

/** What a Markdown write-up's front matter says, and where it could not be read. */
export interface FrontMatter {
  readonly set?: string;
  /** Line of the `set:` value in the file. */
  readonly setLine?: number;
  readonly student?: string;
  readonly notes: DocNote[];
}

const FENCE = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;

/**
 * `---\nset: cs224n-a2  # the set\nstudent: "pia"\n---` read as the YAML it is (comments, quoting),
 * by the project's YAML reader. Broken YAML or a value that is no text is a note at its line:col.
 */
export function frontMatter(file: string, text: string): FrontMatter {
  const m = FENCE.exec(text);
  if (!m) return { notes: [] };
  const body = m[1]!;
  // the YAML starts on the line after the opening `---`
  const line = (l: number | undefined) => (l ?? 0) + 1;
  const yaml = readYaml(file, body, { strings: true });
  const notes: DocNote[] = yaml.errors.slice(0, 5).map((e) => ({
    code: 'FRONT_MATTER',
    line: line(e.at?.line),
    detail: `invalid YAML at line ${line(e.at?.line)}, column ${e.at?.col ?? 1}: ${String(e.args.detail ?? e.code)}; the set is decided without it`,
  }));
  if (notes.length) return { notes };
  const data = yaml.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    if (data !== null) notes.push({ code: 'FRONT_MATTER', line: 2, detail: 'the front matter is not a mapping of `key: value` lines; it is not read' });
    return { notes };
  }
  const fields = data as Record<string, unknown>;
  const text_ = (key: 'set' | 'student'): string | undefined => {
    const v = fields[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v.trim() || undefined;
    const at = yaml.at([key], true);
    notes.push({
      code: 'FRONT_MATTER',
      line: line(at.line),
      detail: `\`${key}:\` at line ${line(at.line)}, column ${at.col ?? 1} is not text; ${key === 'set' ? 'the set is decided without it' : 'it is not read'}`,
    });
    return undefined;
  };
  const set = text_('set');
  const student = text_('student');
  return {
    ...(set ? { set, setLine: line(yaml.at(['set'], true).line) } : {}),
    ...(student ? { student } : {}),
    notes,
  };
}
