/**
 * A learning platform's roster (its gradebook export, a CSV) and the join of submission student
 * ids to its people. A submission matches a person when its `student` equals, ignoring case and
 * surrounding space, one of the profile's identity columns (or the part of an email address before
 * the `@`). Unmatched submissions are returned, never dropped.
 */
import type { SubmissionReport } from '../core/index.js';

export type RosterRow = Readonly<Record<string, string>>;

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a leading byte-order mark) → rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/** The roster's people: one record per row, keyed by the header's names (trimmed); Canvas's `Points Possible` row is no one. */
export function parseRoster(text: string): RosterRow[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return rows.filter((r) => r[0]?.trim() !== 'Points Possible').map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()])));
}

export interface Joined {
  readonly submission: SubmissionReport;
  readonly person: RosterRow;
}

export interface Join {
  readonly matched: readonly Joined[];
  readonly unmatched: readonly SubmissionReport[];
}

const norm = (s: string): string => s.trim().toLowerCase();

/** Joins submissions to roster rows on the given identity columns. */
export function joinRoster(submissions: readonly SubmissionReport[], roster: readonly RosterRow[], identities: readonly string[]): Join {
  const index = new Map<string, RosterRow>();
  for (const person of roster)
    for (const col of identities) {
      const v = person[col];
      if (!v) continue;
      if (!index.has(norm(v))) index.set(norm(v), person);
      const local = /^([^@\s]+)@/.exec(v)?.[1];
      if (local && !index.has(norm(local))) index.set(norm(local), person);
    }
  const matched: Joined[] = [];
  const unmatched: SubmissionReport[] = [];
  for (const s of submissions) {
    const person = s.student ? index.get(norm(s.student)) : undefined;
    if (person) matched.push({ submission: s, person });
    else unmatched.push(s);
  }
  return { matched, unmatched };
}
