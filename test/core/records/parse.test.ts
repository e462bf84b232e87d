import { parseTab, isImportableTab } from '../../../src/core/records/parse';
import { asSheetText } from '../../../src/core/records/safeText';
import { LOST_ZEROS } from '../../../src/core/records/upn';
import { TABS } from '../../../src/core/tabs';
import { STUDENT_HEADER, U1, U2, U3 } from './fixtures';

describe('parseTab — Students', () => {
  it('reads pupils with flags, SEN values and year forms', () => {
    const res = parseTab('Students', [
      STUDENT_HEADER,
      [U1, '001234', 'Zoë', 'Smith', 'Year 9', '9X1', 'PP', 'N', 'K', 'mum@home.example'],
      [U2, 1235, 'Sam', "O'Brien", 'Y10', '10A', 'Yes', 'Y', 'EHCP', ''],
      [U3, '', 'Ali', 'Khan', 7, '7B', '', 'No', '', ''],
    ]);
    expect(res.refusals).toEqual([]);
    expect(res.records.map((p) => [p.year, p.pp, p.eal, p.sen])).toEqual([
      [9, true, false, true], [10, true, true, true], [7, false, false, false],
    ]);
    expect(res.records[0]).toMatchObject({ upn: U1, adno: '001234', forename: 'Zoë', parentEmail: 'mum@home.example', leavingDate: '' });
    expect(res.records[1].adno).toBe('1235');
    expect(res.rows).toEqual([2, 3, 4]);
  });

  it('refuses a formula-looking surname (a name is never a formula); other text stays literal and safe to write', () => {
    const res = parseTab('Students', [STUDENT_HEADER, [U1, '', 'Bob', '=IMPORTXML("http://x")', 9, '9X', '', '', '', '']]);
    expect(res.records).toEqual([]);
    expect(res.refusals).toEqual([{ row: 2, column: 'Surname', value: '=IMPORTXML("http://x")', reason: expect.stringMatching(/formula, not a name/) }]);
    expect(asSheetText('=IMPORTXML("http://x")')).toBe('\'=IMPORTXML("http://x")');
  });

  it('accepts MIS aliases and a moved or extra column', () => {
    const res = parseTab('Students', [
      ['Ethnicity', 'Form', 'NC Year', 'Legal Surname', 'Legal Forename', 'Admission No', 'UPN'],
      ['White British', '8C', '8', 'Jones', 'Amy', '000777', U1],
    ]);
    expect(res.unknownHeaders).toEqual(['Ethnicity']);
    expect(res.records).toEqual([expect.objectContaining({ upn: U1, adno: '000777', forename: 'Amy', surname: 'Jones', year: 8, regGroup: '8C' })]);
    expect(res.fields.sort()).toEqual(['adno', 'forename', 'regGroup', 'surname', 'upn', 'year']);
  });

  it('refuses a pupil on roll twice, naming the first row', () => {
    const res = parseTab('Students', [STUDENT_HEADER,
      [U1, '', 'A', 'One', 9, '9X', '', '', '', ''],
      [U2, '', 'B', 'Two', 9, '9X', '', '', '', ''],
      [U1, '', 'C', 'Three', 9, '9X', '', '', '', '']]);
    expect(res.records).toHaveLength(2);
    expect(res.refusals).toEqual([{ row: 4, column: 'UPN', value: U1, reason: expect.stringMatching(/as row 2/) }]);
  });

  it('refuses bad UPNs, unknown years, bad flags and bad e-mails with row, column and value', () => {
    const bad = 'B' + U1.slice(1) === U1 ? 'C' + U1.slice(1) : 'B' + U1.slice(1);
    const res = parseTab('Students', [STUDENT_HEADER,
      [bad, '', 'A', 'One', 9, '9X', '', '', '', ''],
      [801200005001, '', 'B', 'Two', 9, '9X', '', '', '', ''],
      [U1, '', 'C', 'Three', 'Year 6', '9X', 'maybe', '', 'Q', 'not-an-email'],
      [U2, '', '', 'Four', 14, '9X', '', '', '', 'a@b'],
    ]);
    expect(res.records).toEqual([]);
    expect(res.refusals).toEqual([
      { row: 2, column: 'UPN', value: bad, reason: expect.stringMatching(/check letter is wrong/) },
      { row: 3, column: 'UPN', value: '801200005001', reason: LOST_ZEROS },
      { row: 4, column: 'Year', value: 'Year 6', reason: 'year 6 is not a year group here (7–13).' },
      { row: 4, column: 'PP', value: 'maybe', reason: expect.stringMatching(/not yes or no/) },
      { row: 4, column: 'SEN', value: 'Q', reason: expect.stringMatching(/not an SEN status/) },
      { row: 4, column: 'Parent Email', value: 'not-an-email', reason: expect.stringMatching(/not an e-mail address/) },
      { row: 5, column: 'Forename', value: '', reason: 'Forename is blank.' },
      { row: 5, column: 'Year', value: '14', reason: expect.stringMatching(/year 14/) },
      { row: 5, column: 'Parent Email', value: 'a@b', reason: expect.stringMatching(/not an e-mail/) },
    ]);
  });

  it('stops with a header message when a required column is missing', () => {
    const res = parseTab('Students', [['Forename', 'Surname', 'Year', 'Reg Group'], ['A', 'B', 9, '9X']]);
    expect(res.records).toEqual([]);
    expect(res.headerMessages).toEqual(['Students: no "UPN" column (looked for UPN, Unique Pupil Number, Pupil UPN).']);
    expect(res.refusals).toEqual([{ row: 1, reason: res.headerMessages[0] }]);
  });

  it('skips blank rows and numbers rows from firstRow', () => {
    const res = parseTab('Students', [STUDENT_HEADER, ['', '', ''], [U1, '', 'A', 'B', 'x', '9X']], { firstRow: 3 });
    expect(res.refusals.map((r) => r.row)).toEqual([5]);
  });

  it('reads a leaving date from a Date cell, text or a serial number', () => {
    const header = ['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'Leaving Date'];
    const res = parseTab('Students', [header,
      [U1, 'A', 'B', 11, '11A', '20/07/2024'],
      [U2, 'A', 'B', 11, '11A', new Date(Date.UTC(2024, 6, 19, 23))], // midnight BST on 20 July
      [U3, 'A', 'B', 11, '11A', 45493]]);
    expect(res.records.map((p) => p.leavingDate)).toEqual(['2024-07-20', '2024-07-20', '2024-07-20']);
  });
});

describe('parseTab — text length', () => {
  it('refuses text too long for a Sheets cell, naming the row and column', () => {
    const res = parseTab('Homework Log', [['Date', 'UPN', 'Subject', 'Reason', 'Notes'],
      ['08/01/2024', U1, 'Maths', 'Late', 'n'.repeat(50000)], ['08/01/2024', U2, 'Maths', 'Late', 'n'.repeat(49999)]]);
    expect(res.records.map((r) => r.upn)).toEqual([U2]);
    expect(res.refusals).toEqual([{ row: 2, column: 'Notes', value: expect.stringMatching(/^n{40}…$/), reason: expect.stringMatching(/50000 characters is too long/) }]);
  });
});

describe('parseTab — Staff', () => {
  it('splits roles on , and ;, names them as the tracker does, lower-cases e-mails', () => {
    const res = parseTab('Staff', [['Name', 'E-mail', 'Roles', 'Year', 'Form', 'Dept'],
      ['Ms Hall', 'J.Hall@School.Example', 'HoY; Form tutor, class teacher', 'Year 9', '9X', 'Maths'],
      ['Mr Bee', 'bee@school', 'Teacher', '', '', 'Art'],
      ['Mr Cee', 'cee@school.example', 'Site manager', '', '', '']]);
    expect(res.records[0]).toEqual({ name: 'Ms Hall', email: 'j.hall@school.example', roles: ['Head of Year', 'Form tutor', 'Class teacher'], year: 9, regGroup: '9X', department: 'Maths' });
    expect(res.records[1].roles).toEqual(['Site manager']);
    expect(res.refusals).toEqual([{ row: 3, column: 'Email', value: 'bee@school', reason: '"bee@school" is not an e-mail address.' }]);
  });
});

describe('parseTab — Homework Log', () => {
  const header = ['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason', 'Subject Detention'];
  it('matches the reason ignoring case and refuses one not on the list', () => {
    const res = parseTab('Homework Log', [header,
      ['08/01/2024', U1, 'Maths', '9X1', 'JH', 'not completed', 'y'],
      ['09/01/2024', U1, 'Maths', '9X1', 'JH', 'Forgot', ''],
    ]);
    expect(res.records).toEqual([expect.objectContaining({ row: 2, date: '2024-01-08', reason: 'Not completed', subjectDetention: 'Yes', detentionAttended: '' })]);
    expect(res.refusals).toEqual([{ row: 3, column: 'Reason', value: 'Forgot', reason: '"Forgot" is not one of: Not completed, Not to a good standard, Late.' }]);
  });

  it('records the same UPN + subject + date once, naming the first', () => {
    const res = parseTab('Homework Log', [header,
      ['08/01/2024', U1, 'Maths', '9X1', 'JH', 'Late', ''],
      ['8/1/24', U1, 'Maths', '9X1', 'JH', 'Not completed', '']]);
    expect(res.refusals).toEqual([expect.objectContaining({ row: 3, reason: 'same UPN, Subject, Date as row 2 — it is recorded once; fix or delete one of them.' })]);
  });

  it('refuses an impossible date', () => {
    const res = parseTab('Homework Log', [header, ['31/02/2024', U1, 'Maths', '', '', 'Late', '']]);
    expect(res.refusals).toEqual([{ row: 2, column: 'Date', value: '31/02/2024', reason: expect.stringMatching(/not a real date/) }]);
  });
});

describe('parseTab — Attendance Marks', () => {
  const header = ['UPN', 'Date', 'Session', 'Mark'];
  it('accepts session spellings and valid codes, keeps blank codes as gaps', () => {
    const res = parseTab('Attendance Marks', [header,
      [U1, '08/01/2024', 'am', '/'], [U1, '08/01/2024', 'P', 'l'], [U1, '09/01/2024', 'A', '']]);
    expect(res.refusals).toEqual([]);
    expect(res.records).toEqual([
      { upn: U1, date: '2024-01-08', session: 'AM', code: '/' },
      { upn: U1, date: '2024-01-08', session: 'PM', code: 'L' },
      { upn: U1, date: '2024-01-09', session: 'AM', code: '' },
    ]);
  });

  it('refuses withdrawn and unknown codes with their row', () => {
    const res = parseTab('Attendance Marks', [header,
      [U1, '08/01/2024', 'AM', 'H'], [U1, '08/01/2024', 'PM', '?'], [U1, '09/01/2024', 'Noon', 'C']]);
    expect(res.records).toEqual([]);
    expect(res.refusals).toEqual([
      { row: 2, column: 'Code', value: 'H', reason: expect.stringMatching(/withdrawn in 2024/) },
      { row: 3, column: 'Code', value: '?', reason: expect.stringMatching(/not an attendance code/) },
      { row: 4, column: 'Session', value: 'Noon', reason: expect.stringMatching(/not a session/) },
    ]);
  });

  it('uses a code check passed in', () => {
    const res = parseTab('Attendance Marks', [header, [U1, '08/01/2024', 'AM', 'H']], { classifyCode: () => 'authorised' });
    expect(res.records).toHaveLength(1);
  });
});

describe('parseTab — other tabs', () => {
  it('QA Calendar: owner chain split on >, free-text follow-up kept', () => {
    const res = parseTab('QA Calendar', [
      ['Date', 'Task', 'Task completed by/ QA by', 'Checking for', 'Follow up with staff by', 'Review system by'],
      ['10/01/2024', 'G codes for holidays', 'Attendance officer > Pastoral manager > SLT attendance', 'Check coding', '16/1/24 and before send', '18.1.24']]);
    expect(res.records).toEqual([{ date: '2024-01-10', task: 'G codes for holidays', ownerChain: ['Attendance officer', 'Pastoral manager', 'SLT attendance'],
      checkingFor: 'Check coding', followUpBy: '16/1/24 and before send', reviewBy: '18.1.24', status: '', doneOn: '', doneBy: '' }]);
  });

  it('Lates to Lesson, Progress, Letters Log, Homework Set, mentoring tabs', () => {
    expect(parseTab('Lates to Lesson', [['Date', 'UPN', 'Period', 'Mins'], ['08/01/2024', U1, 3, '12']]).records)
      .toEqual([{ date: '2024-01-08', upn: U1, lesson: '3', minutes: 12 }]);
    expect(parseTab('Progress', [['UPN', 'Subject', 'FFT Target', 'Working At'], [U1, 'Maths', 6, '5+']]).records)
      .toEqual([{ upn: U1, subject: 'Maths', target: '6', current: '5+', predicted: '', status: '' }]);
    expect(parseTab('Letters Log', [['Key', 'Date', 'Type', 'UPN', 'Status'], [`AT1|${U1}|episode-2024-01-08`, '2024-01-08', 'AT1', U1, 'sent']]).records[0])
      .toMatchObject({ key: `AT1|${U1}|episode-2024-01-08`, status: 'Sent' });
    expect(parseTab('Homework Set', [['Set On', 'Class', 'Subject', 'NC Year', 'Due Date'], ['08/01/2024', '9X1', 'Maths', 'Y9', '15/01/2024']]).records)
      .toEqual([{ dateSet: '2024-01-08', className: '9X1', subject: 'Maths', year: 9, teacher: '', due: '2024-01-15' }]);
    expect(parseTab('Mentoring Slips', [['Date', 'UPN', 'From', 'Kind'], ['08/01/2024', U1, 'JH', 'concern']]).records[0].kind).toBe('Concern');
    expect(parseTab('Sessions', [['Date', 'UPN', 'Slot', 'Subject', 'Time'], ['08/01/2024', U1, 'lunchtime', 'Maths', new Date(Date.UTC(1899, 11, 30, 12, 30))]]).records[0])
      .toMatchObject({ slot: 'Lunchtime', time: '12:30' });
    expect(parseTab('Session Register', [['Date', 'UPN', 'Subject', 'Attended'], ['08/01/2024', U1, 'Maths', 'N']]).records[0].attended).toBe('No');
    expect(parseTab('Mentor Meetings', [['Date', 'UPN', 'Mentor', 'Type'], ['08/01/2024', U1, 'JH', 'formal']]).records[0].type).toBe('Formal');
  });

  it('every non-generated tab in tabs.ts is importable (the Register through its own reader, test/core/attendance/registerTab)', () => {
    const missing = TABS.filter((t) => !t.generated && t.name !== 'Attendance' && t.name !== 'Attendance Summary' && t.name !== 'Register' && !isImportableTab(t.name)).map((t) => t.name);
    expect(missing).toEqual([]);
  });
});
