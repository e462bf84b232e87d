/**
 * Service calls per letter must be a small constant (every call is a round trip in Apps Script):
 * the total for a run is fixed + n × per-letter, with the same figure at 10, 30 and 50 letters.
 */
import { LocalGoogle } from '../../../local/google';
import { defaultTemplate } from '../../../src/core/letters/defaultTemplates';
import { planRuns } from '../../../src/core/letters/merge';
import { blockText } from '../../../src/core/letters/templateDoc';
import { paragraphShown } from '../../../src/core/letters/conditions';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { mergeLetters } from '../../../src/gas/docs/mergeLetters';
import { createTemplateDocument } from '../../../src/gas/docs/templates';
import { setUp, values } from './helpers';

let g: LocalGoogle;
let uninstall: () => void;
beforeEach(() => ({ g, uninstall } = setUp()));
afterEach(() => uninstall());

// A first AT1 letter with support wording (the conditional paragraphs it has: issue 18).
const CONDITIONS = { IfFirst: true, IfSupport: true };

function measure(templateId: string, n: number): Record<string, number> {
  const letters = Array.from({ length: n }, (_, k) => ({ values: values(k + 1), conditions: CONDITIONS }));
  g.env.resetCounts();
  mergeLetters({ templateId, title: `run of ${n}`, letters });
  return g.env.countsByName();
}
const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

test('calls per letter are the same constant for 10, 30 and 50 letters, and one document per run', () => {
  const templateId = createTemplateDocument('AT1', DEFAULT_SETTINGS);
  const c10 = measure(templateId, 10);
  const c30 = measure(templateId, 30);
  const c50 = measure(templateId, 50);
  const perLetter = (total(c50) - total(c30)) / 20;
  expect((total(c30) - total(c10)) / 20).toBe(perLetter);
  expect(Number.isInteger(perLetter)).toBe(true);
  for (const c of [c10, c30, c50]) {
    expect(c['DocumentApp.create']).toBe(1);
    expect(c['DocumentApp.openById']).toBe(1); // the template, once
    expect(c['Document.saveAndClose']).toBe(1);
  }
  // Page breaks only between letters.
  expect(c50['Body.appendPageBreak']).toBe(49);

  // The bound the design promises: per template element in the letter copy + append (a paragraph
  // whose condition fails costs nothing), per paragraph with a value to fill one Text (cells: +
  // getCell), per filled placeholder insert + delete (a condition marker: delete), a page break,
  // and one count of the body's children (counted, never computed: issue 15 §5). The template Doc
  // has one element more per table than the default template has blocks: Docs put an empty
  // paragraph after a table appended at the end (a body ends with a paragraph).
  const tpl = defaultTemplate('AT1');
  const tables = tpl.body.filter((b) => b.kind === 'table').length;
  expect(DocumentApp.openById(templateId).getBody().getNumChildren()).toBe(tpl.body.length + tables);
  tpl.body = tpl.body.filter((b) => b.kind === 'table' || paragraphShown(blockText(b), CONDITIONS));
  const v = values(1);
  const elements = tpl.body.length + tables;
  let texts = 0;
  let edits = 0;
  for (const b of tpl.body) {
    const pieces = b.kind === 'table' ? (b.rows || []).reduce<string[]>((a, r) => a.concat(r), []) : [blockText(b)];
    for (const t of pieces) {
      const plan = planRuns(t, v);
      if (plan.length === 0) continue;
      // A cell is getCell + editAsText; the local Table.getCell also counts the TableRow.getCell
      // it makes inside, so 3 here (2 in Apps Script).
      texts += b.kind === 'table' ? 3 : 1;
      edits += plan.reduce((a, e) => a + (e.value === '' ? 1 : 2), 0);
    }
  }
  expect(perLetter).toBe(2 * elements + texts + edits + 1 + 1);
});
