/**
 * The built bundle, loaded as Apps Script loads it (issue 2): top-level functions only, no Node
 * APIs, nothing called at module scope, and the menu in each authorisation mode.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLocalGoogle } from '../../local/google';
import { loadBundle, BUILD_DIR } from '../../local/loadBundle';
import { SAFE_ITEMS } from '../../src/entry/menu';
import { menuFunctionNames } from '../menuNames';

const code = fs.readFileSync(path.join(BUILD_DIR, 'Code.js'), 'utf8');

describe('build/Code.js', () => {
  it('has no module syntax or Node APIs', () => {
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bprocess\.[A-Za-z_]|\bBuffer\.[A-Za-z_]|\bsetTimeout\(|\bsetInterval\(/);
  });

  it('defines onOpen and onInstall as top-level functions', () => {
    expect(code).toMatch(/^function onOpen\(/m);
    expect(code).toMatch(/^function onInstall\(/m);
  });

  it('loads in a scope with only the Google services, calling none of them at load', () => {
    const g = createLocalGoogle();
    const ctx = loadBundle(g);
    expect(typeof ctx.onOpen).toBe('function');
    expect(g.env.total).toBe(0);
    expect((ctx as any).require).toBeUndefined();
    expect((ctx as any).process).toBeUndefined();
    expect((ctx as any).setTimeout).toBeUndefined();
  });

  it('gives every menu item a top-level function', () => {
    const g = createLocalGoogle();
    const ctx = loadBundle(g);
    const missing = menuFunctionNames().filter((n) => typeof ctx[n] !== 'function');
    expect(missing).toEqual([]);
  });

  it('shows only the safe items in AuthMode.NONE and the full menu once authorised', () => {
    const none = createLocalGoogle();
    loadBundle(none).onOpen({ authMode: (none.services.ScriptApp as any).AuthMode.NONE });
    const safeMenu = JSON.stringify(none.app._record.menus);
    for (const i of SAFE_ITEMS) expect(safeMenu).toContain(i.fn);
    expect(safeMenu).not.toContain('showLetterRun');

    const full = createLocalGoogle();
    loadBundle(full).onOpen({ authMode: (full.services.ScriptApp as any).AuthMode.FULL });
    const fullMenu = JSON.stringify(full.app._record.menus);
    expect(fullMenu).toContain('showLetterRun');
    expect(fullMenu).toContain('refreshHomework');
  });
});

describe("the README's paste install", () => {
  it('names every file of build/: Code.js, appsscript.json and each HTML file', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const paste = readme.slice(readme.indexOf('**paste**'), readme.indexOf('That is every file in `build/`'));
    const named = Array.from(paste.slice(paste.indexOf('for each of these')).matchAll(/`(\w+)`/g), (m) => `${m[1]}.html`).sort();
    const built = fs.readdirSync(BUILD_DIR).sort();
    expect(built.filter((f) => f.endsWith('.html'))).toEqual(named);
    expect(built.filter((f) => !f.endsWith('.html'))).toEqual(['Code.js', 'appsscript.json']);
    expect(paste).toContain('build/Code.js');
    expect(paste).toContain('build/appsscript.json');
  });
});

describe('clasp pushes only the build', () => {
  it('npx clasp status tracks build/ files and nothing from src/, test/ or node_modules/', () => {
    const { execFileSync } = require('child_process');
    const out: string = execFileSync('npx', ['clasp', 'status'], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60000 });
    const tracked = out.split('Untracked files:')[0].split('\n').filter((l) => l.includes('─')).map((l) => l.replace(/^[^a-zA-Z]+/, '').trim());
    expect(tracked).toEqual(expect.arrayContaining(['build/Code.js', 'build/appsscript.json']));
    expect(tracked.some((f) => f.endsWith('.html'))).toBe(true);
    expect(tracked.filter((f) => !f.startsWith('build/'))).toEqual([]);
  });
});
