/**
 * Issue 15 §5: a Docs body always ends with a paragraph — appending a table at the end adds an
 * empty one — so mergeLetters counts the body's children instead of computing them. With the
 * count computed, `keepChildren` fell short by one child per letter whose template table was
 * appended last, and a resumed run deleted real content: the document ended up with fewer letters
 * than the Letters Log. Here a template ending with a reply-slip table is merged, stopped and
 * resumed, and crashed and resumed: every letter is whole, none lost, none twice.
 */
import { mergeLetters } from '../../../src/gas/docs/mergeLetters';
import { setUp, values, docApp, rawDoc, letters } from './helpers';
import { LocalGoogle } from '../../../local/google';

let g: LocalGoogle;
let uninstall: () => void;
beforeEach(() => ({ g, uninstall } = setUp()));
afterEach(() => uninstall());

/** A template whose body ends with a table (a reply slip), as staff often make them. */
function slipTemplate(): string {
  const doc = DocumentApp.create('Template with a reply slip');
  const body = doc.getBody();
  body.getChild(0).asParagraph().setText('Dear {{ParentName}},');
  body.appendParagraph('Re: {{PupilName}} — attendance {{AttendancePercent}}.');
  body.appendTable([['Reply slip for {{PupilName}}', 'Signed: ________']]);
  const id = doc.getId();
  doc.saveAndClose();
  return id;
}

const run = (n: number) => Array.from({ length: n }, (_, k) => ({ values: values(k + 1) }));

test('a template ending with a table: a stopped run continued keeps every letter (document = log)', () => {
  const templateId = slipTemplate();
  // Docs added an empty paragraph after the table: the template has 4 children, not 3.
  expect(DocumentApp.openById(templateId).getBody().getNumChildren()).toBe(4);
  const all = run(30);
  const logged: number[] = [];
  let left = 12;
  const first = mergeLetters({ templateId, title: 'run', letters: all, shouldStop: () => left-- <= 0, onLetterDone: (i, children) => logged.push(children) });
  expect(first.done).toBe(12);
  // Continue from where the log says, as the letter run does after a stop.
  const rest = mergeLetters({ templateId, title: 'run', letters: all.slice(first.done), existingDocId: first.docId, keepChildren: logged[logged.length - 1], onLetterDone: (i, children) => logged.push(children) });
  expect(first.done + rest.done).toBe(30);
  const pages = letters(rawDoc(g, first.docId));
  expect(pages.map((p) => /Re: (\S+)/.exec(p)![1])).toEqual(all.map((_, k) => `Pupil${k + 1}`));
  // The count reported after each letter is the real one, whatever Docs added.
  expect(logged[logged.length - 1]).toBe(rawDoc(g, first.docId)._body._kids.length);
});

test('crashed inside a letter, resumed from the last logged count: whole letters only, nothing real deleted', () => {
  const templateId = slipTemplate();
  const all = run(8);
  const logged: number[] = [];
  // Fail a call inside letter 6 (letters take the same number of calls each).
  g.env.resetCounts();
  mergeLetters({ templateId, title: 'probe', letters: run(2) });
  const two = g.env.total;
  g.env.resetCounts();
  mergeLetters({ templateId, title: 'probe', letters: run(1) });
  const perLetter = two - g.env.total;
  const fixed = g.env.total - perLetter;
  g.env.resetCounts();
  g.env.failAt(fixed + 5 * perLetter + Math.floor(perLetter / 2));
  expect(() => mergeLetters({ templateId, title: 'run', letters: all, onLetterDone: (i, c) => logged.push(c) })).toThrow(/Service error/);
  expect(logged).toHaveLength(5);
  const docId = docApp(g)._documents().find((d) => d._name === 'run')!._id;
  const res = mergeLetters({ templateId, title: 'run', letters: all.slice(5), existingDocId: docId, keepChildren: logged[4] });
  expect(res.done).toBe(3);
  const doc = rawDoc(g, docId);
  const pages = letters(doc);
  expect(pages.map((p) => /Re: (\S+)/.exec(p)![1])).toEqual(all.map((_, k) => `Pupil${k + 1}`));
  // Every page the same shape as a clean run's (no torn letter, no stray lines).
  const clean = mergeLetters({ templateId, title: 'clean', letters: all });
  expect(doc._body._kids.map((k) => k._type)).toEqual(rawDoc(g, clean.docId)._body._kids.map((k) => k._type));
  expect(pages).toEqual(letters(rawDoc(g, clean.docId)));
});
