import { LETTER_TYPES, defaultTemplate, letterTitle } from '../../../src/core/letters/defaultTemplates';
import { checkTemplate } from '../../../src/core/letters/placeholders';
import { templateSections } from '../../../src/core/letters/templateDoc';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { createTemplateDocument, isMissingDocument, openTemplate, readTemplate, templateDocName, tryOpenDocument } from '../../../src/gas/docs/templates';
import { SERVICE_ERROR } from '../../../local/services/env';
import { DOC_MISSING } from '../../../local/services/document/document-app';
import { LocalGoogle } from '../../../local/google';
import { readContainer, sectionsOf } from '../../../src/gas/docs/templateWalk';
import { boldRuns, docApp, paragraphsStarting, rawDoc, setUp } from './helpers';

let g: LocalGoogle;
let uninstall: () => void;
beforeEach(() => ({ g, uninstall } = setUp()));
afterEach(() => uninstall());

describe('createTemplateDocument', () => {
  test.each(LETTER_TYPES)('the %s template is a real Doc that reads back as the default wording and passes the check', (type) => {
    const id = createTemplateDocument(type, DEFAULT_SETTINGS);
    const doc = rawDoc(g, id);
    expect(doc._name).toBe(`Pastoral Tracker template – ${letterTitle(type)}`);
    expect(doc._closed).toBe(true);

    const read = readTemplate(id, type);
    expect(checkTemplate(read, letterTitle(type))).toEqual([]);
    // Same places and text as the template data: nothing lost or moved in the Doc.
    const norm = (s: { where: string; path: string; text: string }) => ({ where: s.where, path: s.path, text: s.text });
    expect(read.sections.map(norm)).toEqual(templateSections(defaultTemplate(type)).map(norm));
  });

  test('letterhead in the header (centred heading), body starts with the date, "Re:" line bold, figures table', () => {
    const id = createTemplateDocument('AT1', DEFAULT_SETTINGS);
    const doc = rawDoc(g, id);
    const head = doc._header!._kids[0] as unknown as { _heading: string; _alignment: string; _text(): string };
    expect(head._text()).toBe('{{SchoolName}}');
    expect(head._heading).toBe('HEADING1');
    expect(head._alignment).toBe('CENTER');
    expect(doc._footer!._text()).toBe('{{SchoolName}}');
    // The new Doc's own empty paragraph is gone: page 1 starts with the date, right-aligned.
    const first = doc._body._kids[0] as unknown as { _alignment: string; _text(): string };
    expect(first._text()).toBe('{{Date}}');
    expect(first._alignment).toBe('RIGHT');
    const re = paragraphsStarting(doc, 'Re: ');
    expect(re).toHaveLength(1);
    expect(boldRuns(re[0])).toEqual([['Re: {{PupilName}} ({{RegGroup}})', true]]);
    expect(boldRuns(paragraphsStarting(doc, '{{Salutation}}')[0])).toEqual([['{{Salutation}}', false]]);
    const tables = doc._body._kids.filter((k) => k._type === 'TABLE');
    expect(tables).toHaveLength(1);
    expect(tables[0]._text()).toContain('Attendance\t{{AttendancePercent}}');
  });

  test('templateDocName names the letter type', () => {
    expect(templateDocName('PA')).toBe('Pastoral Tracker template – Persistent absence letter');
  });
});

