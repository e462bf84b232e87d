import { checkRecipients, checkSubject, composeEmail, escapeHtml, senderName } from '../../../src/core/email/compose';
import { tableToCsv } from '../../../src/core/email/render';
import { withDefaults } from '../../../src/core/settings';
import { member, pupil, SETTINGS } from './fixtures';

const STAFF = [member('Ann Officer', ['Attendance officer']), member('Gus Gmail', ['Form tutor'], { email: 'gus@gmail.com' })];

describe('checkRecipients', () => {
  test('a Staff tab address outside the allowed domains is refused and reported', () => {
    const r = checkRecipients(['ann.officer@school.sch.uk', 'gus@gmail.com'], STAFF, SETTINGS);
    expect(r.allowed).toEqual(['ann.officer@school.sch.uk']);
    expect(r.refused).toEqual([{ address: 'gus@gmail.com', reason: 'gus@gmail.com (Staff tab, Gus Gmail) is outside the allowed domains (school.sch.uk)' }]);
  });

  test('an address not on the Staff tab is refused even in the right domain', () => {
    expect(checkRecipients(['head@school.sch.uk'], STAFF, SETTINGS).refused).toEqual([{ address: 'head@school.sch.uk', reason: 'head@school.sch.uk is not on the Staff tab' }]);
  });

  test('a look-alike domain is not the allowed domain', () => {
    const staff = [member('Eve', ['SLT'], { email: 'eve@school.sch.uk.evil.com' })];
    expect(checkRecipients(['eve@school.sch.uk.evil.com'], staff, SETTINGS).allowed).toEqual([]);
  });

  test('with no allowed domains set, nothing is sent and the setting is named', () => {
    const r = checkRecipients(['ann.officer@school.sch.uk'], STAFF, withDefaults());
    expect(r.allowed).toEqual([]);
    expect(r.refused[0].reason).toContain('no allowed e-mail domains are set');
  });

  test('case does not matter for matching the Staff tab', () => {
    expect(checkRecipients(['Ann.Officer@School.sch.uk'], STAFF, SETTINGS).allowed).toEqual(['Ann.Officer@School.sch.uk']);
  });
});

describe('checkSubject', () => {
  const pupils = [pupil('Jamie', 'Smith', { upn: 'B987654321098' })];

  test.each(['Attendance: Jamie Smith', 'Letter for SMITH', 'Case B987654321098', 'SEN pupils this week', 'SEND list', 'EAL list', 'PP missed homework', 'Pupil premium report', 'EHCP review'])('refuses "%s"', (subject) => {
    expect(() => checkSubject(subject, pupils)).toThrow();
  });

  test('a surname with accents, in capitals or in lower case, is found', () => {
    const more = [pupil('Zoë', 'Núñez-García', { upn: 'C123456789012' })];
    expect(() => checkSubject('Letters for NÚÑEZ-GARCÍA', more)).toThrow(/surname/);
    expect(() => checkSubject('núñez-garcía: attendance', more)).toThrow(/surname/);
    expect(() => checkSubject('Nunez list', more)).not.toThrow();
  });

  test.each(['Weekly pastoral digest, week beginning 22/01/2024', 'QA calendar 11/01/2024: 2 to do', 'Letters to send this week', 'Smithson family day'])('allows "%s"', (subject) => {
    expect(() => checkSubject(subject, pupils)).not.toThrow();
  });
});

