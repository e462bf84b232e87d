/**
 * Service calls per letter (every call is a round trip in Apps Script): the total for a run is
 * fixed + one Docs API batchUpdate per ten letters (issue 22: a letter cost ~117 calls when each
 * template element was copied with DocumentApp).
 */
import { LocalGoogle } from '../../../local/google';
import type { LocalDocumentApp } from '../../../local/services/document/document-app';
import { LocalParagraph } from '../../../local/services/document/paragraph';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { LETTERS_PER_CALL, MAX_REQUESTS_PER_CALL, mergeLetters } from '../../../src/gas/docs/mergeLetters';
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

test('one service call per ten letters (a Docs API batchUpdate), the same for 10, 30 and 50 letters, and one document per run', () => {
  const templateId = createTemplateDocument('AT1', DEFAULT_SETTINGS);
  const c10 = measure(templateId, 10);
  const c30 = measure(templateId, 30);
  const c50 = measure(templateId, 50);
  // The design (src/gas/docs/mergeLetters.ts): per run, the template opened once with DocumentApp
  // (its header and footer, and Apps Script's own message when it cannot be opened) and read once
  // with Documents.get; the document created, shared, given its header and footer and saved once.
  // Per LETTERS_PER_CALL (10) letters: ONE Documents.batchUpdate holding every request that
  // appends them. Nothing else: 20 more letters are 2 more calls.
  expect(LETTERS_PER_CALL).toBe(10);
  expect(total(c50) - total(c30)).toBe(2);
  expect(total(c30) - total(c10)).toBe(2);
  for (const [n, c] of [[10, c10], [30, c30], [50, c50]] as const) {
    expect(c['Documents.batchUpdate']).toBe(n / 10);
    expect(c['Documents.get']).toBe(1); // the template, once
    expect(c['DocumentApp.create']).toBe(1);
    expect(c['DocumentApp.openById']).toBe(1); // the template, once
    expect(c['Document.saveAndClose']).toBe(1);
    // No DocumentApp call per body element any more: the only element copies are the header's
    // and footer's, once a run (the same at 10 and 50 letters).
    expect(c['Body.appendParagraph'] || 0).toBe(0);
    expect(c['Text.insertText']).toBe(c10['Text.insertText']);
  }
  // Page breaks only between letters.
  const doc = (DocumentApp as unknown as LocalDocumentApp)._documents().find((d) => d._name === 'run of 50')!;
  expect(doc._body._kids.filter((k) => k instanceof LocalParagraph && k._kids.some((x) => x._type === 'PAGE_BREAK')).length).toBe(49);
});

test('a call never holds more than MAX_REQUESTS_PER_CALL requests: a long template gets fewer letters a call', () => {
  const templateId = createTemplateDocument('AT1', DEFAULT_SETTINGS);
  const sizes: number[] = [];
  const real = Docs!.Documents!.batchUpdate.bind(Docs!.Documents);
  (Docs!.Documents as unknown as { batchUpdate: unknown }).batchUpdate = (r: { requests: unknown[] }, id: string) => {
    sizes.push(r.requests.length);
    return real(r as never, id);
  };
  try {
    // The limit bites only with a long letter: here each has 300 more bold runs (an
    // updateTextStyle each), so a letter is more than half the limit and two cannot share a call.
    const doc = DocumentApp.openById(templateId);
    const p = doc.getBody().appendParagraph('x '.repeat(300));
    for (let k = 0; k < 300; k++) p.editAsText().setBold(2 * k, 2 * k, true);
    doc.saveAndClose();
    mergeLetters({ templateId, title: 'long', letters: Array.from({ length: 3 }, (_, k) => ({ values: values(k + 1), conditions: CONDITIONS })) });
  } finally {
    (Docs!.Documents as unknown as { batchUpdate: unknown }).batchUpdate = real;
  }
  expect(sizes).toHaveLength(3);
  for (const n of sizes) {
    expect(n).toBeGreaterThan(MAX_REQUESTS_PER_CALL / 2);
    expect(n).toBeLessThanOrEqual(MAX_REQUESTS_PER_CALL);
  }
});

test('a run mixing two letter types reads each template once: one more openById and one more Documents.get', () => {
  const at1 = createTemplateDocument('AT1', DEFAULT_SETTINGS);
  const at2 = createTemplateDocument('AT2', DEFAULT_SETTINGS);
  const letters = Array.from({ length: 20 }, (_, k) => ({ values: values(k + 1), conditions: CONDITIONS, templateId: k % 2 ? at2 : at1 }));
  g.env.resetCounts();
  mergeLetters({ templateId: at1, title: 'mixed', letters });
  const c = g.env.countsByName();
  expect(c['Documents.batchUpdate']).toBe(2);
  expect(c['Documents.get']).toBe(2);
  expect(c['DocumentApp.openById']).toBe(2);
});
