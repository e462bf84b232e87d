/**
 * The local Docs API advanced service (local/services/docs) against the reference: index
 * arithmetic (developers.google.com/docs/api/concepts/structure), the requests the letters use
 * (…/documents/request) and Google's refusals, the batch applied all or nothing
 * (…/documents/batchUpdate), and the write quota (…/docs/api/limits). Expected indexes are
 * counted by hand in each test.
 */
import { createLocalGoogle, LocalGoogle } from '../../../local/google';
import { renderText } from '../../../local/services/document/document';
import type { LocalDocumentApp } from '../../../local/services/document/document-app';
import { LocalListItem, LocalParagraph } from '../../../local/services/document/paragraph';
import { LocalText } from '../../../local/services/document/text';
import { WRITES_PER_MINUTE } from '../../../local/services/docs';

let g: LocalGoogle;
let uninstall: () => void;
beforeEach(() => {
  g = createLocalGoogle({ now: new Date('2024-01-26T08:00:00Z') });
  uninstall = g.install();
});
afterEach(() => uninstall());

const api = () => (g.services.Docs as unknown as { Documents: { get(id: string): any; batchUpdate(r: { requests: unknown[] }, id: string): any } }).Documents;
const raw = (id: string) => (g.services.DocumentApp as unknown as LocalDocumentApp)._get(id)!;
const PREFIX = 'GoogleJsonResponseException: API call to docs.documents.batchUpdate failed with error: ';

/** Body: "Hello" · a 1×2 table ["a", "bc"] · (the empty paragraph Docs keeps after it) · "End". */
function sample(): string {
  const doc = DocumentApp.create('sample');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText('Hello');
  body.appendTable([['a', 'bc']]);
  body.appendParagraph('End');
  const id = doc.getId();
  doc.saveAndClose();
  return id;
}

test('Documents.get: a section break at [0, 1), a "\\n" per paragraph, one index each for a table, a row and a cell', () => {
  const c = api().get(sample()).body.content;
  // sb [0,1) · "Hello\n" [1,7) · table [7,17): table 7, row 8, cell 9, "a\n" [10,12), cell 12,
  // "bc\n" [13,16), the table's end 16 · "\n" [17,18) · "End\n" [18,22)
  expect(c.map((e: any) => [e.startIndex ?? 0, e.endIndex])).toEqual([[0, 1], [1, 7], [7, 17], [17, 18], [18, 22]]);
  const row = c[2].table.tableRows[0];
  expect(row.startIndex).toBe(8);
  expect(row.tableCells.map((x: any) => [x.startIndex, x.endIndex])).toEqual([[9, 12], [12, 16]]);
  expect(row.tableCells[1].content[0].paragraph.elements[0].textRun.content).toBe('bc\n');
});

test('insertText: inside a paragraph only; past the end, at a table, row or cell marker, or at the section break it is refused in Google\'s words', () => {
  const id = sample();
  const refuse = (index: number) => () => api().batchUpdate({ requests: [{ insertText: { text: 'x', location: { index } } }] }, id);
  expect(refuse(22)).toThrow(`${PREFIX}Invalid requests[0].insertText: Index 22 must be less than the end index of the referenced segment, 22.`);
  const bounds = 'Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.';
  for (const at of [0, 7, 8, 9, 12, 16]) expect(refuse(at)).toThrow(PREFIX + bounds);
  // Inside the second cell's paragraph: fine.
  api().batchUpdate({ requests: [{ insertText: { text: 'x', location: { index: 13 } } }] }, id);
  expect(api().get(id).body.content[2].table.tableRows[0].tableCells[1].content[0].paragraph.elements[0].textRun.content).toBe('xbc\n');
});

test('a batch is all or nothing: the fourth request fails, the first three are undone', () => {
  const id = sample();
  const before = renderText(raw(id));
  expect(() => api().batchUpdate({
    requests: [
      { insertText: { text: 'A\nB', location: { index: 1 } } },
      { insertPageBreak: { location: { index: 1 } } },
      { updateTextStyle: { range: { startIndex: 1, endIndex: 3 }, textStyle: { bold: true }, fields: 'bold' } },
      // The body now ends at 22 + 3 + 2 = 27.
      { insertText: { text: 'x', location: { index: 57 } } },
    ],
  }, id)).toThrow(`${PREFIX}Invalid requests[3].insertText: Index 57 must be less than the end index of the referenced segment, 27.`);
  expect(renderText(raw(id))).toBe(before);
  expect(api().get(id).body.content[4].endIndex).toBe(22);
});

