/**
 * Text a submission supplies, made safe for a terminal: control characters (ESC, CR, BEL, C1),
 * line breaks and bidirectional overrides are shown as `\x1B`, `\n`, `\u202E`, never sent raw,
 * so an answer or an id cannot draw fake lines, clear the screen or set the window title.
 * Tabs are kept (harmless, and common in pasted formulas).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

export const escapeControls = (text: string): string =>
  text.replace(
    UNSAFE,
    (c) =>
      NAMED[c] ??
      (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`),
  );

/** Characters of a student's text echoed back; a longer one is cut, with its length. */
export const MAX_ECHO = 300;

/** Student text as echoed by `show` (escaped for its format): cut at MAX_ECHO with an ellipsis and the length. */
export const clip = (text: string, show: (part: string) => string): string =>
  text.length > MAX_ECHO ? `${show(text.slice(0, MAX_ECHO))}… (${text.length} characters)` : show(text);
