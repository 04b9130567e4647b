/**
 * Text in the HTML report: escaping, and an author's prompt (Markdown with LaTeX) as HTML. Only
 * what prompts use: paragraphs, `code`, **bold**, *emphasis*, and math in `$...$`, `$$...$$`,
 * `\(...\)`, `\[...\]`, typeset by the caller's LaTeX function. Everything else is plain text.
 */
export type TexToHtml = (tex: string, display?: boolean) => string;

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The LaTeX inside `$...$` and the like, or the text itself. */
export const innerTex = (s: string): string =>
  s
    .trim()
    .replace(
      /^\$\$([\s\S]*)\$\$$|^\$([\s\S]*)\$$|^\\\(([\s\S]*)\\\)$|^\\\[([\s\S]*)\\\]$/,
      (_, a?: string, b?: string, c?: string, d?: string) => a ?? b ?? c ?? d ?? '',
    );

const MATH = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|\$([^$\n]+?)\$/g;

/** Inline Markdown on text that holds no math: escaped first, then the few marks prompts use. */
const inline = (s: string): string =>
  escapeHtml(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');

function paragraph(text: string, tex: TexToHtml): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    out += inline(text.slice(last, m.index));
    const display = m[1] !== undefined || m[2] !== undefined;
    out += tex((m[1] ?? m[2] ?? m[3] ?? m[4])!.trim(), display);
    last = m.index + m[0].length;
  }
  return out + inline(text.slice(last));
}

/** A prompt as paragraphs (blank lines separate them), its math typeset. */
export const renderProse = (text: string, tex: TexToHtml): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${paragraph(p, tex)}</p>`)
    .join('');
