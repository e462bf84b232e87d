/**
 * out/report.json (SPEC §8): a stable contract for other tools, read back from what the add-on
 * left in the tracker — the Attendance, Homework Tracker, Progress and Letters Log tabs, the QA
 * Calendar — and the e-mails MailApp sent. Reading the tracker (rather than the jobs' memory)
 * means the report says exactly what a school would see in its spreadsheet.
 *
 * Shape (every field always present):
 *   asOf, school, pupils[{upn, name, year, regGroup,
 *     homework{weeks[{weekStart, misses, band}], persistent},
 *     attendance{possible, attended, percent, stage, persistentAbsence, severeAbsence,
 *                penaltyThreshold, lettersDue[], held,
 *                authorised, unauthorised, tooFewSessions, compulsorySchoolAge, penaltyFirstMet},
 *     progress[{subject, target, current, status}]}],
 *   letters[{type, upn, date, document, copies}], emails[{to, subject}], qa[{date, task, reminded[]}],
 *   calls{total, byClass}, problems[]
 */
import { LocalGoogle } from '../google';
import { parseTab } from '../../src/core/records/parse';
import { normaliseHeader } from '../../src/core/tabs';
import { onRoll } from '../../src/core/pupils/roll';
import { londonDate, isIsoDate } from '../../src/core/dates';
import { Settings } from '../../src/core/settings';
import { bandFor } from '../../src/core/homework/weeks';
import { STAGE_WORDS, TOO_FEW_SESSIONS } from '../../src/core/attendance/stage';

type Row = unknown[];

/** The values SPEC §8 allows in lettersDue. */
const LETTERS_DUE = ['AT1', 'AT2', 'panel', 'EWO', 'PA'];

function tabValues(g: LocalGoogle, name: string): Row[] {
  const sheet = (g.spreadsheet as any)._sheetByName ? (g.spreadsheet as any)._sheetByName(name) : null;
  const s = sheet ?? (g.spreadsheet as any).getSheetByName(name);
  if (!s || s.getLastRow() === 0) return [];
  return s.getDataRange().getValues();
}

function byHeader(values: Row[]): { idx: (h: string) => number; rows: Row[] } {
  const header = (values[0] || []).map((h) => normaliseHeader(h));
  return { idx: (h: string) => header.indexOf(normaliseHeader(h)), rows: values.slice(1) };
}

const text = (v: unknown) => (Object.prototype.toString.call(v) === '[object Date]' ? londonDate(v as Date) : String(v ?? '').trim());
const yes = (v: unknown) => /^(yes|true)$/i.test(text(v));

export interface ReportExtras {
  asOf: string;
  settings: Settings;
  problems: string[];
  /** The tracker's state before this run, to tell this run's letters from history. */
  lettersBefore: Set<string>;
}

