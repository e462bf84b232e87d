/**
 * Issue 15 §2, §3: the local services refuse what Google refuses — a spreadsheet past 10,000,000
 * cells (blank cells of every tab counted) and an e-mail past the per-message limits.
 */
import { LocalEnv } from '../../../local/services/env';
import { createSpreadsheetApp } from '../../../local/services/spreadsheet';
import { CELL_LIMIT_ERROR } from '../../../local/services/spreadsheet/spreadsheet';
import { createMailApp, BODY_SIZE_ERROR, ATTACHMENTS_ERROR, RECIPIENTS_ERROR, type LocalMailApp } from '../../../local/services/mail';
import { createUtilities } from '../../../local/services/utilities';

describe('10,000,000 cells per spreadsheet', () => {
  function tracker() {
    const env = new LocalEnv();
    const app = createSpreadsheetApp(env);
    return app._create('Tracker');
  }

  test('a new tab is 1000 × 26 = 26,000 cells before anything is written', () => {
    const ss = tracker();
    expect(ss._cells()).toBe(26000);
    ss.insertSheet('Staging');
    expect(ss._cells()).toBe(52000);
  });

  test('adding rows that would pass the limit throws Google\'s message and changes nothing', () => {
    const ss = tracker();
    const sheet = ss.getActiveSheet();
    // 26 columns: (10,000,000 − 26,000) / 26 = 383,615.38 more rows fit; 383,616 do not.
    sheet.insertRowsAfter(1000, 383615);
    expect(ss._cells()).toBe(26 * (1000 + 383615));
    expect(() => sheet.insertRowsAfter(1000, 1)).toThrow(`Exception: ${CELL_LIMIT_ERROR}`);
    expect(sheet.getMaxRows()).toBe(384615);
    // A new tab no longer fits either, nor a column, nor an appended row past the end.
    expect(() => ss.insertSheet('More')).toThrow(CELL_LIMIT_ERROR);
    expect(() => sheet.insertColumnAfter(26)).toThrow(CELL_LIMIT_ERROR);
    sheet.getRange(384615, 1).setValue('last row');
    expect(() => sheet.appendRow(['one more'])).toThrow(CELL_LIMIT_ERROR);
  });

  test('deleting columns makes room: a 4-column tab holds 6.5 times the rows of a 26-column one', () => {
    const ss = tracker();
    const sheet = ss.getActiveSheet();
    sheet.deleteColumns(5, 22);
    expect(ss._cells()).toBe(4000);
    sheet.insertRowsAfter(1000, 2499000); // 2,500,000 rows × 4 columns = 10,000,000 exactly
    expect(ss._cells()).toBe(10000000);
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow(CELL_LIMIT_ERROR);
  });
});

describe('MailApp per-message limits', () => {
  function mail() {
    const env = new LocalEnv();
    return { env, mail: createMailApp(env) as unknown as LocalMailApp & GoogleAppsScript.Mail.MailApp, utils: createUtilities(env) };
  }

  test('body: plain and HTML together at most 200,000 bytes (consumer), 400,000 (Workspace)', () => {
    const { mail: m } = mail();
    const html = 'x'.repeat(150000);
    m.sendEmail({ to: 'a@school.example', subject: 'fits', body: 'y'.repeat(50000), htmlBody: html });
    expect(() => m.sendEmail({ to: 'a@school.example', subject: 'too big', body: 'y'.repeat(50001), htmlBody: html })).toThrow(BODY_SIZE_ERROR);
    // UTF-8 bytes, not characters: 70,000 "é" are 140,000 bytes.
    expect(() => m.sendEmail({ to: 'a@school.example', subject: 'accents', body: 'é'.repeat(70000), htmlBody: 'x'.repeat(60001) })).toThrow(BODY_SIZE_ERROR);
    expect(m._sent.map((s) => s.subject)).toEqual(['fits']);
    expect(m.getRemainingDailyQuota()).toBe(1499); // a refused message uses no quota
    m._setAccount('workspace');
    m.sendEmail({ to: 'a@school.example', subject: 'workspace', body: 'y'.repeat(50001), htmlBody: 'x'.repeat(349999) });
    expect(() => m.sendEmail({ to: 'a@school.example', subject: 'too big', body: '', htmlBody: 'x'.repeat(400001) })).toThrow(BODY_SIZE_ERROR);
  });

  test('at most 250 attachments and 50 recipients per message', () => {
    const { mail: m, utils } = mail();
    const files = (n: number) => Array.from({ length: n }, (_, i) => utils.newBlob('a', 'text/plain', `f${i}.txt`));
    m.sendEmail({ to: 'a@school.example', subject: '250', body: '', attachments: files(250) });
    expect(() => m.sendEmail({ to: 'a@school.example', subject: '251', body: '', attachments: files(251) })).toThrow(ATTACHMENTS_ERROR);
    const to = (n: number) => Array.from({ length: n }, (_, i) => `s${i}@school.example`).join(',');
    m.sendEmail({ to: to(50), subject: '50', body: '' });
    expect(() => m.sendEmail({ to: to(51), subject: '51', body: '' })).toThrow(RECIPIENTS_ERROR);
    expect(m._sent.map((s) => s.subject)).toEqual(['250', '50']);
  });
});

describe('50,000 characters per cell', () => {
  test('a longer text is refused with Sheets\' message and nothing of the write lands', () => {
    const env = new LocalEnv();
    const sheet = createSpreadsheetApp(env)._create('Tracker').getActiveSheet();
    sheet.getRange(1, 1, 1, 2).setValues([['x'.repeat(50000), 'fits']]);
    expect(String(sheet.getRange(1, 1).getValue()).length).toBe(50000);
    const message = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    expect(() => sheet.getRange(2, 1, 1, 2).setValues([['ok', 'y'.repeat(50001)]])).toThrow(message);
    expect(sheet.getRange(2, 1).getValue()).toBe('');
    expect(() => sheet.getRange(3, 1).setValue('z'.repeat(50001))).toThrow(message);
    expect(sheet.getRange(3, 1).getValue()).toBe('');
  });
});
