/**
 * The weekly digests (SPEC §6, issue 7): SLT (whole school), form tutor, Head of Year, curriculum
 * leader, PP lead, SENCO and EAL coordinator — one e-mail per person per week (core digestEmails),
 * sent through gas/mail.ts.
 *
 * Which week: run on Monday to Thursday, a digest covers the previous school week (the week just
 * finished); run on Friday to Sunday (e.g. "Send weekly digests now" at the end of the week), the
 * current week. The send key is the covered week's Monday, so clicking again never resends.
 *
 * Last week's figures (for "change since last week" and the trend chart) are kept in the hidden
 * "Digest History" tab — counts only, no pupil data, one row per week.
 */
import { addDays, IsoDate, weekday, weekStart } from '../../core/dates';
import { Settings } from '../../core/settings';
import { HomeworkMiss } from '../../core/types';
import { homeworkWeeks } from '../../core/homework/weeks';
import { countsAsMiss } from '../../core/homework/misses';
import { normUpn } from '../../core/homework/roll';
import { sopReview } from '../../core/homework/sop';
import { digestEmails } from '../../core/email/digests';
import { DigestInput, DigestMiss, DigestPupil, DigestSnapshot, snapshotOf } from '../../core/email/digestData';
import { isNonTaskDay } from '../../core/qa/checks';
import { sendMails, MailOutcome } from '../../gas/mail';
import { cellText, toCell } from '../../gas/cells';
import { loadTabs } from '../load';
import { loadQaContext, QaContext } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DIGEST_HISTORY = 'Digest History';
const HISTORY_HEADER = ['Week Start', 'Attendance %', 'Snapshot'];

export interface DigestResult {
  asOf: IsoDate;
  weekStart: IsoDate;
  recipients: number;
  mail: MailOutcome;
  problems: string[];
}

export function digestWeek(asOf: IsoDate, schoolWeeks: IsoDate[]): IsoDate {
  const thisWeek = weekStart(asOf);
  if (weekday(asOf) >= 4) return thisWeek;
  const before = schoolWeeks.filter((w) => w < thisWeek);
  return before.length ? before[before.length - 1] : addDays(thisWeek, -7);
}

export function weeklyDigestsJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate, shared?: QaContext): DigestResult {
  const ctx = shared || loadQaContext(ss, settings, asOf, ['Homework Log', 'Homework Set']);
  const problems = ctx.problems.slice();
  let log = ctx.data['Homework Log'];
  let set = ctx.data['Homework Set'];
  if (!log || !set) {
    const more = loadTabs(ss, ['Homework Log', 'Homework Set']);
    log = more.data['Homework Log'] || [];
    set = more.data['Homework Set'] || [];
    problems.push(...more.problems);
  }
  const history = readHistory(ss);
  const input = digestInput(ctx, log, set, history);
  writeHistory(ss, input, wholeSchoolPercent(ctx), history);
  const { emails, problems: planProblems } = digestEmails(input, { staff: ctx.staff, settings, pupils: ctx.pupils });
  problems.push(...planProblems);
  const mail = sendMails(ss, emails, { settings, staff: ctx.staff, pupils: ctx.pupils, asOf });
  problems.push(...mail.problems);
  return { asOf, weekStart: input.weekStart, recipients: emails.length, mail, problems };
}

interface HistoryRow {
  weekStart: IsoDate;
  percent: number | null;
  snapshot: DigestSnapshot | null;
  row: number;
}

