import { figuresFromSummary, percentTenths, summariseMarks } from '../../../src/core/attendance/summary';
import { Mark } from '../../../src/core/types';

function m(code: string, date = '2024-01-08', session: 'AM' | 'PM' = 'AM'): Mark {
  return { upn: 'P1', date, session, code };
}

describe('summariseMarks', () => {
  it('counts each category', () => {
    const f = summariseMarks([m('/'), m('\\'), m('L'), m('K'), m('C'), m('G'), m('U'), m('N'), m('L')]);
    expect(f).toMatchObject({ possible: 9, attended: 5, authorised: 1, unauthorised: 3, lates: 2, uCount: 1, gCount: 1 });
    expect(f.percent).toBe(55.6);
    expect(f.absencePercent).toBe(44.4);
  });

  it('not-counted codes change the denominator', () => {
    const base = [m('/'), m('/'), m('/'), m('U')];
    expect(summariseMarks(base).percent).toBe(75);
    const withX = [...base, m('X'), m('Y1'), m('#'), m('Q'), m('D'), m('Z')];
    const f = summariseMarks(withX);
    expect(f.possible).toBe(4);
    expect(f.percent).toBe(75);
    expect(summariseMarks([m('/'), m('/'), m('/'), m('Y2')]).percent).toBe(100);
  });

  it('a blank, a withdrawn or an unknown code is not counted as present', () => {
    const f = summariseMarks([m('/'), m(''), m('H'), m('A')]);
    expect(f.possible).toBe(1);
    expect(f.attended).toBe(1);
  });

  it('ignores marks after asOf', () => {
    expect(summariseMarks([m('/', '2024-01-08'), m('U', '2024-01-09')], '2024-01-08').possible).toBe(1);
  });

  it('151 of 160 shows 94.4', () => {
    const marks = [...Array(151).fill(0).map(() => m('/')), ...Array(9).fill(0).map(() => m('C'))];
    expect(summariseMarks(marks).percent).toBe(94.4);
  });

  it('no possible sessions → no percentage', () => {
    expect(summariseMarks([m('X')]).percent).toBeNull();
  });
});

describe('percentTenths', () => {
  it('rounds half up in whole tenths', () => {
    expect(percentTenths(1887, 2000)).toBe(944); // 94.35
    expect(percentTenths(1, 3)).toBe(333);
    expect(percentTenths(2, 3)).toBe(667);
    expect(percentTenths(0, 0)).toBeNull();
  });
});

describe('figuresFromSummary (MIS import, no marks)', () => {
  it('gives the same figures', () => {
    const f = figuresFromSummary({ upn: 'P1', possible: 160, attended: 151, authorised: 6, unauthorised: 3 });
    expect(f).toMatchObject({ possible: 160, attended: 151, authorised: 6, unauthorised: 3, percent: 94.4, absencePercent: 5.6, lates: 0 });
  });
});
