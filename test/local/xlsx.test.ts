import ExcelJS from 'exceljs';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadXlsx, loadXlsxWithNotes, saveXlsx } from '../../local/export/xlsx';
import { LocalEnv } from '../../local/services/env';
import { createSpreadsheetApp, type LocalSpreadsheet } from '../../local/services/spreadsheet';

const PINK = '#f4cccc';
const RED = '#e06666';
const dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));

function buildTracker() {
  const env = new LocalEnv();
  const app = createSpreadsheetApp(env);
  const ss = app._create('Tracker', { locale: 'en_GB', timeZone: 'Europe/London' }); // as Set up tracker leaves it
  const sheet = ss.getActiveSheet().setName('Homework Tracker');
  sheet.getRange('A:A').setNumberFormat('@');
  sheet.getRange('A1:E4').setValues([
    ['UPN', 'Week', 'Misses', 'Persistent', 'Note'],
    ['0012345678901', '08/01/2024', 2, 'Yes', "'=not a formula"],
    ['A123456789012', '01/07/2024', 3, 'No', ''],
    ['B123456789012', '15/01/2024', 1, '', 'late twice'],
  ]);
  sheet.getRange('B2:B4').setNumberFormat('dd/mm/yyyy');
  sheet.getRange('A1:E1').setFontWeight('bold').setBackground('#cfe2f3');
  sheet.getRange('F2').setValue(94.44).setNumberFormat('0.0');
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(5, 210);
  const misses = sheet.getRange('C2:C1000');
  sheet.setConditionalFormatRules([
    app.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(3).setBackground(RED).setRanges([misses]).build(),
    app.newConditionalFormatRule().whenNumberEqualTo(2).setBackground(PINK).setRanges([misses]).build(),
    app.newConditionalFormatRule().whenNumberBetween(4, 6).setBackground(RED).setRanges([misses]).build(),
    app.newConditionalFormatRule().whenTextEqualTo('Yes').setFontColor('#990000').setRanges([sheet.getRange('D2:D1000')]).build(),
    app.newConditionalFormatRule().whenFormulaSatisfied('=$D2="Yes"').setBackground(PINK).setRanges([sheet.getRange('A2:B1000'), sheet.getRange('E2:E1000')]).build(),
  ]);
  sheet.getRange('D2:D1000').setDataValidation(app.newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build());
  const log = ss.insertSheet('Letters Log');
  log.getRange('A1:B1').setValues([['Key', 'Sent']]);
  log.getRange('B2').setDataValidation(app.newDataValidation().requireCheckbox().build());
  log.getRange('B2').setValue(true);
  return { env, app, ss, sheet };
}

function snapshot(ss: LocalSpreadsheet) {
  return ss._sheets.map((s) => ({
    name: s._name,
    values: s.getDataRange().getValues(),
    display: s.getDataRange().getDisplayValues(),
    formats: s.getRange('A1:F4').getNumberFormats(),
    backgrounds: s.getRange('A1:F1').getBackgrounds(),
    weights: s.getRange('A1:F1').getFontWeights(),
    frozen: s.getFrozenRows(),
    width: s.getColumnWidth(5),
    rules: s.getConditionalFormatRules().map((r) => ({
      ranges: r.getRanges().map((x) => x.getA1Notation()),
      type: r.getBooleanCondition()?.getCriteriaType(),
      values: r.getBooleanCondition()?.getCriteriaValues(),
      background: r.getBooleanCondition()?.getBackground(),
      font: r.getBooleanCondition()?.getFontColor(),
    })),
    validations: s.getRange('B2:D3').getDataValidations().map((row) => row.map((v) => v && [v.getCriteriaType(), v.getCriteriaValues(), v.getAllowInvalid()])),
  }));
}

