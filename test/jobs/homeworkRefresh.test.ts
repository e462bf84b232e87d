/**
 * Issue 4 "Done when", on the local services: the refresh job writes the Homework Tracker with
 * pink/red conditional formatting, the weekly lists and the PP report, and the ladder's
 * Interventions once. A small hand-made school holds each SPEC edge; the sample school checks the
 * real thing end to end.
 */
import { makeTracker as makeSampleTracker, TrackerFixture as SampleFixture } from '../fixtures/trackerFixture';
import { loadSettings } from '../../src/gas/settingsStore';
import { Settings, SettingsOverrides } from '../../src/core/settings';
import { refreshHomeworkJob, HomeworkRefreshResult, TRACKER_TAB } from '../../src/jobs/homework/refresh';
import { THIS_WEEK_TAB, PP_REPORT_TAB } from '../../src/jobs/homework/views';
import { HOMEWORK_COLOURS, PERSISTENT_COLOURS, TRACKER_FIXED_HEADERS } from '../../src/core/homework/grid';
import { makeUpn } from '../upn';
import { SAMPLE_HALF_TERMS } from '../../local/sample/calendar';

const PINK = HOMEWORK_COLOURS.pink.background;
const RED = HOMEWORK_COLOURS.red.background;
const WHITE = '#ffffff';
const ASOF = '2024-01-26';

const U = {
  pink: makeUpn(101), red: makeUpn(102), edge: makeUpn(103), dup: makeUpn(104), late: makeUpn(105),
  leaver: makeUpn(106), persistent: makeUpn(107), notPersistent: makeUpn(108), quiet: makeUpn(109),
};

