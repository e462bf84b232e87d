/**
 * The sample school's staff: every role in SPEC §1 and every role the seed 002 QA calendar chains
 * name, using the `StaffRole` strings from src/core/types.ts. Several people hold more than one
 * role (comma-separated in the export), as they do in a real school.
 */
import { StaffRole } from '../../src/core/types';
import { Rng } from './random';
import { FORENAMES, SURNAMES } from './names';
import { SampleStaff, SUBJECTS, SCHOOL_DOMAIN } from './model';

/** Class teachers per department for a 1,000-pupil school (scaled with the roll). */
const TEACHERS_PER_1000: Record<string, number> = {
  English: 8, Maths: 8, Science: 9, History: 4, Geography: 4, French: 3, Computing: 3,
  Art: 2, Music: 2, PE: 4, Drama: 2, 'Design Technology': 3,
};

export interface SampleStaffList {
  all: SampleStaff[];
  teachersBy: Record<string, SampleStaff[]>; // department → class teachers
  mentors: SampleStaff[];
  headOfYear: Record<number, SampleStaff>;
}

export function generateStaff(rng: Rng, years: number[], regGroups: string[], pupils: number): SampleStaffList {
  const used = new Set<string>();
  const all: SampleStaff[] = [];
  const person = (roles: StaffRole[], extra: Partial<SampleStaff> = {}): SampleStaff => {
    const { name, email } = uniqueName(rng, used);
    const s: SampleStaff = { name, email, roles: roles.slice(), year: null, regGroup: '', department: '', ...extra };
    all.push(s);
    return s;
  };

  const scale = Math.max(1, pupils / 1000);
  const teachersBy: Record<string, SampleStaff[]> = {};
  for (const dept of SUBJECTS) {
    const n = Math.max(1, Math.round(TEACHERS_PER_1000[dept] * scale));
    teachersBy[dept] = [];
    for (let i = 0; i < n; i++) {
      // The first in each department leads it (CL) and is its head of subject for tracking.
      const roles: StaffRole[] = i === 0 ? ['Class teacher', 'Curriculum leader', 'Head of subject'] : ['Class teacher'];
      teachersBy[dept].push(person(roles, { department: dept }));
    }
  }
  // Larger departments also have a second head of subject (e.g. KS4 Science).
  for (const dept of ['English', 'Maths', 'Science']) {
    if (teachersBy[dept].length > 1) teachersBy[dept][1].roles.push('Head of subject');
  }

  // Form tutors: class teachers who are not CLs, one per reg group, in a shuffled order.
  const tutorPool = rng.shuffle(all.filter((s) => s.roles.length === 1));
  regGroups.forEach((rg, i) => {
    let t = tutorPool[i];
    if (!t) t = person(['Class teacher'], { department: rng.pick(SUBJECTS) });
    t.roles.push('Form tutor');
    t.regGroup = rg;
  });

  // Mentors for Y10/Y11: about one per 16 mentees, teachers who are not tutors first.
  const mentees = (pupils * 2) / 5;
  const mentorCount = Math.max(2, Math.round(mentees / 16));
  const mentorPool = rng.shuffle(all.filter((s) => s.roles.indexOf('Form tutor') < 0)).concat(rng.shuffle(all));
  const mentors: SampleStaff[] = [];
  for (const s of mentorPool) {
    if (mentors.length >= mentorCount) break;
    if (mentors.indexOf(s) >= 0) continue;
    s.roles.push('Mentor');
    mentors.push(s);
  }

  const headOfYear: Record<number, SampleStaff> = {};
  for (const y of years) {
    headOfYear[y] = person(['Head of Year'], { year: y });
    person(['Deputy Head of Year'], { year: y });
  }

  // Senior leadership: each assistant head links to a year group (the "SLT Link" in the calendar).
  person(['SLT']); // headteacher
  const linkRoles: StaffRole[][] = [
    ['SLT', 'SLT attendance', 'SLT link'],
    ['SLT', 'SLT link', 'Tracking and mentoring lead'],
    ['SLT', 'SLT link', 'Tutor/Assembly SLT lead'],
    ['SLT', 'SLT link', 'PP lead'],
    ['SLT', 'SLT link'],
  ];
  years.forEach((y, i) => person(linkRoles[i % linkRoles.length], { year: y }));

  person(['Intervention team']);
  person(['Intervention team']);
  person(['Attendance officer', 'Intervention team']);
  person(['Pastoral manager']);
  person(['PSW attendance']);
  person(['PSW attendance']);
  person(['Student reception']);
  person(['EWO']);
  person(['SENCO']);
  person(['EAL coordinator']);
  teachersBy.Maths[teachersBy.Maths.length - 1].roles.push('Raising Achievement Coordinator');

  return { all, teachersBy, mentors, headOfYear };
}

function uniqueName(rng: Rng, used: Set<string>): { name: string; email: string } {
  for (;;) {
    const forename = rng.pick(FORENAMES);
    const surname = rng.pick(SURNAMES);
    const local = `${asciiPart(forename)}.${asciiPart(surname)}`;
    if (used.has(local)) continue;
    used.add(local);
    return { name: `${forename} ${surname}`, email: `${local}@${SCHOOL_DOMAIN}` };
  }
}

/** E-mail local parts are ASCII: Łukasz → lukasz, O'Brien → obrien, Van der Berg → vanderberg. */
export function asciiPart(s: string): string {
  return s
    .replace(/Ł/g, 'L').replace(/ł/g, 'l').replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}
