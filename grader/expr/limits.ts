/** Bounds on untrusted expressions (listed with every other limit in core/limits.ts). */
export { EXPRESSION_LIMITS as LIMITS } from '../core/limits.js';
