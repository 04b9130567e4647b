export * from './shape.js';
export * from './findings.js';
export * from './report.js';
export * from './unreachable.js';