export function buildReport(g: LocalGoogle, x: ReportExtras): Record<string, unknown> {
  const students = parseTab('Students', tabValues(g, 'Students')).records;
  const roll = onRoll(students, x.asOf);

  // Attendance tab
  const att = byHeader(tabValues(g, 'Attendance'));
  const attByUpn = new Map<string, Row>();
  for (const r of att.rows) attByUpn.set(text(r[att.idx('UPN')]), r);
  const num = (r: Row | undefined, h: string) => {
    const v = r ? r[att.idx(h)] : '';
    return typeof v === 'number' ? v : v === '' || v === undefined ? null : Number(v);
  };

  // Homework Tracker: fixed columns then one per school week headed dd/mm/yyyy.
  const hwValues = tabValues(g, 'Homework Tracker');
  const hw = byHeader(hwValues);
  const weekCols: { col: number; weekStart: string }[] = [];
  (hwValues[0] || []).forEach((h, col) => {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text(h));
    const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : isIsoDate(text(h)) ? text(h) : '';
    if (iso) weekCols.push({ col, weekStart: iso });
  });
  const hwByUpn = new Map<string, Row>();
  for (const r of hw.rows) hwByUpn.set(text(r[hw.idx('UPN')]), r);

  // Progress tab
  const prog = byHeader(tabValues(g, 'Progress'));
  const progByUpn = new Map<string, Row[]>();
  for (const r of prog.rows) {
    const u = text(r[prog.idx('UPN')]);
    if (!progByUpn.has(u)) progByUpn.set(u, []);
    progByUpn.get(u)!.push(r);
  }

  const pupils = roll.map((p) => {
    const a = attByUpn.get(p.upn);
    const h = hwByUpn.get(p.upn);
    const weeks = h
      ? weekCols.map(({ col, weekStart }) => {
          const misses = typeof h[col] === 'number' ? (h[col] as number) : Number(h[col]) || 0;
          return { weekStart, misses, band: bandFor(misses, x.settings) };
        })
      : [];
    // SPEC §8: a held pupil gets no letter, so nothing is due for them in the report; the tab
    // still shows what is waiting for the Head of Year, with the Held column saying why.
    // Attendance fields are defined in docs/attendance.md (academic year to date, exact PA/SA).
    const held = a ? text(a[att.idx('Held')]) !== '' && !/^no$/i.test(text(a[att.idx('Held')])) : false;
    const lettersDue = a && !held ? text(a[att.idx('Letters Due')]).split(/[,\s]+/).filter((t) => LETTERS_DUE.indexOf(t) >= 0) : [];
    const stageText = a ? text(a[att.idx('Stage')]) : '';
    const tooFew = stageText === TOO_FEW_SESSIONS;
    const firstMet = a && att.idx('Penalty First Met') >= 0 ? text(a[att.idx('Penalty First Met')]) : '';
    return {
      upn: p.upn,
      name: `${p.forename} ${p.surname}`,
      year: p.year,
      regGroup: p.regGroup,
      homework: { weeks, persistent: h ? yes(h[hw.idx('Persistent')]) : false },
      attendance: {
        possible: num(a, 'Possible'),
        attended: num(a, 'Present'),
        percent: num(a, '%'),
        // The tab shows words ("Level 1"); report.json keeps its codes (docs/dry-run.md).
        stage: tooFew ? null : stageCode(stageText),
        persistentAbsence: a ? yes(a[att.idx('PA')]) : false,
        severeAbsence: a ? yes(a[att.idx('SA')]) : false,
        penaltyThreshold: a ? yes(a[att.idx('Penalty Threshold')]) : false,
        lettersDue,
        held,
        authorised: num(a, 'Authorised'),
        unauthorised: num(a, 'Unauthorised'),
        tooFewSessions: tooFew,
        compulsorySchoolAge: a ? yes(a[att.idx('Compulsory School Age')]) : null,
        penaltyFirstMet: isIsoDate(firstMet) ? firstMet : null,
      },
      progress: (progByUpn.get(p.upn) || []).map((r) => ({
        subject: text(r[prog.idx('Subject')]),
        target: text(r[prog.idx('Target')]),
        current: text(r[prog.idx('Current')]),
        status: text(r[prog.idx('Status')]).toLowerCase(),
      })),
    };
  });

  const log = byHeader(tabValues(g, 'Letters Log'));
  // One entry per rung a family was written about (a letter covering AT1 and PA is two rungs);
  // the Letters Log has a row per rung per household written to, so `copies` counts households.
  const letters: { type: string; upn: string; date: string; document: string; copies: number }[] = [];
  const seen = new Map<string, { copies: number }>();
  for (const r of log.rows) {
    if (x.lettersBefore.has(text(r[log.idx('Key')])) || text(r[log.idx('Type')]) === 'episode-end') continue;
    const e = { type: text(r[log.idx('Type')]), upn: text(r[log.idx('UPN')]), date: text(r[log.idx('Date')]), document: text(r[log.idx('Batch Document')]), copies: 1 };
    const k = `${e.type}|${e.upn}|${e.date}|${e.document}`;
    const had = seen.get(k);
    if (had) had.copies++;
    else {
      seen.set(k, e);
      letters.push(e);
    }
  }

  const sent = ((g.services.MailApp as any)._sent || []) as { to: string[]; subject: string }[];
  const emails = sent.map((m) => ({ to: m.to.join(', '), subject: m.subject }));

  // qa[] comes from the morning runs' own record of who was reminded of what (demo.ts).
  const qa: { date: string; task: string; reminded: string[] }[] = [];

  return {
    asOf: x.asOf,
    school: x.settings.school.name,
    pupils,
    letters,
    emails,
    qa,
    calls: { total: g.env.total, byClass: g.env.countsByClass() },
    problems: x.problems,
  };
}

/** "Level 1" (the Attendance tab's word) → "level1" (report.json's code); an unknown text stays as it is. */
function stageCode(words: string): string | null {
  if (!words) return null;
  const code = (Object.keys(STAGE_WORDS) as Array<keyof typeof STAGE_WORDS>).find((k) => STAGE_WORDS[k].toLowerCase() === words.toLowerCase());
  return code || words;
}
