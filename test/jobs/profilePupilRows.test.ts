/**
 * Issue 22: a pupil's profile reads that pupil's rows only (Sheets finds them by UPN) and the
 * school's open sessions from a memory — and shows exactly what the whole-tracker read showed.
 * The reference here is the read the profile used before: every tab whole, every pupil's marks.
 * Every pupil of a sample school is compared, with every tab found by row (wholeReadCells 0), and
 * again when the memory cannot be trusted (missing, a week column added by hand, an older
 * tracker's long-form marks), where the profile must fall back to reading the whole Register.
 */
import { sampleSchool, useTracker } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { buildProfile, pupilProfileJob } from '../../src/jobs/profile/profile';
import { readPastoral } from '../../src/jobs/profile/read';
import { reviewAttendanceJob } from '../../src/jobs/attendance/job';
import { REGISTER_OPEN_WEEKS } from '../../src/core/state';
import { documentState } from '../../src/gas/properties';
import { normUpn } from '../../src/core/pupils/names';

const school = sampleSchool(40);
const asOf = school.asOf;
const tracker = useTracker({ school });

/** The profile as it was read before issue 22's change: every tab whole, every pupil's marks. */
function wholeReadProfile(upn: string) {
  const settings = loadSettings();
  const { data, marks } = readPastoral(tracker().ss, ['Students', 'Attendance Marks', 'Attendance Summary', 'Letters Log', 'Lates to Lesson', 'Homework Log', 'Interventions', 'Progress', 'Legal'], settings);
  const pupil = (data.Students || []).find((p) => normUpn(p.upn) === normUpn(upn))!;
  return buildProfile({
    pupil, marks, summaries: data.summaries || [], letters: data['Letters Log'] || [], latesToLesson: data['Lates to Lesson'] || [],
    homeworkLog: data['Homework Log'] || [], interventions: data.Interventions || [], progress: data.Progress || [], legal: data.Legal || [],
    settings, asOf,
  });
}

function byRows(upn: string) {
  const { problems, ...profile } = pupilProfileJob(tracker().ss, upn, loadSettings(), asOf, { wholeReadCells: 0 });
  return { profile, problems };
}

const upns = () => school.tables.Students.slice(1).map((r) => String(r[0]));

/** Session slot i of a week cell "/\ /\ …" set to `code` (two characters, or "- " style for none). */
function setSlot(cell: string, i: number, code: string): string {
  const days = cell.split(' ');
  const day = days[Math.floor(i / 2)];
  const codes = day.length === 2 ? [day[0], day[1]] : day.length === 4 ? [day.slice(0, 2), day.slice(2)] : [day[0], day.slice(1)];
  codes[i % 2] = code;
  days[Math.floor(i / 2)] = codes.join('');
  return days.join(' ');
}

