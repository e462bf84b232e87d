import { withDefaults } from '../../../src/core/settings';
import { newInterventions } from '../../../src/core/homework/ladder';
import { movement, progressReview } from '../../../src/core/progress/review';
import { ProgressEntry } from '../../../src/core/types';
import { pupil, staff } from '../homework/fixtures';

const settings = withDefaults();
const asOf = '2024-02-01';
const e = (upn: string, subject: string, target: string, current: string, status = ''): ProgressEntry =>
  ({ upn, subject, target, current, predicted: '', status });
const pupils = [pupil('A0001', { year: 10 }), pupil('A0002', { year: 10 }), pupil('L0001', { year: 10, leavingDate: '2024-01-01' })];
const team = [
  staff('Mr Maths', ['Head of subject'], { department: 'Maths' }),
  staff('Ms Rac', ['Raising Achievement Coordinator']),
];
const entries = [
  e('A0001', 'Maths', '6', '5'), e('A0001', 'English', '6', '5-'), e('A0001', 'Science', '5', '4'), e('A0001', 'Art', '5', '5'),
  e('A0002', 'Maths', '5', '6'), e('A0002', 'English', '5', '4'), e('A0002', 'History', '5', 'U'),
  e('L0001', 'Maths', '6', '3'), e('L0001', 'English', '6', '3'), e('L0001', 'Science', '6', '3'),
];
const run = () => progressReview({ entries, pupils, asOf, settings, round: '2024-02', staff: team });

describe('progressReview', () => {
  const r = run();

  it('gives each pupil × subject a status; U is reported, not compared; leavers are out', () => {
    expect(r.rows.map((x) => `${x.upn} ${x.subject} ${x.status}`)).toEqual([
      'A0001 Maths below', 'A0001 English below', 'A0001 Science below', 'A0001 Art on',
      'A0002 Maths above', 'A0002 English below', 'A0002 History ungradeable',
    ]);
    expect(r.ungradeable).toEqual([{ upn: 'A0002', subject: 'History', message: 'Progress: A0002 History: current grade U (ungraded).' }]);
  });

  it('Above → a raise-target suggestion for the subject teacher', () => {
    expect(r.suggestions).toEqual([{
      key: 'PR|raise|A0002|Maths|2024-02', upn: 'A0002', subject: 'Maths', current: '6', target: '5', suggestedTarget: '6', owner: 'Subject teacher (Maths)',
    }]);
  });

  it('Below → head of subject; Below in 3 subjects also → the Raising Achievement Coordinator', () => {
    const keys = r.interventions.map((x) => x.key);
    expect(keys).toEqual([
      'PR|below|A0001|Maths|2024-02', 'PR|below|A0001|English|2024-02', 'PR|below|A0001|Science|2024-02',
      'PR|below|A0002|English|2024-02', 'PR|rac|A0001|2024-02',
    ]);
    expect(r.interventions[0].owner).toBe('Head of subject: Mr Maths');
    expect(r.interventions[1].owner).toBe('Head of subject');
    const rac = r.interventions[4];
    expect(rac.owner).toBe('Raising Achievement Coordinator: Ms Rac');
    expect(rac.entryValue).toBe('Below in Maths, English, Science');
  });

  it('Below in 2 subjects does not go to the coordinator; the setting moves the line', () => {
    expect(r.interventions.some((x) => x.key === 'PR|rac|A0002|2024-02')).toBe(false);
    const two = progressReview({ entries, pupils, asOf, settings: withDefaults({ progress: { belowSubjectsForRac: 1 } }), round: 'r' });
    expect(two.interventions.filter((x) => x.key.startsWith('PR|rac|')).map((x) => x.upn)).toEqual(['A0001', 'A0002']);
  });

  it('a re-run of the same round adds nothing', () => {
    expect(newInterventions(r.interventions, run().interventions)).toEqual([]);
  });

  it('compares with the previous round: up, down, same, new', () => {
    const previous = [e('A0001', 'Maths', '6', '6'), e('A0001', 'Art', '5', '4'), e('A0002', 'Maths', '', '', 'Above'), e('A0002', 'History', '5', '4')];
    const m = progressReview({ entries, pupils, asOf, settings, round: 'r2', previous });
    const mv = Object.fromEntries(m.rows.map((x) => [`${x.upn} ${x.subject}`, x.movement]));
    expect(mv['A0001 Maths']).toBe('down');
    expect(mv['A0001 Art']).toBe('up');
    expect(mv['A0002 Maths']).toBe('same');
    expect(mv['A0001 English']).toBe('new');
    expect(mv['A0002 History']).toBe('');
    expect(movement('below', 'on')).toBe('up');
  });
});
