import { LocalEnv } from '../../../../local/services/env';
import { createDocumentApp, DOC_MISSING } from '../../../../local/services/document/document-app';
import { LAST_PARAGRAPH } from '../../../../local/services/document/container';
import { NOT_DETACHED } from '../../../../local/services/document/node';

type Doc = GoogleAppsScript.Document.Document;

function setup() {
  const env = new LocalEnv();
  const app = createDocumentApp(env);
  return { env, app };
}

/** A letter template: heading, a paragraph with a bold run, a table, a page break. */
function template(app: GoogleAppsScript.Document.DocumentApp): Doc {
  const doc = app.create('AT1 template');
  const body = doc.getBody();
  const first = body.getChild(0).asParagraph();
  first.setText('Attendance letter');
  first.setHeading(app.ParagraphHeading.HEADING1);
  const p = body.appendParagraph('Dear {{ParentName}}, about {{Forename}}.');
  p.editAsText().setBold(0, 3, true); // "Dear" bold
  const start = p.getText().indexOf('{{Forename}}');
  p.editAsText().setBold(start, start + '{{Forename}}'.length - 1, true);
  body.appendTable([['Attendance', '{{Percent}}']]);
  body.appendPageBreak();
  return doc;
}

describe('DocumentApp', () => {
  test('a new document has one empty paragraph, a URL with its id, and openById finds it', () => {
    const { app } = setup();
    const doc = app.create('Letters');
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getBody().getText()).toBe('');
    expect(doc.getUrl()).toContain(doc.getId());
    expect(app.openById(doc.getId()).getName()).toBe('Letters');
    expect(() => app.openById('nope')).toThrow(DOC_MISSING);
    expect(app.getActiveDocument()).toBeNull();
  });

  test('replaceText treats the pattern as a regular expression and the replacement literally', () => {
    const { app } = setup();
    const body = app.create('x').getBody();
    body.appendParagraph('Dear {{Name}}, {{Name}} has 2 marks.');
    body.replaceText('\\{\\{Name\\}\\}', 'Amy $1 & $&');
    expect(body.getText()).toBe('\nDear Amy $1 & $&, Amy $1 & $& has 2 marks.');
    body.replaceText('\\d', '#');
    expect(body.getText()).toContain('has # marks');
  });

  test('a match never spans two paragraphs (each text element is matched on its own)', () => {
    const { app } = setup();
    const body = app.create('x').getBody();
    body.appendParagraph('{{Fore');
    body.appendParagraph('name}}');
    body.replaceText('\\{\\{Forename\\}\\}', 'Amy');
    expect(body.getText()).toBe('\n{{Fore\nname}}');
  });

  test('replacement keeps the formatting of the placeholder and the text around it', () => {
    const { app } = setup();
    const p = app.create('x').getBody().appendParagraph('Hello {{Name}}!');
    p.editAsText().setBold(6, 13, true);
    p.replaceText('\\{\\{Name\\}\\}', 'Bartholomew');
    const t = p.editAsText();
    expect(t.getText()).toBe('Hello Bartholomew!');
    expect(t.isBold(5)).toBeFalsy();
    expect(t.isBold(6)).toBe(true);
    expect(t.isBold(16)).toBe(true);
    expect(t.isBold(17)).toBeFalsy();
    expect(t.getTextAttributeIndices()).toEqual([0, 6, 17]);
  });

  test('a template copied element by element into a merged document keeps bold runs, table and page break', () => {
    const { app } = setup();
    const tpl = template(app);
    const merged = app.create('AT1 letters');
    const out = merged.getBody();
    for (const name of ['Amy', 'Ben']) {
      const src = tpl.getBody();
      for (let i = 0; i < src.getNumChildren(); i++) {
        const el = src.getChild(i).copy();
        if (el.getType() === app.ElementType.TABLE) out.appendTable(el.asTable());
        else out.appendParagraph(el.asParagraph());
      }
      out.replaceText('\\{\\{Forename\\}\\}', name);
    }
    out.replaceText('\\{\\{ParentName\\}\\}', 'Mrs Smith');
    out.replaceText('\\{\\{Percent\\}\\}', '91.2%');
    // The template is heading, paragraph, table, the empty paragraph Docs puts after a table,
    // page-break paragraph (5). Copied: each appendTable adds its own empty paragraph after the
    // table (it is last at that moment), then the template's empty paragraph is copied too:
    // 1 initial empty paragraph + 2 × (heading, paragraph, table, empty, empty copy, page break).
    expect(tpl.getBody().getNumChildren()).toBe(5);
    expect(out.getNumChildren()).toBe(13);
    const letter2 = out.getChild(8).asParagraph();
    expect(letter2.getText()).toBe('Dear Mrs Smith, about Ben.');
    const t = letter2.editAsText();
    expect(t.isBold(0)).toBe(true);
    expect(t.isBold(5)).toBeFalsy();
    expect(t.isBold(letter2.getText().indexOf('Ben'))).toBe(true);
    expect(out.getChild(7).asParagraph().getHeading()).toBe(app.ParagraphHeading.HEADING1);
    expect(out.getChild(3).asTable().getCell(0, 1).getText()).toBe('91.2%');
    expect(out.getChild(4).asParagraph().getText()).toBe('');
    expect(out.getChild(6).asParagraph().getChild(0).getType()).toBe(app.ElementType.PAGE_BREAK);
    // The template itself is untouched.
    expect(tpl.getBody().getText()).toContain('{{Forename}}');
  });

  test('an element already in a document must be copied before it is appended elsewhere', () => {
    const { app } = setup();
    const a = app.create('a').getBody();
    const p = a.appendParagraph('x');
    expect(() => app.create('b').getBody().appendParagraph(p)).toThrow(NOT_DETACHED);
  });

  test('clear leaves one empty paragraph and the last paragraph cannot be removed', () => {
    const { app } = setup();
    const body = app.create('x').getBody();
    body.appendParagraph('one');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(() => body.removeChild(body.getChild(0))).toThrow(LAST_PARAGRAPH);
  });

  test('appendText adds a new run so setBold on it bolds only the new text', () => {
    const { app } = setup();
    const p = app.create('x').getBody().appendParagraph('Name: ');
    p.appendText('Amy').setBold(true);
    expect(p.getText()).toBe('Name: Amy');
    const t = p.editAsText();
    expect(t.isBold(0)).toBeFalsy();
    expect(t.isBold(6)).toBe(true);
  });

  test('findText walks matches across paragraphs in order', () => {
    const { app } = setup();
    const body = app.create('x').getBody();
    body.appendParagraph('a {{X}}');
    body.appendParagraph('{{Y}} b');
    const first = body.findText('\\{\\{[A-Za-z]+\\}\\}')!;
    expect(first.getStartOffset()).toBe(2);
    const second = body.findText('\\{\\{[A-Za-z]+\\}\\}', first)!;
    expect(second.getElement().asText().getText()).toBe('{{Y}} b');
    expect(body.findText('\\{\\{[A-Za-z]+\\}\\}', second)).toBeNull();
  });

  test('header and footer are sections with their own text; getAs(pdf) is a text rendering', () => {
    const { app } = setup();
    const doc = app.create('x');
    doc.addHeader().appendParagraph('Oakfield School');
    doc.addFooter().appendParagraph('Page footer');
    expect(() => doc.addHeader()).toThrow();
    doc.getBody().appendParagraph('Body text');
    const blob = doc.getAs('application/pdf');
    expect(blob.getContentType()).toBe('application/pdf');
    expect(blob.getName()).toBe('x.pdf');
    expect(blob.getDataAsString()).toContain('Oakfield School');
    expect(blob.getDataAsString()).toContain('Body text');
    expect(() => doc.getAs('text/plain')).toThrow();
  });

  test('each call counts as Class.method', () => {
    const { app, env } = setup();
    const doc = app.create('x');
    doc.getBody().appendParagraph('a').setHeading(app.ParagraphHeading.HEADING2);
    const c = env.countsByName();
    expect(c['DocumentApp.create']).toBe(1);
    expect(c['Document.getBody']).toBe(1);
    expect(c['Body.appendParagraph']).toBe(1);
    expect(c['Paragraph.setHeading']).toBe(1);
  });
});