const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function students(): string[][] {
  const row = (upn: string, fore: string, sur: string, year: string, reg: string, pp = 'No', leaving = '') =>
    [upn, fore, sur, year, reg, pp, 'No', 'No', leaving];
  return [
    ['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'PP', 'EAL', 'SEN', 'Leaving Date'],
    row(U.pink, 'Pia', 'Pink', '8', '8A', 'Yes'),
    row(U.red, 'Rex', 'Red', '8', '8A'),
    row(U.edge, 'Ed', 'Edge', '8', '8B'),
    row(U.dup, 'Di', 'Dup', '9', '9A'),
    row(U.late, 'Lee', 'Late', '9', '9A'),
    row(U.leaver, 'Leo', 'Leaver', '8', '8A', 'Yes', '12/01/2024'),
    row(U.persistent, 'Pat', 'Persist', '10', '10A'),
    row(U.notPersistent, 'Nat', 'Notyet', '10', '10A'),
    row(U.quiet, 'Quin', 'Quiet', '7', '7A', 'Yes'),
  ];
}

function staff(): string[][] {
  return [
    ['Name', 'Email', 'Role', 'Year', 'Reg Group', 'Department'],
    ['Ms Form', 'form.8a@school.example', 'Form tutor', '8', '8A', ''],
    ['Mr Year', 'hoy.8@school.example', 'Head of Year', '8', '', ''],
    ['Dr Maths', 'cl.maths@school.example', 'Curriculum leader', '', '', 'Maths'],
  ];
}

type Miss = [string, string, string, string?]; // upn, iso date, subject, reason
function log(rows: Miss[]): string[][] {
  return [
    ['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason', 'Subject Detention', 'Detention Attended', 'CL Detention', 'Notes'],
    ...rows.map(([upn, d, subject, reason]) => [uk(d), upn, subject, `x/${subject.slice(0, 2)}1`, 'Mr Teach', reason || 'Not completed', 'Yes', '', '', '']),
  ];
}

// Weeks (Mondays): …, 27/11, 04/12, 11/12, 18/12, [Christmas: 25/12, 01/01], 08/01, 15/01, 22/01 (asOf week).
const LOG: Miss[] = [
  // exactly 2 this week → pink; 3 → red
  [U.pink, '2024-01-22', 'Maths'], [U.pink, '2024-01-23', 'English'],
  [U.red, '2024-01-22', 'Maths'], [U.red, '2024-01-23', 'English'], [U.red, '2024-01-24', 'Science'],
  // either side of Sunday midnight: Sunday 21/01 and Monday 22/01 → two weeks with 1 each
  [U.edge, '2024-01-21', 'Maths'], [U.edge, '2024-01-22', 'English'],
  // 1 miss + 1 Late this week: Late does not count
  [U.late, '2024-01-22', 'Maths'], [U.late, '2024-01-23', 'English', 'Late'],
  // and a Late in the autumn: 2 Lates this year
  [U.late, '2023-10-10', 'Science', 'Late'],
  // a leaver with 3 misses before leaving
  [U.leaver, '2024-01-09', 'Maths'], [U.leaver, '2024-01-10', 'English'], [U.leaver, '2024-01-11', 'Science'],
  // pink in 04/12, 18/12 and 22/01: 3 of the last 6 SCHOOL weeks (7 calendar weeks, Christmas between)
  [U.persistent, '2023-12-04', 'Maths'], [U.persistent, '2023-12-05', 'English'],
  [U.persistent, '2023-12-18', 'Maths'], [U.persistent, '2023-12-19', 'English'],
  [U.persistent, '2024-01-22', 'Maths'], [U.persistent, '2024-01-23', 'English'],
  // pink in 27/11 (7 school weeks back), 18/12 and 22/01: only 2 of the last 6
  [U.notPersistent, '2023-11-27', 'Maths'], [U.notPersistent, '2023-11-28', 'English'],
  [U.notPersistent, '2023-12-18', 'Maths'], [U.notPersistent, '2023-12-19', 'English'],
  [U.notPersistent, '2024-01-22', 'Maths'], [U.notPersistent, '2024-01-23', 'English'],
];

interface TrackerFixture extends SampleFixture {
  settings: Settings;
  asOf: string;
  done(): void;
}

/** The shared fixture with a hand-made school in place of the sample one. */
function makeTracker(o: { tables?: Record<string, string[][]>; settings?: SettingsOverrides; pupils?: number; tabs?: string[] }): TrackerFixture {
  const school = o.tables ? { tables: o.tables, settings: o.settings || {}, asOf: ASOF, story: {} as any } : undefined;
  const f = makeSampleTracker({ school, pupils: o.pupils, tabs: o.tabs });
  return { ...f, settings: loadSettings(), asOf: f.school.asOf, done: f.uninstall };
}

function smallSchool(extra: Miss[] = []): TrackerFixture {
  return makeTracker({
    tables: { Students: students(), Staff: staff(), 'Homework Log': log(LOG.concat(extra)) },
    settings: { calendar: { halfTerms: SAMPLE_HALF_TERMS } },
  });
}

function sheet(t: TrackerFixture, name: string): any {
  return t.ss.getSheetByName(name) as any;
}

/** Row (1-based) of a UPN in the tracker and column (1-based) of a week. */
function cellOf(t: TrackerFixture, upn: string, weekIso: string): { row: number; col: number } {
  const values = sheet(t, TRACKER_TAB).getDataRange().getValues();
  const row = values.findIndex((r: unknown[]) => String(r[0]) === upn) + 1;
  const col = (values[0] as unknown[]).findIndex((h) => String(h) === uk(weekIso)) + 1;
  if (row < 1 || col < 1) throw new Error(`no cell for ${upn} / ${weekIso}`);
  return { row, col };
}

function bg(t: TrackerFixture, upn: string, weekIso: string): string {
  const { row, col } = cellOf(t, upn, weekIso);
  return t.g.app._effectiveBackground(sheet(t, TRACKER_TAB), row, col);
}

function pupilOf(r: HomeworkRefreshResult, upn: string) {
  return r.pupils.find((p) => p.upn === upn);
}

function week(r: HomeworkRefreshResult, upn: string, weekIso: string) {
  return pupilOf(r, upn)!.weeks.find((w) => w.weekStart === weekIso)!;
}

describe('refreshHomework on a small school (SPEC §3 edges)', () => {
  let t: TrackerFixture;
  let r: HomeworkRefreshResult;
  beforeAll(() => {
    t = smallSchool();
    r = refreshHomeworkJob(t.ss, t.settings, ASOF);
  });
  afterAll(() => t.done());

  it('counts school weeks only, from the settings half terms (Christmas is not a column)', () => {
    expect(r.calendarSource).toBe('settings');
    expect(r.weeks[0]).toBe('2023-09-04');
    expect(r.weeks[r.weeks.length - 1]).toBe('2024-01-22');
    expect(r.weeks).not.toContain('2023-12-25');
    expect(r.weeks).not.toContain('2024-01-01');
    const header = sheet(t, TRACKER_TAB).getDataRange().getValues()[0];
    expect(header.slice(0, TRACKER_FIXED_HEADERS.length)).toEqual(TRACKER_FIXED_HEADERS);
    expect(header[TRACKER_FIXED_HEADERS.length]).toBe('04/09/2023'); // text, not a date
  });

  it('exactly 2 misses → pink, 3 → red, shown through the conditional formatting', () => {
    expect(week(r, U.pink, '2024-01-22')).toMatchObject({ misses: 2, band: 'pink' });
    expect(week(r, U.red, '2024-01-22')).toMatchObject({ misses: 3, band: 'red' });
    expect(bg(t, U.pink, '2024-01-22')).toBe(PINK);
    expect(bg(t, U.red, '2024-01-22')).toBe(RED);
    expect(bg(t, U.edge, '2024-01-22')).toBe(WHITE); // 1 miss
    expect(bg(t, U.quiet, '2024-01-22')).toBe(WHITE); // blank
  });

  it('colours by a handful of rules over the grid, not a background per cell', () => {
    const s = sheet(t, TRACKER_TAB);
    const rules = s.getConditionalFormatRules();
    expect(rules.length).toBe(3); // pink, red, Persistent "Yes"
    const { row, col } = cellOf(t, U.red, '2024-01-22');
    expect(s.getRange(row, col).getBackground()).toBe(WHITE);
    expect(s.getFrozenRows()).toBe(1);
    expect(s.getFrozenColumns()).toBe(4); // UPN, Name, Year, Reg Group
  });

  it('recolours a count typed by hand', () => {
    const s = sheet(t, TRACKER_TAB);
    const { row, col } = cellOf(t, U.quiet, '2024-01-15');
    s.getRange(row, col).setValue(2);
    expect(t.g.app._effectiveBackground(s, row, col)).toBe(PINK);
    s.getRange(row, col).setValue(4);
    expect(t.g.app._effectiveBackground(s, row, col)).toBe(RED);
    s.getRange(row, col).setValue(1);
    expect(t.g.app._effectiveBackground(s, row, col)).toBe(WHITE);
    s.getRange(row, col).setValue('');
  });

  it('two misses either side of Sunday midnight are two weeks with 1 each', () => {
    expect(week(r, U.edge, '2024-01-15')).toMatchObject({ misses: 1, band: 'none' });
    expect(week(r, U.edge, '2024-01-22')).toMatchObject({ misses: 1, band: 'none' });
  });

  it('Late is logged and counted separately, not towards pink/red', () => {
    expect(week(r, U.late, '2024-01-22')).toMatchObject({ misses: 1, lates: 1, band: 'none' });
    expect(bg(t, U.late, '2024-01-22')).toBe(WHITE);
    // …and shown: the Lates of the year so far, in their own column.
    const values = sheet(t, TRACKER_TAB).getDataRange().getValues();
    const col = TRACKER_FIXED_HEADERS.indexOf('Lates (year to date)');
    expect(values[0][col]).toBe('Lates (year to date)');
    expect(values.find((x: unknown[]) => x[0] === U.late)[col]).toBe(2);
    expect(values.find((x: unknown[]) => x[0] === U.red)[col]).toBe(0);
  });

  it('persistence needs 3 of the last 6 school weeks (holidays do not age a case)', () => {
    expect(pupilOf(r, U.persistent)!.persistent).toBe(true);
    expect(pupilOf(r, U.notPersistent)!.persistent).toBe(false);
    const values = sheet(t, TRACKER_TAB).getDataRange().getValues();
    const row = values.find((x: unknown[]) => x[0] === U.persistent);
    expect(row[TRACKER_FIXED_HEADERS.indexOf('Persistent')]).toBe('Yes');
    // "Yes" stands out (conditional formatting, so a re-sort by staff keeps it right); "No" does not.
    const persistentCol = TRACKER_FIXED_HEADERS.indexOf('Persistent') + 1;
    const rowOf = (upn: string) => values.findIndex((x: unknown[]) => x[0] === upn) + 1;
    expect(t.g.app._effectiveBackground(sheet(t, TRACKER_TAB), rowOf(U.persistent), persistentCol)).toBe(PERSISTENT_COLOURS.background);
    expect(t.g.app._effectiveBackground(sheet(t, TRACKER_TAB), rowOf(U.notPersistent), persistentCol)).toBe(WHITE);
    expect(String(row[TRACKER_FIXED_HEADERS.indexOf('This Week Action')])).toMatch(/HoY\/YAM meeting/);
  });

  it('a leaver is in no list: tracker, This Week, PP report, interventions, report.json', () => {
    const everywhere = [TRACKER_TAB, THIS_WEEK_TAB, PP_REPORT_TAB]
      .map((n) => JSON.stringify(sheet(t, n).getDataRange().getValues())).join('\n');
    expect(everywhere).not.toContain(U.leaver);
    expect(everywhere).not.toContain('Leaver');
    expect(JSON.stringify(r.tracking)).not.toContain(U.leaver);
    expect(r.ppReport.rows.map((p) => p.upn)).not.toContain(U.leaver);
    expect(JSON.stringify(sheet(t, 'Interventions').getDataRange().getValues())).not.toContain(U.leaver);
    expect(r.pupils.map((p) => p.upn)).not.toContain(U.leaver);
  });

  it('writes the ladder to Interventions once: a re-run adds no rows', () => {
    const ints = sheet(t, 'Interventions');
    const before = ints.getLastRow();
    expect(r.interventions.added).toBeGreaterThan(0);
    expect(before - 1).toBe(r.interventions.added);
    const all = ints.getDataRange().getValues();
    const keyCol = all[0].indexOf('Key'); // the last column, hidden (issue 20)
    const keys = all.slice(1).map((x: unknown[]) => String(x[keyCol]));
    expect(keys).toContain(`HW|red|${U.red}|2024-01-22`);
    expect(keys).toContain(`HW|pink|${U.pink}|2024-01-22`);
    expect(keys.some((k: string) => k.startsWith(`HW|persistent|${U.persistent}|`))).toBe(true);
    // Staff work the rows: a status typed on a row must survive the re-run.
    const statusCol = all[0].indexOf('Status') + 1;
    ints.getRange(2, statusCol).setValue('Done');
    const again = refreshHomeworkJob(t.ss, t.settings, ASOF);
    expect(again.interventions.added).toBe(0);
    expect(ints.getLastRow()).toBe(before);
    expect(ints.getRange(2, statusCol).getValue()).toBe('Done');
  });

  it('writes the This Week lists: FT, HoY, SLT, CL, cohorts, with Pink/Red coloured', () => {
    const s = sheet(t, THIS_WEEK_TAB);
    const values: unknown[][] = s.getDataRange().getValues();
    const text = JSON.stringify(values);
    for (const h of ['Form tutors', 'Heads of Year', 'SLT: this week by year', 'SLT: trend', 'Curriculum leaders', 'PP, EAL and SEN', 'Homework set vs the SOP']) {
      expect(text).toContain(h);
    }
    expect(text).toContain('Form tutor: Ms Form');
    const redRow = values.findIndex((x) => x[2] === U.red) + 1;
    expect(values[redRow - 1][5]).toBe('Red');
    expect(values[redRow - 1][7]).toBe('English, Maths, Science'); // its subjects, A to Z
    // Names and subject lists are never cut: columns B to H as wide as their longest entry (7 px a character).
    for (let c = 2; c <= 8; c++) {
      const longest = Math.max(...values.map((x) => String(x[c - 1] instanceof Date ? 'dd/mm/yyyy' : x[c - 1]).length));
      expect(s.getColumnWidth(c)).toBeGreaterThanOrEqual(longest * 7);
    }
    expect(t.g.app._effectiveBackground(s, redRow, 6)).toBe(RED);
    const pinkRow = values.findIndex((x) => x[2] === U.pink) + 1;
    expect(t.g.app._effectiveBackground(s, pinkRow, 6)).toBe(PINK);
    // Pia is PP and missed this week: the PP list; Quin is PP but missed nothing: not listed.
    expect(values.some((x) => x[0] === 'PP' && x[2] === U.pink)).toBe(true);
    expect(values.some((x) => x[2] === U.quiet)).toBe(false);
    expect(r.tracking.weekStart).toBe('2024-01-22');
    expect(r.tracking.formTutors.find((g) => g.regGroup === '8A')!.pupils.map((p) => p.upn).sort()).toEqual([U.pink, U.red].sort());
  });

  it('writes the termly PP report: every PP pupil on roll, misses by week and subject, interventions', () => {
    expect(r.ppReport.term).toBe('Spring 2023-24');
    expect(r.ppReport.rows.map((p) => p.upn).sort()).toEqual([U.pink, U.quiet].sort());
    const values: unknown[][] = sheet(t, PP_REPORT_TAB).getDataRange().getValues();
    const pia = values.find((x) => x[0] === U.pink)!;
    expect(pia[4]).toBe(2);
    expect(String(pia[6])).toBe('English 1, Maths 1');
    expect(String(pia[7])).toMatch(/Form tutor monitoring.*\(Open\)/);
  });

  it('gives each pupil on roll their weeks (misses, band) and persistence, as report.json shows them', () => {
    const red = r.pupils.find((p) => p.upn === U.red)!;
    expect(red.weeks.find((w) => w.weekStart === '2024-01-22')).toMatchObject({ weekStart: '2024-01-22', misses: 3, band: 'red' });
    expect(red.persistent).toBe(false); // one red week only
    expect(r.pupils.length).toBe(8);
  });
});

describe('a duplicate typed into the Homework Log', () => {
  it('counts once and is reported naming the first row', () => {
    const t = makeTracker({
      tables: { Students: students(), Staff: staff(), 'Homework Log': log([[U.dup, '2024-01-22', 'Maths'], [U.dup, '2024-01-23', 'English']]) },
      settings: { calendar: { halfTerms: SAMPLE_HALF_TERMS } },
    });
    try {
      // A teacher types the Maths entry again at the bottom of the log (imports refuse it; typing does not).
      const s = sheet(t, 'Homework Log');
      s.appendRow(['22/01/2024', U.dup, 'Maths', 'x/Ma1', 'Cover', 'Not completed', '', '', '', 'again']);
      const r = refreshHomeworkJob(t.ss, t.settings, ASOF);
      expect(week(r, U.dup, '2024-01-22')).toMatchObject({ misses: 2, band: 'pink' }); // not 3 → not red
      expect(r.problems.join('\n')).toMatch(/row 4.*row 2/);
    } finally {
      t.done();
    }
  });
});

describe('school weeks from the register when no term dates are set', () => {
  it('counts the weeks of the Register (its week columns)', () => {
    const marks = [['UPN', 'Date', 'Session', 'Code']];
    for (const d of ['2024-01-09', '2024-01-10', '2024-01-16', '2024-01-22', '2024-01-23']) marks.push([U.pink, uk(d), 'AM', '/']);
    const t = makeTracker({
      tables: { Students: students(), Staff: staff(), 'Homework Log': log(LOG), 'Attendance Marks': marks },
      settings: {},
    });
    try {
      const r = refreshHomeworkJob(t.ss, t.settings, ASOF);
      expect(r.calendarSource).toBe('register');
      // The register's weeks, plus every week a miss was logged in (a logged miss is never dropped).
      expect(r.weeks).toEqual(expect.arrayContaining(['2024-01-08', '2024-01-15', '2024-01-22']));
      expect(r.weeks).not.toContain('2023-12-25');
    } finally {
      t.done();
    }
  });
});

describe('refreshHomework on the sample school', () => {
  it('shows pink and red on the Homework Tracker and lists the canary red this week', () => {
    const t = makeTracker({ pupils: 200, tabs: ['Students', 'Staff', 'Homework Log', 'Homework Set'] });
    try {
      const r = refreshHomeworkJob(t.ss, t.settings, t.asOf);
      expect(r.counts.onRoll).toBeGreaterThan(150);
      expect(r.weeks.length).toBe(18); // Autumn 7 + 8, Spring 3 (to w/c 22/01)
      const s = sheet(t, TRACKER_TAB);
      const values: unknown[][] = s.getDataRange().getValues();
      const first = TRACKER_FIXED_HEADERS.length;
      let pink = 0, red = 0;
      for (let i = 1; i < values.length; i++) {
        for (let j = first; j < values[i].length; j++) {
          const b = t.g.app._effectiveBackground(s, i + 1, j + 1);
          if (values[i][j] === 2) { expect(b).toBe(PINK); pink++; }
          else if (typeof values[i][j] === 'number' && (values[i][j] as number) >= 3) { expect(b).toBe(RED); red++; }
          else expect(b).toBe(WHITE);
        }
      }
      expect(pink).toBeGreaterThan(0);
      expect(red).toBeGreaterThan(0);
      expect(r.sop.below.length).toBeGreaterThan(0);
      const canary = t.school.story.canary[0];
      expect(r.pupils.find((p) => p.upn === canary)!.weeks.slice(-1)[0].band).toBe('red');
      expect(r.tracking.headsOfYear.some((y) => y.pupils.some((p) => p.upn === canary))).toBe(true);
    } finally {
      t.done();
    }
  });
});
