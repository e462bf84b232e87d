/**
 * Interventions the add-on opened close when their reason ends (issue 20); rows staff have
 * worked stay theirs. Answers worked out by hand from the rules in docs/RULES.md.
 */
import { homeworkClosures, progressClosures, HomeworkNow, ProgressNow } from '../../../src/core/interventions/closing';
import { Intervention } from '../../../src/core/types';

const row = (key: string, extra: Partial<Intervention> = {}): Intervention => ({
  key, date: '2024-01-08', upn: key.split('|')[2], area: 'Homework', action: '', owner: '', due: '', status: 'Open', outcome: '', entryValue: '', exitValue: '', ...extra,
});

function hwNow(): HomeworkNow {
  return {
    // A1: red w/c 08/01, clean w/c 15/01 and 22/01. B2: red again w/c 15/01.
    bands: new Map([
      ['A1', new Map([['2024-01-08', 'red'], ['2024-01-15', 'none'], ['2024-01-22', 'none']])],
      ['B2', new Map([['2024-01-08', 'pink'], ['2024-01-15', 'red'], ['2024-01-22', 'none']])],
    ]) as HomeworkNow['bands'],
    misses: new Map([['A1', new Map([['2024-01-15', 1]])], ['B2', new Map()]]),
    persistentSince: new Map([['A1', ''], ['B2', '2024-01-08']]),
    detentions: new Map([
      ['A1|MATHS|2024-01-09', { attended: 'Yes', cl: '' }],
      ['B2|ENGLISH|2024-01-10', { attended: 'No', cl: '' }],
      ['B2|SCIENCE|2024-01-11', { attended: '', cl: '' }],
    ]),
    onRoll: new Set(['A1', 'B2']),
  };
}

describe('homework ladder rows', () => {
  // Friday 26/01/2024: the last complete school week is w/c 15/01 (its Friday, 19/01, is before today).
  const asOf = '2024-01-26';

  it('red week followed by a clean week closes once the follow-up week is over; still red does not', () => {
    const out = homeworkClosures([
      row('HW|red|A1|2024-01-08', { due: '2024-01-19' }),
      row('HW|pink|B2|2024-01-08', { due: '2024-01-19' }),
    ], hwNow(), asOf);
    expect(out).toEqual([{ key: 'HW|red|A1|2024-01-08', outcome: 'Closed by Pastoral Tracker 26/01/2024: back out of pink/red (w/c 15/01/2024)', exitValue: '1 missed w/c 15/01/2024' }]);
  });

  it('not before the follow-up week is over', () => {
    expect(homeworkClosures([row('HW|red|A1|2024-01-08', { due: '2024-01-26' })], hwNow(), asOf)).toEqual([]);
  });

  it('detentions close on the Homework Log\'s Detention Attended; blank leaves them open', () => {
    const out = homeworkClosures([
      row('HW|detention|A1|Maths|2024-01-09'),
      row('HW|detention|B2|English|2024-01-10'),
      row('HW|detention|B2|Science|2024-01-11'),
    ], hwNow(), asOf);
    expect(out.map((c) => [c.key, c.exitValue])).toEqual([
      ['HW|detention|A1|Maths|2024-01-09', 'Attended'],
      ['HW|detention|B2|English|2024-01-10', 'Not attended'],
    ]);
  });

  it('persistence ends, or a new run begins; a left pupil closes; rows staff worked are theirs', () => {
    const out = homeworkClosures([
      row('HW|persistent|A1|2023-12-04'),
      row('HW|persistent|B2|2024-01-08'), // the current run: stays open
      row('HW|persistent|B2|2023-11-06'), // an earlier run
      row('HW|red|C3|2024-01-08', { due: '2024-01-19' }), // C3 has left
      row('HW|red|A1|2024-01-08', { due: '2024-01-19', status: 'Done' }), // staff closed it
      row('HW|detention|A1|Maths|2024-01-09', { outcome: 'Parent phoned' }), // staff wrote an outcome
      row('MT|due|A1|2024-01-10'), // not the homework ladder's
    ], hwNow(), asOf);
    expect(out.map((c) => [c.key, c.outcome.replace('Closed by Pastoral Tracker 26/01/2024: ', '')])).toEqual([
      ['HW|persistent|A1|2023-12-04', 'no longer persistent'],
      ['HW|persistent|B2|2023-11-06', 'a new run of persistence began (see its own row)'],
      ['HW|red|C3|2024-01-08', 'left the school'],
    ]);
  });
});

describe('progress rows', () => {
  const now: ProgressNow = {
    round: '2024-02',
    status: new Map([
      ['A1|MATHS', { status: 'on', current: '5+', target: '6' }],
      ['A1|ENGLISH', { status: 'below', current: '4', target: '6' }],
      ['B2|MATHS', { status: 'below', current: '3', target: '5' }],
    ]),
    belowSubjects: new Map([['A1', 1], ['B2', 3]]),
    belowForRac: 3,
    onRoll: new Set(['A1', 'B2']),
  };

  it('target met closes; still below at a new round is carried; the same round stays open; RAC by the count', () => {
    const out = progressClosures([
      row('PR|below|A1|Maths|2024-01'),
      row('PR|below|A1|English|2024-01'),
      row('PR|below|B2|Maths|2024-02'),
      row('PR|rac|A1|2024-01'),
      row('PR|rac|B2|2024-02'),
    ], now, '2024-02-05');
    expect(out.map((c) => [c.key, c.outcome.replace('Closed by Pastoral Tracker 05/02/2024: ', ''), c.exitValue])).toEqual([
      ['PR|below|A1|Maths|2024-01', 'target met (on target)', 'Maths: working at 5+, target 6'],
      ['PR|below|A1|English|2024-01', "still below at the 2024-02 review: carried to that round's row", 'English: working at 4, target 6'],
      ['PR|rac|A1|2024-01', 'below target in 1 subject now', 'Below in 1'],
    ]);
  });
});
