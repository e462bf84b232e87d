/** Small builders for homework/progress tests: a pupil, a log row, a member of staff. */
import { HomeworkMiss, Pupil, StaffMember } from '../../../src/core/types';

export function pupil(upn: string, over: Partial<Pupil> = {}): Pupil {
  return {
    upn, adno: '', forename: 'Pat', surname: `Pupil${upn.slice(-3)}`, year: 8, regGroup: '8A', pp: false, eal: false, sen: false,
    parentName: '', parentEmail: '', address: '', mentor: '', leavingDate: '', ...over,
  };
}

export function miss(upn: string, date: string, subject = 'Maths', over: Partial<HomeworkMiss> = {}): HomeworkMiss {
  return {
    date, upn, subject, className: `8x/${subject.slice(0, 2)}1`, teacher: 'Mr Teach', reason: 'Not completed',
    subjectDetention: '', detentionAttended: '', clDetention: '', notes: '', ...over,
  };
}

export function staff(name: string, roles: string[], over: Partial<StaffMember> = {}): StaffMember {
  return { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@school.example`, roles, year: null, regGroup: '', department: '', ...over };
}
