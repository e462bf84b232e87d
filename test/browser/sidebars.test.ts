/// <reference lib="dom" />
// Page code (page.evaluate, $$eval, addInitScript) runs in the browser: it needs the DOM types.
/**
 * The sidebars in headless Chromium (issue 9), each rendered by the real bundle on a small local
 * tracker and driven like a member of staff would: keyboard and clicks, with what the page shows
 * asserted. A pupil's name holding markup must show as text everywhere (no dialog ever opens).
 * Screenshots at 300 px go to test-output/screenshots/.
 */
import { formatWeek, parseWeek } from '../../src/core/attendance/registerWeek';
import { toCell } from '../../src/gas/cells';
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { importRows } from '../../src/jobs/importData';
import { launchBrowser, openSidebar, screenshot, loadBundle, Browser, Sidebar } from './harness';
import { Bundle } from '../../local/loadBundle';

const XSS_FORENAME = '<script>alert(1)</script>';
const XSS_SURNAME = 'Evans"><img src=x onerror=alert(2)>';
const SETTINGS_KEY = 'pastoralTracker.settings';
/** How long to wait for the page: generous, since a busy machine is slow, not wrong. */
const WAIT_MS = 60000;

let t: TrackerFixture;
let bundle: Bundle;
let browser: Browser;
let xssUpn = '';

beforeAll(async () => {
  t = makeTracker({ pupils: 100 });
  const students = t.school.tables.Students;
  const h = students[0];
  const col = (re: RegExp) => h.findIndex((x) => re.test(x));
  const row = students[1].slice();
  row[col(/forename/i)] = XSS_FORENAME;
  row[col(/surname/i)] = XSS_SURNAME;
  xssUpn = row[col(/upn/i)];
  importRows(t.ss, 'Students', [h, row]);
  // The person at the keyboard is the attendance officer (on the Staff tab).
  importRows(t.ss, 'Staff', [['Name', 'Email', 'Role'], ['Ada Officer', 'attendance.officer@hillside.sch.uk', 'Attendance officer']]);
  bundle = loadBundle(t.g);
  browser = await launchBrowser();
});

afterAll(async () => {
  if (browser) await browser.close();
  if (t) t.uninstall();
});

function storedSettings(): any {
  const raw = t.g.services.PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  return raw ? JSON.parse(raw) : {};
}

/** Wait for the save to finish, then check what the page says (its words show in a failure). */
async function expectStatus(s: Sidebar, text: string) {
  await s.page.waitForFunction(() => /\w[.!]?$/.test(document.getElementById('status')!.textContent || '') && !/…$/.test(document.getElementById('status')!.textContent || ''), undefined, { timeout: WAIT_MS }).catch(() => undefined);
  const errors = await s.page.$$eval('.error', (e) => e.map((x) => x.textContent).filter(Boolean));
  expect({ status: await s.page.textContent('#status'), errors }).toEqual({ status: text, errors: [] });
}

async function settled(s: Sidebar, selector: string) {
  await s.page.waitForSelector(selector, { timeout: WAIT_MS });
}

