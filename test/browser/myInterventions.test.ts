/// <reference lib="dom" />
// Page code (page.evaluate, $$eval) runs in the browser: it needs the DOM types.
/**
 * "My open interventions" (issue 20) in headless Chromium, rendered by the real bundle on a small
 * tracker. A Head of Year opens it and sees exactly her open items, overdue first; staff re-sort
 * the Interventions tab; a click still selects the right row (found by Key at the click). Someone
 * with no items is told whose items were looked for. Screenshot: my-interventions.png.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { importRows } from '../../src/jobs/importData';
import { setUser } from '../../local/services/shared';
import { launchBrowser, openSidebar, screenshot, loadBundle, Browser, Sidebar } from './harness';
import { Bundle } from '../../local/loadBundle';

const WAIT_MS = 60000;
let t: TrackerFixture;
let bundle: Bundle;
let browser: Browser;
const y9: Array<{ upn: string; name: string; reg: string }> = [];
let y10upn = '';

beforeAll(async () => {
  t = makeTracker({ pupils: 60, tabs: ['Students'] });
  const [h, ...rows] = t.school.tables.Students;
  const col = (re: RegExp) => h.findIndex((x) => re.test(x));
  const firsts = new Set<string>();
  for (const r of rows) {
    if (r[col(/leaving/i)] || !/^[A-Za-z]+$/.test(r[col(/surname/i)])) continue;
    const year = Number(r[col(/year/i)]);
    if (year === 10 && !y10upn) y10upn = r[col(/upn/i)];
    // Year 9 pupils whose surnames start with different letters: plain alphabetical order.
    if (year !== 9 || firsts.has(r[col(/surname/i)][0])) continue;
    firsts.add(r[col(/surname/i)][0]);
    y9.push({ upn: r[col(/upn/i)], name: `${r[col(/surname/i)]}, ${r[col(/forename/i)]}`, reg: r[col(/reg/i)] });
  }
  y9.sort((a, b) => (a.name < b.name ? -1 : 1));
  importRows(t.ss, 'Staff', [
    ['Name', 'Email', 'Role', 'Year', 'Reg Group'],
    ['Ms Smith', 'smith@hillside.sch.uk', 'Head of Year', '9', ''],
    ['Mr Brown', 'brown@hillside.sch.uk', 'Head of Year', '10', ''],
    ['Mrs Patel', 'patel@hillside.sch.uk', 'Form tutor', '', '8Z'],
  ]);
  const [a, b] = y9;
  importRows(t.ss, 'Interventions', [
    ['Date', 'UPN', 'Area', 'Action', 'Owner', 'Due', 'Status', 'Key'],
    ['08/01/2024', b.upn, 'Homework', 'HoY meeting with parents', 'Head of Year: Ms Smith', '30/01/2024', 'Open', 'K1'],
    ['08/01/2024', a.upn, 'Homework', 'Planner check <img src=x onerror=alert(1)>', 'Head of Year', '30/01/2024', 'Open', 'K2'],
    ['08/01/2024', a.upn, 'Progress', 'Below target in 3 subjects: review', 'Head of Year: Ms Smith', '19/01/2024', 'Open', 'K3'],
    ['08/01/2024', y10upn, 'Homework', 'Meeting', 'Head of Year: Mr Brown', '10/01/2024', 'Open', 'K4'],
    ['08/01/2024', b.upn, 'Homework', 'Already done', 'Head of Year: Ms Smith', '12/01/2024', 'Done', 'K5'],
  ]);
  bundle = loadBundle(t.g);
  browser = await launchBrowser();
});

afterAll(async () => {
  if (browser) await browser.close();
  if (t) t.uninstall();
});

async function loaded(s: Sidebar) {
  await s.page.waitForFunction(() => !/Loading/.test(document.getElementById('status')!.textContent || ''), undefined, { timeout: WAIT_MS });
}

test('a Head of Year sees exactly her open items; a click selects the right row after the tab was re-sorted', async () => {
  setUser(t.g.env, 'smith@hillside.sch.uk');
  const s = await openSidebar(browser, t.g, bundle, 'showMyInterventions');
  try {
    await loaded(s);
    expect(s.title).toBe('My open interventions');
    expect(await s.page.textContent('#count')).toBe('3 open items, 1 overdue');
    expect(await s.page.textContent('#status')).toBe('For Ms Smith (Head of Year 9), as of 26/01/2024.');
    expect(await s.page.$$eval('.section h2', (n) => n.map((x) => x.textContent))).toEqual(['Overdue (1)', 'Due 30/01/2024 (2)']);
    const [a, b] = y9;
    expect(await s.page.$$eval('li.item', (n) => n.map((x) => [x.getAttribute('data-key'), x.querySelector('.who')!.textContent, x.querySelector('.what')!.textContent, x.querySelector('.due')!.textContent]))).toEqual([
      ['K3', `${a.name} · Y9 ${a.reg}`, 'Below target in 3 subjects: review', 'Due 19/01/2024'],
      ['K2', `${a.name} · Y9 ${a.reg}`, 'Planner check <img src=x onerror=alert(1)>', 'Due 30/01/2024'],
      ['K1', `${b.name} · Y9 ${b.reg}`, 'HoY meeting with parents', 'Due 30/01/2024'],
    ]);
    expect(await s.page.$$eval('#list img', (n) => n.length)).toBe(0); // text, never markup
    // The shared parts: Google's add-on CSS only, one .sidebar, no sideways scroll at 300 px.
    expect(await s.page.$$eval('link[rel=stylesheet]', (n) => n.map((x) => (x as HTMLLinkElement).href))).toEqual(['https://ssl.gstatic.com/docs/script/css/add-ons1.css']);
    expect(await s.page.$$eval('body > .sidebar', (n) => n.length)).toBe(1);
    expect(await s.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await screenshot(s, 'my-interventions', true);

    // Staff sort the tab by Action, A→Z, after the list was made: K1's row moves.
    const sheet = t.ss.getSheetByName('Interventions')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const keyCol = header.indexOf('Key') + 1;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: header.indexOf('Action') + 1, ascending: true });
    // Actions A→Z: Already done, Below target…, HoY meeting…, Meeting, Planner check…
    expect(sheet.getRange(2, keyCol, 5, 1).getValues().map((r) => r[0])).toEqual(['K5', 'K3', 'K1', 'K4', 'K2']);

    await s.page.click('li.item[data-key="K1"] button.link');
    await s.page.waitForFunction(() => /selected/.test(document.getElementById('status')!.textContent || ''), undefined, { timeout: WAIT_MS });
    expect(await s.page.textContent('#status')).toBe('Row 4 of the Interventions tab is selected.');
    const active = t.ss.getActiveRange()!;
    expect([active.getSheet().getName(), active.getRow(), active.getNumRows()]).toEqual(['Interventions', 4, 1]);
    expect(sheet.getRange(active.getRow(), keyCol).getValue()).toBe('K1');
    expect(s.dialogs).toEqual([]);
    expect(s.errors).toEqual([]);
  } finally {
    await s.page.close();
  }
});

test('someone with no open items is told whose items were looked for', async () => {
  setUser(t.g.env, 'patel@hillside.sch.uk');
  const s = await openSidebar(browser, t.g, bundle, 'showMyInterventions');
  try {
    await loaded(s);
    expect(await s.page.textContent('#count')).toBe('No open items');
    expect(await s.page.textContent('#status')).toBe('No open items for Mrs Patel (Form tutor 8Z).');
    expect(await s.page.$$eval('li.item', (n) => n.length)).toBe(0);
    await screenshot(s, 'my-interventions-none');
  } finally {
    await s.page.close();
  }
});
