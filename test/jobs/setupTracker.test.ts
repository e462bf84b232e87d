/**
 * Set up tracker (issue 3 §2): every tab of SPEC §2 with headers, drop-downs, dd/mm/yyyy dates,
 * frozen headers and warning-only protection on the add-on's columns; a second run changes nothing.
 */
import type { LocalGoogle } from '../../local/google';
import { setUpTrackerJob, describeSetup } from '../../src/jobs/setupTracker';
import { TABS } from '../../src/core/tabs';
import { withDefaults } from '../../src/core/settings';
import { emptySpreadsheet, snapshot, writeCalls, Ss, upn } from '../gas/tableHelpers';

let g: LocalGoogle;
let ss: Ss;
let uninstall: () => void;
beforeEach(() => ({ g, ss, uninstall } = emptySpreadsheet()));
afterEach(() => uninstall());

const col = (tab: string, header: string) => {
  const sh = ss.getSheetByName(tab)!;
  const head = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
  const i = head.indexOf(header);
  if (i < 0) throw new Error(`${tab} has no ${header}`);
  return sh.getRange(2, i + 1);
};
const listOf = (tab: string, header: string) => {
  const dv = col(tab, header).getDataValidation();
  return dv ? (dv.getCriteriaValues()[0] as string[]) : null;
};

