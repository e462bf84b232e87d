/// <reference lib="dom" />
/**
 * Issue 15 §7: the morning trigger's last run is shown in the Settings sidebar, under
 * "Morning e-mails" — Google tells nobody when an add-on's trigger fails. Rendered by the real
 * bundle in headless Chromium; screenshot in test-output/screenshots/settings-morning.png.
 */
import { makeTracker, TrackerFixture } from '../fixtures/trackerFixture';
import { launchBrowser, openSidebar, screenshot, loadBundle, Browser } from './harness';

let t: TrackerFixture;
let browser: Browser;
beforeAll(async () => {
  t = makeTracker({ pupils: 30, tabs: ['Students', 'Staff'] }); // the person at the keyboard is the attendance officer
  browser = await launchBrowser();
});
afterAll(async () => {
  if (browser) await browser.close();
  if (t) t.uninstall();
});

test('the last morning run, failed, is shown under Morning e-mails', async () => {
  t.g.services.PropertiesService.getDocumentProperties().setProperty('pastoralTracker.morning.lastRun', JSON.stringify({
    at: '2024-01-26T07:02:11', result: 'Failed', by: 'hoy9@hillside.sch.uk', details: 'Students: no "UPN" column. Run Pastoral Tracker → Set up tracker to add it.',
  }));
  const s = await openSidebar(browser, t.g, loadBundle(t.g), 'showSettings');
  try {
    await s.page.waitForSelector('#morningStatus', { timeout: 10000 });
    const text = await s.page.textContent('#morningStatus');
    expect(text).toBe('Last morning run: 26/01/2024 07:02 — Failed (Students: no "UPN" column. Run Pastoral Tracker → Set up tracker to add it.) — hoy9@hillside.sch.uk\'s trigger.');
    // It sits in the Morning e-mails section, after that section's fields.
    const section = await s.page.$eval('#morningStatus', (p) => p.parentElement!.querySelector('h2')!.textContent);
    expect(section).toBe('Morning e-mails');
    // What a person sees: the sidebar scrolled to the Morning e-mails section.
    await s.page.$eval('#morningStatus', (p) => p.parentElement!.scrollIntoView());
    await screenshot(s, 'settings-morning');
  } finally {
    await s.page.close();
  }
});
