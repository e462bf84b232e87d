/**
 * Issue 15 §5: a Docs body always ends with a paragraph — a table inserted at the end has one
 * after it — and a resumed run must never delete real content. mergeLetters reports the body's
 * end index after each letter; after a letter ending with a table the next one starts in that
 * empty paragraph (index end − 1), not after a split paragraph, and the trim on resume must tell
 * the two apart. Here a template ending with a reply-slip table is merged, stopped and resumed,
 * and killed and resumed: every letter is whole, none lost, none twice.
 */
import { mergeLetters } from '../../../src/gas/docs/mergeLetters';
import { setUp, values, docApp, rawDoc, letters, perLetter } from './helpers';
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
  const first = mergeLetters({ templateId, title: 'run', letters: all, lettersPerCall: 1, shouldStop: () => left-- <= 0, onLettersDone: perLetter((i, end) => logged.push(end)) });
  expect(first.done).toBe(12);
  // Continue from where the log says, as the letter run does after a stop.
  const rest = mergeLetters({ templateId, title: 'run', letters: all.slice(first.done), existingDocId: first.docId, keepEnd: logged[logged.length - 1], onLettersDone: perLetter((i, end) => logged.push(end)) });
  expect(first.done + rest.done).toBe(30);
  const pages = letters(rawDoc(g, first.docId));
  expect(pages.map((p) => /Re: (\S+)/.exec(p)![1])).toEqual(all.map((_, k) => `Pupil${k + 1}`));
  // The end reported after each letter is the body's real end (Documents.get), whatever Docs added.
  const content = Docs!.Documents!.get(first.docId).body!.content!;
  expect(logged[logged.length - 1]).toBe(content[content.length - 1].endIndex);
});

test('killed after letters 6–8 are written but not logged, resumed from the last logged end: whole letters only, nothing real deleted', () => {
  const templateId = slipTemplate();
  const all = run(8);
  const logged: number[] = [];
  const kill = (i: number, end: number) => {
    if (i === 5) throw new Error('Exceeded maximum execution time');
    logged.push(end);
  };
  expect(() => mergeLetters({ templateId, title: 'run', letters: all, onLettersDone: perLetter(kill) })).toThrow(/maximum execution time/);
  expect(logged).toHaveLength(5);
  const docId = docApp(g)._documents().find((d) => d._name === 'run')!._id;
  // All 8 went in with one call; the job recorded 5 (the end after letter 5, a table's paragraph).
  expect(letters(rawDoc(g, docId))).toHaveLength(8);
  const res = mergeLetters({ templateId, title: 'run', letters: all.slice(5), existingDocId: docId, keepEnd: logged[4] });
  expect(res.done).toBe(3);
  const doc = rawDoc(g, docId);
  const pages = letters(doc);
  expect(pages.map((p) => /Re: (\S+)/.exec(p)![1])).toEqual(all.map((_, k) => `Pupil${k + 1}`));
  // Every page the same shape as a clean run's (no torn letter, no stray lines).
  const clean = mergeLetters({ templateId, title: 'clean', letters: all });
  expect(doc._body._kids.map((k) => k._type)).toEqual(rawDoc(g, clean.docId)._body._kids.map((k) => k._type));
  expect(pages).toEqual(letters(rawDoc(g, clean.docId)));
});
