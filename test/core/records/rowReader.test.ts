/**
 * Reading a row (core/records/rowReader.ts): every problem of a refused row at once, in column
 * order, also where several columns are read alike (RowReader.each).
 */
import { parseTab } from '../../../src/core/records/parse';
import { U1 } from './fixtures';

test('a Students row with several bad dates lists every problem, in column order', () => {
  const res = parseTab('Students', [
    ['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'Leaving Date', 'Date of Birth', 'Admission Date'],
    [U1, 'Amy', 'Ng', 9, '9X', '31/02/2024', '12/05/2010', 'soon'],
  ]);
  expect(res.records).toEqual([]);
  expect(res.refusals.map((r) => [r.row, r.column, r.value])).toEqual([[2, 'Leaving Date', '31/02/2024'], [2, 'Admission Date', 'soon']]);
});

test('a Homework Log row: the columns read alike land in their own fields', () => {
  const res = parseTab('Homework Log', [
    ['Date', 'UPN', 'Subject', 'Class', 'Teacher', 'Reason', 'Subject Detention', 'Detention Attended', 'CL Detention'],
    ['08/01/2024', U1, 'Maths', '9X1', 'JH', 'Not completed', 'y', 'N', ''],
  ]);
  expect(res.refusals).toEqual([]);
  expect(res.records[0]).toMatchObject({ subject: 'Maths', className: '9X1', teacher: 'JH', subjectDetention: 'Yes', detentionAttended: 'No', clDetention: '' });
});
