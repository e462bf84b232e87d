/**
 * `npm ci` on any laptop (issue 13): the lock file must hold every platform's optional binaries
 * (npm ci refuses a lock that lacks the one for the machine it runs on), and the Node versions
 * package.json promises must satisfy every locked package's own `engines`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
type Entry = { version?: string; engines?: { node?: string } | string[]; optionalDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
const packages: Record<string, Entry> = lock.packages;

/** Where npm would find `name` for the package installed at `at` (nested first, then upwards). */
function resolveIn(at: string, name: string): string | null {
  for (let dir = at; ; ) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

test('every optional dependency of every locked package is in the lock (all platforms, not just this one)', () => {
  const missing: string[] = [];
  for (const [at, entry] of Object.entries(packages)) {
    for (const name of Object.keys(entry.optionalDependencies || {})) if (!resolveIn(at, name)) missing.push(`${at || '(root)'} → ${name}`);
  }
  expect(missing).toEqual([]);
});

test('the native packages a Mac, a Windows laptop and Linux need are all locked', () => {
  for (const name of ['@swc/core-darwin-arm64', '@swc/core-win32-x64-msvc', '@swc/core-linux-x64-gnu', '@esbuild/darwin-arm64', '@esbuild/win32-x64', '@esbuild/linux-x64', '@unrs/resolver-binding-darwin-arm64', '@unrs/resolver-binding-win32-x64-msvc']) {
    expect([name, !!packages[`node_modules/${name}`]]).toEqual([name, true]);
  }
});

test("package.json's engines are a subset of every locked package's engines", () => {
  const ours: string = pkg.engines.node;
  const clashes: string[] = [];
  for (const [at, entry] of Object.entries(packages)) {
    const theirs = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
    if (at && theirs && !semver.subset(ours, theirs)) clashes.push(`${at}@${entry.version} needs node ${theirs}`);
  }
  expect(clashes).toEqual([]);
});

test('the lock was made from this package.json (npm ci compares them)', () => {
  const root = packages[''] as { devDependencies?: Record<string, string>; engines?: { node: string } };
  expect(root.devDependencies).toEqual(pkg.devDependencies);
  expect(root.engines).toEqual(pkg.engines);
});

test('.ci/run runs exactly the README test command, installing nothing else', () => {
  const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const commands = ci.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#') && !/^(set |cd )/.test(l.trim()));
  expect(commands).toEqual(['npm install && npm test']);
  expect(readme).toContain('npm install && npm test');
  expect(ci).not.toMatch(/apt-get|sudo/);
});
