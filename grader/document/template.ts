import type { SetNaming } from './types.js';
export function renderTemplate(_set: SetNaming & { readonly prompts: ReadonlyMap<string, string> }, _format: 'tex' | 'md' | 'yaml'): string {
  return '';
}
