/**
 * Service calls per letter (every call is a round trip in Apps Script): the total for a run is
 * fixed + n × per-letter, and per-letter is 1 — the letter's Docs API batchUpdate (issue 22: it
 * was ~117 when each template element was copied with DocumentApp).
 */
import { LocalGoogle } from '../../../local/google';
import type { LocalDocumentApp } from '../../../local/services/document/document-app';
import { LocalParagraph } from '../../../local/services/document/paragraph';
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

test('one service call per letter (a Docs API batchUpdate), the same for 10, 30 and 50 letters, and one document per run', () => {
  const templateId = createTemplateDocument('AT1', DEFAULT_SETTINGS);
  const c10 = measure(templateId, 10);
  const c30 = measure(templateId, 30);
  const c50 = measure(templateId, 50);
  // The design (src/gas/docs/mergeLetters.ts): per run, the template opened once with DocumentApp
  // (its header and footer, and Apps Script's own message when it cannot be opened) and read once
  // with Documents.get; the document created, shared, given its header and footer and saved once.
  // Per letter: ONE Documents.batchUpdate holding every request that appends it. Nothing else.
  const perLetter = (total(c50) - total(c30)) / 20;
  expect(perLetter).toBe(1);
  expect((total(c30) - total(c10)) / 20).toBe(1);
  for (const [n, c] of [[10, c10], [30, c30], [50, c50]] as const) {
    expect(c['Documents.batchUpdate']).toBe(n);
    expect(c['Documents.get']).toBe(1); // the template, once
    expect(c['DocumentApp.create']).toBe(1);
    expect(c['DocumentApp.openById']).toBe(1); // the template, once
    expect(c['Document.saveAndClose']).toBe(1);
    // No DocumentApp call per body element any more: the only element copies are the header's
    // and footer's, once a run (the same at 10 and 50 letters).
    expect(c['Body.appendParagraph'] || 0).toBe(0);
    expect(c['Text.insertText']).toBe(c10['Text.insertText']);
  }
  // The fixed part does not depend on the number of letters.
  expect(total(c10) - 10).toBe(total(c50) - 50);
  // Page breaks only between letters.
  const doc = (DocumentApp as unknown as LocalDocumentApp)._documents().find((d) => d._name === 'run of 50')!;
  expect(doc._body._kids.filter((k) => k instanceof LocalParagraph && k._kids.some((x) => x._type === 'PAGE_BREAK')).length).toBe(49);
});

test('a run mixing two letter types reads each template once: one more openById and one more Documents.get, still one call per letter', () => {
  const at1 = createTemplateDocument('AT1', DEFAULT_SETTINGS);
  const at2 = createTemplateDocument('AT2', DEFAULT_SETTINGS);
  const letters = Array.from({ length: 20 }, (_, k) => ({ values: values(k + 1), conditions: CONDITIONS, templateId: k % 2 ? at2 : at1 }));
  g.env.resetCounts();
  mergeLetters({ templateId: at1, title: 'mixed', letters });
  const c = g.env.countsByName();
  expect(c['Documents.batchUpdate']).toBe(20);
  expect(c['Documents.get']).toBe(2);
  expect(c['DocumentApp.openById']).toBe(2);
});
