/// <reference lib="dom" />
/**
 * The legal sidebar (Attendance → Evidence pack… / Record a legal step…, issue 19) in headless
 * Chromium on the hand-made autumn 2024 school (test/jobs/legal/legalSchool.ts), driven as the
 * attendance officer would: the cases at the threshold stage, a pupil's case, a penalty notice
 * recorded with its amount, a third refused, and a pack made. Screenshot: legal-sidebar.png.
 */
import { legalSchool, LegalSchool, U } from '../jobs/legal/legalSchool';
import { launchBrowser, openSidebar, screenshot, loadBundle, Browser, Sidebar } from './harness';
import { Bundle } from '../../local/loadBundle';
import { tabObjects } from '../jobs/attendanceSchool';

let t: LegalSchool;
let bundle: Bundle;
let browser: Browser;
let s: Sidebar;

beforeAll(async () => {
  t = legalSchool({ legal: [
    ['Date', 'UPN', 'Step', 'Parent'],
    ['05/09/2024', U.amir, 'Penalty notice', 'Mrs Rana Shah'],
    ['20/08/2024', U.amir, 'Penalty notice', 'Mrs Rana Shah'],
  ] });
  t.g.env.now = new Date('2024-11-15T09:00:00Z');
  bundle = loadBundle(t.g);
  browser = await launchBrowser();
  s = await openSidebar(browser, t.g, bundle, 'showEvidencePack');
});

afterAll(async () => {
  if (browser) await browser.close();
  if (t) t.uninstall();
});

async function statusOf(selector: string): Promise<string> {
  await s.page.waitForFunction((sel) => {
    const n = document.querySelector(sel);
    return !!n && !!n.textContent && !/…$/.test(n.textContent);
  }, selector, { timeout: 20000 });
  return (await s.page.textContent(selector)) || '';
}

test('the cases at the threshold stage are listed, each with what is due next', async () => {
  await s.page.waitForSelector('#cases li', { timeout: 20000 });
  const cases = await s.page.$$eval('#cases li', (li) => li.map((x) => x.textContent));
  expect(cases).toEqual([
    'Green, Bella · Y8 8Gthreshold first met 20/09 (holiday in term time) — consider a penalty notice; no Notice to Improve is expected for a holiday',
    'Shah, Amir · Y9 9Sthreshold first met 12/09 — no Notice to Improve yet; 2 notices to Mrs Rana Shah in 3 years — a further case: consider prosecution, not a notice',
    'Reid, Callum · Y10 10Rthreshold first met 04/10 — no Notice to Improve yet; absent without permission 30/09–11/10 (10 school days), back 14/10 — notify the LA, with the return date',
  ]);
  expect(await s.page.textContent('#allPacks')).toBe('Make their packs (3)');
});

test("a pupil's case: due next, the steps so far and what a notice to each parent would be", async () => {
  await s.page.fill('#q', 'Shah');
  await s.page.keyboard.press('Enter');
  await s.page.waitForSelector('#case #name', { timeout: 20000 });
  expect(await s.page.textContent('#case #name')).toBe('Amir Shah');
  const due = await s.page.$$eval('#case ul.due li', (li) => li.map((x) => [x.textContent, x.className]));
  expect(due).toEqual([
    ['threshold first met 12/09 — no Notice to Improve yet', 'action'],
    ['2 notices to Mrs Rana Shah in 3 years — a further case: consider prosecution, not a notice', 'action'],
  ]);
  const parents = await s.page.$$eval('#stepForm label.check', (l) => l.map((x) => x.textContent));
  expect(parents).toEqual([' Mrs Rana Shah — notice: limit reached: consider prosecution', ' Mr Imran Shah — notice: £80 if paid within 21 days, £160 within 28 days']);
});

test('a third notice to Mrs Shah is refused; one to Mr Shah is recorded with its amount', async () => {
  await s.page.selectOption('#step', 'Penalty notice');
  await s.page.check('#parent0');
  await s.page.click('#stepForm button[type=submit]');
  expect(await statusOf('#stepStatus')).toMatch(/^Nothing was recorded\. Mrs Rana Shah has had 2 penalty notices for this child in 3 years \(20\/08\/2024, 05\/09\/2024\)/);
  expect(tabObjects(t.ss, 'Legal')).toHaveLength(2);
  await s.page.uncheck('#parent0');
  await s.page.check('#parent1');
  await s.page.click('#stepForm button[type=submit]');
  await s.page.waitForFunction(() => /Penalty notice for Amir Shah to Mr Imran Shah/.test(document.getElementById('stepStatus')?.textContent || ''), undefined, { timeout: 20000 });
  expect(await s.page.textContent('#stepStatus')).toContain('Penalty notice for Amir Shah to Mr Imran Shah, 15/11/2024: £80 if paid within 21 days, £160 within 28 days.');
  expect(tabObjects(t.ss, 'Legal').map((r) => [r.Parent, r.Amount])[2]).toEqual(['Mr Imran Shah', '£80 if paid within 21 days, £160 within 28 days']);
  await screenshot(s, 'legal-sidebar', true);
});

test('a pack for this pupil: made, linked, listed on the Evidence Packs tab', async () => {
  await s.page.click('#onePack');
  await s.page.waitForSelector('#case a.doc', { timeout: 30000 });
  const href = await s.page.getAttribute('#case a.doc', 'href');
  expect(href).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  expect(tabObjects(t.ss, 'Evidence Packs').map((r) => [r.UPN, r.Status, r.Document])).toEqual([[U.amir, 'Made', href]]);
  expect(s.dialogs).toEqual([]);
  expect(s.errors).toEqual([]);
});
