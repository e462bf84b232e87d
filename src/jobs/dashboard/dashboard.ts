/**
 * Refresh dashboard (issue 9): a generated "Dashboard" tab for SLT with four small tables and a
 * Sheets embedded chart beside each — attendance by stage and year, the PA rate week by week over
 * the term, homework pink/red by week, letters by type. Each source tab is read once; the tab is
 * written with one setValues; the old charts are removed and four new ones inserted, so the number
 * of calls is the same for 100 pupils or 2,000.
 */
import { IsoDate } from '../../core/dates';
import { Settings } from '../../core/settings';
import { reviewAttendance } from '../../core/attendance/review';
import { indexRegister, pupilMarks } from '../../core/attendance/register';
import { weeklyFigures, WeeklyFigures } from '../../core/attendance/history';
import { countFrom } from '../../core/attendance/pupilReview';
import { isLeaver } from '../../core/pupils/roll';
import { homeworkWeeks } from '../../core/homework/weeks';
import { replaceContent } from '../../gas/tables';
import { readPastoral } from '../profile/read';
import { paRateByWeek, termWeekIndexes } from './weekly';
import { attendanceByStageAndYear, dashboardBlocks, DashboardData, homeworkByWeek, layoutBlocks, lettersByType } from './summaries';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DASHBOARD_TAB = 'Dashboard';

export interface DashboardResult extends DashboardData {
  tab: string;
  rowsWritten: number;
  charts: { title: string; type: string; range: string }[];
  removedCharts: number;
  problems: string[];
}

/** Pure: the dashboard's figures from records. */
export function dashboardData(input: {
  pupils: import('../../core/types').Pupil[];
  marks: import('../../core/types').Mark[];
  summaries: import('../../core/types').AttendanceSummary[];
  letters: import('../../core/types').LetterLogEntry[];
  latesToLesson: import('../../core/types').LateToLesson[];
  homeworkLog: import('../../core/types').HomeworkMiss[];
  settings: Settings;
  asOf: IsoDate;
}): DashboardData {
  const { settings, asOf } = input;
  const review = reviewAttendance({ ...input });
  const cal = review.calendar;
  const reg = indexRegister(input.marks, asOf);
  // The year to date for pupils on roll; this year's leavers up to their leaving date (as the DfE counts).
  const weekly: WeeklyFigures[] = [];
  const year = review.academicYear;
  for (const p of input.pupils) {
    const leaver = isLeaver(p, asOf);
    if (leaver && (p.leavingDate as IsoDate) < year.start) continue;
    const raw = reg.byUpn.get(p.upn);
    if (raw && raw.length) weekly.push(weeklyFigures(pupilMarks(p.upn, raw, cal), cal, countFrom(p, year), leaver ? (p.leavingDate as IsoDate) : ''));
  }
  const hw = homeworkWeeks({ log: input.homeworkLog, pupils: input.pupils, asOf, settings, schoolWeeks: cal.schoolWeeks.length ? cal.schoolWeeks : undefined });
  return {
    asOf,
    stages: attendanceByStageAndYear(review),
    pa: weekly.length ? paRateByWeek(weekly, cal, termWeekIndexes(cal, asOf), settings) : [],
    homework: homeworkByWeek(hw),
    letters: lettersByType(input.letters, asOf, settings),
  };
}

function a1(row: number, col: number, rows: number, cols: number): string {
  const letter = (c: number) => String.fromCharCode(64 + c);
  return `${letter(col)}${row}:${letter(col + cols - 1)}${row + rows - 1}`;
}

export function refreshDashboardJob(ss: Spreadsheet, settings: Settings, asOf: IsoDate): DashboardResult {
  const { data, marks, problems } = readPastoral(ss, ['Students', 'Attendance Marks', 'Attendance Summary', 'Letters Log', 'Lates to Lesson', 'Homework Log'], settings);
  const d = dashboardData({
    pupils: data.Students || [],
    marks,
    summaries: data.summaries || [],
    letters: data['Letters Log'] || [],
    latesToLesson: data['Lates to Lesson'] || [],
    homeworkLog: data['Homework Log'] || [],
    settings,
    asOf,
  });
  const blocks = dashboardBlocks(d);
  const layout = layoutBlocks(`${settings.school.name}: pastoral dashboard`, asOf, blocks);

  const sheet = ss.getSheetByName(DASHBOARD_TAB) || ss.insertSheet(DASHBOARD_TAB);
  const old = sheet.getCharts();
  for (const c of old) sheet.removeChart(c);
  replaceContent(sheet, layout.grid);
  sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
  for (const r of layout.ranges) {
    // A fixed number of calls per block (four blocks), never per pupil.
    sheet.getRange(r.row - 1, 1).setFontWeight('bold');
    sheet.getRange(r.row, r.col, 1, r.cols).setFontWeight('bold').setBackground('#e8eaed');
  }
  const charts: DashboardResult['charts'] = [];
  const chartCol = Math.max(...blocks.map((b) => b.header.length)) + 2;
  let top = 1;
  blocks.forEach((b, i) => {
    const r = layout.ranges[i];
    const range = sheet.getRange(r.row, r.col, r.rows, r.chartColumns);
    let builder = sheet.newChart();
    builder = b.chart.type === 'LINE' ? builder.asLineChart() : b.chart.type === 'BAR' ? builder.asBarChart() : builder.asColumnChart();
    builder = builder
      .addRange(range)
      .setNumHeaders(1)
      .setPosition(top, chartCol, 0, 0)
      .setOption('title', b.chart.title)
      .setOption('legend', { position: 'bottom' })
      .setOption('width', 480)
      .setOption('height', 280);
    if (b.chart.stacked) builder = builder.setOption('isStacked', true);
    if (b.chart.title.startsWith('Homework')) builder = builder.setOption('colors', ['#f4b6c2', '#e06666']);
    sheet.insertChart(builder.build());
    charts.push({ title: b.chart.title, type: b.chart.type, range: a1(r.row, r.col, r.rows, r.chartColumns) });
    top += 15;
  });
  return { ...d, tab: DASHBOARD_TAB, rowsWritten: layout.grid.length, charts, removedCharts: old.length, problems };
}
