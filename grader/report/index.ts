/**
 * report/: renderers of finished reports (core/report.ts types) into text for a terminal (the only
 * chalk import), JSON, CSV, Gradescope's results.json and HTML; messages.ts turns finding codes
 * into words, one row per code, checked exhaustive by the compiler. May import core/ only (and its
 * own libraries: chalk, KaTeX): it renders data and never grades; cli/ calls it.
 */
export { message, where } from './messages.js';
export { renderJson, renderQuestionJson } from './json.js';
export { renderText } from './terminal.js';
export { renderCsv } from './csv.js';
export { renderGradescope } from './gradescope.js';
export { renderHtml } from './html.js';
