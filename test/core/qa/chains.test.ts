import { parseChain, resolveChain } from '../../../src/core/qa/chains';
import { TEAM, staff } from './fixtures';

const roles = (chain: string) => parseChain(chain).map((s) => s.roles.map((r) => (r.years.length ? `${r.role} ${r.years.join('+')}` : r.role)));

describe('parseChain', () => {
  test('">" separates stages; "/" and "and" separate joint holders', () => {
    expect(roles('Attendance officer > Pastoral manager > SLT attendance')).toEqual([['Attendance officer'], ['Pastoral manager'], ['SLT attendance']]);
    expect(roles('PSW Attendance/ Student reception > SLT attendance')).toEqual([['PSW attendance', 'Student reception'], ['SLT attendance']]);
    expect(roles('HOY/ Pastoral manager/ Attendance officer > SLT attendance Lead')).toEqual([['Head of Year', 'Pastoral manager', 'Attendance officer'], ['SLT attendance']]);
    expect(roles('SLT year links/HOY/ Attendance team')).toEqual([['SLT link', 'Head of Year', 'Attendance team']]);
  });

  test('a HOY year applies to the SLT link in the same stage; "10 &11" is two years', () => {
    expect(roles('Pastoral Manager > HOY 10/SLT Link')).toEqual([['Pastoral manager'], ['Head of Year 10', 'SLT link 10']]);
    expect(roles('Pastoral Manager > HOY 10 &11/SLT Link')).toEqual([['Pastoral manager'], ['Head of Year 10+11', 'SLT link 10+11']]);
  });

  test('"Tutor/Assembly SLT Lead" is one role; the instruction after the roles is not a person', () => {
    const [stage] = parseChain('Tutor/Assembly SLT Lead and SLT links HOY to report back in LM');
    expect(stage.roles.map((r) => r.role)).toEqual(['Tutor/Assembly SLT lead', 'SLT link', 'Head of Year']);
    expect(stage.unknown).toEqual([]);
  });

  test('a part that names no known role is kept as unknown', () => {
    expect(parseChain('Attendance officer/ Bursar > SLT')[0].unknown).toEqual(['Bursar']);
  });
});

describe('resolveChain', () => {
  const where = 'QA Calendar, 11/01/2024 Coding review';

  test('finds holders by role synonyms and year (YAM = HOY; Staff Year column)', () => {
    const r = resolveChain(['Pastoral Manager', 'HOY 10/SLT Link'], TEAM, { where });
    expect(r.stages.map((s) => s.people.map((p) => p.name))).toEqual([['Pat Manager'], ['Hana Ten', 'Lee Link']]);
    expect(r.problems).toEqual([]);
  });

  test('the year can come from the role text ("HoY 9")', () => {
    const r = resolveChain('HOY 9', [staff('Nina Nine', ['HoY 9'])], { where });
    expect(r.stages[0].people.map((p) => p.name)).toEqual(['Nina Nine']);
  });

  test('a plain HOY is narrowed to the years the task names', () => {
    const r = resolveChain('Pastoral Manager > HOY/SLT Link', TEAM, { where, years: [11] });
    expect(r.stages[1].people.map((p) => p.name)).toEqual(['Ed Eleven', 'Sam Link']);
  });

  test('"Attendance team" is the attendance officer and the PSW attendance', () => {
    const r = resolveChain('Attendance team', TEAM, { where });
    expect(r.stages[0].people.map((p) => p.name)).toEqual(['Ann Officer', 'Pia Psw']);
  });

  test('a role nobody holds is reported, naming the task', () => {
    const r = resolveChain('Attendance officer > Pastoral manager > SLT attendance', TEAM, { where });
    expect(r.stages[2].people).toEqual([]);
    expect(r.problems).toEqual(['No one on the Staff tab holds "SLT attendance" (QA Calendar, 11/01/2024 Coding review)']);
  });

  test('a year nobody covers is reported with the year', () => {
    const r = resolveChain('HOY 7', TEAM, { where });
    expect(r.problems).toEqual(['No one on the Staff tab holds "Head of Year" for year 7 (QA Calendar, 11/01/2024 Coding review)']);
  });

  test('an unknown name in the chain is reported', () => {
    const r = resolveChain('Bursar > SLT', [staff('Sue Slt', ['SLT'])], { where });
    expect(r.problems).toEqual([expect.stringContaining('"Bursar" in the owner chain "Bursar" is not a role the tracker knows')]);
  });
});
