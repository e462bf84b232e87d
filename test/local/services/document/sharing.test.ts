/**
 * Issue 15 §1 and §5 in the local DocumentApp: a document is private to whoever made it until it
 * is shared, and a section always ends with a paragraph.
 */
import { LocalEnv } from '../../../../local/services/env';
import { createDocumentApp, DOC_MISSING } from '../../../../local/services/document/document-app';
import { LAST_PARAGRAPH } from '../../../../local/services/document/container';
import { setUser } from '../../../../local/services/shared';
import { runExecution } from '../../../../local/services/execution';

function setup() {
  const env = new LocalEnv();
  setUser(env, 'hoy9@school.example');
  return { env, app: createDocumentApp(env) };
}

describe('documents are private to whoever made them', () => {
  test('another person cannot open it until the owner shares it', () => {
    const { env, app } = setup();
    const doc = app.create('AT1 template');
    const id = doc.getId();
    expect((doc as any)._owner).toBe('hoy9@school.example');
    setUser(env, 'hoy10@school.example');
    expect(() => app.openById(id)).toThrow(DOC_MISSING);
    setUser(env, 'hoy9@school.example');
    app.openById(id).addEditors(['HOY10@school.example', 'attendance@school.example']);
    expect(app.openById(id).getEditors().map((u) => u.getEmail())).toEqual(['hoy10@school.example', 'attendance@school.example']);
    setUser(env, 'hoy10@school.example');
    expect(app.openById(id).getName()).toBe('AT1 template');
  });

  test('a viewer can open but not share; an editor can share', () => {
    const { env, app } = setup();
    const doc = app.create('Letters');
    doc.addViewer('viewer@school.example');
    setUser(env, 'viewer@school.example');
    expect(() => app.openById(doc.getId()).addEditor('x@school.example')).toThrow(/Access denied/);
    setUser(env, 'hoy9@school.example');
    app.openById(doc.getId()).addEditor('viewer@school.example');
    setUser(env, 'viewer@school.example');
    app.openById(doc.getId()).addEditor('x@school.example');
    expect(doc.getEditors().map((u) => u.getEmail()).sort()).toEqual(['viewer@school.example', 'x@school.example']);
    expect(doc.getViewers()).toEqual([]);
  });

  test('a malformed address is refused', () => {
    const { app } = setup();
    expect(() => app.create('x').addEditors(['not an address'])).toThrow(/Invalid argument/);
  });

  test("a trigger's document belongs to the trigger's owner, whoever is signed in", () => {
    const { env, app } = setup();
    setUser(env, 'someone@school.example');
    const id = runExecution(env, () => app.create('made by a trigger').getId(), { kind: 'trigger', effectiveUser: 'hoy9@school.example' });
    setUser(env, 'hoy9@school.example');
    expect((app.openById(id) as any)._owner).toBe('hoy9@school.example');
  });
});

describe('a section always ends with a paragraph', () => {
  test('appendTable at the end adds the table and an empty paragraph after it', () => {
    const { app } = setup();
    const body = app.create('x').getBody();
    expect(body.getNumChildren()).toBe(1);
    body.appendTable([['a', 'b']]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe(app.ElementType.TABLE);
    expect(body.getChild(2).getType()).toBe(app.ElementType.PARAGRAPH);
    expect(body.getChild(2).asParagraph().getText()).toBe('');
    // Inserted before the end: no extra paragraph.
    body.insertTable(0, [['c']]);
    expect(body.getNumChildren()).toBe(4);
  });

  test('the final child of a body cannot be removed, by removeChild or removeFromParent', () => {
    const { app } = setup();
    const body = app.create('x').getBody();
    body.appendParagraph('one');
    body.appendParagraph('two');
    const last = body.getChild(2);
    expect(() => body.removeChild(last)).toThrow(LAST_PARAGRAPH);
    expect(() => last.removeFromParent()).toThrow(LAST_PARAGRAPH);
    body.removeChild(body.getChild(1)); // not the last: fine
    expect(body.getText()).toBe('\ntwo');
  });
});