function digestInput(ctx: QaContext, log: HomeworkMiss[], set: import('../../core/types').HomeworkSet[], history: HistoryRow[]): DigestInput {
  const { review, settings, asOf } = ctx;
  const week = digestWeek(asOf, review.calendar.schoolWeeks);
  const weekEnd = addDays(week, 6);
  const hw = homeworkWeeks({ log, pupils: ctx.pupils, asOf, settings, schoolWeeks: review.calendar.schoolWeeks });
  const wi = hw.weeks.indexOf(week);
  const byUpn = new Map(ctx.pupils.map((p) => [p.upn, p]));

  const pupils: DigestPupil[] = review.pupils.map((r) => {
    const p = byUpn.get(r.upn)!;
    const h = hw.pupils.get(normUpn(r.upn));
    const wk = h && wi >= 0 ? h.weeks[wi] : null;
    return {
      upn: r.upn,
      name: `${p.forename} ${p.surname}`,
      year: r.year,
      regGroup: r.regGroup,
      pp: r.pp,
      eal: r.eal,
      sen: r.sen,
      attendance:
        r.stage && r.figures.percent !== null
          ? { percent: r.figures.percent, stage: r.stage, pa: r.pa, sa: r.sa, penalty: !!r.penalty, lettersDue: r.ladder.lettersDue.slice() }
          : undefined,
      homework: h ? { band: wk ? wk.band : 'none', misses: wk ? wk.misses : 0, persistent: h.persistent } : undefined,
    };
  });

  const misses: DigestMiss[] = [];
  for (const e of log) {
    if (e.date < week || e.date > weekEnd || !countsAsMiss(e, settings)) continue;
    const p = byUpn.get(e.upn);
    if (!p || (p.leavingDate && p.leavingDate <= asOf)) continue;
    misses.push({ date: e.date, upn: e.upn, name: `${p.forename} ${p.surname}`, year: p.year, regGroup: p.regGroup, subject: e.subject, className: e.className, teacher: e.teacher, reason: e.reason, detentionAttended: e.detentionAttended });
  }
  const sop = sopReview(set, review.calendar.schoolWeeks, asOf, settings);
  const tasks = ctx.tasks.filter((t) => !isNonTaskDay(t.task));
  const previous = history.filter((h) => h.weekStart < week && h.snapshot).pop();
  const trend = history.filter((h) => h.weekStart < week && h.percent !== null).map((h) => ({ weekStart: h.weekStart, percent: h.percent as number }));
  const now = wholeSchoolPercent(ctx);
  if (now !== null) trend.push({ weekStart: week, percent: now });

  return {
    weekStart: week,
    pupils,
    previous: previous ? previous.snapshot : null,
    misses,
    setShortfalls: sop.below.map((r) => ({ className: r.className, subject: r.subject, year: r.year, teacher: r.teachers.join(', '), expected: r.expected, set: r.set })),
    letters: ctx.letters.filter((l) => l.date >= week && l.date <= weekEnd).map((l) => ({ type: l.type, date: l.date })),
    qa: {
      done: tasks.filter((t) => t.date >= week && t.date <= weekEnd && t.status !== ''),
      overdue: tasks.filter((t) => t.date < asOf && t.status === ''),
    },
    trend: trend.slice(-12),
  };
}

function wholeSchoolPercent(ctx: QaContext): number | null {
  let attended = 0;
  let possible = 0;
  for (const p of ctx.review.pupils) {
    attended += p.figures.attended;
    possible += p.figures.possible;
  }
  return possible > 0 ? Math.round((1000 * attended) / possible) / 10 : null;
}

function historySheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(DIGEST_HISTORY);
  if (!sheet) {
    sheet = ss.insertSheet(DIGEST_HISTORY);
    sheet.getRange(1, 1, 1, HISTORY_HEADER.length).setValues([HISTORY_HEADER]);
    sheet.hideSheet();
  } else if (sheet.getLastRow() === 0) {
    // Made by a run that stopped before its header was written: the header first, then the row.
    sheet.getRange(1, 1, 1, HISTORY_HEADER.length).setValues([HISTORY_HEADER]);
  }
  return sheet;
}

function readHistory(ss: Spreadsheet): HistoryRow[] {
  const sheet = ss.getSheetByName(DIGEST_HISTORY);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getDataRange().getValues();
  const out: HistoryRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const week = cellText(values[r][0]);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(week)) continue;
    const pct = typeof values[r][1] === 'number' ? (values[r][1] as number) : null;
    let snapshot: DigestSnapshot | null = null;
    try {
      snapshot = JSON.parse(cellText(values[r][2])) as DigestSnapshot;
    } catch (e) {
      snapshot = null;
    }
    out.push({ weekStart: week, percent: pct, snapshot, row: r + 1 });
  }
  return out.sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}

/** This week's counts (no pupil data): one row per week, replaced when the digest runs again. */
function writeHistory(ss: Spreadsheet, input: DigestInput, percent: number | null, history: HistoryRow[]): void {
  const sheet = historySheet(ss);
  const existing = history.find((h) => h.weekStart === input.weekStart);
  const row = [toCell(input.weekStart, 'date'), percent === null ? '' : percent, toCell(JSON.stringify(snapshotOf(input.pupils, input.weekStart)), 'text')];
  if (existing) sheet.getRange(existing.row, 1, 1, row.length).setValues([row]);
  else sheet.appendRow(row);
}
