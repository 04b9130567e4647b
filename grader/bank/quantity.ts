/**
 * What a question's answer is called in feedback and `show` ("Answer: dJ/dU"): the declared
 * `quantity`; else the derivative of the function the question names (`of: f`, or the `J` of
 * `asks: ['\frac{\partial J}{\partial x}']`); else generic words that name no function.
 */

/** The function a LaTeX spelling differentiates, when it is a plain name (`J`, `CE`, `J_{neg-sample}` → J, `\sigma(x)` → sigma). */
function askedFunction(asks: readonly string[]): string | undefined {
  for (const a of asks) {
    const m = /^\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*\\?([A-Za-z]+)(?:_\{[^{}]*\}|_[A-Za-z0-9])?\s*(?:\([^()]*\))?\s*\}\s*\{/.exec(a.trim());
    if (m) return m[1];
  }
  return undefined;
}

export function quantityOf(q: { quantity?: string; derivative?: { of: string; wrt: string }; asks: readonly string[] }): string {
  if (q.quantity !== undefined) return q.quantity;
  if (!q.derivative) return 'the expected answer';
  const { of, wrt } = q.derivative;
  const f = /^[A-Za-z]\w*$/.test(of.trim()) ? of.trim() : askedFunction(q.asks);
  return f ? `d${f}/d${wrt}` : `the derivative with respect to ${wrt}`;
}
