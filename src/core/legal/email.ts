/**
 * The attendance officer's morning e-mail: "what is due next" in the legal cases (issue 19), as
 * one evidence section — the pupils of compulsory school age with a legal step to take now, with
 * the line the Attendance tab's Legal Next column shows. Pure: built from the cases the legal jobs
 * work out (jobs/legal/cases.ts); e-mail layout is core/email's.
 */
import { LegalDue } from './dueNext';
import { byListName } from '../pupils/names';

export interface LegalDueRow {
  name: string; // "Surname, Forename"
  year: number;
  regGroup: string;
  due: LegalDue;
}

export interface LegalDueSection {
  title: string;
  file: string;
  columns: string[];
  rows: (string | number)[][];
  note?: string;
  noun: string;
}

export const LEGAL_SECTION_TITLE = 'Legal steps due (pupils of compulsory school age, unauthorised absence)';

/** Only cases with something to do now (information-only lines, e.g. a period still running, are left out), in surname order. */
export function legalDueSection(cases: LegalDueRow[]): LegalDueSection {
  const rows = cases
    .filter((c) => c.due.items.some((i) => i.action))
    .sort((a, b) => byListName(a.name, b.name)) // lists in surname order, as every e-mail list
    .map((c) => [c.name, c.year, c.regGroup, c.due.items.filter((i) => i.action).map((i) => i.text).join('; ')]);
  return {
    title: LEGAL_SECTION_TITLE,
    file: 'legal-steps-due',
    columns: ['Pupil', 'Year', 'Reg group', 'Due next'],
    rows,
    note: rows.length ? undefined : 'No legal step is due today.',
    noun: rows.length === 1 ? 'pupil' : 'pupils',
  };
}
