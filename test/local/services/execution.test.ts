/**
 * Issue 15 §4 and §8 in the local services: an execution's spreadsheet writes land when it calls
 * SpreadsheetApp.flush() or ends; one that dies first loses them. And the effective user is the
 * active user in menu and sidebar calls, the trigger's owner in a trigger.
 */
import { createLocalGoogle } from '../../../local/google';
import { runExecution } from '../../../local/services/execution';
import { TIMEOUT_ERROR } from '../../../local/services/env';

function tracker() {
  const g = createLocalGoogle({ user: 'hoy9@school.example' });
  const ss = g.app.getActiveSpreadsheet()!;
  return { g, ss, sheet: ss.getActiveSheet() };
}

describe('locks', () => {
  test('an execution that dies holding the document lock does not keep it; another execution\'s lock stays', () => {
    const { g } = tracker();
    const locks = g.services.LockService as any;
    expect(() =>
      runExecution(g.env, () => {
        expect(locks.getDocumentLock().tryLock(0)).toBe(true);
        throw new Error('Exception: Service error: Spreadsheets');
      }),
    ).toThrow('Service error');
    expect(runExecution(g.env, () => locks.getDocumentLock().tryLock(0))).toBe(true);
    locks._holdByOther('document');
    runExecution(g.env, () => undefined);
    expect(runExecution(g.env, () => locks.getDocumentLock().tryLock(0))).toBe(false);
  });
});

describe('buffered writes', () => {
  test('an execution that throws loses the writes since its last flush, keeps those before', () => {
    const { g, ss, sheet } = tracker();
    expect(() =>
      runExecution(g.env, () => {
        sheet.getRange('A1').setValue('claimed');
        g.app.flush();
        sheet.getRange('A1').setValue('done');
        sheet.appendRow(['x', 'y']);
        ss.insertSheet('Scratch').getRange('A1').setValue('z');
        sheet.insertColumnsAfter(26, 4);
        throw new Error('Exception: Service error: Spreadsheets');
      }),
    ).toThrow('Service error');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([['claimed', ''], ['', '']]);
    expect(ss.getSheetByName('Scratch')).toBeNull();
    expect(sheet.getMaxColumns()).toBe(26);
  });

  test('an unflushed hideColumns is undone too, a flushed one kept', () => {
    const { g, sheet } = tracker();
    expect(() =>
      runExecution(g.env, () => {
        sheet.hideColumns(2);
        g.app.flush();
        sheet.hideColumns(5, 2);
        throw new Error('Exception: Service error: Spreadsheets');
      }),
    ).toThrow('Service error');
    expect([2, 5, 6].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([true, false, false]);
  });

  test('an execution that ends normally keeps everything, flushed or not', () => {
    const { g, sheet } = tracker();
    runExecution(g.env, () => {
      sheet.getRange('A1').setValue(1);
      sheet.getRange('A2').setValue(2);
    });
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
  });

  test('the script reads its own unflushed writes', () => {
    const { g, sheet } = tracker();
    const seen = runExecution(g.env, () => {
      sheet.getRange('B3').setValue('pending');
      return sheet.getRange('B3').getValue();
    });
    expect(seen).toBe('pending');
  });

  test('outside an execution writes land at once and nothing is rolled back', () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setValue('kept');
    expect(sheet.getRange('A1').getValue()).toBe('kept');
  });

  test('killAfter: the named call completes, then every call fails until the execution ends', () => {
    const { g, sheet } = tracker();
    g.env.killAfter('Range.setValue');
    expect(() =>
      runExecution(g.env, () => {
        sheet.getRange('A1').setValue('written');
        sheet.getRange('A2').setValue('never');
      }),
    ).toThrow(TIMEOUT_ERROR);
    // The write happened but was never flushed: lost with the execution.
    expect(sheet.getRange('A1').getValue()).toBe('');
    // The next execution runs normally.
    runExecution(g.env, () => sheet.getRange('A1').setValue('next'));
    expect(sheet.getRange('A1').getValue()).toBe('next');
  });
});

describe('who the add-on runs as', () => {
  test('in a menu or sidebar call the effective user is always the active user', () => {
    const { g } = tracker();
    const Session = g.services.Session;
    expect(Session.getEffectiveUser().getEmail()).toBe('hoy9@school.example');
    runExecution(g.env, () => {
      expect(Session.getActiveUser().getEmail()).toBe('hoy9@school.example');
      expect(Session.getEffectiveUser().getEmail()).toBe('hoy9@school.example');
    }, { kind: 'sidebar', effectiveUser: 'someone.else@school.example' });
    // There is no way to make them differ outside a trigger.
    expect((Session as any)._setEffectiveUser).toBeUndefined();
  });

  test("a trigger runs as the person who made it", () => {
    const { g } = tracker();
    const ScriptApp = g.services.ScriptApp as any;
    ScriptApp.newTrigger('morningRun').timeBased().everyDays(1).atHour(7).create();
    const seen: string[] = [];
    ScriptApp._fireTimeBased({ morningRun: () => seen.push(g.services.Session.getEffectiveUser().getEmail()) });
    expect(seen).toEqual(['hoy9@school.example']);
  });

  test('a failing trigger is recorded, not thrown (Google e-mails nobody for an add-on)', () => {
    const { g } = tracker();
    const ScriptApp = g.services.ScriptApp as any;
    ScriptApp.newTrigger('morningRun').timeBased().everyDays(1).atHour(7).create();
    expect(ScriptApp._fireTimeBased({ morningRun: () => { throw new Error('boom'); } })).toEqual(['morningRun']);
    expect(ScriptApp._failures).toEqual([{ handler: 'morningRun', message: 'boom' }]);
  });
});
