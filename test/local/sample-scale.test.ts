import { generateSampleSchool } from '../../local/sample/school';

describe('the scaled sample school for benchmarks', () => {
  // How long it takes is a bench figure (npm run bench), not a test: a busy machine is no bug.
  it('makes 2,000 pupils with a full year of marks (~380 sessions each)', () => {
    const school = generateSampleSchool({ pupils: 2000, asOf: '2024-07-19' });
    expect(school.tables.Students.length - 1).toBe(2000);
    const perPupil = new Map<string, number>();
    for (const r of school.tables['Attendance Marks'].slice(1)) perPupil.set(String(r[0]), (perPupil.get(String(r[0])) || 0) + 1);
    const counts = Array.from(perPupil.values()).sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(370);
    expect(counts[0]).toBeLessThanOrEqual(390);
    expect(counts[Math.floor(counts.length / 2)]).toBe(counts[0]); // everyone on roll all year has the lot
  });
});