describe('Settings sidebar', () => {
  let s: Sidebar;
  beforeAll(async () => {
    s = await openSidebar(browser, t.g, bundle, 'showSettings');
    await settled(s, '#f-school-name');
  });
  afterAll(async () => s.page.close());

  test('every control has a label; the school name field is first in the tab order', async () => {
    const unlabelled = await s.page.$$eval('input, select, textarea', (els) =>
      els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.getAttribute('aria-label')).map((e) => e.id || e.outerHTML));
    expect(unlabelled).toEqual([]);
    await s.page.focus('body');
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('f-school-name');
    expect(s.title).toBe('Pastoral Tracker settings');
    // Every form field is in a section of the page (issue 20's national figures were in none at first).
    const shown = await s.page.$$eval('#fields input[name], #fields select[name], #fields textarea[name]', (els) => els.map((e) => e.getAttribute('name')));
    expect(shown).toEqual(expect.arrayContaining(['dashboard.nationalAttendance', 'dashboard.nationalPaRate', 'dashboard.nationalLabel']));
  });

  test('a changed setting is saved to the document properties (Enter submits)', async () => {
    await s.page.fill('#f-school-name', 'Hillside Academy Trust');
    await s.page.fill('#f-homework-pinkAt', '2');
    await s.page.focus('#f-school-name');
    await s.page.keyboard.press('Enter');
    await expectStatus(s, 'Saved.');
    expect(storedSettings().school.name).toBe('Hillside Academy Trust');
    await screenshot(s, 'settings');
  });

  test('a 197% threshold is refused, with the message next to the field, and nothing stored', async () => {
    const before = JSON.stringify(storedSettings());
    await s.page.fill('#f-attendance-rewardAbove', '197');
    await s.page.click('#save');
    await s.page.waitForFunction(() => document.getElementById('err-f-attendance-rewardAbove')!.textContent !== '');
    const msg = await s.page.textContent('#err-f-attendance-rewardAbove');
    expect(msg).toMatch(/reward threshold must be a percentage from 0 to 100 \(it is 197\)/);
    expect(await s.page.isVisible('#err-f-attendance-rewardAbove')).toBe(true);
    expect(await s.page.getAttribute('#f-attendance-rewardAbove', 'aria-invalid')).toBe('true');
    expect(await s.page.evaluate(() => document.activeElement!.id)).toBe('f-attendance-rewardAbove');
    expect(JSON.stringify(storedSettings())).toBe(before);
    await screenshot(s, 'settings-refused');
    await s.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(s, 'settings-end');
  });

  test('half terms can be added and removed; restore defaults clears the overrides', async () => {
    await s.page.fill('#f-attendance-rewardAbove', '97');
    const before = await s.page.$$eval('.term', (n) => n.length);
    await s.page.click('text=Add half term');
    // The new row has focus: type its name, then its dates.
    await s.page.keyboard.type('Extra week');
    await s.page.fill('.term:last-child .t-start', '2024-07-22');
    await s.page.fill('.term:last-child .t-end', '2024-07-26');
    await s.page.click('#save');
    await expectStatus(s, 'Saved.');
    const terms = storedSettings().calendar.halfTerms;
    expect(terms).toHaveLength(before + 1);
    expect(terms[terms.length - 1]).toEqual({ name: 'Extra week', start: '2024-07-22', end: '2024-07-26' });
    await s.page.click('.term:last-child button');
    await s.page.click('#save');
    await expectStatus(s, 'Saved.');
    expect(storedSettings().calendar.halfTerms).toHaveLength(before);

    await s.page.click('#restore');
    await s.page.click('#restoreYes');
    await s.page.waitForFunction(() => document.getElementById('status')!.textContent === 'Defaults restored.');
    expect(t.g.services.PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY)).toBeNull();
    expect(await s.page.inputValue('#f-school-name')).toBe('Our School');
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  test('someone not allowed to change settings is told so, and the server refuses the call', async () => {
    importRows(t.ss, 'Staff', [['Name', 'Email', 'Role'], ['Tom Tutor', 'tutor@hillside.sch.uk', 'Form tutor']]);
    (t.g.services.Session as any)._setUser('tutor@hillside.sch.uk');
    try {
      const alerts = t.g.app._record.alerts.length;
      bundle.showSettings();
      expect(t.g.app._record.alerts[alerts].prompt).toBe('Only the SLT, Attendance officer or Intervention team can do this (Role on the Staff tab). Ask one of them.');
      expect(() => bundle.saveSettingsForm({ 'school.name': 'Hacked' })).toThrow(/^Only the SLT, Attendance officer or Intervention team/);
      (t.g.services.Session as any)._setUser('stranger@gmail.com');
      expect(() => bundle.getPupilProfile(xssUpn)).toThrow(/not on the Staff tab/);
    } finally {
      (t.g.services.Session as any)._setUser('attendance.officer@hillside.sch.uk');
    }
  });
});

