import type { Candidate } from './locate.js';
import type { Macro } from './macros.js';
import type { MathBlock } from './math.js';
import type { DocDefinition } from './types.js';

const FONTS = /\\(mathbf|bm|boldsymbol|vec|mathrm|text|textrm|operatorname|hat|tilde|bar|widehat|widetilde)(?![A-Za-z])/g;

/** Whether a left-hand side is a name being defined: `\theta`, `\hat{y}`, `\delta_1`, `\rho(x)`, `J_{naive}(v_c, o, U)`. */
export function definedName(lhs: string): { name: string; params?: string[] } | undefined {
  const s = lhs.replace(/\s+/g, ' ').trim();
  const flat = s.replace(FONTS, '').replace(/\s/g, '').replace(/^\{([^{}]*)\}/, '$1').replace(/\^\{(T|\\top)\}/g, '^T');
  const m = /^(\\[A-Za-z]+|[A-Za-z])('|\^T|\^\\top)?(_(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|\\[A-Za-z]+|[A-Za-z0-9]))?(\^T|\^\\top)?(\(([^()]*)\))?$/.exec(flat);
  if (!m || /^\\(frac|partial|sum|prod|log|exp|nabla|int|lim|max|min|sigma')$/.test(m[1]!) || flat.startsWith('\\frac')) return undefined;
  const call = /\(([^()]*)\)\s*$/.exec(s);
  const name = (call ? s.slice(0, call.index) : s).trim();
  const params = m[7] !== undefined ? m[7].split(',').map((p) => p.trim()).filter(Boolean) : undefined;
  // arguments that are whole expressions (`J(v_c, o, U)`) are a signature, not parameters: keep them all the same
  return params?.length ? { name, params } : { name };
}

/** The student's own definitions, in document order. */
export function definitionsOf(
  cands: readonly Candidate[],
  blocks: readonly MathBlock[],
  text: string,
  macros: readonly Macro[],
  lineOf: (at: number) => number,
  expand: (latex: string) => string,
): DocDefinition[] {
  const out: (DocDefinition & { at: number })[] = [];
  for (const c of cands) {
    if (!c.definition) continue;
    const sides = c.chain.sides;
    const named = definedName(sides[0]!.latex);
    const value = sides[sides.length - 1]!.latex;
    out.push({
      at: sides[0]!.at,
      latex: sides.map((s) => s.latex).join(c.chain.def ? ' := ' : ' = '),
      line: lineOf(sides[0]!.at),
      ...(named ? { name: named.name, ...(named.params ? { params: named.params } : {}) } : {}),
      value: expand(value),
    });
  }
  // declared shapes: U \in \mathbb{R}^{|V| \times d}
  for (const b of blocks) {
    for (const m of b.body.matchAll(/((?:\\[A-Za-z]+\s*\{[^{}]*\}|\\[A-Za-z]+\s*[A-Za-z]|[A-Za-z])(?:_\{?[^{}\s]*\}?)?)\s*\\in\s*\\mathbb\s*\{?R\}?\s*\^\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
      const dims = m[2]!.split(/\\times|×|\\cdot|,/);
      if (dims.length !== 2) continue;
      const at = b.at + m.index!;
      out.push({ at, latex: m[0].trim(), line: lineOf(at), name: m[1]!.trim(), shape: { rows: dims[0]!.trim(), cols: dims[1]!.trim() } });
    }
  }
  // "Let $\theta$ = $U^Tv_c$": a definition split across two inline maths
  for (const m of text.matchAll(/\$([^$\n]{1,60})\$[ \t]*(=|:=)[ \t]*\$([^$\n]{1,200})\$/g)) {
    const named = definedName(m[1]!);
    if (!named) continue;
    out.push({ at: m.index!, latex: `${m[1]!.trim()} ${m[2]} ${m[3]!.trim()}`, line: lineOf(m.index!), name: named.name, value: expand(m[3]!.trim()) });
  }
  // a notation list: `- $\tilde{y}$ : the predicted distribution`
  for (const m of text.matchAll(/^[ \t]*[-*+][ \t]+\$([^$\n]{1,60})\$[ \t]*(?::|-|—|–)[ \t]*(\S[^\n]*)$/gm)) {
    out.push({ at: m.index!, latex: m[0].trim(), line: lineOf(m.index!), name: m[1]!.trim() });
  }
  for (const mac of macros) out.push({ at: mac.at, latex: mac.latex.replace(/\s+/g, ' '), line: lineOf(mac.at) });
  out.sort((a, b) => a.at - b.at);
  return out.map(({ at: _at, ...d }) => d);
}
