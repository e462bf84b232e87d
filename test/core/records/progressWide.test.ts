import { wideProgressToLong, readWideHeader } from '../../../src/core/records/progressWide';
import { parseTab } from '../../../src/core/records/parse';

describe('one column per subject marksheet', () => {
  const rows = [
    ['UPN', 'Surname', 'Maths Target', 'Maths Current', 'English (Target)', 'English - Current', 'History'],
    ['W823000000015', 'Smith', '6', '5+', '7', '7', '4-'],
    ['Y823000000026', 'Jones', '5', '', '', '', ''],
  ];

  it('reads subject and grade kind from each header', () => {
    const h = readWideHeader(rows[0]);
    expect(h.upnIndex).toBe(0);
    expect(h.columns.map((c) => `${c.subject}/${c.kind}`)).toEqual([
      'Maths/target', 'Maths/current', 'English/target', 'English/current', 'History/current',
    ]);
  });

  it('becomes one row per pupil and subject, skipping subjects with no grades', () => {
    const long = wideProgressToLong(rows);
    expect(long.messages).toEqual([]);
    expect(long.rows.slice(1)).toEqual([
      ['W823000000015', 'Maths', '6', '5+', ''],
      ['W823000000015', 'English', '7', '7', ''],
      ['W823000000015', 'History', '', '4-', ''],
      ['Y823000000026', 'Maths', '5', '', ''],
    ]);
    // and the long form is what the Progress importer reads
    const parsed = parseTab('Progress', long.rows);
    expect(parsed.headerMessages).toEqual([]);
    expect(parsed.records.map((r) => r.subject)).toEqual(['Maths', 'English', 'History', 'Maths']);
  });

  it('refuses a marksheet without a UPN column or with a subject twice', () => {
    expect(wideProgressToLong([['Name', 'Maths']]).messages[0]).toMatch(/no "UPN" column/);
    expect(wideProgressToLong([['UPN', 'Maths', 'Maths Current']]).messages[0]).toMatch(/two "Maths" current columns/);
  });
});
