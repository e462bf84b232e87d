import { LocalEnv } from '../../../local/services/env';
import { createScriptApp, tooManyTriggers, TOO_FREQUENT } from '../../../local/services/script-app';
import { setUser } from '../../../local/services/shared';

const ss = { getId: () => 'sheet-1' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

describe('ScriptApp triggers', () => {
  test('a daily trigger is built, listed and deleted', () => {
    const env = new LocalEnv();
    const app = createScriptApp(env);
    const t = app.newTrigger('dailyReminders').timeBased().everyDays(1).atHour(6).nearMinute(30).inTimezone('Europe/London').create();
    expect(t.getHandlerFunction()).toBe('dailyReminders');
    expect(t.getEventType()).toBe(app.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(app.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    app.deleteTrigger(t);
    expect(app.getProjectTriggers()).toHaveLength(0);
  });

  test('an add-on may have only one trigger of each type per user per document', () => {
    const env = new LocalEnv();
    const app = createScriptApp(env);
    app.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
    expect(() => app.newTrigger('weekly').timeBased().everyWeeks(1).create()).toThrow(tooManyTriggers('CLOCK'));
    app.newTrigger('onOpenInstalled').forSpreadsheet(ss).onOpen().create();
    expect(() => app.newTrigger('again').forSpreadsheet(ss).onOpen().create()).toThrow(tooManyTriggers('ON_OPEN'));
    app.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    // Another user in the same document has their own set.
    setUser(env, 'other@school.example');
    app.newTrigger('daily').timeBased().everyDays(1).create();
    expect(app.getProjectTriggers()).toHaveLength(1);
    expect(app.getUserTriggers(ss)).toHaveLength(0);
    setUser(env, 'user@school.example');
    expect(app.getUserTriggers(ss).map((t) => t.getEventType()).sort()).toEqual(['ON_EDIT', 'ON_OPEN']);
  });

  test('add-on time triggers may not run more often than hourly', () => {
    const app = createScriptApp(new LocalEnv());
    expect(() => app.newTrigger('x').timeBased().everyMinutes(30).create()).toThrow(TOO_FREQUENT);
    expect(app.newTrigger('x').timeBased().everyHours(1).create().getHandlerFunction()).toBe('x');
  });

  test('_fireTimeBased calls handlers by name with a time-driven event', () => {
    const app = createScriptApp(new LocalEnv());
    app.newTrigger('dailyReminders').timeBased().everyDays(1).create();
    app.newTrigger('onOpenX').forSpreadsheet(ss).onOpen().create();
    const seen: unknown[] = [];
    const called = (app as unknown as { _fireTimeBased(g: object): string[] })._fireTimeBased({ dailyReminders: (e: unknown) => seen.push(e) });
    expect(called).toEqual(['dailyReminders']);
    expect(seen[0]).toMatchObject({ authMode: 'FULL' });
  });
});
