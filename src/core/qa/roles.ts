/**
 * The words schools use for a role, mapped to one canonical role name (types.ts StaffRole). The
 * same table reads the QA calendar's owner chains and the Staff tab's Role column, so "HOY" in a
 * chain finds a teacher whose Role says "Year Achievement Manager".
 */

export interface RoleWords {
  role: string; // canonical, as in StaffRole
  /** Regex sources, lower case, matched as whole words. */
  words: string[];
  /** A group name that stands for several roles (e.g. "Attendance team"). */
  members?: string[];
  /** Roles that take a year ("HOY 10", "SLT link for year 11"). */
  takesYear?: boolean;
}

// Order matters only for readability: matching always prefers the longest phrase.
export const ROLE_TABLE: RoleWords[] = [
  { role: 'Tutor/Assembly SLT lead', words: ['tutor ?/ ?assembly slt lead', 'tutor and assembly slt lead', 'assembly slt lead'] },
  { role: 'SLT attendance', words: ['slt attendance lead', 'slt attendance', 'slt lead for attendance', 'attendance lead'] },
  { role: 'SLT link', words: ['slt year links?', 'slt links?', 'year links?'], takesYear: true },
  { role: 'Deputy Head of Year', words: ['deputy hoy', 'deputy head of year', 'dhoy', 'deputy yam', 'assistant head of year'], takesYear: true },
  {
    role: 'Head of Year',
    words: ['hoys?', 'heads? of year', 'yams?', 'year achievement managers?', 'year leaders?'],
    takesYear: true,
  },
  { role: 'Attendance officer', words: ['attendance officers?'] },
  { role: 'Pastoral manager', words: ['pastoral managers?'] },
  { role: 'PSW attendance', words: ['psw attendance', 'attendance psws?', 'psws?', 'pastoral support workers?'] },
  { role: 'Student reception', words: ['student reception', 'reception'] },
  { role: 'Attendance team', words: ['attendance team'], members: ['Attendance officer', 'PSW attendance'] },
  { role: 'Form tutor', words: ['form tutors?', 'tutors?', 'fts?'] },
  { role: 'Curriculum leader', words: ['curriculum leaders?', 'cls?', 'heads? of department', 'hods?'] },
  { role: 'Head of subject', words: ['heads? of subject'] },
  { role: 'Class teacher', words: ['class teachers?', 'subject teachers?', 'teachers?'] },
  { role: 'Intervention team', words: ['intervention team'] },
  { role: 'EWO', words: ['ewos?', 'education welfare officers?'] },
  { role: 'PP lead', words: ['pp lead', 'pupil premium lead', 'pupil premium coordinator'] },
  { role: 'SENCO', words: ['sencos?', 'sendcos?'] },
  { role: 'EAL coordinator', words: ['eal coordinator', 'eal co-ordinator', 'eal lead'] },
  { role: 'Tracking and mentoring lead', words: ['tracking and mentoring lead', 'tracking & mentoring lead'] },
  { role: 'Raising Achievement Coordinator', words: ['raising achievement coordinator', 'rac'] },
  { role: 'Mentor', words: ['mentors?'] },
  { role: 'SLT', words: ['slt', 'senior leadership team', 'senior leaders?', 'deputy head', 'headteacher'] },
];

interface Phrase {
  entry: RoleWords;
  re: RegExp;
  length: number;
}

let phrases_: Phrase[] | null = null;

/** Every phrase of the table, longest first, so "SLT attendance lead" beats "SLT". */
function phrases(): Phrase[] {
  if (phrases_) return phrases_;
  const out: Phrase[] = [];
  for (const entry of ROLE_TABLE) {
    for (const w of entry.words) {
      out.push({ entry, re: new RegExp('^(?:' + w.replace(/ /g, '\\s*') + ')(?![a-z0-9])', 'i'), length: w.replace(/[?\\]/g, '').length });
    }
  }
  out.sort((a, b) => b.length - a.length);
  phrases_ = out;
  return out;
}

export interface RoleMatch {
  entry: RoleWords;
  start: number;
  end: number;
  years: number[];
}

const YEAR_LIST_RE = /^\s*(?:years?\s*|yr\s*|y)?(\d{1,2}(?:\s*(?:&|and|,|\/|-|to)\s*\d{1,2})*)(?![0-9])/i;

/** Year groups written after a role or in a task: "10 &11" → [10, 11], "7, 8 and 9" → [7, 8, 9], "7-9" → [7, 8, 9]. */
export function parseYearList(text: string): number[] {
  const years: number[] = [];
  const re = /(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const a = +m[1];
    const b = m[2] ? +m[2] : a;
    for (let y = a; y <= b && y - a < 14; y++) if (y >= 1 && y <= 14 && years.indexOf(y) < 0) years.push(y);
  }
  return years.sort((x, y) => x - y);
}

/** Every role phrase in a piece of text, left to right, with any year list written after it. */
export function findRoles(text: string): RoleMatch[] {
  const out: RoleMatch[] = [];
  const lower = text.toLowerCase();
  let i = 0;
  while (i < lower.length) {
    const atWordStart = i === 0 || !/[a-z0-9]/.test(lower[i - 1]);
    let matched: RoleMatch | null = null;
    if (atWordStart) {
      const rest = lower.slice(i);
      for (const p of phrases()) {
        const m = p.re.exec(rest);
        if (!m) continue;
        let end = i + m[0].length;
        let years: number[] = [];
        if (p.entry.takesYear) {
          const y = YEAR_LIST_RE.exec(lower.slice(end));
          if (y) {
            years = parseYearList(y[1]);
            end += y[0].length;
          }
        }
        matched = { entry: p.entry, start: i, end, years };
        break;
      }
    }
    if (matched) {
      out.push(matched);
      i = matched.end;
    } else {
      i++;
    }
  }
  return out;
}

/** The canonical roles a Staff tab Role cell holds ("HoY; Form tutor" → Head of Year, Form tutor). */
export function canonicalRoles(cell: string): { role: string; years: number[] }[] {
  return findRoles(cell).map((m) => ({ role: m.entry.role, years: m.years }));
}

export function roleEntry(role: string): RoleWords | undefined {
  const r = role.toLowerCase();
  for (const e of ROLE_TABLE) if (e.role.toLowerCase() === r) return e;
  return undefined;
}
