/**
 * The homework entry points in the real build/Code.js (run `npm run build` first), as Apps Script
 * runs them: the menu's refreshHomework, the sidebar's recordMiss/searchPupils, showRecordMiss.
 * "Today" inside the bundle is the local clock (the sample school's 26/01/2024).
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { loadBundle, Bundle } from '../../local/loadBundle';
import { menuFunctionNames } from '../menuNames';

describe('homework in the built bundle', () => {
  let t: TrackerFixture;
  let gas: Bundle;
  beforeAll(() => {
    t = makeTracker({ pupils: 200, tabs: ['Students', 'Staff', 'Homework Log', 'Homework Set'] });
    gas = loadBundle(t.g);
  });
  afterAll(() => t.uninstall());

  it('has every homework function the menu and sidebar call', () => {
    for (const fn of ['showRecordMiss', 'refreshHomework', 'recordMiss', 'searchPupils']) expect(typeof gas[fn]).toBe('function');
    expect(menuFunctionNames()).toEqual(expect.arrayContaining(['showRecordMiss', 'refreshHomework']));
  });

  it('refreshes, records and searches', () => {
    gas.refreshHomework();
    expect(t.ss.getSheetByName('Homework Tracker')!.getLastRow()).toBeGreaterThan(150);
    expect(t.ss.getSheetByName('This Week')).not.toBeNull();
    expect(t.ss.getSheetByName('PP Homework Report')).not.toBeNull();
    const someone = gas.searchPupils('7A')[0] || gas.searchPupils('Y7')[0];
    expect(someone).toBeDefined();
    const form = { upn: someone.upn, subject: 'Geography', reason: 'Not completed', date: '2024-01-26' };
    expect(gas.recordMiss(form).ok).toBe(true);
    const again = gas.recordMiss(form);
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/Already recorded/);
    gas.showRecordMiss();
    const sb = t.g.app._record.sidebars[t.g.app._record.sidebars.length - 1];
    expect(String(sb.content)).toContain('2024-01-26');
  });
});
