/**
 * The `yaml` library, for the runs that parse YAML: a bank file this build has not read before,
 * a submission the small reader (plain.ts) leaves to the parser, an error's position. Most runs
 * parse none (cache.ts, plain.ts), and setting the library up was a few milliseconds of every
 * start, so the build replaces this module with one that loads it on first call
 * (scripts/build.mjs); from source, this is all there is to it.
 */
import * as yaml from 'yaml';

export const yamlModule = (): typeof yaml => yaml;
