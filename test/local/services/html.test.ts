import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalEnv } from '../../../local/services/env';
import { createHtmlService, type LocalHtmlService } from '../../../local/services/html';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'html-'));
  const svc = createHtmlService(new LocalEnv());
  (svc as unknown as LocalHtmlService)._setFolder(dir);
  return { dir, svc };
}

describe('HtmlService', () => {
  test('<?= ?> escapes HTML, <?!= ?> prints raw, <? ?> runs code with template data', () => {
    const { dir, svc } = setup();
    writeFileSync(join(dir, 'Sidebar.html'), "<p><?= '<script>' ?></p><?!= '<b>raw</b>' ?><ul><? for (var i = 0; i < pupils.length; i++) { ?><li><?= pupils[i] ?></li><? } ?></ul>");
    const t = svc.createTemplateFromFile('Sidebar');
    (t as unknown as Record<string, unknown>).pupils = ['Amy', "O'Neil & Co"];
    const out = t.evaluate().setTitle('Pastoral Tracker').setWidth(300);
    expect(out.getContent()).toBe("<p>&lt;script&gt;</p><b>raw</b><ul><li>Amy</li><li>O&#39;Neil &amp; Co</li></ul>");
    expect(out.getTitle()).toBe('Pastoral Tracker');
  });

  test('inside a <script> tag <?= ?> prints a JavaScript literal that cannot close the tag', () => {
    const { svc } = setup();
    const t = svc.createTemplate('<script>var d = <?= data ?>;</script>');
    (t as unknown as Record<string, unknown>).data = { name: '</script>' };
    expect(t.evaluate().getContent()).toBe('<script>var d = {"name":"\\u003c/script\\u003e"};</script>');
  });

  test('files are read by name with or without .html; a missing file names itself', () => {
    const { dir, svc } = setup();
    writeFileSync(join(dir, 'Help.html'), '<h1>Help</h1>');
    expect(svc.createHtmlOutputFromFile('Help.html').getContent()).toBe('<h1>Help</h1>');
    expect(() => svc.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(svc.SandboxMode.IFRAME).toBe('IFRAME');
  });
});