describe('Pupil profile sidebar', () => {
  let s: Sidebar;
  beforeAll(async () => {
    s = await openSidebar(browser, t.g, bundle, 'showPupilProfile');
    await settled(s, '#q');
  });
  afterAll(async () => s.page.close());

  test('a name holding markup shows as text in the search results and the profile', async () => {
    await s.page.fill('#q', 'script');
    await s.page.keyboard.press('Enter');
    await s.page.waitForSelector('#profile h2#name', { timeout: WAIT_MS });
    const hit = await s.page.textContent('#hits li');
    expect(hit).toContain(XSS_SURNAME);
    expect(hit).toContain(XSS_FORENAME);
    expect(await s.page.textContent('#name')).toBe(`${XSS_FORENAME} ${XSS_SURNAME}`);
    expect(await s.page.isVisible('#name')).toBe(true);
    // No element was made from the data, and no dialog opened.
    expect(await s.page.$$eval('#hits script, #profile script, #hits img, #profile img', (n) => n.length)).toBe(0);
    await s.page.waitForTimeout(200);
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  test('shows attendance with stage and trend, homework weeks, letters, interventions and progress', async () => {
    const sections = await s.page.$$eval('#profile h2', (h) => h.map((x) => x.textContent));
    expect(sections).toEqual(expect.arrayContaining(['Attendance', 'Homework', 'Letters sent', 'Interventions', 'Progress against targets']));
    const profile = bundle.getPupilProfile(xssUpn);
    const big = await s.page.textContent('#profile .big');
    expect(big).toBe(`${profile.attendance.percent.toFixed(1)}%`);
    expect(await s.page.$$eval('#profile .trend .bar', (b) => b.length)).toBe(profile.attendance.trend.length);
    expect(await s.page.$$eval('#profile .weeks .wk', (b) => b.length)).toBe(profile.homework.weeks.length);
    await screenshot(s, 'pupil-profile', true);
  });

  test('a search for a pupil with letters shows them; an unknown UPN is refused by the server', async () => {
    const letters = t.school.tables['Letters Log'];
    const upnCol = letters[0].findIndex((x) => /upn/i.test(x));
    const upn = letters[1][upnCol];
    await s.page.fill('#q', upn);
    await s.page.keyboard.press('Enter');
    await s.page.waitForFunction((u) => (document.querySelector('#profile .gray') || { textContent: '' }).textContent!.includes(u), upn, { timeout: WAIT_MS });
    const items = await s.page.$$eval('#profile .section', (secs) => {
      const sec = secs.find((x) => x.querySelector('h2')!.textContent === 'Letters sent')!;
      return sec.querySelectorAll('li').length;
    });
    // One line per letter of theirs in the sample's Letters Log.
    expect(items).toBe(letters.slice(1).filter((r) => r[upnCol] === upn).length);
    expect(() => bundle.getPupilProfile('<b>x</b>')).toThrow(/Choose a pupil/);
    expect(() => bundle.profileSearch('x'.repeat(200))).toThrow(/too long/);
    await screenshot(s, 'pupil-profile-letters');
  });
});

describe('Record a missed homework sidebar (issue 4)', () => {
  const exists = () => typeof bundle.showRecordMiss === 'function';
  test('records a miss through the form: the Homework Log grows; names show as text', async () => {
    if (!exists()) throw new Error('showRecordMiss is not in the bundle');
    const s = await openSidebar(browser, t.g, bundle, 'showRecordMiss');
    try {
      const log = t.ss.getSheetByName('Homework Log')!;
      const rowsBefore = log.getLastRow();
      await s.page.fill('#search', xssUpn);
      await s.page.waitForSelector('#results li', { timeout: WAIT_MS });
      const li = await s.page.textContent('#results li');
      expect(li).toContain(XSS_FORENAME);
      await s.page.keyboard.press('ArrowDown');
      await s.page.keyboard.press('Enter');
      // The chosen pupil's name is put in the search box as text.
      expect(await s.page.inputValue('#search')).toContain(XSS_SURNAME);
      await s.page.fill('#subject', 'Geography');
      await s.page.selectOption('#reason', 'Not completed');
      await screenshot(s, 'record-miss');
      await s.page.click('#record');
      await s.page.waitForFunction(() => !/Recording/.test(document.getElementById('status')!.textContent || ''), undefined, { timeout: WAIT_MS });
      const status = await s.page.textContent('#status');
      expect(await s.page.getAttribute('#status', 'class')).not.toMatch(/error/);
      expect(status).not.toBe('');
      expect(log.getLastRow()).toBe(rowsBefore + 1);
      const last = log.getRange(log.getLastRow(), 1, 1, log.getLastColumn()).getValues()[0].map(String);
      expect(last).toContain(xssUpn);
      expect(last).toContain('Geography');
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
      await s.page.click('#close');
      await s.page.waitForTimeout(50);
      expect(s.closed()).toBe(true);
    } finally {
      await s.page.close();
    }
  });
});

/** In the open letter run sidebar: the letter `type` for the whole school, previewed. */
async function previewWholeSchool(s: Awaited<ReturnType<typeof openSidebar>>, type: string): Promise<void> {
  await s.page.waitForSelector('#type option', { state: 'attached', timeout: WAIT_MS });
  await s.page.selectOption('#type', type);
  await s.page.check('#c-all');
  await s.page.click('#preview');
  await s.page.waitForSelector('#result:not(.hidden), #error:not(:empty)', { timeout: WAIT_MS });
}

describe('Letter run sidebar (issues 6, 18)', () => {
  test('a preview lists one letter per family with who it goes to and why; names show as text; generate, then mark as posted', async () => {
    if (typeof bundle.showLetterRun !== 'function') throw new Error('showLetterRun is not in the bundle');
    bundle.setUpLetterTemplates();
    const s = await openSidebar(browser, t.g, bundle, 'showLetterRun');
    try {
      await s.page.waitForSelector('#type option', { state: 'attached', timeout: WAIT_MS });
      const types = await s.page.$$eval('#type option', (o) => o.map((x) => (x as HTMLOptionElement).value));
      expect(types.slice(0, 2)).toEqual(['attendance', 'tier']);
      await s.page.selectOption('#type', 'attendance');
      await s.page.check('#c-all');
      await s.page.click('#preview');
      await s.page.waitForSelector('#result:not(.hidden), #error:not(:empty)', { timeout: WAIT_MS });
      expect(await s.page.textContent('#error')).toBe('');
      const due = await s.page.$$eval('#due li', (li) => li.map((x) => x.textContent || ''));
      expect(due.length).toBeGreaterThan(0);
      // Each line: the pupil, the one letter and who it is addressed to, the wording, the signature, why.
      for (const line of due) expect(line).toMatch(/ letter.* — to .*Signed by /);
      expect(await s.page.textContent('#summary')).toMatch(/letter\(s\) to \d+ famil/);
      expect(await s.page.$$eval('#result script, #result img', (n) => n.length)).toBe(0);
      await screenshot(s, 'letter-run-preview');
      // The pupils the preview promises letters for (every copy of a family's letter has its UPN).
      const dueUpns = await s.page.$$eval('#due input.tick', (c) => Array.from(new Set(c.map((x) => (x as HTMLInputElement).value))).sort());
      expect(dueUpns.length).toBeGreaterThan(0);
      const logRowsBefore = t.ss.getSheetByName('Letters Log')!.getLastRow();

      await s.page.click('#generate');
      await s.page.waitForSelector('#posted:not(.hidden)', { timeout: 60000 });
      await s.page.click('#posted');
      await s.page.waitForFunction(() => /marked Sent/.test(document.getElementById('postedNote')!.textContent || ''), undefined, { timeout: 20000 });
      const log = t.ss.getSheetByName('Letters Log')!.getDataRange().getValues();
      const status = log[0].indexOf('Status');
      const upnCol = log[0].indexOf('UPN');
      // The run made a Letters Log row for exactly the pupils the preview listed, and "posted" marked each Sent.
      const made = log.slice(logRowsBefore);
      expect(Array.from(new Set(made.map((r) => String(r[upnCol])))).sort()).toEqual(dueUpns);
      expect(made.map((r) => r[status]).filter((x) => x !== 'Sent')).toEqual([]);
      await screenshot(s, 'letter-run-posted');
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.page.close();
    }
  });

  test('a mark typed into the Register after the preview changes the letters: nothing is made, and the sidebar says to preview again', async () => {
    const s = await openSidebar(browser, t.g, bundle, 'showLetterRun');
    try {
      await previewWholeSchool(s, 'reward');
      expect(await s.page.textContent('#summary')).toMatch(/From today's attendance review|Attendance reviewed afresh: /);
      const upn = await s.page.$eval('#due input.tick', (c) => (c as HTMLInputElement).value);
      // The first of these pupils absent without reason all year, typed by hand: no reward letter now.
      const reg = t.ss.getSheetByName('Register')!;
      const values = reg.getDataRange().getValues();
      const row = values.findIndex((r) => String(r[0]) === upn);
      values[0].forEach((h, c) => {
        const w = parseWeek(values[row][c]);
        if (/^w\/c /.test(String(h)) && w.ok) reg.getRange(row + 1, c + 1).setValue(toCell(formatWeek(w.codes.map((x) => (x ? 'O' : ''))), 'text'));
      });
      const logRows = t.ss.getSheetByName('Letters Log')!.getLastRow();
      await s.page.click('#generate');
      await s.page.waitForFunction(() => /changed since the preview/.test(document.getElementById('error')!.textContent || ''), undefined, { timeout: WAIT_MS });
      expect(await s.page.textContent('#error')).toMatch(/nothing was made\. Press Preview again/);
      expect(t.ss.getSheetByName('Letters Log')!.getLastRow()).toBe(logRows);
      // No progress bar from the earlier, finished run, and the message is in view (not above a long list).
      await s.page.waitForSelector('#progress.hidden', { state: 'attached', timeout: WAIT_MS });
      expect(await s.page.$eval('#error', (n) => { const r = n.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
      // The list shown is out of date: Generate waits for a new preview.
      expect(await s.page.isDisabled('#generate')).toBe(true);
      await screenshot(s, 'letter-run-changed');
      // Preview again: from the review the refused run kept, and that pupil is no longer due a reward letter.
      await s.page.click('#preview');
      await s.page.waitForFunction((u) => !Array.from(document.querySelectorAll('#due input.tick')).some((x) => (x as HTMLInputElement).value === u), upn, { timeout: WAIT_MS });
      expect(await s.page.textContent('#summary')).toMatch(/From today's attendance review: nothing it read has changed since/);
      expect(await s.page.isDisabled('#generate')).toBe(false);
    } finally {
      await s.page.close();
    }
  });

  test('a mark typed into this week\'s register: the next preview reviews afresh, says why and shows it', async () => {
    const s = await openSidebar(browser, t.g, bundle, 'showLetterRun');
    try {
      await previewWholeSchool(s, 'reward');
      const upn = await s.page.$eval('#due input.tick', (c) => (c as HTMLInputElement).value);
      // The latest week's register for the first pupil due a reward letter: absent without reason, typed by hand.
      const reg = t.ss.getSheetByName('Register')!;
      const values = reg.getDataRange().getValues();
      const row = values.findIndex((r) => String(r[0]) === upn);
      const last = values[0].length - 1;
      expect(String(values[0][last])).toMatch(/^w\/c /);
      const w = parseWeek(values[row][last]);
      expect(w.ok).toBe(true);
      reg.getRange(row + 1, last + 1).setValue(toCell(formatWeek((w as { codes: string[] }).codes.map((x) => (x ? 'O' : ''))), 'text'));
      await s.page.click('#preview');
      await s.page.waitForFunction(() => /marks have been typed into the Register \(this week or last\)/.test(document.getElementById('summary')!.textContent || ''), undefined, { timeout: WAIT_MS });
      expect(await s.page.textContent('#summary')).toMatch(/Attendance reviewed afresh: marks have been typed into the Register \(this week or last\) since the last review\./);
      expect(await s.page.$$eval('#due input.tick', (c) => c.map((x) => (x as HTMLInputElement).value))).not.toContain(upn);
      await screenshot(s, 'letter-run-marks-typed');
    } finally {
      await s.page.close();
    }
  });
});

describe("Today's tasks sidebar (issue 7)", () => {
  test("lists today's task from the QA Calendar and marks it done in the tab", async () => {
    // Typed into the QA Calendar tab as staff would (by header: staff may have moved the columns).
    const qaTab = t.ss.getSheetByName('QA Calendar')!;
    const header = qaTab.getRange(1, 1, 1, qaTab.getLastColumn()).getValues()[0].map(String);
    const typed: Record<string, unknown> = { Date: new Date(Date.UTC(2024, 0, 26)), Task: 'Coding review', 'Owner Chain': 'Attendance officer > Pastoral manager > SLT attendance', 'Checking For': 'Gaps & <b>old</b> N codes' };
    qaTab.appendRow(header.map((h) => (h in typed ? typed[h] : '')));
    (t.g.services.Session as any)._setUser('attendance.officer@hillside.sch.uk');
    const s = await openSidebar(browser, t.g, bundle, 'showTodaysTasks');
    try {
      await s.page.waitForFunction(() => /Signed in as/.test(document.getElementById('status')!.textContent || ''), undefined, { timeout: WAIT_MS });
      expect(await s.page.textContent('#status')).toBe('Signed in as attendance.officer@hillside.sch.uk.');
      expect(await s.page.$$eval('#today .task .title', (n) => n.map((x) => x.textContent))).toEqual(['26/01/2024: Coding review']);
      // Staff-typed text shows as text, never as markup.
      expect(await s.page.$$eval('#today .task .meta', (n) => n.map((x) => x.textContent))).toEqual([
        'Owner chain: Attendance officer > Pastoral manager > SLT attendance',
        'Checking for: Gaps & <b>old</b> N codes',
      ]);
      expect(await s.page.$$eval('#today b', (n) => n.length)).toBe(0);
      await screenshot(s, 'todays-tasks');
      await s.page.click('#today button');
      await s.page.waitForSelector('#today .done', { timeout: WAIT_MS });
      expect(await s.page.textContent('#status')).toBe('Marked done. The next person in the chain is asked to QA it tomorrow morning.');
      const qa = t.ss.getSheetByName('QA Calendar')!.getDataRange().getValues();
      const row = qa.find((r) => r[1] === 'Coding review')!;
      expect([row[qa[0].indexOf('Status')], row[qa[0].indexOf('Done By')]]).toEqual(['Done', 'attendance.officer@hillside.sch.uk']);
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.page.close();
    }
  });
});

describe('Mentoring slip sidebar (issue 8)', () => {
  test('finds a mentored pupil by name and shows only mentored years', async () => {
    const s = await openSidebar(browser, t.g, bundle, 'showMentoringSlip');
    try {
      await s.page.waitForFunction(() => (document.getElementById('status')!.textContent || '') === '', undefined, { timeout: WAIT_MS });
      const students = t.school.tables.Students;
      const h = students[0].map((x) => x.toLowerCase());
      const year = h.findIndex((x) => /year/.test(x));
      const y11 = students.slice(1).find((r) => r[year] === '11')!;
      const surname = y11[h.findIndex((x) => /surname/.test(x))];
      await s.page.fill('#slipSearch', surname);
      await s.page.waitForSelector('#slipResults li', { timeout: WAIT_MS });
      const found = await s.page.$$eval('#slipResults li', (n) => n.map((x) => x.textContent || ''));
      expect(found.some((f) => f.includes(surname) && f.includes('Y11'))).toBe(true);
      expect(found.every((f) => /, Y1[01]\)$/.test(f))).toBe(true);
      expect(await s.page.textContent('#sessionYear')).toBe('11');
      await screenshot(s, 'mentoring-slip');
      expect(s.dialogs).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.page.close();
    }
  });
});

describe('every sidebar is built from the shared parts', () => {
  const pages: Array<[string, string]> = [
    ['showSettings', 'settings'], ['showPupilProfile', 'pupil-profile-open'], ['showRecordMiss', 'record-miss-open'], ['showLetterRun', 'letter-run-open'],
    ['showTodaysTasks', 'todays-tasks-open'], ['showMentoringSlip', 'mentoring-slip-open'], ['showCodingReview', 'coding-review'], ['showHelp', 'help'],
  ];
  for (const [show, name] of pages) {
    test(`${show}: Google's add-on CSS, the shared styles, the 300 px layout`, async () => {
      const s = await openSidebar(browser, t.g, bundle, show);
      try {
        await s.page.waitForLoadState('networkidle');
        const sheets = await s.page.$$eval('link[rel=stylesheet]', (n) => n.map((x) => (x as HTMLLinkElement).href));
        expect(sheets).toEqual(['https://ssl.gstatic.com/docs/script/css/add-ons1.css']);
        expect(await s.page.$$eval('body > .sidebar', (n) => n.length)).toBe(1);
        // No horizontal scroll at the sidebar's width.
        expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
        await screenshot(s, name, true);
        expect(s.dialogs).toEqual([]);
        expect(s.errors).toEqual([]);
      } finally {
        await s.page.close();
      }
    });
  }
});

describe('Coding review sidebar (issue 5)', () => {
  test('lists the pupils held by their register issues, names as text', async () => {
    const s = await openSidebar(browser, t.g, bundle, 'showCodingReview');
    try {
      const body = (await s.page.textContent('body')) || '';
      expect(body).toMatch(/Coding review for 26\/01\/2024\./);
      const heading = (await s.page.$$eval('h2', (n) => n.map((x) => x.textContent || ''))).find((x) => x.startsWith('Pupils'))!;
      const held = Number(/\((\d+)\)/.exec(heading)![1]);
      const rows = await s.page.$$eval('table.figures', (tables) => tables.map((tb) => tb.querySelectorAll('tr').length - 1));
      if (held === 0) expect(body).toContain('No coding issues: no pupil is held.');
      else expect(rows[rows.length - 1]).toBe(held);
      expect(await s.page.$$eval('script, img', (n) => n.length)).toBe(0);
      expect(s.dialogs).toEqual([]);
    } finally {
      await s.page.close();
    }
  });
});