describe('the profile from one pupil\'s rows', () => {
  it('keeps the open sessions in a memory after the import (a calendar: dates and bits, no UPN)', () => {
    const raw = documentState().get(REGISTER_OPEN_WEEKS);
    expect(raw).not.toBeNull();
    const stored = tracker().g.services.PropertiesService.getDocumentProperties().getProperty(REGISTER_OPEN_WEEKS.name)!;
    expect(stored).toMatch(/^\{("\d{4}-\d{2}-\d{2}":\d+,?)+\}$/);
  });

  it('shows every pupil what the whole read showed, reading a few cells', () => {
    expect(upns().length).toBeGreaterThanOrEqual(40);
    let withAttendance = 0;
    for (const upn of upns()) {
      tracker().g.env.resetCounts();
      const whole = wholeReadProfile(upn);
      const wholeCells = tracker().g.env.cellsRead;
      tracker().g.env.resetCounts();
      const { profile } = byRows(upn);
      // Headers, UPN columns and one pupil's rows, where the whole read is every cell of every tab: fewer cells
      // even in a school of forty with every tab found by row (at 2,000 pupils, under 2%: npm run bench; the
      // bound whatever the roll: test/jobs/scale.test.ts).
      expect(tracker().g.env.cellsRead).toBeLessThan(wholeCells);
      expect(profile).toEqual(whole);
      if (profile.attendance && profile.attendance.possible > 0) withAttendance++;
    }
    expect(withAttendance).toBeGreaterThan(30);
  });

  it('counts a blank as a gap on a day other pupils were marked (the school\'s calendar, not the pupil\'s)', () => {
    const upn = upns()[3];
    const sheet = tracker().ss.getSheetByName('Register')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => String(r[0]) === upn);
    // The last week column's Monday AM blanked out for this pupil only: others still have it.
    const col = values[0].length - 1;
    const before = wholeReadProfile(upn).attendance!.issues;
    sheet.getRange(row + 1, col + 1).setValue(setSlot(String(values[row][col]), 0, '-'));
    const whole = wholeReadProfile(upn);
    expect(whole.attendance!.issues).toBe(before + 1);
    expect(byRows(upn).profile).toEqual(whole);
    sheet.getRange(row + 1, col + 1).setValue(String(values[row][col]));
  });

  it('finds a pupil whose UPN was typed in lower case with a space after it', () => {
    const upn = upns()[5];
    const sheet = tracker().ss.getSheetByName('Homework Log')!;
    const values = sheet.getDataRange().getValues();
    const upnCol = values[0].indexOf('UPN');
    const row = values.findIndex((r) => String(r[upnCol]) === upn);
    expect(row).toBeGreaterThan(0);
    sheet.getRange(row + 1, upnCol + 1).setValue(`${upn.toLowerCase()} `);
    const whole = wholeReadProfile(upn);
    expect(whole.homework!.recent.length).toBeGreaterThan(0);
    expect(byRows(upn).profile).toEqual(whole);
    sheet.getRange(row + 1, upnCol + 1).setValue(upn);
  });

  it('reads the whole Register when there is no memory, and says the same', () => {
    const upn = upns()[7];
    const props = tracker().g.services.PropertiesService.getDocumentProperties();
    const saved = props.getProperty(REGISTER_OPEN_WEEKS.name)!;
    props.deleteProperty(REGISTER_OPEN_WEEKS.name);
    const register = tracker().ss.getSheetByName('Register')!;
    const registerCells = register.getLastRow() * register.getLastColumn();
    tracker().g.env.resetCounts();
    const { profile } = byRows(upn);
    expect(tracker().g.env.cellsRead).toBeGreaterThanOrEqual(registerCells);
    expect(profile).toEqual(wholeReadProfile(upn));
    // The review puts the memory back (every week of the Register).
    reviewAttendanceJob(tracker().ss, loadSettings(), asOf);
    expect(props.getProperty(REGISTER_OPEN_WEEKS.name)).toBe(saved);
  });

  it('reads the whole Register when a week column was added by hand since', () => {
    const upn = upns()[9];
    const register = tracker().ss.getSheetByName('Register')!;
    const width = register.getLastColumn();
    register.getRange(1, width + 1).setValue('w/c 22/07/2024');
    tracker().g.env.resetCounts();
    const { profile } = byRows(upn);
    expect(tracker().g.env.cellsRead).toBeGreaterThanOrEqual(register.getLastRow() * (width + 1));
    expect(profile).toEqual(wholeReadProfile(upn));
    register.getRange(1, width + 1).clearContent();
  });

  it('reads the whole Register beside an older tracker\'s long-form marks, which count too', () => {
    const upn = upns()[11];
    const old = tracker().ss.insertSheet('Attendance Marks');
    // A mark the Register does not have: the last Friday before the marks began, unauthorised.
    old.getRange(1, 1, 2, 4).setNumberFormat('@');
    old.getRange(1, 1, 2, 4).setValues([['UPN', 'Date', 'Session', 'Code'], [upn, '01/09/2023', 'AM', 'O']]);
    const whole = wholeReadProfile(upn);
    expect(byRows(upn).profile).toEqual(whole);
    tracker().ss.deleteSheet(old);
  });

  it('names a wrong row of this pupil by its row number in the tab', () => {
    const upn = upns()[13];
    const sheet = tracker().ss.getSheetByName('Homework Log')!;
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((r) => String(r[values[0].indexOf('UPN')]) === upn);
    expect(row).toBeGreaterThan(0);
    const dateCol = values[0].indexOf('Date');
    const was = sheet.getRange(row + 1, dateCol + 1).getValue();
    sheet.getRange(row + 1, dateCol + 1).setValue('31/02/2024');
    expect(byRows(upn).problems.join('\n')).toContain(`Homework Log row ${row + 1}`);
    sheet.getRange(row + 1, dateCol + 1).setValue(was);
  });
});
