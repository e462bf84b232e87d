import { existsSync, readFileSync } from 'fs';
import JSZip from 'jszip';
import { saveDocx } from '../../../local/export/docx';
import { LocalGoogle } from '../../../local/google';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { mergeLetters } from '../../../src/gas/docs/mergeLetters';
import { createTemplateDocument } from '../../../src/gas/docs/templates';
import { boldRuns, docApp, letters, pageBreaks, paragraphsStarting, perLetter, rawDoc, setUp, values } from './helpers';
import { renderText } from '../../../local/services/document/document';
import type { DocNode } from '../../../local/services/document/node';
import { LocalInlineImage, LocalParagraph } from '../../../local/services/document/paragraph';

/** An element's type, heading, alignment and spacing (what a page looks like, less its words). */
const shape = (k: DocNode) => (k instanceof LocalParagraph ? [k._type, k._heading, k._alignment, JSON.stringify(k._style)] : [k._type]);

let g: LocalGoogle;
let uninstall: () => void;
let templateId: string;
beforeEach(() => {
  ({ g, uninstall } = setUp());
  templateId = createTemplateDocument('AT1', DEFAULT_SETTINGS);
});
afterEach(() => uninstall());

const run = (n: number, from = 0) => Array.from({ length: n }, (_, k) => ({ values: values(from + k + 1) }));

