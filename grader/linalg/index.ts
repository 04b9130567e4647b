/**
 * linalg/: dense row-major matrices over Float64Array and their kernels, the only value type
 * evaluation knows. Imports nothing of ours; expr/, sample/, compare/ and bank/ use it.
 */
export * from './mat.js';
