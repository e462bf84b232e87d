/**
 * What each register code means, for the evidence pack's "codes explained" (an LA officer reads
 * the registration certificate against it). Wording from the School Attendance (Pupil
 * Registration) (England) Regulations 2024 and DfE "Working together to improve school
 * attendance" (August 2024), "Attendance codes", shortened. Law, so constants, not settings.
 */
import { CodeClass, classifyCode, normaliseCode } from '../attendance/codes';

const MEANINGS: Record<string, string> = {
  '/': 'Present (morning)',
  '\\': 'Present (afternoon)',
  L: 'Late arrival before the register closed',
  K: 'Attending education provision arranged by the local authority',
  V: 'Attending an educational visit or trip',
  P: 'Participating in a sporting activity',
  W: 'Attending work experience',
  B: 'Attending any other approved educational activity',
  C: 'Leave of absence for exceptional circumstances',
  C1: 'Leave of absence for a regulated performance or regulated employment abroad',
  C2: 'Leave of absence for a pupil on a part-time timetable',
  E: 'Suspended or permanently excluded, no alternative provision made',
  I: 'Illness (not medical or dental appointment)',
  J1: 'Leave of absence for an interview for employment or admission to another educational institution',
  M: 'Medical or dental appointment',
  R: 'Religious observance',
  S: 'Leave of absence to study for a public examination',
  T: 'Parent travelling for occupational purposes',
  G: 'Holiday not granted by the school',
  N: 'Reason for absence not yet established',
  O: 'Absent in other or unknown circumstances',
  U: 'Arrived after the register closed',
  Q: 'Unable to attend: lack of access arrangements',
  Y1: 'Unable to attend: transport normally provided not available',
  Y2: 'Unable to attend: widespread disruption to travel',
  Y3: 'Unable to attend: part of the school premises closed',
  Y4: 'Unable to attend: the whole school site unexpectedly closed',
  Y5: 'Unable to attend: in criminal justice detention',
  Y6: 'Unable to attend: public health guidance or law',
  Y7: 'Unable to attend: any other unavoidable cause',
  X: 'Not required to be in school (not of compulsory school age)',
  D: 'Dual registered: attending another school',
  Z: 'Prospective pupil not on the admission register',
  '#': 'Planned whole-school closure',
};

const COUNTS_AS: Record<CodeClass, string> = {
  present: 'Present',
  aea: 'Attending an approved educational activity (counts as present)',
  authorised: 'Authorised absence',
  unauthorised: 'Unauthorised absence',
  notCounted: 'Not a possible session',
  withdrawn: 'Code withdrawn in 2024: to be recoded',
  unknown: 'Not a national code: to be recoded',
  blank: 'No mark recorded',
};

export function codeMeaning(code: string): string {
  const c = normaliseCode(code);
  return MEANINGS[c] || 'Not a national attendance code';
}

export function codeCountsAs(code: string): string {
  return COUNTS_AS[classifyCode(code)];
}
