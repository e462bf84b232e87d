/**
 * Which Chromium the sidebar tests drive, found without anyone installing anything by hand:
 *
 * 1. `CHROMIUM_PATH`, when set (any Chromium or Chrome the person wants);
 * 2. the system's browser when there is one — Debian/Ubuntu `chromium`, Google Chrome, or on
 *    Windows Microsoft Edge (always there) — unless `PASTORAL_IGNORE_SYSTEM_CHROMIUM=1`, which
 *    proves step 3 on a machine that has a system browser;
 * 3. the headless Chromium that arrives with `npm install`: the `@sparticuz/chromium` package
 *    ships it brotli-compressed (Linux x64, glibc) together with the four libraries it needs
 *    beyond glibc (NSS, NSPR, expat). It is unpacked once into
 *    `node_modules/.cache/pastoral-chromium/<version>/` and run with those libraries first on
 *    LD_LIBRARY_PATH, so no `apt-get` and no `sudo` are needed.
 *
 * On macOS without Chrome, or Linux on ARM without a system Chromium, nothing can be found: the
 * error says which paths were tried and how to point CHROMIUM_PATH at a browser.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

export interface FoundChromium {
  executablePath: string;
  /** Extra environment for the browser process (the bundled libraries and fonts). */
  env: Record<string, string>;
  /** Where it came from, for messages: 'CHROMIUM_PATH', 'system' or 'npm'. */
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

const ROOT = path.resolve(__dirname, '..', '..');

export function systemCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const bases = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((b): b is string => !!b);
    return bases.flatMap((b) => [path.win32.join(b, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(b, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
}

/** Unpack (once) the Chromium shipped in @sparticuz/chromium; null when this machine cannot run it. */
export function npmChromium(cacheRoot = path.join(ROOT, 'node_modules', '.cache', 'pastoral-chromium')): FoundChromium | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  const pkgDir = packageDir('@sparticuz/chromium');
  if (!pkgDir) return null;
  const version = String(JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version);
  const dir = path.join(cacheRoot, version);
  const exe = path.join(dir, 'chromium');
  if (!fs.existsSync(exe)) unpack(path.join(pkgDir, 'bin'), dir);
  const fontsConf = path.join(dir, 'fonts.conf');
  return {
    executablePath: exe,
    env: { LD_LIBRARY_PATH: [path.join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'), FONTCONFIG_FILE: fontsConf },
    source: 'npm',
  };
}

/** The installed package's folder (its exports map hides package.json from require.resolve). */
function packageDir(name: string): string | null {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(name, { paths: [ROOT] }));
  } catch {
    return null;
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === name) return dir;
  }
  return null;
}

/**
 * Into a scratch folder first, renamed into place at the end: two test files starting at once
 * never run a half-written browser.
 */
function unpack(bin: string, dir: string): void {
  const tmp = `${dir}.partial-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const brotli = (f: string) => zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, f)));
  fs.writeFileSync(path.join(tmp, 'chromium'), brotli('chromium.br'), { mode: 0o755 });
  // swiftshader's libraries sit beside the binary (Chromium looks there); lib/ holds NSS & co.
  for (const tar of ['swiftshader.tar.br', 'al2023.tar.br', 'fonts.tar.br']) untar(brotli(tar), tmp);
  // Fonts: the package's own (Open Sans) and the system's where there are any.
  fs.writeFileSync(
    path.join(tmp, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <dir>/usr/local/share/fonts</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  fs.rmSync(path.join(tmp, 'fonts', 'fonts.conf'), { force: true });
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process finished first: use theirs
    if (!fs.existsSync(path.join(dir, 'chromium'))) throw e;
  }
}

/** A plain ustar reader (files and folders only), enough for the package's three archives. */
export function untar(data: Buffer, into: string): void {
  let at = 0;
  while (at + 512 <= data.length) {
    const header = data.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number) => header.subarray(from, from + len).toString('utf8').replace(/\0.*$/s, '');
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const mode = parseInt(field(100, 8).trim() || '644', 8);
    const type = field(156, 1) || '0';
    const target = path.join(into, name);
    if (!target.startsWith(into + path.sep)) throw new Error(`Chromium archive entry outside its folder: ${name}`);
    if (type === '5') fs.mkdirSync(target, { recursive: true });
    else if (type === '0') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, data.subarray(at + 512, at + 512 + size), { mode });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium {
  if (env.CHROMIUM_PATH) {
    if (!fs.existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.`);
    return { executablePath: env.CHROMIUM_PATH, env: {}, source: 'CHROMIUM_PATH' };
  }
  const tried: string[] = [];
  if (env.PASTORAL_IGNORE_SYSTEM_CHROMIUM !== '1') {
    for (const p of systemCandidates()) {
      if (fs.existsSync(p)) return { executablePath: p, env: {}, source: 'system' };
      tried.push(p);
    }
  }
  const shipped = npmChromium();
  if (shipped) return shipped;
  throw new Error(
    `No Chromium for the sidebar tests. Tried ${tried.length ? tried.join(', ') : '(system browsers ignored: PASTORAL_IGNORE_SYSTEM_CHROMIUM=1)'}` +
      ` and the one npm installs with @sparticuz/chromium (Linux x64 only; this is ${process.platform} ${process.arch}).` +
      ' Install Google Chrome or Chromium, or set CHROMIUM_PATH to a Chromium-based browser.',
  );
}
