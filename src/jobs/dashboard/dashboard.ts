/**
 * Refresh dashboard (issues 9 and 20): a generated "Dashboard" tab for SLT with six small tables
 * and a Sheets embedded chart beside each — attendance this week and the year to date by year
 * group and PP vs not PP (national figures beside them when Settings has them), attendance week by
 * week over the academic year, the PA rate week by week, attendance stage by year, homework
 * pink/red by week and letters by type. Each source tab is read once; the tab is written with one
 * setValues and formatted through range lists; the old charts are removed and six new ones
 * inserted, so the number of calls is the same for 100 pupils or 2,000.
 */
import { IsoDate, toUk } from '../../core/dates';
import { Settings } from '../../core/settings';
import { reviewAttendance } from '../../core/attendance/review';
import { dashboardAttendance } from '../../core/attendance/dashboardRates';
import { homeworkWeeks } from '../../core/homework/weeks';
import { Pupil, Mark, AttendanceSummary, LetterLogEntry, LateToLesson, HomeworkMiss } from '../../core/types';
import { a1Range as a1 } from '../../core/records/headers';
import { replaceContent } from '../../gas/tables';
import { Cell, PERCENT_FORMAT, toCell } from '../../gas/cells';
import { HEADER_BACKGROUND } from '../../gas/setupTabs';
import { readPastoral } from '../profile/read';
import { attendanceByStageAndYear, DashboardData, homeworkByWeek, lettersByType } from './summaries';
import { dashboardBlocks, layoutBlocks } from './blocks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DASHBOARD_TAB = 'Dashboard';
/** Sheets' default chart is 600 × 371 px, about 18 rows of 21 px: the next chart starts below it. */
const CHART_ROWS = 19;

export interface DashboardResult extends DashboardData {
  tab: string;
  rowsWritten: number;
  charts: { title: string; type: string; range: string }[];
  removedCharts: number;
  problems: string[];
}

/** Pure: the dashboard's figures from records. */
export function dashboardData(input: {
  pupils: Pupil[];
  marks: Mark[];
  summaries: AttendanceSummary[];
  letters: LetterLogEntry[];
  latesToLesson: LateToLesson[];
  homeworkLog: HomeworkMiss[];
  settings: Settings;
  asOf: IsoDate;
}): DashboardData {
  const { settings, asOf } = input;
  const review = reviewAttendance({ ...input });
  const cal = review.calendar;
  const hw = homeworkWeeks({ log: input.homeworkLog, pupils: input.pupils, asOf, settings, schoolWeeks: cal.schoolWeeks.length ? cal.schoolWeeks : undefined });
  return {
    asOf,
    attendance: dashboardAttendance({ marks: input.marks, pupils: input.pupils, schoolDays: cal.schoolDays, asOf, settings }),
    stages: attendanceByStageAndYear(review),
    homework: homeworkByWeek(hw),
    letters: lettersByType(input.letters, asOf, settings),
    national: settings.dashboard,
  };
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
  const through = d.attendance.through;
  const nat = settings.dashboard;
  const lines = [
    `As of ${toUk(asOf)}. Attendance counts completed school days only${through ? ` (to ${toUk(through)}; today's registers are not counted)` : ''}, leavers up to their leaving date. Counts only, no names.`,
    nat.nationalAttendance === null && nat.nationalPaRate === null
      ? 'National figures: not filled in (Pastoral Tracker → Settings → National attendance).'
      : `National figures from Settings${nat.nationalLabel ? `: ${nat.nationalLabel}` : ''}.`,
    'Refreshed by Pastoral Tracker → Data → Refresh dashboard.',
  ];
  const layout = layoutBlocks(`${settings.school.name}: pastoral dashboard`, lines, blocks);

  const sheet = ss.getSheetByName(DASHBOARD_TAB) || ss.insertSheet(DASHBOARD_TAB);
  const old = sheet.getCharts();
  for (const c of old) sheet.removeChart(c);
  // Weeks as date cells (not text a US-locale sheet would read as 9 April).
  const grid: Cell[][] = layout.grid.map((row) => row.slice());
  for (const r of layout.ranges) for (const c of r.dateCols) for (let i = 1; i < r.rows; i++) grid[r.row - 1 + i][r.col - 1 + c] = toCell(grid[r.row - 1 + i][r.col - 1 + c], 'date');
  replaceContent(sheet, grid);
  sheet.getRange(1, 1).setFontSize(14);
  // One range list per look, whatever the number of blocks or weeks: the title and each block's title bold.
  sheet.getRangeList(['A1'].concat(layout.ranges.map((r) => a1(r.row - 1, 1, 1, 1)))).setFontWeight('bold');
  sheet.getRangeList(layout.ranges.map((r) => a1(r.row, r.col, 1, r.cols))).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
  const pct = layout.ranges.filter((r) => r.rows > 1).flatMap((r) => r.percentCols.map((c) => a1(r.row + 1, r.col + c, r.rows - 1, 1)));
  if (pct.length) sheet.getRangeList(pct).setNumberFormat(PERCENT_FORMAT);
  const dates = layout.ranges.flatMap((r) => r.dateCols.map((c) => a1(r.row + 1, r.col + c, r.rows - 1, 1)));
  if (dates.length) sheet.getRangeList(dates).setNumberFormat('dd/mm/yyyy');
  // Column A: the groups, weeks and the letters' titles (the longest, "AT2 letter — attendance cause
  // for concern level 2"); the figures' columns as wide as their headers.
  sheet.setColumnWidth(1, 290);
  sheet.autoResizeColumns(2, layout.grid[0].length - 1);
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
      .setOption('legend', { position: b.chart.columns > 2 ? 'bottom' : 'none' });
    if (b.chart.stacked) builder = builder.setOption('isStacked', true);
    if (b.chart.colors) builder = builder.setOption('colors', b.chart.colors);
    // A dotted option key, as Google's EmbeddedChartBuilder reference does ('animation.duration').
    if (b.chart.axisMin) builder = builder.setOption('vAxis.viewWindow.min', b.chart.axisMin);
    sheet.insertChart(builder.build());
    charts.push({ title: b.chart.title, type: b.chart.type, range: a1(r.row, r.col, r.rows, r.chartColumns) });
    top += CHART_ROWS;
  });
  return { ...d, tab: DASHBOARD_TAB, rowsWritten: layout.grid.length, charts, removedCharts: old.length, problems };
}
