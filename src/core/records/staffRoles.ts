/**
 * Staff roles as schools write them → the tracker's role names (core/types.ts StaffRole), so
 * "HoY", "head of year" and "Year Achievement Manager" all reach the same digests and letters.
 * A role the tracker does not know is kept as written: schools have roles we do not use.
 */
const ROLES = [
  'Class teacher', 'Curriculum leader', 'Form tutor', 'Head of Year', 'Deputy Head of Year',
  'Intervention team', 'Attendance officer', 'Pastoral manager', 'PSW attendance',
  'Student reception', 'SLT', 'SLT attendance', 'SLT link', 'Tutor/Assembly SLT lead', 'EWO',
  'PP lead', 'SENCO', 'EAL coordinator', 'Mentor', 'Tracking and mentoring lead',
  'Raising Achievement Coordinator', 'Head of subject',
];

// Abbreviations and other names the seeds and common MIS staff lists use (seed 000: YAM = HoY).
const OTHER_NAMES: Record<string, string> = {
  'teacher': 'Class teacher',
  'ct': 'Class teacher',
  'cl': 'Curriculum leader',
  'ft': 'Form tutor',
  'tutor': 'Form tutor',
  'hoy': 'Head of Year',
  'yam': 'Head of Year',
  'year achievement manager': 'Head of Year',
  'deputy hoy': 'Deputy Head of Year',
  'dhoy': 'Deputy Head of Year',
  'senco': 'SENCO',
  'senco lead': 'SENCO',
  'eal coordinator': 'EAL coordinator',
  'eal co-ordinator': 'EAL coordinator',
  'pp lead': 'PP lead',
  'pupil premium lead': 'PP lead',
  'rac': 'Raising Achievement Coordinator',
  'hos': 'Head of subject',
  'head of department': 'Head of subject',
  'hod': 'Head of subject',
  'education welfare officer': 'EWO',
};

function key(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function canonicalRole(role: string): string {
  const k = key(role);
  const exact = ROLES.find((r) => key(r) === k);
  if (exact) return exact;
  return OTHER_NAMES[k] || role.trim();
}