test('newlines make paragraphs (with the style of the one split); "\\u000b" is a line break; "\\r" and other control characters are stripped', () => {
  const id = sample();
  const p = raw(id)._body._kids[0] as LocalParagraph;
  p._alignment = 'CENTER';
  api().batchUpdate({ requests: [{ insertText: { text: 'One\u000bline\nTwo\r\u0001\n', location: { index: 6 } } }] }, id);
  const texts = raw(id)._body._kids.slice(0, 3).map((k) => (k as LocalParagraph)._text());
  // "Hello" + "One␋line" | "Two" | "" (the rest of "Hello": nothing)
  expect(texts).toEqual(['HelloOne\rline', 'Two', '']);
  expect(raw(id)._body._kids.slice(0, 3).map((k) => (k as LocalParagraph)._alignment)).toEqual(['CENTER', 'CENTER', 'CENTER']);
});

test('insertTable: a newline goes before it, so the table starts at index + 1 and its first cell\'s text at index + 4', () => {
  const doc = DocumentApp.create('t');
  const id = doc.getId();
  doc.getBody().getChild(0).asParagraph().setText('Ab');
  doc.saveAndClose();
  // "Ab\n" [1,4): insert at 3 (before the newline).
  api().batchUpdate({ requests: [
    { insertTable: { rows: 2, columns: 2, location: { index: 3 } } },
    // Cells of an empty 2×2 table at 4: text of (0,0) at 7, (0,1) at 9, (1,0) at 12, (1,1) at 14.
    { insertText: { text: 'D', location: { index: 14 } } },
    { insertText: { text: 'C', location: { index: 12 } } },
    { insertText: { text: 'B', location: { index: 9 } } },
    { insertText: { text: 'A', location: { index: 7 } } },
  ] }, id);
  const c = api().get(id).body.content;
  expect(c[1].paragraph.elements[0].textRun.content).toBe('Ab\n');
  expect(c[2].startIndex).toBe(4);
  expect(c[2].table.tableRows.map((r: any) => r.tableCells.map((x: any) => x.content[0].paragraph.elements[0].textRun.content))).toEqual([['A\n', 'B\n'], ['C\n', 'D\n']]);
  // The paragraph the index was in continues after the table (here: just its newline).
  expect(c[3].paragraph.elements[0].textRun.content).toBe('\n');
});

test('insertPageBreak: a page break and a newline; not in a table', () => {
  const id = sample();
  expect(() => api().batchUpdate({ requests: [{ insertPageBreak: { location: { index: 10 } } }] }, id))
    .toThrow(`${PREFIX}Invalid requests[0].insertPageBreak: Page breaks cannot be inserted inside a table.`);
  api().batchUpdate({ requests: [{ insertPageBreak: { location: { index: 18 } } }] }, id);
  const c = api().get(id).body.content;
  expect(c[4].paragraph.elements.map((e: any) => Object.keys(e).filter((k) => k !== 'startIndex' && k !== 'endIndex')[0])).toEqual(['pageBreak', 'textRun']);
  expect([c[4].startIndex, c[4].endIndex, c[5].startIndex]).toEqual([18, 20, 20]);
});

test('deleteContentRange: never the segment\'s last newline, a table only whole', () => {
  const id = sample();
  expect(() => api().batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 18, endIndex: 22 } } }] }, id))
    .toThrow(`${PREFIX}Invalid requests[0].deleteContentRange: The range cannot include the newline character at the end of the segment.`);
  expect(() => api().batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 5, endIndex: 11 } } }] }, id)).toThrow(/A table can only be deleted whole/);
  // "lo\n" of Hello, the whole table, the empty paragraph and "End" but its newline.
  api().batchUpdate({ requests: [{ deleteContentRange: { range: { startIndex: 4, endIndex: 21 } } }] }, id);
  expect(renderText(raw(id))).toBe('Hel');
});

test('createParagraphBullets: leading tabs set the nesting level and are removed; deleteParagraphBullets makes paragraphs again', () => {
  const doc = DocumentApp.create('b');
  const id = doc.getId();
  doc.saveAndClose();
  api().batchUpdate({ requests: [
    { insertText: { text: 'One\n\t\tTwo', location: { index: 1 } } },
    { createParagraphBullets: { range: { startIndex: 1, endIndex: 11 }, bulletPreset: 'NUMBERED_DECIMAL_ALPHA_ROMAN' } },
  ] }, id);
  const kids = raw(id)._body._kids as LocalListItem[];
  expect(kids.map((k) => [k instanceof LocalListItem, k._text(), k._nesting, k._glyph])).toEqual([[true, 'One', 0, 'NUMBER'], [true, 'Two', 2, 'NUMBER']]);
  expect(api().get(id).body.content[2].endIndex).toBe(9); // two tabs fewer
  api().batchUpdate({ requests: [{ deleteParagraphBullets: { range: { startIndex: 1, endIndex: 9 } } }] }, id);
  expect(raw(id)._body._kids.some((k) => k instanceof LocalListItem)).toBe(false);
});

