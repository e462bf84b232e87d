import { columnLetter, mapHeaders } from '../../../src/core/records/headers';
import { tabDef } from '../../../src/core/tabs';

const students = tabDef('Students');

describe('mapHeaders', () => {
  it('finds MIS aliases ignoring case, spacing, nbsp and punctuation', () => {
    const m = mapHeaders(students, ['Pupil UPN', 'Admission No', 'legal  forename', 'LAST_NAME', 'NC\u00a0Year', 'Form', 'Ethnicity']);
    expect(m.columnIndex).toEqual({ upn: 0, adno: 1, forename: 2, surname: 3, year: 4, regGroup: 5 });
    expect(m.unknown).toEqual(['Ethnicity']);
    expect(m.missingRequired).toEqual([]);
    expect(m.messages).toEqual([]);
  });

  it('finds columns wherever they were moved', () => {
    const m = mapHeaders(students, ['Form', 'Surname', 'Year', 'Notes', 'UPN', 'Forename']);
    expect(m.columnIndex).toMatchObject({ regGroup: 0, surname: 1, year: 2, upn: 4, forename: 5 });
    expect(m.unknown).toEqual(['Notes']);
  });

  it('names the tab, column and the names looked for when a required column is missing', () => {
    const m = mapHeaders(students, ['Forename', 'Surname', 'Year', 'Reg Group']);
    expect(m.missingRequired).toEqual(['UPN']);
    expect(m.messages).toEqual(['Students: no "UPN" column (looked for UPN, Unique Pupil Number, Pupil UPN).']);
  });

  it('reports the same header twice and reads neither copy', () => {
    const m = mapHeaders(students, ['UPN', 'Forename', 'Surname', 'Year', 'Reg Group', 'upn']);
    expect(m.duplicated).toEqual(['UPN']);
    expect(m.columnIndex.upn).toBeUndefined();
    expect(m.messages).toEqual(['Students: the "UPN" column appears more than once (columns A and F) — delete or rename all but one.']);
  });

  it('prefers the tracker header over an alias, keeping the alias column as unknown', () => {
    const m = mapHeaders(students, ['Preferred Forename', 'UPN', 'Forename', 'Surname', 'Year', 'Reg Group']);
    expect(m.columnIndex.forename).toBe(2);
    expect(m.unknown).toEqual(['Preferred Forename']);
    expect(m.duplicated).toEqual([]);
  });

  it('ignores blank header cells', () => {
    const m = mapHeaders(students, ['UPN', '', null, 'Forename', 'Surname', 'Year', 'Reg Group']);
    expect(m.unknown).toEqual([]);
    expect(m.columnIndex.forename).toBe(3);
  });

  it('column letters', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
