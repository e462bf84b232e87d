import { formatImportReport, importReport, mergeByKey } from '../../../src/core/records/merge';
import { parseTab } from '../../../src/core/records/parse';
import { STUDENT_HEADER, U1, U2, U3 } from './fixtures';

const file = [STUDENT_HEADER,
  [U1, '', 'Amy', 'One', 9, '9X', 'Y', '', '', ''],
  [U2, '', 'Ben', 'Two', 9, '9X', '', '', '', ''],
  ['X1', '', 'Cal', 'Three', 9, '9X', '', '', '', '']];

describe('mergeByKey', () => {
  it('a second identical import changes nothing', () => {
    const first = parseTab('Students', file);
    const once = mergeByKey([], first.records, ['upn'], { fields: first.fields });
    expect(once.added).toHaveLength(2);
    const again = mergeByKey(once.result, parseTab('Students', file).records, ['upn'], { fields: first.fields });
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(2);
    expect(again.result).toEqual(once.result);
  });

  it('an updated file updates rows by key, whatever their order, and adds new ones', () => {
    const before = mergeByKey([], parseTab('Students', file).records, ['upn']).result;
    const next = parseTab('Students', [STUDENT_HEADER,
      [U3, '', 'Dan', 'Four', 10, '10A', '', '', '', ''],
      [U2, '', 'Ben', 'Two', 10, '10A', '', '', '', ''],
      [U1, '', 'Amy', 'One', 9, '9X', 'Y', '', '', '']]);
    const m = mergeByKey(before, next.records, ['upn'], { fields: next.fields });
    expect(m.added.map((p) => p.upn)).toEqual([U3]);
    expect(m.updated).toEqual([expect.objectContaining({ upn: U2, year: 10, regGroup: '10A' })]);
    expect(m.unchanged.map((p) => p.upn)).toEqual([U1]);
    expect(m.result.map((p) => p.upn)).toEqual([U1, U2, U3]);
  });

  it('a column missing from the file keeps the existing values', () => {
    const before = mergeByKey([], parseTab('Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'Mentor'],
      [U1, 'Amy', 'One', 10, '10A', 'Mr Bee']]).records, ['upn']).result;
    const partial = parseTab('Students', [['UPN', 'Forename', 'Surname', 'Year', 'Reg Group'], [U1, 'Amy', 'One', 10, '10B']]);
    const m = mergeByKey(before, partial.records, ['upn'], { fields: partial.fields });
    expect(m.result[0]).toMatchObject({ regGroup: '10B', mentor: 'Mr Bee' });
  });

  it('compares list fields by value and ignores the sheet row a record came from', () => {
    const a = [{ key: 'k', roles: ['SLT', 'Mentor'], row: 2 }];
    expect(mergeByKey(a, [{ key: 'k', roles: ['SLT', 'Mentor'], row: 9 }], ['key']).unchanged).toHaveLength(1);
    expect(mergeByKey(a, [{ key: 'k', roles: ['SLT'], row: 2 }], ['key']).updated).toHaveLength(1);
  });
});

describe('formatImportReport', () => {
  it('counts added, updated, unchanged and refused rows and lists each refusal', () => {
    const parsed = parseTab('Students', [...file, [U1, '', 'Dup', 'Licate', 9, '9X', '', '', '', ''], ['Notes only']]);
    const m = mergeByKey([], parsed.records, ['upn'], { fields: parsed.fields });
    const report = importReport('Students', m, parsed);
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, refused: 3 });
    const text = formatImportReport(report);
    expect(text.split('\n')[0]).toBe('Students: 2 rows added, 0 updated, 0 unchanged, 3 refused.');
    expect(text).toContain('Students row 4, UPN "X1": not a UPN');
    expect(text).toContain(`Students row 5, UPN "${U1}": same UPN as row 2`);
    expect(text).toContain('Students row 6, Forename: Forename is blank.');
  });

  it('says nothing was changed when the header is wrong', () => {
    const parsed = parseTab('Staff', [['Name', 'Role'], ['A', 'SLT']]);
    const text = formatImportReport(importReport('Staff', { added: [], updated: [], unchanged: [] }, parsed));
    expect(text).toBe('Staff: not imported — nothing was changed.\n  Staff: no "Email" column (looked for Email, E-mail, Email Address).');
  });
});
