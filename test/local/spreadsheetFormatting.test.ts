import { LocalEnv } from '../../local/services/env';
import { createSpreadsheetApp } from '../../local/services/spreadsheet';

const PINK = '#f4cccc';
const RED = '#e06666';

function tracker() {
  const env = new LocalEnv();
  const app = createSpreadsheetApp(env);
  const ss = app._create('Tracker');
  const sheet = ss.getActiveSheet();
  // Column C: misses per week; rows 2-5.
  sheet.getRange('C1:C5').setValues([['Misses'], [1], [2], [3], ['']]);
  const range = sheet.getRange('C2:C100');
  return { env, app, ss, sheet, range };
}

describe('conditional formatting', () => {
  it('colours 2 pink, 3 or more red and 1 or blank not at all', () => {
    const { app, sheet, range } = tracker();
    const red = app.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(3).setBackground(RED).setRanges([range]).build();
    const pink = app.newConditionalFormatRule().whenNumberEqualTo(2).setBackground(PINK).setRanges([range]).build();
    sheet.setConditionalFormatRules([red, pink]);
    expect([2, 3, 4, 5].map((r) => app._effectiveBackground(sheet, r, 3))).toEqual(['#ffffff', PINK, RED, '#ffffff']);
    expect(app._effectiveBackground(sheet, 3, 2)).toBe('#ffffff'); // outside the rule's range
  });

  it('applies the first matching rule in list order', () => {
    const { app, sheet, range } = tracker();
    const wide = app.newConditionalFormatRule().whenNumberBetween(2, 10).setBackground(PINK).setRanges([range]).build();
    const red = app.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(3).setBackground(RED).setRanges([range]).build();
    sheet.setConditionalFormatRules([wide, red]);
    expect(app._effectiveBackground(sheet, 4, 3)).toBe(PINK);
    sheet.setConditionalFormatRules([red, wide]);
    expect(app._effectiveBackground(sheet, 4, 3)).toBe(RED);
  });

  it('falls back to the cell\'s own background', () => {
    const { app, sheet } = tracker();
    sheet.getRange('C2').setBackground('#CFE2F3');
    expect(app._effectiveBackground(sheet, 2, 3)).toBe('#cfe2f3');
  });

  it('evaluates simple custom formulas relative to the first range\'s top-left cell', () => {
    const { app, sheet } = tracker();
    sheet.getRange('N2:N3').setValues([['Yes'], ['No']]);
    sheet.getRange('E2:E4').setValues([[2], [2.5], [3]]);
    const rows = sheet.getRange('A2:N4');
    const yes = app.newConditionalFormatRule().whenFormulaSatisfied('=$N2="Yes"').setBackground(RED).setRanges([rows]).build();
    const band = app.newConditionalFormatRule().whenFormulaSatisfied('=AND($E2>=2,$E2<3)').setBackground(PINK).setRanges([rows]).build();
    sheet.setConditionalFormatRules([yes, band]);
    expect(app._effectiveBackground(sheet, 2, 1)).toBe(RED);
    expect(app._effectiveBackground(sheet, 3, 1)).toBe(PINK);
    expect(app._effectiveBackground(sheet, 4, 1)).toBe('#ffffff');
  });

  it('moves rule ranges when columns are inserted before them', () => {
    const { app, sheet, range } = tracker();
    sheet.setConditionalFormatRules([app.newConditionalFormatRule().whenNumberEqualTo(2).setBackground(PINK).setRanges([range]).build()]);
    sheet.insertColumnsBefore(1, 2);
    expect(sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('E2:E100');
    expect(app._effectiveBackground(sheet, 3, 5)).toBe(PINK);
  });

  it('refuses a rule without a format, as Apps Script does', () => {
    const { app } = tracker();
    expect(() => app.newConditionalFormatRule().whenNumberEqualTo(2).build()).toThrow(/at least one format/);
  });
});

describe('data validation and protection', () => {
  it('keeps a dropdown list on each cell of the range', () => {
    const { app, sheet } = tracker();
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No'], true).setAllowInvalid(false).build();
    sheet.getRange('D2:D3').setDataValidation(rule);
    const got = sheet.getRange('D2:D4').getDataValidations();
    expect(got[0][0]?.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(got[1][0]?.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    expect(got[2][0]).toBeNull();
    expect(got[0][0]?._accepts('Maybe')).toBe(false);
  });

  it('records warning-only protections by type', () => {
    const { sheet } = tracker();
    sheet.getRange('C:C').protect().setDescription('Computed by the add-on').setWarningOnly(true);
    const [p] = sheet.getProtections('RANGE' as never);
    expect([p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]).toEqual(['Computed by the add-on', true, 'C1:C1000']);
    expect(sheet.getProtections('SHEET' as never)).toEqual([]);
  });
});

describe('Ui', () => {
  it('records menus as a tree and alerts with queued answers', () => {
    const { app, ss } = tracker();
    const ui = app.getUi();
    ui.createMenu('Pastoral').addItem('Refresh trackers', 'refreshTrackers').addSeparator().addSubMenu(ui.createMenu('Letters').addItem('Generate', 'generateLetters')).addToUi();
    expect(app._record.menus).toEqual([
      {
        title: 'Pastoral',
        items: [
          { title: 'Refresh trackers', functionName: 'refreshTrackers' },
          { title: '', separator: true },
          { title: 'Letters', items: [{ title: 'Generate', functionName: 'generateLetters' }] },
        ],
      },
    ]);
    app._ui()._queueAlert('NO');
    expect(ui.alert('Send letters?', 'Send 12 letters?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Done')).toBe('OK');
    ss.toast('Trackers refreshed', 'Pastoral', 5);
    expect(app._record.alerts.map((a) => a.prompt)).toEqual(['Send 12 letters?', 'Done']);
    expect(app._record.toasts).toEqual([{ message: 'Trackers refreshed', title: 'Pastoral', timeoutSeconds: 5 }]);
  });

  it('answers prompts with queued text', () => {
    const { app } = tracker();
    app._ui()._queuePrompt('2024-01-26');
    const r = app.getUi().prompt('As of which date?');
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual(['OK', '2024-01-26']);
  });
});