describe('mergeLetters', () => {
  test('3 letters: one new document, 2 page breaks, each letter to its own parent with its own figures', () => {
    const before = docApp(g)._documents().length;
    const done: number[] = [];
    const res = mergeLetters({ templateId, title: 'AT1 letters – Year 9', letters: run(3), onLettersDone: perLetter((i) => done.push(i)) });
    expect(docApp(g)._documents().length).toBe(before + 1);
    expect(res.done).toBe(3);
    expect(done).toEqual([0, 1, 2]);
    const doc = rawDoc(g, res.docId);
    expect(doc._name).toBe('AT1 letters – Year 9');
    expect(res.url).toBe(`https://docs.google.com/document/d/${res.docId}/edit`);
    expect(doc._closed).toBe(true);
    expect(pageBreaks(doc)).toBe(2);
    // The last element is the last letter's sign-off, not a page break.
    expect(doc._body._kids[doc._body._kids.length - 1]._text()).toBe('Head of Year 9');

    const pages = letters(doc);
    expect(pages).toHaveLength(3);
    pages.forEach((page, k) => {
      const i = k + 1;
      const v = values(i);
      expect(page.startsWith('Friday 26 January 2024\n')).toBe(true); // first line is the date: no blank line
      expect(page).toContain(`Dear Mrs Parent${i}\n`);
      expect(page).toContain(`Re: Pupil${i} Family${i} (9B)`);
      expect(page).toContain(`Attendance\t${v.AttendancePercent}`);
      expect(page).toContain(`Sessions missed\t${160 - (150 - i)}`);
      // The address keeps one line per line inside its paragraph (Docs' in-paragraph break).
      expect(page).toContain(`${i} Acacia Avenue\rTown\rAB1 2CD`);
      for (const j of [1, 2, 3]) if (j !== i) expect(page).not.toContain(`Parent${j}`);
      expect(page).not.toMatch(/\{\{|\}\}/);
    });
    // One letterhead for the whole document, filled with the school's details.
    expect(doc._header!._text()).toBe('Coopers School\n1 School Lane\rTown\rAB1 2CD\n01234 567890');
    expect(doc._footer!._text()).toBe('Coopers School');
  });

  test("a pupil called Zoë $& {{Surname}} O'Brien comes out literally, as do $1 and backslashes", () => {
    const odd = values(1, { forename: 'Zoë $& $1 \\ {{Surname}}', surname: "O'Brien", parentName: "Mrs Zoë O'Brien-$1" });
    const res = mergeLetters({ templateId, title: 't', letters: [{ values: odd }] });
    const page = letters(rawDoc(g, res.docId))[0];
    expect(page).toContain("Re: Zoë $& $1 \\ {{Surname}} O'Brien (9B)");
    expect(page).toContain("Dear Mrs O'Brien-$1\n");
    expect(page).toContain("Zoë $& $1 \\ {{Surname}}'s figures");
  });

  test('bold around a placeholder survives, and plain text stays plain', () => {
    const res = mergeLetters({ templateId, title: 't', letters: run(2) });
    const doc = rawDoc(g, res.docId);
    const re = paragraphsStarting(doc, 'Re: ');
    expect(re.map(boldRuns)).toEqual([[['Re: Pupil1 Family1 (9B)', true]], [['Re: Pupil2 Family2 (9B)', true]]]);
    expect(boldRuns(paragraphsStarting(doc, 'Dear ')[0])).toEqual([['Dear Mrs Parent1', false]]);
  });

  test('bold only on the placeholder: the value is bold, the words either side are not', () => {
    const tpl = DocumentApp.create('custom');
    const p = tpl.getBody().appendParagraph('Pupil: {{PupilName}} in {{RegGroup}}.');
    p.editAsText().setBold(7, 19, true); // {{PupilName}}
    const res = mergeLetters({ templateId: tpl.getId(), title: 't', letters: [{ values: values(4) }] });
    const para = paragraphsStarting(rawDoc(g, res.docId), 'Pupil: ')[0];
    expect(boldRuns(para)).toEqual([['Pupil: ', false], ['Pupil4 Family4', true], [' in 9B.', false]]);
  });

  test('continuing with existingDocId appends after what is there, with a page break, no second letterhead', () => {
    const first = mergeLetters({ templateId, title: 't', letters: run(2) });
    const second = mergeLetters({ templateId, title: 'ignored', letters: run(2, 2), existingDocId: first.docId });
    expect(second.docId).toBe(first.docId);
    expect(second.done).toBe(2);
    const doc = rawDoc(g, first.docId);
    expect(pageBreaks(doc)).toBe(3);
    expect(letters(doc).map((l) => /Dear (.*)\n/.exec(l)![1])).toEqual(['Mrs Parent1', 'Mrs Parent2', 'Mrs Parent3', 'Mrs Parent4']);
    expect(doc._header!._kids).toHaveLength(3);
  });

  test('shouldStop after 2 of 5: done = 2, the document has 2 letters; the rest follow later', () => {
    let made = 0;
    // One letter a call here, so the stop can fall between any two letters.
    const res = mergeLetters({ templateId, title: 't', letters: run(5), lettersPerCall: 1, onLettersDone: perLetter(() => made++), shouldStop: () => made >= 2 });
    expect(res.done).toBe(2);
    const doc = rawDoc(g, res.docId);
    expect(letters(doc)).toHaveLength(2);
    expect(pageBreaks(doc)).toBe(1);
    expect(doc._closed).toBe(true);
    const rest = mergeLetters({ templateId, title: 't', letters: run(5).slice(res.done), existingDocId: res.docId });
    expect(rest.done).toBe(3);
    expect(letters(doc).map((l) => /Re: (\S+)/.exec(l)![1])).toEqual(['Pupil1', 'Pupil2', 'Pupil3', 'Pupil4', 'Pupil5']);
  });

  test('the call that writes letter 3 fails: the document holds letters 1 and 2 whole, and the re-run adds 3 and 4 once', () => {
    const all = run(4);
    const logged: { i: number; end: number }[] = [];
    // Letters 1 and 2 go in; the batchUpdate of letter 3 fails. A batch applies all or nothing.
    let n = 0;
    const stopAt3 = (i: number, end: number) => {
      logged.push({ i, end });
      if (++n === 2) g.env.failCall('Documents.batchUpdate');
    };
    expect(() => mergeLetters({ templateId, title: 'run', letters: all, lettersPerCall: 1, onLettersDone: perLetter(stopAt3) })).toThrow(/Service error/);
    expect(logged.map((l) => l.i)).toEqual([0, 1]);
    const docId = docApp(g)._documents().find((d) => d._name === 'run')!._id;
    expect(letters(rawDoc(g, docId)).map((l) => /Dear (.*)\n/.exec(l)![1])).toEqual(['Mrs Parent1', 'Mrs Parent2']);

    const res = mergeLetters({ templateId, title: 'run', letters: all.slice(2), existingDocId: docId, keepEnd: logged[1].end });
    expect(res.done).toBe(2);
    const clean = mergeLetters({ templateId, title: 'clean', letters: all });
    expect(letters(rawDoc(g, docId))).toEqual(letters(rawDoc(g, clean.docId)));
    expect(renderText(rawDoc(g, docId))).toBe(renderText(rawDoc(g, clean.docId)));
  });

  test('killed after letter 3 is written but before it is logged: the re-run removes it and writes it once', () => {
    const all = run(4);
    const logged: { i: number; end: number }[] = [];
    // The execution dies right after the batchUpdate of letter 3 (the Letters Log row never written).
    const kill = (i: number, end: number) => {
      if (i === 2) throw new Error('Exceeded maximum execution time');
      logged.push({ i, end });
    };
    expect(() => mergeLetters({ templateId, title: 'run', letters: all, lettersPerCall: 1, onLettersDone: perLetter(kill) })).toThrow(/maximum execution time/);
    const docId = docApp(g)._documents().find((d) => d._name === 'run')!._id;
    expect(letters(rawDoc(g, docId))).toHaveLength(3); // letter 3 is in, unlogged

    const res = mergeLetters({ templateId, title: 'run', letters: all.slice(2), existingDocId: docId, keepEnd: logged[1].end });
    expect(res.done).toBe(2);
    const pages = letters(rawDoc(g, docId));
    expect(pages.map((l) => /Dear (.*)\n/.exec(l)![1])).toEqual(['Mrs Parent1', 'Mrs Parent2', 'Mrs Parent3', 'Mrs Parent4']);
    // The same document an uninterrupted run makes: text, paragraph styles and bold runs.
    const clean = rawDoc(g, mergeLetters({ templateId, title: 'clean', letters: all }).docId);
    const doc = rawDoc(g, docId);
    expect(renderText(doc)).toBe(renderText(clean));
    expect(doc._body._kids.map(shape)).toEqual(clean._body._kids.map(shape));
  });

  test('a run an older version started (keepChildren, a body child count) resumes after the last logged letter', () => {
    const all = run(3);
    const counts: number[] = [];
    const kill = (i: number) => {
      if (i === 2) throw new Error('Exceeded maximum execution time');
      counts.push(rawDoc(g, docApp(g)._documents().find((d) => d._name === 'run')!._id)._body._kids.length);
    };
    expect(() => mergeLetters({ templateId, title: 'run', letters: all, lettersPerCall: 1, onLettersDone: perLetter(kill) })).toThrow(/maximum execution time/);
    const docId = docApp(g)._documents().find((d) => d._name === 'run')!._id;
    mergeLetters({ templateId, title: 'run', letters: all.slice(2), existingDocId: docId, keepChildren: counts[1] });
    const clean = rawDoc(g, mergeLetters({ templateId, title: 'clean', letters: all }).docId);
    expect(renderText(rawDoc(g, docId))).toBe(renderText(clean));
  });

  test('ten letters a call: killed after the second call, before it is recorded, the re-run removes those ten and writes them once', () => {
    const all = run(25);
    const recorded: number[] = [];
    const calls: number[][] = [];
    const kill = (from: number, ends: number[]) => {
      calls.push([from, ends.length]);
      if (from === 10) throw new Error('Exceeded maximum execution time');
      recorded.push(ends[ends.length - 1]);
    };
    expect(() => mergeLetters({ templateId, title: 'run', letters: all, onLettersDone: kill })).toThrow(/maximum execution time/);
    expect(calls).toEqual([[0, 10], [10, 10]]);
    const docId = docApp(g)._documents().find((d) => d._name === 'run')!._id;
    expect(letters(rawDoc(g, docId))).toHaveLength(20);
    const res = mergeLetters({ templateId, title: 'run', letters: all.slice(10), existingDocId: docId, keepEnd: recorded[0] });
    expect(res.done).toBe(15);
    const clean = rawDoc(g, mergeLetters({ templateId, title: 'clean', letters: all }).docId);
    const doc = rawDoc(g, docId);
    expect(letters(doc).map((l) => /Dear (.*)\n/.exec(l)![1])).toEqual(all.map((_, k) => `Mrs Parent${k + 1}`));
    expect(renderText(doc)).toBe(renderText(clean));
    expect(doc._body._kids.map(shape)).toEqual(clean._body._kids.map(shape));
  });

  test('a picture in the template (a signature) is in every letter, where it was, and what follows it is intact', () => {
    const doc = DocumentApp.create('Template with a signature');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Dear {{ParentName}},');
    body.appendParagraph('Signed:  for {{PupilName}}');
    body.appendParagraph('Re: {{PupilName}}');
    const tpl = doc.getId();
    doc.saveAndClose();
    // The picture between "Signed: " and " for": "Dear {{ParentName}},\n" is [1, 22), so index 30.
    Docs!.Documents!.batchUpdate({ requests: [{ insertInlineImage: { uri: 'https://example.com/signature.png', objectSize: { width: { magnitude: 90, unit: 'PT' }, height: { magnitude: 30, unit: 'PT' } }, location: { index: 30 } } }] }, tpl);
    const res = mergeLetters({ templateId: tpl, title: 'signed', letters: run(3) });
    const kids = rawDoc(g, res.docId)._body._kids;
    const signed = kids.filter((k): k is LocalParagraph => k instanceof LocalParagraph && k._text().startsWith('Signed:'));
    expect(signed).toHaveLength(3);
    signed.forEach((p, k) => {
      expect(p._kids.map((x) => (x._type === 'INLINE_IMAGE' ? `[${(x as LocalInlineImage)._uri} ${(x as LocalInlineImage)._width}×${(x as LocalInlineImage)._height}]` : x._text()))).toEqual(['Signed: ', '[https://example.com/signature.png 90×30]', ` for Pupil${k + 1} Family${k + 1}`]);
    });
    expect(letters(rawDoc(g, res.docId)).map((l) => l.split('\n').pop())).toEqual(['Re: Pupil1 Family1', 'Re: Pupil2 Family2', 'Re: Pupil3 Family3']);
  });

  test('a deleted template stops the run with a message naming the letter type', () => {
    docApp(g)._delete(templateId);
    expect(() => mergeLetters({ templateId, title: 't', letters: run(1), type: 'AT1' })).toThrow(/AT1 letter.*Set up letter templates/s);
  });

  test('saves a merged run as test-output/letters-sample.docx that holds each parent\'s letter', async () => {
    const res = mergeLetters({ templateId, title: 'AT1 letters – Year 9 – 26/01/2024', letters: run(3) });
    const path = 'test-output/letters-sample.docx';
    await saveDocx(rawDoc(g, res.docId), path);
    expect(existsSync(path)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const i of [1, 2, 3]) expect(xml).toContain(`Dear Mrs Parent${i}`);
    expect((xml.match(/w:type="page"/g) || []).length).toBe(2);
  });
});
