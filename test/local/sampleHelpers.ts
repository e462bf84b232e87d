/**
 * Shared by the sample-school tests: one generated school (generation takes about a second) and
 * the small readers the tests use to check it the way an importer would — by header, from strings.
 */
import { generateSampleSchool, SampleSchool } from '../../local/sample/school';

let cached: SampleSchool | undefined;

/** The default sample school (seed 2024, 1,000 pupils, as of 2024-01-26), generated once. */
export function defaultSchool(): SampleSchool {
  if (!cached) cached = generateSampleSchool();
  return cached;
}

/** Rows of a table as objects keyed by header. */
export function records(school: SampleSchool, tab: string): Array<Record<string, string>> {
  const [header, ...rows] = school.tables[tab] as string[][];
  return rows.map((r) => {
    const o: Record<string, string> = {};
    header.forEach((h, i) => { o[h] = r[i]; });
    return o;
  });
}

/** dd/mm/yyyy → yyyy-mm-dd (throws on anything else, so a malformed date fails the test). */
export function iso(uk: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(uk);
  if (!m) throw new Error(`Not a dd/mm/yyyy date: "${uk}"`);
  return `${m[3]}-${m[2]}-${m[1]}`;
}

// SPEC §4.1, written out again here on purpose: the test must not trust the generator's table.
const ATTENDED = ['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B'];
const ABSENT = ['C', 'C1', 'C2', 'J1', 'M', 'S', 'I', 'R', 'T', 'E', 'G', 'N', 'O', 'U'];

export interface PupilMarks {
  upn: string;
  marks: Array<{ date: string; session: string; code: string }>; // ISO dates, in date order
}

export function marksByPupil(school: SampleSchool): Map<string, PupilMarks> {
  const out = new Map<string, PupilMarks>();
  for (const r of records(school, 'Attendance Marks')) {
    let p = out.get(r.UPN);
    if (!p) out.set(r.UPN, (p = { upn: r.UPN, marks: [] }));
    p.marks.push({ date: iso(r.Date), session: r.Session, code: r.Code });
  }
  for (const p of out.values()) p.marks.sort((a, b) => (a.date + a.session < b.date + b.session ? -1 : 1));
  return out;
}

export function percentOf(p: PupilMarks): number {
  let possible = 0;
  let attended = 0;
  for (const m of p.marks) {
    if (ATTENDED.indexOf(m.code) >= 0) { possible++; attended++; } else if (ABSENT.indexOf(m.code) >= 0) possible++;
  }
  return possible ? (100 * attended) / possible : 100;
}