describe('xlsx save and load', () => {
  it('round-trips values, formats, frozen rows, widths, validations and rules exactly', async () => {
    const { ss, env } = buildTracker();
    const path = join(dir, 'tracker.xlsx');
    await saveXlsx(ss, path);
    const back = await loadXlsx(path, env);
    expect(snapshot(back)).toEqual(snapshot(ss));
    // Spot checks that the snapshot holds what matters.
    const s = back.getSheetByName('Homework Tracker')!;
    expect(s.getRange('A2').getValue()).toBe('0012345678901');
    expect(s.getRange('B3').getDisplayValue()).toBe('01/07/2024');
    expect(s.getRange('E2').getValue()).toBe('=not a formula');
    expect(s.getConditionalFormatRules()).toHaveLength(5);
    expect(back.getSheetByName('Letters Log')!.getRange('B2').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
  });

  it('colours the same cells after loading as before', async () => {
    const { ss, env, app } = buildTracker();
    const path = join(dir, 'colours.xlsx');
    await saveXlsx(ss, path);
    const back = await loadXlsx(path, env);
    const before = ss.getSheetByName('Homework Tracker')!;
    const after = back.getSheetByName('Homework Tracker')!;
    const cells = [2, 3, 4].flatMap((r) => [1, 3, 4, 5].map((c) => [r, c] as const));
    const colours = (s: typeof before) => cells.map(([r, c]) => [app._effectiveBackground(s, r, c), s._effectiveFontColor(r, c)]);
    expect(colours(after)).toEqual(colours(before));
    expect(app._effectiveBackground(after, 2, 3)).toBe(PINK);
    expect(app._effectiveBackground(after, 3, 3)).toBe(RED);
  });

  it('writes real Excel conditional formatting, dates and text cells', async () => {
    const { ss } = buildTracker();
    const path = join(dir, 'excel.xlsx');
    await saveXlsx(ss, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('Homework Tracker')!;
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const kinds = cfs.map((cf) => {
      const r = cf.rules[0] as ExcelJS.CellIsRuleType | ExcelJS.ExpressionRuleType;
      return [cf.ref, r.type, 'operator' in r ? r.operator : undefined, r.formulae, (r.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb];
    });
    expect(kinds).toEqual([
      ['C2:C1000', 'cellIs', 'greaterThanOrEqual', ['3'], 'FFE06666'],
      ['C2:C1000', 'cellIs', 'equal', ['2'], 'FFF4CCCC'],
      ['C2:C1000', 'cellIs', 'between', ['4', '6'], 'FFE06666'],
      ['D2:D1000', 'cellIs', 'equal', ['"Yes"'], undefined],
      ['A2:B1000 E2:E1000', 'expression', undefined, ['$D2="Yes"'], 'FFF4CCCC'],
    ]);
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(2024, 0, 8)));
    expect(ws.getCell('B3').value).toEqual(new Date(Date.UTC(2024, 6, 1))); // London date, not the UTC instant
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect([ws.getCell('A2').value, ws.getCell('A2').numFmt]).toEqual(['0012345678901', '@']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists charts on their own tab and restores them on load', async () => {
    const { ss, sheet, env } = buildTracker();
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:C4')).setPosition(2, 8, 0, 0).setOption('title', 'Misses').build());
    const path = join(dir, 'charts.xlsx');
    await saveXlsx(ss, path);
    const { spreadsheet, skipped } = await loadXlsxWithNotes(path, env);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Homework Tracker', 'Letters Log']);
    const [chart] = spreadsheet.getSheetByName('Homework Tracker')!.getCharts();
    expect([chart._spec.type, chart.getRanges()[0].getA1Notation(), chart.getOptions().get('title')]).toEqual(['COLUMN', 'A1:C4', 'Misses']);
    expect(skipped).toEqual([]);
  });

  it('names the tab and range of rules it cannot hold', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Progress');
    ws.getCell('A1').value = 5;
    ws.addConditionalFormatting({ ref: 'A1:A10', rules: [{ type: 'top10', rank: 3, percent: false, bottom: false, priority: 1 } as ExcelJS.Top10RuleType] });
    const path = join(dir, 'google.xlsx');
    await wb.xlsx.writeFile(path);
    const { spreadsheet, skipped } = await loadXlsxWithNotes(path, new LocalEnv());
    expect(skipped).toEqual(['Progress: a "top10" conditional format on A1:A10 is not supported and was left out.']);
    expect(spreadsheet.getSheetByName('Progress')!.getRange('A1').getValue()).toBe(5);
  });
});
