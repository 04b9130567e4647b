/** Help text, drawn from the verbs table: the general help, a verb's own, and the short usage line of an error. */
import { OPTIONS, type OptionName, type UsageError } from './args.js';
import type { Verb } from './verbs.js';

const optionLine = (name: OptionName | 'help' | 'version', formats?: readonly string[]): string => {
  const o = OPTIONS[name];
  const short = 'short' in o ? `-${o.short}, ` : '';
  const head = `${short}--${name}${'value' in o ? ` ${o.value}` : ''}`;
  const help = name === 'format' && formats ? `${formats.join(', ')} (default ${formats[0]})` : o.help;
  return `  ${head.padEnd(24)} ${help}`;
};

export function generalHelp(verbs: readonly Verb[]): string {
  const width = Math.max(...verbs.map((v) => v.name.length)) + 2;
  return [
    'Usage: grader <command> [options]',
    '',
    'Commands:',
    ...verbs.map((v) => `  ${v.name.padEnd(width)} ${v.summary}`),
    '',
    'Options:',
    optionLine('help'),
    optionLine('version'),
    '',
    'Run `grader <command> --help` for its arguments, options and examples.',
    '',
  ].join('\n');
}

export function verbHelp(v: Verb): string {
  return [
    `Usage: grader ${v.name}${v.usage ? ` ${v.usage}` : ''} [options]`,
    '',
    `${v.summary[0]!.toUpperCase()}${v.summary.slice(1)}.`,
    ...(v.details ? ['', v.details] : []),
    '',
    'Options:',
    ...v.options.map((o) => optionLine(o, v.formats)),
    optionLine('help'),
    '',
    'Examples:',
    ...v.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** A usage error in two lines: what is wrong, and the usage with where to read more. */
export function usageError(e: UsageError, verbs: readonly Verb[]): string {
  const v = verbs.find((x) => x.name === e.verb);
  if (!v) return `grader: ${e.message}\nUsage: grader <command> [options] (see grader --help)\n`;
  return `grader ${v.name}: ${e.message}\nUsage: grader ${v.name}${v.usage ? ` ${v.usage}` : ''} [options] (see grader ${v.name} --help)\n`;
}
