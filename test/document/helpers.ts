import { BANK } from '../helpers.js';
import { namingOf } from '../../grader/bank/naming.js';
import { readDocument } from '../../grader/document/index.js';
import type { LocatedDocument } from '../../grader/document/types.js';

export const SETS = namingOf(BANK);
export const A2 = 'cs224n-a2';

/** Read a document against the bank's sets, cs224n-a2 unless said (null: the document decides). */
export const read = (file: string, text: string, set: string | null = A2): LocatedDocument => readDocument(file, text, SETS, set ? { set } : {});

/** `id → final` of every located answer, short ids. */
export const finals = (doc: LocatedDocument): Record<string, string> =>
  Object.fromEntries([...doc.answers].map(([id, a]) => [id.split('/').slice(1).join('/'), a.final]));
