/**
 * The sidebar tests need no browser installed by hand (issue 13): with the system's browsers
 * ignored, the Chromium that `npm install` brought (@sparticuz/chromium) is found, unpacked and
 * renders a page. On a machine where it cannot run (not Linux x64) the finder must say what it
 * tried and how to point CHROMIUM_PATH at a browser instead.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium } from 'playwright-core';
import { findChromium, systemCandidates, untar } from './chromium';

const canShip = process.platform === 'linux' && process.arch === 'x64';

test('with system browsers ignored, the npm-installed Chromium is used (Linux x64) or the error says what to do', async () => {
  const env = { ...process.env, PASTORAL_IGNORE_SYSTEM_CHROMIUM: '1', CHROMIUM_PATH: '' };
  if (!canShip) {
    expect(() => findChromium(env)).toThrow(/CHROMIUM_PATH/);
    return;
  }
  const found = findChromium(env);
  expect(found.source).toBe('npm');
  expect(found.executablePath).toMatch(/node_modules[\\/]\.cache[\\/]pastoral-chromium[\\/]143\.[\d.]+[\\/]chromium$/);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-chromium-npm-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: found.executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    env: { ...process.env, ...found.env },
  });
  try {
    const page = await context.newPage();
    await page.setContent('<p id="p">Pupil <b>profile</b></p><script>document.title = String(6 * 7)</script>');
    expect([await page.textContent('#p'), await page.title()]).toEqual(['Pupil profile', '42']);
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
});

test('a CHROMIUM_PATH that does not exist is named, not silently replaced', () => {
  expect(() => findChromium({ CHROMIUM_PATH: '/nowhere/chromium' })).toThrow('CHROMIUM_PATH is set to /nowhere/chromium, which does not exist.');
});

test('system browsers looked for: Debian/Ubuntu Chromium, Chrome on macOS, Edge on every Windows', () => {
  expect(systemCandidates('linux', {})).toContain('/usr/bin/chromium');
  expect(systemCandidates('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  expect(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
});

test('the archive reader writes files and folders and refuses an entry that climbs out of its folder', () => {
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name, 0);
    h.write('0000644\0', 100);
    h.write(size.toString(8).padStart(11, '0') + '\0', 124);
    h.write(type, 156);
    return h;
  };
  const body = Buffer.alloc(512);
  body.write('hello');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-untar-'));
  try {
    untar(Buffer.concat([header('lib/', 0, '5'), header('lib/a.txt', 5, '0'), body, Buffer.alloc(1024)]), dir);
    expect(fs.readFileSync(path.join(dir, 'lib', 'a.txt'), 'utf8')).toBe('hello');
    expect(() => untar(Buffer.concat([header('../evil.txt', 5, '0'), body]), dir)).toThrow('outside its folder');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