describe('composeEmail', () => {
  test('escapes every value, so a pupil called <script> stays text', () => {
    const evil = pupil('<script>alert(1)</script>', 'O\'Brien & "Co"');
    const { email } = composeEmail(
      { to: ['ann.officer@school.sch.uk'], subject: 'Weekly list', title: 'List', sendKey: 'k', blocks: [{ type: 'table', columns: ['Pupil'], rows: [[`${evil.forename} ${evil.surname}`]] }] },
      { staff: STAFF, settings: SETTINGS, pupils: [] },
    );
    expect(email!.htmlBody).not.toContain('<script>');
    expect(email!.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;');
    expect(email!.body).toContain('<script>alert(1)</script>'); // plain text needs no escaping
  });

  test('HTML is Gmail-safe: inline styles, no <style> or external CSS, max 640px, bordered tables', () => {
    const { email } = composeEmail(
      { to: ['ann.officer@school.sch.uk'], subject: 'Weekly list', title: 'List', sendKey: 'k', blocks: [{ type: 'table', columns: ['A'], rows: [['1']] }, { type: 'bars', bars: [{ label: 'w/c 08/01/2024', value: 95 }], min: 90, max: 100, unit: '%' }] },
      { staff: STAFF, settings: SETTINGS, pupils: [] },
    );
    const html = email!.htmlBody;
    expect(html).not.toMatch(/<style|<link|<img|class=/i);
    expect(html).toContain('max-width:640px');
    expect(html).toContain('border:1px solid');
    // 95 on a 90–100 scale fills half of the 300px track: 150px coloured, 150px left
    expect(html).toContain('width:150px;height:14px;padding:0;background:#3b6ea5');
    expect(html).toContain('width:150px;height:14px;padding:0;background:#e8ecf0');
    expect(email!.body).toContain('w/c 08/01/2024  ########## 95.0%');
  });

  test('the sender name says what it is, with the school', () => {
    const { email } = composeEmail({ to: ['ann.officer@school.sch.uk'], subject: 'Weekly list', title: 'List', sendKey: 'k', blocks: [] }, { staff: STAFF, settings: SETTINGS, pupils: [] });
    expect(email!.name).toBe('Pastoral Tracker — Hill School');
    expect(senderName(withDefaults({ school: { name: 'Hill School' }, email: { senderName: 'Attendance team' } }))).toBe('Attendance team');
    expect(senderName(withDefaults({ school: { name: '' } }))).toBe('Pastoral Tracker');
  });

  test('reply-to: staff in the allowed domains only, never the recipient; noReply leaves none', () => {
    const staff = STAFF.concat([member('Hana Ten', ['Head of Year'])]);
    const input = { to: ['ann.officer@school.sch.uk'], subject: 'Weekly list', title: 'List', sendKey: 'k', blocks: [], replyTo: ['hana.ten@school.sch.uk', 'gus@gmail.com', 'ANN.officer@school.sch.uk', 'nobody@school.sch.uk'] };
    const { email } = composeEmail(input, { staff, settings: SETTINGS, pupils: [] });
    expect(email!.replyTo).toEqual(['hana.ten@school.sch.uk']);
    expect(email!.noReply).toBeUndefined();
    const quiet = composeEmail(input, { staff, settings: withDefaults({ school: { name: 'Hill School', allowedDomains: ['school.sch.uk'] }, email: { noReply: true } }), pupils: [] }).email!;
    expect(quiet.noReply).toBe(true);
    expect(quiet.replyTo).toBeUndefined();
  });

  test('refused recipients are reported and no e-mail is made when none is left', () => {
    const r = composeEmail({ to: ['gus@gmail.com'], subject: 'Weekly list', title: 'List', sendKey: 'k', blocks: [] }, { staff: STAFF, settings: SETTINGS, pupils: [] });
    expect(r.email).toBeNull();
    expect(r.problems).toEqual(['Not sent "Weekly list": gus@gmail.com (Staff tab, Gus Gmail) is outside the allowed domains (school.sch.uk).']);
  });

  test('a pupil name in the subject stops the e-mail', () => {
    expect(() => composeEmail({ to: ['ann.officer@school.sch.uk'], subject: 'About Jamie Smith', title: 'x', sendKey: 'k', blocks: [] }, { staff: STAFF, settings: SETTINGS, pupils: [pupil('Jamie', 'Smith')] })).toThrow(/pupil/);
  });
});

test('escapeHtml and CSV attachments defuse markup and formulas', () => {
  expect(escapeHtml('<b>&"\'')).toBe('&lt;b&gt;&amp;&quot;&#39;');
  // A byte-order mark first, so Excel reads the UTF-8 ("Wiśniewski") as UTF-8.
  expect(tableToCsv({ columns: ['Name', 'Note'], rows: [['=HYPERLINK("x")', 'a, b']] })).toBe('\ufeffName,Note\r\n"\'=HYPERLINK(""x"")","a, b"\r\n');
});
