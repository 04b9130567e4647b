import type { Candidate } from './locate.js';
import type { Macro } from './macros.js';
import type { MathBlock } from './math.js';
import { definedName } from './names.js';
import type { DocDefinition } from './types.js';

const PROSE_DEF =
  /\$([^$\n]{1,60})\$[ \t]*(?:,[ \t]*)?(?:be|denotes?|stands?[ \t]+for|(?:is[ \t]+|be[ \t]+)?defined[ \t]+(?:as|by|to[ \t]+be)|(?:is[ \t]+|be[ \t]+)?given[ \t]+by|is[ \t]+(?:equal[ \t]+to|short[ \t]+for)|equals)[ \t]+\$([^$\n]{1,200})\$/gi;

/** The student's own definitions, in document order. */
export function definitionsOf(
  cands: readonly Candidate[],
  blocks: readonly MathBlock[],
  text: string,
  macros: readonly Macro[],
  lineOf: (at: number) => number,
  /** The text as read: macros expanded, and plain math (at that offset) as LaTeX. */
  expand: (latex: string, at?: number) => string,
  /** Whether an offset lies in the question text the student copied (outside the template's answer boxes). */
  copied: (at: number) => boolean = () => false,
): DocDefinition[] {
  const out: (DocDefinition & { at: number })[] = [];
  for (const c of cands) {
    // the student's own statement of the loss is kept too (the step checks may bind `\mathcal{L}` to it)
    if (!c.definition && c.loss === undefined) continue;
    const sides = c.chain.sides;
    const named = definedName(sides[0]!.latex);
    const value = sides[sides.length - 1]!.latex;
    out.push({
      at: sides[0]!.at,
      latex: sides.map((s) => s.latex).join(c.chain.def ? ' := ' : ' = '),
      line: lineOf(sides[0]!.at),
      ...(named ? { name: named.name, ...(named.params ? { params: named.params } : {}) } : {}),
      value: expand(value, sides[sides.length - 1]!.at),
    });
  }
  // declared shapes: U \in \mathbb{R}^{|V| \times d}
  for (const b of blocks) {
    for (const m of b.body.matchAll(
      /((?:\\[A-Za-z]+\s*\{[^{}]*\}|\\[A-Za-z]+\s*[A-Za-z]|[A-Za-z])(?:_\{?[^{}\s]*\}?)?)\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g,
    )) {
      const dims = m[2]!.split(/\\times|×|\\cdot|,/);
      if (dims.length !== 2) continue;
      const at = b.at + m.index;
      out.push({ at, latex: m[0].trim(), line: lineOf(at), name: m[1]!.trim(), shape: { rows: dims[0]!.trim(), cols: dims[1]!.trim() } });
    }
  }
  // "Let $\theta$ = $U^Tv_c$": a definition split across two inline maths
  for (const m of text.matchAll(/\$([^$\n]{1,60})\$[ \t]*(=|:=)[ \t]*\$([^$\n]{1,200})\$/g)) {
    const named = definedName(m[1]!);
    if (!named) continue;
    out.push({ at: m.index, latex: `${m[1]!.trim()} ${m[2]} ${m[3]!.trim()}`, line: lineOf(m.index), name: named.name, value: expand(m[3]!.trim()) });
  }
  // in words: "let $z$ be $U^T v_c$", "with $h$ defined as $\sigma(z)$", "where $\theta$ denotes $U^T v_c$"
  for (const m of text.matchAll(PROSE_DEF)) {
    const named = definedName(m[1]!);
    if (!named || m[1]!.includes('=') || m[2]!.includes('=')) continue;
    out.push({ at: m.index, latex: m[0].trim(), line: lineOf(m.index), name: named.name, value: expand(m[2]!.trim()) });
  }
  // a notation list: `- $\tilde{y}$ : the predicted distribution`
  for (const m of text.matchAll(/^[ \t]*[-*+][ \t]+\$([^$\n]{1,60})\$[ \t]*(?::|-|—|–)[ \t]*(\S[^\n]*)$/gm)) {
    out.push({ at: m.index, latex: m[0].trim(), line: lineOf(m.index), name: m[1]!.trim() });
  }
  // the prompt's equations (`\sigma(x) = \frac{1}{1+e^{-x}}`, the loss) are the course's, not the student's
  const own = out.filter((d) => !copied(d.at));
  for (const mac of macros) own.push({ at: mac.at, latex: mac.latex.replace(/\s+/g, ' '), line: lineOf(mac.at) });
  own.sort((a, b) => a.at - b.at);
  return own.map(({ at: _at, ...d }) => d);
}
