/**
 * A marksheet exported with one column per subject (SIMS/Arbor "marksheet" style) → the long form
 * the Progress tab uses (one row per pupil and subject). Headers say the subject and, optionally,
 * which grade: "Maths Target", "Maths - Current", "English (Predicted)", "Science FFT Target";
 * a bare subject header ("History") is the current working-at grade. The UPN column is found by
 * the usual aliases; other identity columns (name, reg group, year) are ignored.
 */
import { normaliseHeader } from '../tabs';

const KINDS: { kind: 'target' | 'current' | 'predicted'; words: string[] }[] = [
  { kind: 'target', words: ['fft target', 'target grade', 'target'] },
  { kind: 'predicted', words: ['predicted grade', 'predicted', 'prediction'] },
  { kind: 'current', words: ['working at', 'current grade', 'current'] },
];
const IDENTITY = ['upn', 'unique pupil number', 'pupil upn', 'adno', 'admission no', 'admission number', 'forename', 'surname',
  'legal forename', 'legal surname', 'name', 'pupil', 'pupil name', 'year', 'nc year', 'year group', 'reg group', 'form', 'reg',
  'registration group', 'tutor group', 'class', 'pp', 'eal', 'sen'];

export interface WideColumn {
  index: number;
  subject: string;
  kind: 'target' | 'current' | 'predicted';
}

export function readWideHeader(header: unknown[]): { upnIndex: number; columns: WideColumn[]; messages: string[] } {
  const messages: string[] = [];
  const norm = header.map(normaliseHeader);
  const upnIndex = norm.findIndex((h) => h === 'upn' || h === 'unique pupil number' || h === 'pupil upn');
  if (upnIndex < 0) messages.push('Progress (one column per subject): no "UPN" column (looked for UPN, Unique Pupil Number, Pupil UPN).');
  const columns: WideColumn[] = [];
  header.forEach((raw, index) => {
    const h = norm[index];
    if (!h || IDENTITY.indexOf(h) >= 0) return;
    const text = String(raw).replace(/[()\-–:]/g, ' ').replace(/\s+/g, ' ').trim();
    let kind: WideColumn['kind'] = 'current';
    let subject = text;
    for (const k of KINDS) {
      const w = k.words.find((word) => new RegExp(`\\b${word}$`, 'i').test(text));
      if (w) {
        kind = k.kind;
        subject = text.slice(0, text.length - w.length).trim();
        break;
      }
    }
    if (subject) columns.push({ index, subject, kind });
  });
  const seen = new Set<string>();
  for (const c of columns) {
    const k = `${c.subject.toLowerCase()}|${c.kind}`;
    if (seen.has(k)) messages.push(`Progress (one column per subject): two "${c.subject}" ${c.kind} columns. Rename or delete one.`);
    seen.add(k);
  }
  return { upnIndex, columns, messages };
}

/** Rows of the wide marksheet (header first) → rows of the long Progress form (header first). */
export function wideProgressToLong(rows: unknown[][]): { rows: unknown[][]; messages: string[]; sourceRows: number[] } {
  const head = readWideHeader(rows[0] || []);
  const out: unknown[][] = [['UPN', 'Subject', 'Target', 'Current', 'Predicted']];
  // sourceRows[i]: the marksheet's sheet row (1-based) of long row i + 2, so a refusal names the row the person sees.
  const sourceRows: number[] = [];
  if (head.messages.length) return { rows: out, messages: head.messages, sourceRows };
  const subjects: string[] = [];
  for (const c of head.columns) if (subjects.indexOf(c.subject) < 0) subjects.push(c.subject);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] || [];
    const upn = row[head.upnIndex];
    if (upn === '' || upn === undefined || upn === null) continue;
    for (const subject of subjects) {
      const cell = (kind: WideColumn['kind']) => {
        const c = head.columns.find((x) => x.subject === subject && x.kind === kind);
        return c ? row[c.index] ?? '' : '';
      };
      const target = cell('target');
      const current = cell('current');
      const predicted = cell('predicted');
      if (target === '' && current === '' && predicted === '') continue;
      out.push([upn, subject, target, current, predicted]);
      sourceRows.push(r + 1);
    }
  }
  return { rows: out, messages: [], sourceRows };
}
