/**
 * Issue 22: keeping the marks in the Register (a cell per pupil-week) instead of the long form (a
 * row per mark) moves no figure. The same year of marks of the same sample school, once imported
 * into the Register and once left in the long-form "Attendance Marks" tab a tracker from before the
 * Register holds: the attendance review, a pupil's profile and the Dashboard's figures are the same.
 * (The long-form path is the one the rules' own tests were written against.)
 */
import { makeTracker, sampleSchool, TrackerFixture } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { runAttendanceReview } from '../../src/jobs/attendance/review';
import { pupilProfileJob } from '../../src/jobs/profile/profile';
import { classifyCode } from '../../src/core/attendance/codes';

const school = sampleSchool(60);
let register: TrackerFixture;
let longForm: TrackerFixture;

beforeAll(() => {
  register = makeTracker({ school });
  // The older tracker: every other table imported, the marks typed into a long-form tab.
  longForm = makeTracker({ school, tabs: Object.keys(school.tables).filter((t) => t !== 'Attendance Marks') });
  const rows = school.tables['Attendance Marks'].filter((r, i) => i === 0 || ['withdrawn', 'unknown'].indexOf(classifyCode(String(r[3]))) < 0);
  const sheet = longForm.ss.insertSheet('Attendance Marks');
  sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet.getRange(1, 1, rows.length, 4).setNumberFormat('@');
  sheet.getRange(1, 1, rows.length, 4).setValues(rows.map((r) => r.slice(0, 4).map(String)));
});
afterAll(() => {
  register.uninstall();
  longForm.uninstall();
});

/** The review of one tracker (its services installed while it runs). */
function reviewOf(t: TrackerFixture) {
  const off = t.g.install();
  try {
    return runAttendanceReview(t.ss, loadSettings(), school.asOf);
  } finally {
    off();
  }
}

describe('the Register gives the answers the long form gave', () => {
  it('holds the marks in the Register, not in a long-form tab', () => {
    const off = register.g.install();
    try {
      expect(register.ss.getSheetByName('Attendance Marks')).toBeNull();
      const values = register.ss.getSheetByName('Register')!.getDataRange().getValues();
      expect(values[0].slice(0, 3)).toEqual(['UPN', 'Name', 'Reg Group']);
      expect(values.length - 1).toBe(new Set(school.tables['Attendance Marks'].slice(1).map((r) => r[0])).size);
    } finally {
      off();
    }
  });

  it('reviews every pupil to the same figures, stages, flags and lists', () => {
    const a = reviewOf(register);
    const b = reviewOf(longForm);
    expect(a.review.pupils.length).toBeGreaterThan(50);
    expect(a.review.pupils).toEqual(b.review.pupils);
    expect(a.review.lists).toEqual(b.review.lists);
    expect(a.problems).toEqual(b.problems);
  });

  it('shows a pupil the same profile', () => {
    const upn = String(school.tables['Attendance Marks'][1][0]);
    const of = (t: TrackerFixture) => {
      const off = t.g.install();
      try {
        return pupilProfileJob(t.ss, upn, loadSettings(), school.asOf);
      } finally {
        off();
      }
    };
    const a = of(register);
    expect(a.attendance).not.toBeNull();
    expect(a).toEqual(of(longForm));
  });
});
