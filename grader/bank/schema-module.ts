/**
 * The spec's zod schemas, for the few runs that need them: validating a bank file this build has
 * not validated before (see yaml/cache.ts), `grader schema`. zod is 40% of the bundled CLI, so
 * the build puts them in a file of their own (dist/schema.cjs) and replaces this module with one
 * that loads it on first call (scripts/build.mjs); from source, this is all there is to it.
 */
import * as schema from './schema.js';

export const schemaModule = (): typeof schema => schema;