test('updateTextStyle / updateParagraphStyle: only the fields named; no fields is refused', () => {
  const id = sample();
  expect(() => api().batchUpdate({ requests: [{ updateTextStyle: { range: { startIndex: 1, endIndex: 3 }, textStyle: { bold: true } } }] }, id))
    .toThrow(`${PREFIX}Invalid requests[0].updateTextStyle: At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)`);
  api().batchUpdate({ requests: [
    { updateTextStyle: { range: { startIndex: 2, endIndex: 4 }, textStyle: { bold: true, italic: true }, fields: 'bold' } },
    { updateParagraphStyle: { range: { startIndex: 1, endIndex: 2 }, paragraphStyle: { namedStyleType: 'HEADING_1', alignment: 'END', spaceBelow: { magnitude: 6, unit: 'PT' } }, fields: 'namedStyleType,alignment,spaceBelow' } },
  ] }, id);
  const p = raw(id)._body._kids[0] as LocalParagraph;
  const t = p._kids[0] as LocalText;
  expect(t._attrs.map((a) => !!a.bold)).toEqual([false, true, true, false, false]);
  expect(t._attrs.some((a) => a.italic)).toBe(false);
  expect([p._heading, p._alignment, p._style.spacingAfter]).toEqual(['HEADING1', 'RIGHT', 6]);
});

test('insertInlineImage: a picture is one index in its paragraph, listed in inlineObjects with its URI and size; a URI over 2 kB is refused', () => {
  const id = sample();
  api().batchUpdate({ requests: [{ insertInlineImage: { uri: 'https://example.com/sig.png', objectSize: { width: { magnitude: 120, unit: 'PT' }, height: { magnitude: 40, unit: 'PT' } }, location: { index: 3 } } }] }, id);
  const json = api().get(id);
  // "He" · picture · "llo\n": [1, 8), and everything after one index later: "End\n" at [19, 23).
  const p = json.body.content[1];
  expect([p.startIndex, p.endIndex]).toEqual([1, 8]);
  expect(p.paragraph.elements.map((e: any) => [e.startIndex, e.endIndex, e.textRun ? e.textRun.content : 'picture'])).toEqual([[1, 3, 'He'], [3, 4, 'picture'], [4, 8, 'llo\n']]);
  const obj = json.inlineObjects[p.paragraph.elements[1].inlineObjectElement.inlineObjectId].inlineObjectProperties.embeddedObject;
  expect([obj.imageProperties.contentUri, obj.size.width.magnitude, obj.size.height.magnitude]).toEqual(['https://example.com/sig.png', 120, 40]);
  expect(json.body.content[4].startIndex).toBe(19);
  expect(() => api().batchUpdate({ requests: [{ insertInlineImage: { uri: `https://example.com/${'x'.repeat(2048)}`, location: { index: 1 } } }] }, id))
    .toThrow(`${PREFIX}Invalid requests[0].insertInlineImage: The image URI must be at most 2 kB in length.`);
});

test('an unknown request is refused as Google refuses unknown JSON', () => {
  const id = sample();
  expect(() => api().batchUpdate({ requests: [{ insertPicture: {} }] }, id))
    .toThrow(`${PREFIX}Invalid JSON payload received. Unknown name "insertPicture" at 'requests[0]': Cannot find field.`);
});

test(`the write quota: ${WRITES_PER_MINUTE} batchUpdates a minute per user, then 429 until the minute has passed (simulated clock)`, () => {
  const id = sample();
  const one = () => api().batchUpdate({ requests: [{ insertText: { text: 'x', location: { index: 1 } } }] }, id);
  g.env.resetCounts();
  for (let k = 0; k < WRITES_PER_MINUTE; k++) one();
  // 60 calls at 600 ms each: 36 s of the minute gone.
  expect(g.env.simulatedMs).toBe(WRITES_PER_MINUTE * 600);
  expect(one).toThrow(/Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'/);
  g.env.simulatedMs += 60 * 1000;
  expect(one).not.toThrow();
});

test('an unknown document is not found, in Google\'s words', () => {
  expect(() => api().get('nope')).toThrow('GoogleJsonResponseException: API call to docs.documents.get failed with error: Requested entity was not found.');
});
