/**
 * Who owns an action: a role, and the member of staff holding it when the Staff tab is given
 * (form tutor by reg group, Head of Year by year, curriculum leader / head of subject by
 * department). The Interventions tab has one Owner cell, written as "Role: Name" or just "Role"
 * when nobody on the Staff tab matches, so an unfilled post is visible rather than guessed.
 */
import { StaffMember } from '../types';
import { normText } from '../text';

export interface Owner {
  role: string;
  name: string; // '' when no member of staff matched
  email: string;
}

/** Other words schools use for the same role (seed 000 says YAM for Head of Year). */
const ROLE_ALIASES: Record<string, string[]> = {
  'head of year': ['hoy', 'year achievement manager', 'yam', 'year manager', 'head of year/yam'],
  'form tutor': ['tutor', 'ft'],
  'curriculum leader': ['cl', 'head of department', 'hod'],
  'head of subject': ['hos', 'subject leader', 'curriculum leader'],
  'raising achievement coordinator': ['rac', 'raising achievement co-ordinator'],
  'class teacher': ['teacher', 'subject teacher'],
  'slt': ['leadership team', 'senior leadership team'],
  'pp lead': ['pupil premium lead'],
  'senco': ['send coordinator', 'sen coordinator'],
  'eal coordinator': ['eal co-ordinator'],
  'tracking and mentoring lead': ['tracking & mentoring lead'],
};

export function hasRole(s: StaffMember, role: string): boolean {
  const want = normText(role);
  const names = [want].concat(ROLE_ALIASES[want] || []);
  return s.roles.some((r) => names.indexOf(normText(r)) >= 0);
}

/** A department cell may name several subjects ("Maths/Computing", "Science, Biology"). */
export function teachesSubject(s: StaffMember, subject: string): boolean {
  const want = normText(subject);
  if (!want) return false;
  return String(s.department || '')
    .split(/[/,;&]+/)
    .some((d) => normText(d) === want);
}

export interface OwnerContext {
  year?: number;
  regGroup?: string;
  subject?: string;
}

/**
 * The first member of staff with `role` who matches the context: Form tutor → reg group, Head of
 * Year → year, Curriculum leader / Head of subject → department; other roles need no match.
 */
export function resolveOwner(role: string, ctx: OwnerContext, staff: StaffMember[] | undefined): Owner {
  if (!staff) return { role, name: '', email: '' };
  const r = normText(role);
  const match = staff.find((s) => {
    if (!hasRole(s, role)) return false;
    if (r === 'form tutor') return ctx.regGroup !== undefined && normText(s.regGroup) === normText(ctx.regGroup);
    if (r === 'head of year') return ctx.year !== undefined && s.year === ctx.year;
    if (r === 'curriculum leader' || r === 'head of subject') return ctx.subject !== undefined && teachesSubject(s, ctx.subject);
    return true;
  });
  return match ? { role, name: match.name, email: match.email } : { role, name: '', email: '' };
}

/** The Owner cell: "Form tutor: Ms Jones", or "Form tutor" when the post is not on the Staff tab. */
export function ownerLabel(o: Owner): string {
  return o.name ? `${o.role}: ${o.name}` : o.role;
}

/** The role a school's word stands for ("HoY", "YAM" → "head of year"); unknown words as they are (normalised). */
export function canonicalRole(role: string): string {
  const r = normText(role);
  if (ROLE_ALIASES[r]) return r;
  for (const k of Object.keys(ROLE_ALIASES)) if (ROLE_ALIASES[k].indexOf(r) >= 0) return k;
  return r;
}
