import { simpleParser } from 'mailparser';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalEnv } from '../../../local/services/env';
import { createMailApp, type LocalMailApp } from '../../../local/services/mail';
import { createUtilities } from '../../../local/services/utilities';
import { saveEml } from '../../../local/export/eml';

test('an .eml parsed by mailparser gives the subject, both parts and the attachment', async () => {
  const env = new LocalEnv();
  env.now = new Date('2024-01-26T07:30:00Z');
  const mail = createMailApp(env);
  const blob = createUtilities(env).newBlob('UPN,Name\nA1,Amy', 'text/csv', 'coding-review.csv');
  mail.sendEmail({
    to: 'officer@school.example',
    cc: 'slt@school.example',
    subject: 'QA task: Coding review',
    body: 'Your task for today.',
    htmlBody: '<p>Your <b>task</b> for today.</p>',
    name: 'Pastoral Tracker',
    attachments: [blob],
  });
  const sent = (mail as unknown as LocalMailApp)._sent[0];
  const path = join(mkdtempSync(join(tmpdir(), 'eml-')), 'mail', '001.eml');
  await saveEml(sent, path);
  const parsed = await simpleParser(readFileSync(path));
  expect(parsed.subject).toBe('QA task: Coding review');
  expect(parsed.text?.trim()).toBe('Your task for today.');
  expect(parsed.html).toContain('<b>task</b>');
  expect(parsed.from?.value[0]).toEqual({ address: 'user@school.example', name: 'Pastoral Tracker' });
  expect((parsed.cc as { text: string }).text).toBe('slt@school.example');
  expect(parsed.date?.toISOString()).toBe('2024-01-26T07:30:00.000Z');
  expect(parsed.attachments).toHaveLength(1);
  expect(parsed.attachments[0].filename).toBe('coding-review.csv');
  expect(parsed.attachments[0].content.toString('utf8')).toBe('UPN,Name\nA1,Amy');
});
