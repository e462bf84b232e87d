// Bundles src/main.ts into build/Code.js for Apps Script.
//
// Apps Script only sees top-level `function` declarations (triggers, menu items and
// google.script.run all look a function up by its global name), so the bundle is an IIFE that
// puts every export of main.ts on one object, followed by a plain `function name(...)` stub per
// export. Not minified: Apps Script stack traces stay readable.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'build');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  target: 'es2019', // V8 runtime; keeps syntax conservative
  platform: 'neutral',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
};

// Pass 1: learn the names main.ts exports.
const probe = await build({ ...common, format: 'esm', write: false, metafile: true });
const exportsOf = Object.values(probe.metafile.outputs)[0].exports.slice().sort();

// Pass 2: the real bundle.
const GLOBAL = '__PastoralTracker';
const stubs = exportsOf
  .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
  .join('\n');
const result = await build({
  ...common,
  format: 'iife',
  globalName: GLOBAL,
  write: false,
  banner: { js: '// Pastoral Tracker — built from src/ by scripts/build.mjs. Do not edit: edit src/ and run npm run build.' },
  footer: { js: `\n// Entry points Apps Script can see (menus, triggers, google.script.run).\n${stubs}\n` },
});
let code = result.outputFiles[0].text;
// esbuild writes `var __PastoralTracker = (() => {...})();` — fine in Apps Script's global scope.
// Node globals as code (`process.env`), not the words in letter text ("a legal process.").
for (const [bad, re] of [['require(', /\brequire\(/], ['process.', /\bprocess\.[A-Za-z_]/], ['module.exports', /\bmodule\.exports\b/], ['setTimeout(', /\bsetTimeout\(/]]) {
  if (re.test(code)) throw new Error(`build/Code.js would contain "${bad}", which Apps Script lacks`);
}
writeFileSync(join(out, 'Code.js'), code);
cpSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
// Every sidebar page and shared part, flat: build/ is exactly what a paste install copies.
const ui = join(root, 'src/ui');
const pages = existsSync(ui) ? readdirSync(ui).filter((f) => f.endsWith('.html')).sort() : [];
for (const f of pages) cpSync(join(ui, f), join(out, f));
// The Import a file sidebar's browser code (src/ui/lib: CSV and .xlsx reading, chunking) as a
// shared part, fileRows.html: one <script> defining the global FileRows. It runs in the browser,
// not Apps Script.
{
  const page = await build({
    entryPoints: [join(root, 'src/ui/lib/browser.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const js = page.outputFiles[0].text;
  if (/<\/script/i.test(js)) throw new Error('src/ui/lib would close its own <script> tag');
  writeFileSync(join(out, 'fileRows.html'), `<script>
${js}</script>
`);
  pages.push('fileRows.html');
}
console.log(`build/Code.js: ${(code.length / 1024).toFixed(0)} KiB, ${exportsOf.length} entry points; ${pages.length} HTML files`);
