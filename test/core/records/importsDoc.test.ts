/**
 * docs/imports.md lists every file name, every header alias and every Letters Log type and status
 * spelling the importer accepts (issue 16): a new alias in the code without the docs fails here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TABS, csvNameFor } from '../../../src/core/tabs';
import { isImportableTab } from '../../../src/core/records/parse';
import { SUMMARY_SPEC } from '../../../src/core/records/summaryImport';
import { LETTER_TYPE_ALIASES, LETTER_STATUS_ALIASES } from '../../../src/core/records/letterTypes';
import { FILE_TARGETS } from '../../../src/jobs/importFile';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'imports.md'), 'utf8');

it('names every file and every header alias', () => {
  const missing: string[] = [];
  for (const t of FILE_TARGETS) if (!doc.includes(`\`${csvNameFor(t)}\``)) missing.push(csvNameFor(t));
  const specs = TABS.filter((t) => isImportableTab(t.name)).map((t) => t.columns).concat([SUMMARY_SPEC.columns]);
  for (const cols of specs) for (const c of cols) for (const a of [c.header, ...(c.aliases || [])]) if (!doc.includes(a)) missing.push(a);
  expect(missing).toEqual([]);
});

it('names every letter type and status spelling', () => {
  const missing: string[] = [];
  for (const list of [...Object.values(LETTER_TYPE_ALIASES), ...Object.values(LETTER_STATUS_ALIASES)]) for (const a of list) if (!doc.includes(a)) missing.push(a);
  expect(missing).toEqual([]);
});
