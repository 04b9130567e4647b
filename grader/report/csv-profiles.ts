/**
 * Gradebooks that a learning platform imports as they are: one row per student with the
 * platform's identity columns, one column per problem set named as the platform names an
 * assignment, and a fixed maximum (the set's points in the bank, not what one student answered).
 *
 * - Canvas (Grades → Import): `Student, ID, SIS User ID, SIS Login ID, Section`, then an
 *   assignment column; a `Points Possible` row under the header sets a new assignment's points.
 *   UTF-8 with a byte-order mark, as Canvas exports it, so that spreadsheet programs keep accents.
 * - Moodle (Grade administration → Import → CSV file): its export's columns `First name, Last name,
 *   ID number, Institution, Department, Email address`, then `<item> (Real)`; the importer maps a
 *   column to a user field (email or ID number) and each grade column to a grade item. No
 *   points row: Moodle would read it as a student.
 * - Blackboard (Grade Center → Work Offline → Upload): `Last Name, First Name, Username, Student ID`,
 *   then `<column> [Total Pts: N Score]`; students are matched on Username; every field quoted,
 *   as Blackboard requires of comma-delimited files.
 */
import type { SubmissionReport } from '../core/index.js';
import { csvCell } from './csv.js';
import { joinRoster, type RosterRow } from './roster.js';

export const CSV_PROFILES = ['canvas', 'moodle', 'blackboard'] as const;
export type CsvProfileName = (typeof CSV_PROFILES)[number];

/** A problem set as a gradebook column: its title and its full points in the bank. */
export interface GradebookSet {
  readonly set: string;
  readonly title: string;
  readonly maxScore: number;
}

interface Profile {
  /** Identity columns, in the platform's order. */
  readonly identity: readonly string[];
  /** The roster columns a submission's student id is matched against. */
  readonly matchOn: readonly string[];
  /** Where the student id goes when there is no roster. */
  readonly idColumn: string;
  readonly column: (s: GradebookSet) => string;
  readonly pointsRow?: string;
  readonly bom: boolean;
  readonly quoteAll: boolean;
}

const PROFILES: Record<CsvProfileName, Profile> = {
  canvas: {
    identity: ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'],
    matchOn: ['SIS Login ID', 'SIS User ID', 'ID', 'Student'],
    idColumn: 'SIS Login ID',
    column: (s) => s.title,
    pointsRow: '    Points Possible',
    bom: true,
    quoteAll: false,
  },
  moodle: {
    identity: ['First name', 'Last name', 'ID number', 'Institution', 'Department', 'Email address'],
    matchOn: ['ID number', 'Email address', 'Username'],
    idColumn: 'ID number',
    column: (s) => `${s.title} (Real)`,
    bom: false,
    quoteAll: false,
  },
  blackboard: {
    identity: ['Last Name', 'First Name', 'Username', 'Student ID'],
    matchOn: ['Username', 'Student ID'],
    idColumn: 'Username',
    column: (s) => `${s.title} [Total Pts: ${s.maxScore} Score]`,
    bom: false,
    quoteAll: true,
  },
};

export interface Gradebook {
  readonly text: string;
  /** Submissions whose student the roster does not have: not in `text`, listed by the caller. */
  readonly unmatched: readonly SubmissionReport[];
}

/** The points a submission scored on a set; null (a blank cell: no change) when it was not read. */
function setScore(s: SubmissionReport, set: string): number | null {
  if (s.error) return null;
  const own = s.questions.filter((q) => q.id.startsWith(`${set}/`));
  return own.length ? Math.round(own.reduce((n, q) => n + q.score, 0) * 1e6) / 1e6 : null;
}

export function renderGradebook(
  name: CsvProfileName,
  submissions: readonly SubmissionReport[],
  sets: readonly GradebookSet[],
  roster?: readonly RosterRow[],
): Gradebook {
  const p = PROFILES[name];
  const join = roster
    ? joinRoster(submissions, roster, p.matchOn)
    : { matched: submissions.map((submission) => ({ submission, person: { [p.idColumn]: submission.student ?? '' } })), unmatched: [] };
  const cell = (v: string | number | null) => csvCell(v, p.quoteAll);
  const header = [...p.identity, ...sets.map(p.column)];
  const rows: (string | number | null)[][] = [header];
  if (p.pointsRow) rows.push([p.pointsRow, ...p.identity.slice(1).map(() => ''), ...sets.map((s) => s.maxScore)]);
  for (const { submission, person } of join.matched)
    rows.push([...p.identity.map((col) => person[col] ?? ''), ...sets.map((s) => setScore(submission, s.set))]);
  const text = rows.map((r) => r.map(cell).join(',')).join('\r\n');
  return { text: `${p.bom ? '\uFEFF' : ''}${text}\r\n`, unmatched: join.unmatched };
}
