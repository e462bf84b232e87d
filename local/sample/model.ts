/** The sample school before it is flattened into MIS-style tables (ISO dates, real booleans). */
import { IsoDate } from '../../src/core/dates';

export interface SampleStaff {
  name: string;
  email: string;
  roles: string[];
  year: number | null;
  regGroup: string;
  department: string;
}

export interface SampleClass {
  className: string;
  subject: string;
  year: number;
  teacher: SampleStaff;
}

export interface SamplePupil {
  upn: string;
  adno: string;
  forename: string;
  surname: string;
  year: number;
  regGroup: string;
  pp: boolean;
  eal: boolean;
  sen: 'K' | 'E' | 'N'; // SIMS: SEN support, EHC plan, no special need
  parentName: string;
  parentEmail: string;
  address: string;
  mentor: string; // staff e-mail (Y10/Y11 only)
  leavingDate: IsoDate | '';
  classes: SampleClass[];
  /** Made-up tendencies that drive every table, so one pupil looks like one child throughout. */
  absenceRate: number;
  homeworkRate: number;
  ability: number;
}

export const SUBJECT_CODES: Record<string, string> = {
  English: 'En', Maths: 'Ma', Science: 'Sc', History: 'Hi', Geography: 'Gg', French: 'Fr',
  Computing: 'Co', Art: 'Ar', Music: 'Mu', PE: 'PE', Drama: 'Dr', 'Design Technology': 'DT',
};

export const SUBJECTS = Object.keys(SUBJECT_CODES);
export const CORE_SUBJECTS = ['English', 'Maths', 'Science'];
export const PRACTICAL_SUBJECTS = ['Art', 'Music', 'PE', 'Drama', 'Design Technology'];
export const SCHOOL_DOMAIN = 'hillside.sch.uk';
