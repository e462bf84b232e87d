/**
 * out/dashboard.html (issue 20 §6): each embedded chart the add-on inserted is drawn from its own
 * range — one bar per value, one point per week, blanks left out — with the table as the tab shows it.
 */
import { createLocalGoogle } from '../../../local/google';
import { chartsHtml } from '../../../local/export/chartsHtml';

function tracker() {
  const g = createLocalGoogle();
  const ss = g.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.insertSheet('Dashboard');
  sheet.getRange(1, 1, 4, 3).setValues([
    ['Week of', 'Whole school %', 'Pupil premium %'],
    ['08/01/2024', 95.5, 91.0],
    ['15/01/2024', 93.25, ''],
    ['22/01/2024', 94.0, 90.5],
  ]);
  sheet.getRange(2, 2, 3, 2).setNumberFormat('0.0"%"');
  sheet.getRange(6, 1, 3, 2).setValues([['Letter', 'Letters'], ['AT1', 4], ['PA', 2]]);
  return { g, ss, sheet };
}

test('a line chart: one point per week and series, the blank left out; the table with its % format', () => {
  const { g, sheet } = tracker();
  sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange(1, 1, 4, 3)).setNumHeaders(1).setPosition(1, 6, 0, 0).setOption('title', 'By week').build());
  const html = chartsHtml(g.spreadsheet as any)!;
  expect(html).toContain('Dashboard tab');
  expect(html.match(/<svg /g)).toHaveLength(1);
  expect(html).toContain('aria-label="By week"');
  // 3 points for the school, 2 for pupil premium (15/01 blank): 5 markers, 2 lines.
  expect(html.match(/<circle /g)).toHaveLength(5);
  expect(html.match(/<polyline /g)).toHaveLength(2);
  // The table as the tab shows it.
  expect(html).toContain('<td class="n">93.3%</td>');
  expect(html).toContain('>Pupil premium %</text>');
});

test('a bar chart: one bar per letter type; no chart, no page', () => {
  const { g, sheet } = tracker();
  expect(chartsHtml(g.spreadsheet as any)).toBeNull();
  sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange(6, 1, 3, 2)).setNumHeaders(1).setPosition(16, 6, 0, 0).setOption('title', 'Letters by type').build());
  const html = chartsHtml(g.spreadsheet as any)!;
  // Two bars and the legend's one swatch.
  expect(html.match(/<rect /g)).toHaveLength(3);
  expect(html).toContain('>AT1</text>');
});
