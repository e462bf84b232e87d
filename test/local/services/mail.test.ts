import { LocalEnv, QUOTA_ERROR } from '../../../local/services/env';
import { createMailApp, type LocalMailApp } from '../../../local/services/mail';
import { createSession, type LocalSession } from '../../../local/services/session';

function setup() {
  const env = new LocalEnv();
  const mail = createMailApp(env);
  return { env, mail, local: mail as unknown as LocalMailApp };
}

describe('MailApp', () => {
  test('each recipient (to, cc, bcc) costs one from the daily quota', () => {
    const { mail, local } = setup();
    local._setQuota(10);
    mail.sendEmail({ to: 'a@s.example, b@s.example', cc: 'c@s.example', bcc: 'd@s.example', subject: 'S', body: 'B' });
    expect(mail.getRemainingDailyQuota()).toBe(6);
    expect(local._sent[0].to).toEqual(['a@s.example', 'b@s.example']);
  });

  test('sending beyond the quota throws Apps Script\'s message and records nothing', () => {
    const { mail, local } = setup();
    local._setQuota(1);
    expect(() => mail.sendEmail('a@s.example,b@s.example', 'S', 'B')).toThrow(QUOTA_ERROR);
    expect(local._sent).toHaveLength(0);
    mail.sendEmail('a@s.example', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@s.example', 'S', 'B')).toThrow(QUOTA_ERROR);
  });

  test('the positional forms fill the same fields; the sender is the active user', () => {
    const { env, mail, local } = setup();
    (createSession(env) as unknown as LocalSession)._setUser('hoy@s.example');
    mail.sendEmail('a@s.example', 'Subject', 'Body', { htmlBody: '<p>Body</p>', name: 'Tracker' });
    mail.sendEmail('b@s.example', 'reply@s.example', 'Subject 2', 'Body 2');
    expect(local._sent[0]).toMatchObject({ from: 'hoy@s.example', subject: 'Subject', htmlBody: '<p>Body</p>', name: 'Tracker' });
    expect(local._sent[1]).toMatchObject({ to: ['b@s.example'], replyTo: 'reply@s.example', subject: 'Subject 2', body: 'Body 2' });
  });

  test('no recipient or a malformed address is refused', () => {
    const { mail } = setup();
    expect(() => mail.sendEmail({ to: '', subject: 'S', body: 'B' })).toThrow('no recipient');
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
  });
});
