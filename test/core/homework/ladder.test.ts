import { withDefaults } from '../../../src/core/settings';
import { homeworkLadder, newInterventions, nextSchoolDay } from '../../../src/core/homework/ladder';
import { homeworkWeeks } from '../../../src/core/homework/weeks';
import { miss, pupil, staff } from './fixtures';

const settings = withDefaults();
const schoolWeeks = ['2024-01-08', '2024-01-15', '2024-01-22'];
const pupils = [pupil('A0001', { regGroup: '8A', year: 8 }), pupil('A0002', { regGroup: '8B', year: 8 })];
const team = [
  staff('Ms Tutor', ['Form tutor'], { regGroup: '8A' }),
  staff('Mr Other', ['Form tutor'], { regGroup: '8B' }),
  staff('Mrs Year', ['Year Achievement Manager'], { year: 8 }),
  staff('Dr Sums', ['Curriculum leader'], { department: 'Maths/Computing' }),
];

function ladder(log = baseLog, asOf = '2024-01-19') {
  const hw = homeworkWeeks({ log, pupils, asOf, settings, schoolWeeks });
  return homeworkLadder({ hw, pupils, asOf, settings, staff: team });
}

const baseLog = [
  miss('A0001', '2024-01-15', 'Maths', { detentionAttended: 'No', teacher: 'Mr Teach' }),
  miss('A0001', '2024-01-16', 'English'),
  miss('A0002', '2024-01-15', 'Maths'), miss('A0002', '2024-01-16', 'English'), miss('A0002', '2024-01-17', 'Science'),
];

describe('homeworkLadder', () => {
  const out = ladder();
  const byKey = new Map(out.map((x) => [x.key, x]));

  it('each miss gets a subject detention for the class teacher, due the next school day', () => {
    const d = byKey.get('HW|detention|A0001|Maths|2024-01-15')!;
    expect(d.owner).toBe('Class teacher: Mr Teach');
    expect(d.due).toBe('2024-01-16');
    expect(out.filter((x) => x.key.startsWith('HW|detention|'))).toHaveLength(5);
  });

  it('a subject detention not attended → CL detention for the subject\'s curriculum leader', () => {
    const cl = out.filter((x) => x.key.startsWith('HW|cl|'));
    expect(cl.map((x) => x.key)).toEqual(['HW|cl|A0001|Maths|2024-01-15']);
    expect(cl[0].owner).toBe('Curriculum leader: Dr Sums');
  });

  it('pink → FT monitoring next week for the pupil\'s form tutor; red → red action only', () => {
    const pink = byKey.get('HW|pink|A0001|2024-01-15')!;
    expect(pink.owner).toBe('Form tutor: Ms Tutor');
    expect(pink.action).toContain('22/01/2024');
    expect(pink.due).toBe('2024-01-26');
    expect(byKey.get('HW|red|A0002|2024-01-15')!.owner).toBe('Form tutor: Mr Other');
    expect(byKey.has('HW|pink|A0002|2024-01-15')).toBe(false);
  });

  it('an unfilled post is shown as the role alone', () => {
    const hw = homeworkWeeks({ log: baseLog, pupils, asOf: '2024-01-19', settings, schoolWeeks });
    const x = homeworkLadder({ hw, pupils, asOf: '2024-01-19', settings }).find((i) => i.key === 'HW|pink|A0001|2024-01-15')!;
    expect(x.owner).toBe('Form tutor');
  });

  it('re-running the ladder adds no Interventions', () => {
    const first = newInterventions([], out);
    expect(first).toHaveLength(out.length);
    expect(newInterventions(first, ladder())).toEqual([]);
    // A later run with a fourth miss for a pupil already red adds only that miss's detention …
    const later = ladder(baseLog.concat([miss('A0002', '2024-01-18', 'Art')]));
    expect(newInterventions(first, later).map((x) => x.key)).toEqual(['HW|detention|A0002|Art|2024-01-18']);
    // … and a third miss for a pink pupil adds the red action too.
    const red = ladder(baseLog.concat([miss('A0001', '2024-01-18', 'Science')]));
    expect(newInterventions(first, red).map((x) => x.key)).toEqual(['HW|detention|A0001|Science|2024-01-18', 'HW|red|A0001|2024-01-15']);
  });

  it('persistent → one HoY/YAM meeting, not repeated while the pupil stays persistent', () => {
    const log = ['2024-01-08', '2024-01-15', '2024-01-22'].flatMap((w) => [miss('A0001', w, 'Maths'), miss('A0001', w, 'Art')]);
    const week3 = ladder(log, '2024-01-24').filter((x) => x.key.startsWith('HW|persistent|'));
    expect(week3.map((x) => [x.key, x.owner])).toEqual([['HW|persistent|A0001|2024-01-22', 'Head of Year: Mrs Year']]);
    const log4 = log.concat([miss('A0001', '2024-01-29', 'Maths'), miss('A0001', '2024-01-30', 'Art')]);
    const hw = homeworkWeeks({ log: log4, pupils, asOf: '2024-01-31', settings, schoolWeeks: schoolWeeks.concat(['2024-01-29']) });
    const week4 = homeworkLadder({ hw, pupils, asOf: '2024-01-31', settings, staff: team });
    expect(newInterventions(week3, week4).filter((x) => x.key.startsWith('HW|persistent|'))).toEqual([]);
  });

  it('a leaver gets no actions', () => {
    const left = [pupil('A0001', { leavingDate: '2024-01-01' })];
    const hw = homeworkWeeks({ log: baseLog, pupils: left, asOf: '2024-01-19', settings, schoolWeeks });
    expect(homeworkLadder({ hw, pupils: left, asOf: '2024-01-19', settings })).toEqual([]);
  });
});

describe('nextSchoolDay', () => {
  it('skips the weekend and weeks the school is shut', () => {
    expect(nextSchoolDay('2024-01-19', ['2024-01-15', '2024-01-22'])).toBe('2024-01-22');
    expect(nextSchoolDay('2024-02-16', ['2024-02-12', '2024-02-26'])).toBe('2024-02-26');
    expect(nextSchoolDay('2024-01-16', ['2024-01-15'])).toBe('2024-01-17');
  });
});