describe('readTemplate on a staff-edited template', () => {
  test('a misspelt {{PupilNmae}} added to the body is found, with its place and the field it meant', () => {
    const id = createTemplateDocument('AT1', DEFAULT_SETTINGS);
    const body = DocumentApp.openById(id).getBody();
    body.insertParagraph(4, 'We have spoken to {{PupilNmae}} about this.');
    const problems = checkTemplate(readTemplate(id, 'AT1'), 'AT1 letter');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'unknownField', where: 'body', path: 'paragraph 4', field: 'PupilNmae', suggestion: 'PupilName' });
    expect(problems[0].message).toContain('body paragraph 4');
  });

  test('problems in a table cell, the footer and the header are found in their places', () => {
    const id = createTemplateDocument('AT1', DEFAULT_SETTINGS);
    const doc = DocumentApp.openById(id);
    doc.getBody().getTables()[0].getCell(1, 1).setText('{{SesionsPossible}}');
    doc.getFooter()!.appendParagraph('Letter for {{PupilName}}');
    doc.getHeader()!.appendParagraph('{{SchoolEmail}}');
    const problems = checkTemplate(readTemplate(id));
    expect(problems.map((p) => [p.kind, p.where, p.path, p.field])).toEqual([
      ['unknownField', 'header', 'paragraph 4', 'SchoolEmail'],
      ['unknownField', 'table', 'table 1 row 2 cell 2', 'SesionsPossible'],
      ['pupilFieldInHeaderFooter', 'footer', 'paragraph 2', 'PupilName'],
    ]);
    expect(problems[1].message).toContain('body table 1 row 2 cell 2');
    expect(problems[1].suggestion).toBe('SessionsPossible');
  });

  test('a cell with two paragraphs names each paragraph', () => {
    const id = createTemplateDocument('AT1', DEFAULT_SETTINGS);
    const cell = DocumentApp.openById(id).getBody().getTables()[0].getCell(0, 0);
    cell.appendParagraph('{{Oops}}');
    const problems = checkTemplate(readTemplate(id));
    expect(problems.map((p) => p.path)).toEqual(['table 1 row 1 cell 1 paragraph 2']);
  });

  test('a deleted template: a message naming the letter type and "Set up letter templates"', () => {
    const id = createTemplateDocument('AT2', DEFAULT_SETTINGS);
    docApp(g)._delete(id);
    expect(() => readTemplate(id, 'AT2')).toThrow(/AT2 letter.*Set up letter templates/s);
    expect(() => readTemplate('', 'PA')).toThrow(/Persistent absence letter template has not been made yet.*Set up letter templates/s);
  });
});

describe('readTemplate reads the template in one Docs API call', () => {
  /** The template walked element by element with DocumentApp, as the check read it before. */
  function walked(id: string) {
    const doc = DocumentApp.openById(id);
    const part = (p: 'header' | 'body' | 'footer', c: Parameters<typeof readContainer>[0] | null) => (c ? sectionsOf(p, readContainer(c).map((k) => k.node)) : []);
    return [...part('header', doc.getHeader()), ...part('body', doc.getBody()), ...part('footer', doc.getFooter())];
  }

  test('a staff-edited template reads the same as walking it: list items, a line break, a table in a cell, a blank paragraph', () => {
    const id = createTemplateDocument('AT2', DEFAULT_SETTINGS);
    const doc = DocumentApp.openById(id);
    const body = doc.getBody();
    body.insertListItem(3, 'Attend every day: {{PupilName}} needs {{SessionsNeeded}} sessions');
    body.insertListItem(4, 'Call us on {{SchoolPhone}}');
    body.insertParagraph(5, '');
    body.insertParagraph(6, 'First line\rsecond line {{Oops}}');
    body.getTables()[0].getCell(0, 1).appendTable([['{{PupilName}}', 'inner']]);
    doc.getFooter()!.appendParagraph('Page footer {{SchoolName}}');
    const before = g.env.total;
    const read = readTemplate(id, 'AT2');
    expect(g.env.calls.get('Documents.get')).toBe(1);
    expect(g.env.total - before).toBeLessThanOrEqual(3);
    expect(read.sections).toEqual(walked(id));
    expect(read.sections.map((s) => s.path)).toEqual(expect.arrayContaining(['table 1 row 1 cell 2 table 1 row 1 cell 1']));
    expect(checkTemplate(read).map((p) => p.field)).toEqual(['Oops']);
  });

  test.each(LETTER_TYPES)('the default %s template reads the same as walking it', (type) => {
    const id = createTemplateDocument(type, DEFAULT_SETTINGS);
    expect(readTemplate(id, type).sections).toEqual(walked(id));
  });
});

describe('opening a template when Google has a moment\'s outage', () => {
  test('a service error is thrown as it is, not reported as a deleted template', () => {
    const id = createTemplateDocument('AT1', DEFAULT_SETTINGS);
    g.env.failAt(1); // the next call, DocumentApp.openById, fails as Apps Script's services sometimes do
    expect(() => openTemplate(id, 'AT1')).toThrow(SERVICE_ERROR);
    expect(g.env.pendingFaults()).toBe(0);
    expect(() => tryOpenDocument('no-such-doc')).not.toThrow();
    expect(tryOpenDocument('no-such-doc')).toBeNull();
  });

  test('a Doc that is missing is the message a Head of Year can act on', () => {
    expect(isMissingDocument(new Error(DOC_MISSING))).toBe(true);
    expect(isMissingDocument(new Error(SERVICE_ERROR))).toBe(false);
    expect(() => openTemplate('no-such-doc', 'AT1')).toThrow(/AT1 letter .*template \(Google Doc id no-such-doc\) cannot be opened/);
  });
});
