/**
 * The layers of docs/ARCHITECTURE.md, kept by a test (issue 13): `src/core` holds the school's rules
 * alone — it imports nothing from gas/, jobs/ or entry/, uses no Node API and reads no clock — and
 * only `src/gas` touches Google's services. Read with the TypeScript parser, so a word in a comment
 * or a string ("a legal process.", "Session Register") is not code.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const GOOGLE = ['SpreadsheetApp', 'DocumentApp', 'MailApp', 'ScriptApp', 'PropertiesService', 'LockService', 'CacheService', 'Session', 'Utilities', 'HtmlService', 'DriveApp', 'GmailApp', 'UrlFetchApp'];
const NODE = ['fs', 'path', 'os', 'crypto', 'child_process', 'util', 'buffer', 'process'];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const layer = (f: string) => rel(f).split('/')[0];

/** Every import or re-export of a file: [module text, line]. */
function importsOf(sf: ts.SourceFile): [string, number][] {
  const out: [string, number][] = [];
  for (const s of sf.statements) {
    if ((ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      out.push([s.moduleSpecifier.text, sf.getLineAndCharacterOfPosition(s.getStart()).line + 1]);
    }
  }
  return out;
}

/** Identifiers used as values (not a property name, not a type) whose text is in `names`. */
function globalsUsed(sf: ts.SourceFile, names: string[]): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && names.includes(n.text)) {
      const p = n.parent;
      const isName =
        (ts.isPropertyAccessExpression(p) && p.name === n) ||
        ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) && p.name === n) ||
        // the file's own declaration of that name (e.g. core's `type Session = 'AM' | 'PM'`)
        ((ts.isTypeAliasDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isClassDeclaration(p) || ts.isEnumDeclaration(p)) && p.name === n) ||
        ts.isQualifiedName(p) ||
        ts.isTypeReferenceNode(p) ||
        ts.isImportSpecifier(p) ||
        ts.isExportSpecifier(p);
      if (!isName) found.push(`${rel(sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${n.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const ALL = files(SRC).map(parse);

test('src/core imports nothing from gas/, jobs/ or entry/, and no Node module', () => {
  const bad: string[] = [];
  for (const sf of ALL.filter((s) => layer(s.fileName) === 'core')) {
    for (const [spec, line] of importsOf(sf)) {
      const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(sf.fileName), spec)) : spec;
      if (/^(gas|jobs|entry)(\/|$)/.test(target) || NODE.includes(spec.replace(/^node:/, ''))) bad.push(`${rel(sf.fileName)}:${line} imports ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});

test('src/core reads no clock: "today" is a parameter', () => {
  const bad: string[] = [];
  for (const sf of ALL.filter((s) => layer(s.fileName) === 'core')) {
    const visit = (n: ts.Node): void => {
      const at = () => `${rel(sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Date' && !(n.arguments && n.arguments.length)) bad.push(`${at()} new Date()`);
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Date' && n.name.text === 'now') bad.push(`${at()} Date.now`);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  expect(bad).toEqual([]);
});

test("only src/gas uses Google's services", () => {
  const bad = ALL.filter((s) => layer(s.fileName) !== 'gas').flatMap((sf) => globalsUsed(sf, GOOGLE));
  expect(bad).toEqual([]);
});

test('the checks see what they look for (a file breaking each rule is caught)', () => {
  const probe = ts.createSourceFile(path.join(SRC, 'core', 'probe.ts'), "import { x } from '../gas/tables';\nconst a = SpreadsheetApp.getActive();\nconst b = { Session: 1 }.Session;\ntype T = GoogleAppsScript.Base.Session;\n// Session in a comment\n", ts.ScriptTarget.ES2020, true);
  expect(globalsUsed(probe, GOOGLE)).toEqual(['core/probe.ts:2 SpreadsheetApp']);
  expect(importsOf(probe)).toEqual([['../gas/tables', 1]]);
});
