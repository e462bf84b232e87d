/**
 * "My open items" (issue 20): whose Interventions row is it. Answers worked out by hand from the
 * rule in docs/RULES.md ("Interventions: my open items").
 */
import { myOpenItems, ownsItem, describeMe } from '../../../src/core/interventions/ownedBy';
import { Intervention, Pupil, StaffMember } from '../../../src/core/types';

const staff = (name: string, roles: string[], extra: Partial<StaffMember> = {}): StaffMember => ({
  name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@school.example`, roles, year: null, regGroup: '', department: '', ...extra,
});
const smith = staff('Ms Smith', ['HoY'], { year: 9 }); // a Head of Year written as the school writes it
const brown = staff('Mr Brown', ['Head of Year'], { year: 10 });
const khan = staff('Mr Khan', ['SLT']);
const patel = staff('Mrs Patel', ['Form tutor'], { regGroup: '9B' });
const y9 = { year: 9, regGroup: '9B' };
const y10 = { year: 10, regGroup: '10A' };

describe('ownsItem', () => {
  it('a name after the role: that person only, not everyone with the role', () => {
    expect(ownsItem('Head of Year: Ms Smith', smith, y9)).toBe(true);
    expect(ownsItem('Head of Year: Mr Brown', smith, y10)).toBe(false); // Brown's, though Smith is a HoY
    expect(ownsItem('Head of Year: Mr Brown', brown, y10)).toBe(true);
  });

  it('a name matches ignoring case, spacing and full stops; an e-mail matches too', () => {
    expect(ownsItem('Mentor: ms.  SMITH', smith, y9)).toBe(true);
    expect(ownsItem('ms.smith@school.example', smith, y9)).toBe(true);
    expect(ownsItem('Ms Smithson', smith, y9)).toBe(false);
    expect(ownsItem('Class teacher: Ms Jones, Ms Smith', smith, y9)).toBe(true);
  });

  it('a bare Head of Year goes to the Head of that pupil\'s year (HoY = Head of Year)', () => {
    expect(ownsItem('Head of Year', smith, y9)).toBe(true);
    expect(ownsItem('Head of Year', smith, y10)).toBe(false);
    expect(ownsItem('YAM', brown, y10)).toBe(true);
    expect(ownsItem('Head of Year', smith, null)).toBe(false); // pupil not on the roll: no year to match
  });

  it('a bare Form tutor goes to the tutor of the pupil\'s reg group', () => {
    expect(ownsItem('Form tutor', patel, y9)).toBe(true);
    expect(ownsItem('Form tutor', patel, { year: 9, regGroup: '9C' })).toBe(false);
    expect(ownsItem('Form tutor: Mr Lee', patel, y9)).toBe(false);
  });

  it('"SLT and mentor: Name": the mentor by name, and every SLT member (SLT has no name)', () => {
    expect(ownsItem('SLT and mentor: Mrs Patel', patel, y9)).toBe(true);
    expect(ownsItem('SLT and mentor: Mrs Patel', khan, y9)).toBe(true);
    expect(ownsItem('SLT and mentor: Mrs Patel', smith, y9)).toBe(false);
    expect(ownsItem('SLT', khan, y10)).toBe(true);
  });

  it('a subject role in brackets goes to that department only', () => {
    const maths = staff('Mr Maths', ['Class teacher'], { department: 'Maths/Computing' });
    expect(ownsItem('Subject teacher (Maths)', maths, y9)).toBe(true);
    expect(ownsItem('Subject teacher (English)', maths, y9)).toBe(false);
  });

  it('several owners separated by ";" each count; a blank owner is nobody\'s', () => {
    expect(ownsItem('Form tutor: Mr Lee; Head of Year: Ms Smith', smith, y9)).toBe(true);
    expect(ownsItem('', smith, y9)).toBe(false);
  });

  it('says whose items it looked for', () => {
    expect(describeMe(smith)).toBe('Ms Smith (HoY 9)');
    expect(describeMe(staff('Ms Smith', ['Head of Year', 'SLT'], { year: 9 }))).toBe('Ms Smith (Head of Year 9, SLT)');
  });
});

describe('myOpenItems', () => {
  const pupil = (upn: string, forename: string, surname: string, year: number, regGroup: string): Pupil => ({
    upn, adno: '', forename, surname, year, regGroup, pp: false, eal: false, sen: false, parentName: '', parentEmail: '', address: '', mentor: '', leavingDate: '',
  });
  const pupils = [pupil('A1', 'Zoe', 'Adams', 9, '9B'), pupil('B2', 'Amy', 'Baker', 9, '9A'), pupil('C3', 'Carl', 'Cole', 10, '10A')];
  const row = (key: string, upn: string, owner: string, due: string, status = 'Open', action = `Action ${key}`): Intervention => ({
    key, date: '2024-01-08', upn, area: 'Homework', action, owner, due, status, outcome: '', entryValue: '', exitValue: '',
  });
  const asOf = '2024-01-26';
  const rows = [
    row('k1', 'B2', 'Head of Year: Ms Smith', '2024-01-30'),
    row('k2', 'A1', 'Head of Year', '2024-01-30'), // bare, Year 9: Smith's
    row('k3', 'A1', 'Head of Year: Ms Smith', '2024-01-20'), // overdue
    row('k4', 'C3', 'Head of Year: Mr Brown', '2024-01-10'), // Brown's
    row('k5', 'B2', 'Head of Year: Ms Smith', '2024-01-12', 'Done'),
    row('k6', 'B2', 'Head of Year: Ms Smith', '2024-01-12', 'Cancelled'),
    row('k7', 'B2', 'Head of Year: Ms Smith', '2024-01-25'), // overdue, after k3
    row('k8', 'B2', 'Ms Smith', ''), // no due date
    row('k9', 'A1', 'Head of Year: Ms Smith', '2024-01-26', ''), // blank status = open; due today
  ];

  it('only her open items, overdue first (oldest first), then by due date, no due date last', () => {
    const v = myOpenItems(rows, pupils, smith, asOf);
    expect(v.who).toBe('Ms Smith (HoY 9)');
    expect(v.count).toBe(6);
    expect(v.overdue).toBe(2);
    expect(v.groups.map((g) => [g.title, g.overdue, g.items.map((i) => i.key)])).toEqual([
      ['Overdue', true, ['k3', 'k7']],
      ['Due today, 26/01/2024', false, ['k9']],
      ['Due 30/01/2024', false, ['k2', 'k1']], // same day: Adams before Baker
      ['No due date', false, ['k8']],
    ]);
    const first = v.groups[0].items[0];
    expect([first.pupil, first.year, first.regGroup, first.dueUk, first.action]).toEqual(['Adams, Zoe', 9, '9B', '20/01/2024', 'Action k3']);
  });

  it('another Head of Year sees only his own', () => {
    const v = myOpenItems(rows, pupils, brown, asOf);
    expect(v.groups).toEqual([{ title: 'Overdue', overdue: true, items: [expect.objectContaining({ key: 'k4', pupil: 'Cole, Carl' })] }]);
  });

  it('nobody\'s items: an empty list, and the pupil not on the roll shows by UPN', () => {
    expect(myOpenItems(rows, pupils, patel, asOf)).toEqual({ who: 'Mrs Patel (Form tutor 9B)', asOf, count: 0, overdue: 0, groups: [] });
    const gone = myOpenItems([row('z', 'Z9', 'Mrs Patel', '2024-02-01')], pupils, patel, asOf);
    expect(gone.groups[0].items[0]).toMatchObject({ pupil: 'Z9', year: null, regGroup: '' });
  });
});