describe('Set up tracker', () => {
  it('creates every tab with its headers and a frozen, bold header row', () => {
    const results = setUpTrackerJob(ss);
    expect(results.every((r) => r.created)).toBe(true);
    for (const def of TABS.filter((t) => !t.importOnly)) { // Attendance Marks is a file format now (the Register keeps the marks)
      const sh = ss.getSheetByName(def.name)!;
      expect(sh).toBeTruthy();
      expect(sh.getRange(1, 1, 1, def.columns.length).getValues()[0]).toEqual(def.columns.map((c) => c.header));
      expect(sh.getFrozenRows()).toBe(1);
      expect(sh.getRange(1, 1).getFontWeight()).toBe('bold');
    }
    expect(ss.getSheetByName('Sheet1')).toBeNull();
    expect(describeSetup(results)).toMatch(/^Created tabs: Students, Staff/);
  });

  it('gives drop-downs for Reason, Yes/No and Status; the Register is text a person can read and correct', () => {
    setUpTrackerJob(ss);
    expect(listOf('Homework Log', 'Reason')).toEqual(['Not completed', 'Not to a good standard', 'Late']); // SPEC §3's defaults
    expect(listOf('Homework Log', 'Subject Detention')).toEqual(['Yes', 'No']);
    expect(listOf('Students', 'PP')).toEqual(['Yes', 'No']);
    expect(listOf('Interventions', 'Status')).toEqual(['Open', 'Done', 'Cancelled']);
    expect(listOf('Letters Log', 'Status')).toContain('Out of date');
    expect(listOf('QA Calendar', 'Status')).toEqual(['Done', "QA'd", 'Reviewed']);
    // The marks are kept in the Register (issue 22): a row per pupil, the weeks added by imports.
    expect(ss.getSheetByName('Attendance Marks')).toBeNull();
    const register = ss.getSheetByName('Register')!;
    expect(register.getRange(1, 1, 1, register.getLastColumn()).getValues()[0]).toEqual(['UPN', 'Name', 'Reg Group']);
    expect(register.getFrozenRows()).toBe(1);
    // No drop-down on columns the add-on fills.
    expect(listOf('Attendance', 'PA')).toBeNull();
  });

  it("a school that renames its homework reasons gets its own in the Reason drop-down", () => {
    setUpTrackerJob(ss, withDefaults({ homework: { missReasons: ['No homework', 'Poor effort'], lateReason: 'Handed in late' } }));
    expect(listOf('Homework Log', 'Reason')).toEqual(['No homework', 'Poor effort', 'Handed in late']);
  });

  it('formats dates dd/mm/yyyy and text columns as plain text (UPNs keep their zeros)', () => {
    setUpTrackerJob(ss);
    expect(col('Homework Log', 'Date').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(col('Students', 'Leaving Date').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(col('Attendance', 'Review Due').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(col('Students', 'UPN').getNumberFormat()).toBe('@');
    expect(col('Students', 'Adno').getNumberFormat()).toBe('@');
    const adno = col('Students', 'Adno');
    adno.setValue('001234');
    expect(adno.getValue()).toBe('001234');
  });

  it('protects the add-on\'s columns with a warning only, and not staff columns', () => {
    setUpTrackerJob(ss);
    const sh = ss.getSheetByName('Attendance')!;
    const prot = sh.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    const owned = TABS.find((t) => t.name === 'Attendance')!.columns.filter((c) => c.owned).length;
    expect(prot).toHaveLength(owned);
    expect(prot.every((p) => p.isWarningOnly())).toBe(true);
    const protectedCols = prot.map((p) => p.getRange().getColumn());
    const notes = TABS.find((t) => t.name === 'Attendance')!.columns.findIndex((c) => c.header === 'Notes') + 1;
    expect(protectedCols).not.toContain(notes);
    expect(ss.getSheetByName('Homework Log')!.getProtections(SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('run twice: the second run only reads and changes nothing', () => {
    setUpTrackerJob(ss);
    const before = snapshot(g);
    g.env.resetCounts();
    const again = setUpTrackerJob(ss);
    expect(snapshot(g)).toBe(before);
    expect(writeCalls(g)).toEqual({});
    expect(describeSetup(again)).toBe('The tracker is up to date: nothing to add.');
  });

  it('on a tracker staff have used: adds only what is missing, wherever staff moved things', () => {
    setUpTrackerJob(ss);
    const log = ss.getSheetByName('Homework Log')!;
    // Staff: moved UPN to the front, deleted Notes, added their own column, typed rows, sorted.
    log.clear();
    log.getRange(1, 1, 3, 10).setValues([
      ['upn', 'DATE', 'Subject', 'Class', 'Teacher', 'Reason', 'Subject Detention', 'Detention Attended', 'CL Detention', 'Rang home?'],
      [upn(1), '10/01/2024', 'Maths', '7M1', 'Mr A', 'Late', 'No', '', '', 'yes'],
      [upn(2), '11/01/2024', 'English', '7E1', 'Ms B', 'Not completed', 'Yes', 'No', '', ''],
    ]);
    ss.deleteSheet(ss.getSheetByName('Progress')!);
    const staffState = log.getRange(1, 1, 3, 10).getValues();
    g.env.resetCounts();
    const results = setUpTrackerJob(ss);
    expect(results.find((r) => r.tab === 'Homework Log')!.addedColumns).toEqual(['Notes']);
    expect(results.find((r) => r.tab === 'Progress')!.created).toBe(true);
    expect(results.filter((r) => r.tab !== 'Homework Log' && r.tab !== 'Progress').every((r) => !r.created && !r.addedColumns.length)).toBe(true);
    expect(log.getRange(1, 1, 3, 10).getValues()).toEqual(staffState);
    expect(log.getRange(1, 11).getValue()).toBe('Notes');
    const once = snapshot(g);
    setUpTrackerJob(ss);
    expect(snapshot(g)).toBe(once);
  });
});

describe('Set up tracker: the tabs no one reads are hidden (issue 20 §7)', () => {
  it('hides the raw MIS exports it makes, and the add-on\'s memory tabs someone showed', () => {
    setUpTrackerJob(ss);
    // Someone showed the Mail Log and the MIS's summary (View → Hidden sheets) and made a tab of their own.
    const mail = ss.insertSheet('Mail Log');
    ss.getSheetByName('Attendance Summary')!.showSheet();
    ss.insertSheet('My notes');
    setUpTrackerJob(ss);
    expect(mail.isSheetHidden()).toBe(true);
    const visible = ss.getSheets().filter((s) => !s.isSheetHidden()).map((s) => s.getName());
    expect(visible).toEqual([
      'Students', 'Staff', 'Homework Log', 'Homework Tracker', 'Homework Set', 'Register', 'Attendance', 'Lates to Lesson',
      'Interventions', 'Letters Log', 'QA Calendar', 'Progress', 'Mentor Meetings', 'Mentoring Slips',
      'Sessions', 'Session Register', 'Legal', 'My notes',
    ]);
    const hidden = ss.getSheets().filter((s) => s.isSheetHidden()).map((s) => s.getName());
    expect(hidden.sort()).toEqual(['Attendance Summary', 'Contacts', 'Mail Log']);
  });
});
