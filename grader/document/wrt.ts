import type { Side } from './chains.js';
import { dropD, type Quantity, simplify, variable } from './names.js';
import { readArg } from './scan.js';

/**
 * The variable a derivation really differentiates by. A left-hand side copied from the part
 * before (`\frac{\partial J}{\partial v_c} = \frac{\partial J}{\partial \theta}\frac{\partial \theta}{\partial U} = ...`)
 * names one quantity while every step works on another: the steps are the surer witness.
 */

const key = (v: { base: string; index: string }) => (v.index ? `${v.base}_${v.index}` : v.base);

/** `\frac{\partial X}{\partial Y}` and `\frac{\partial}{\partial Y}` in a side: X (or '') and Y. */
function fractions(latex: string): { num: string; den: string }[] {
  const s = simplify(latex);
  const out: { num: string; den: string }[] = [];
  let from = 0;
  for (let k = 0; k < 50; k++) {
    const i = s.indexOf('\\frac', from);
    if (i < 0) break;
    from = i + 5;
    const a = readArg(s, i + 5);
    const b = a && readArg(s, a.end);
    if (!a || !b) continue;
    const den = dropD(b.value);
    const op = /^(\\partial|d)$/.test(a.value.trim());
    const num = op ? '' : dropD(a.value);
    if (den && num !== undefined) out.push({ num: num.replace(/[{}]/g, ''), den });
  }
  return out;
}

/** The quantity the steps differentiate, when they all take one other variable than the left-hand side's. */
export function differentiated(sides: readonly Side[], lhs: Quantity): Quantity | undefined {
  const fr = sides.slice(1).flatMap((s) => fractions(s.latex));
  if (!fr.length) return undefined;
  const nums = new Set(fr.map((f) => f.num));
  const own = key(lhs);
  const vars = new Set<string>();
  let base = '';
  let index = '';
  for (const f of fr) {
    const v = variable(f.den);
    const k = key(v);
    if (k === own) return undefined; // some step does differentiate by the written variable
    if (nums.has(k) || nums.has(f.den.replace(/[{}]/g, ''))) continue; // an intermediate of the chain rule (`\theta`)
    vars.add(k);
    ({ base, index } = v);
  }
  // `u_w` for `U` (a column of the matrix) is the same question's notation, not another variable
  if (vars.size !== 1 || base.toLowerCase() === lhs.base.toLowerCase()) return undefined;
  return { ...lhs, base, index, cond: '' };
}
