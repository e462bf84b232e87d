/**
 * Owner chains from the QA calendar ("Attendance officer > Pastoral manager > SLT attendance"):
 * `>` separates stages (first does, second QAs, third reviews); `/`, `&`, `,` and "and" separate
 * people who share a stage. Each stage is read into canonical roles (roles.ts) and resolved to
 * the staff who hold them. A role no one holds is reported, never silently dropped: a chain that
 * quietly loses its reviewer is how QA stops happening.
 */
import { StaffMember } from '../types';
import { canonicalRoles, findRoles, roleEntry } from './roles';

export interface RoleRef {
  role: string; // canonical role (StaffRole)
  years: number[]; // [] = any year
  raw: string; // as written in the chain
}

export interface ChainStage {
  raw: string;
  roles: RoleRef[];
  /** Parts of the stage that name no role we know ("LM"), reported by resolveChain. */
  unknown: string[];
}

export interface ResolvedStage extends ChainStage {
  people: StaffMember[];
}

/** Splits "A > B > C" (the QaTask.ownerChain form). */
export function splitChain(text: string): string[] {
  return String(text || '')
    .split('>')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
}

// Separators between people inside a stage. "&" and "and" between year numbers belong to the
// year list ("HOY 10 &11") and are consumed by findRoles before we split.
const SEPARATOR_RE = /\s*(?:\/|,|;|&|\band\b|\bplus\b)\s*/i;
// Words that qualify a holder rather than name one ("to report back in LM").
const FILLER_RE = /^(?:to\b.*|in\b.*|with\b.*|for\b.*|by\b.*|the|all|each|lm|line manager|report back.*)$/i;

export function parseStage(raw: string): ChainStage {
  const matches = findRoles(raw);
  const roles: RoleRef[] = [];
  let rest = '';
  let at = 0;
  for (const m of matches) {
    rest += raw.slice(at, m.start) + '\u0001';
    at = m.end;
    if (!roles.some((r) => r.role === m.entry.role && sameYears(r.years, m.years))) {
      roles.push({ role: m.entry.role, years: m.years, raw: raw.slice(m.start, m.end).trim() });
    }
  }
  rest += raw.slice(at);
  // A part between separators that holds no role and is not filler is someone we cannot find.
  const unknown: string[] = [];
  for (const piece of rest.split(SEPARATOR_RE)) {
    const p = piece.trim();
    if (p === '' || p.indexOf('\u0001') >= 0 || !/[a-z]/i.test(p) || FILLER_RE.test(p)) continue;
    unknown.push(p);
  }
  // "HOY 10/SLT Link": the SLT link is the one for year 10.
  const stageYears: number[] = [];
  for (const r of roles) if (r.role === 'Head of Year') for (const y of r.years) if (stageYears.indexOf(y) < 0) stageYears.push(y);
  for (const r of roles) if (r.role === 'SLT link' && r.years.length === 0) r.years = stageYears.slice().sort((a, b) => a - b);
  return { raw: raw.trim(), roles, unknown };
}

export function parseChain(chain: string | string[]): ChainStage[] {
  const stages = Array.isArray(chain) ? chain.reduce<string[]>((acc, s) => acc.concat(splitChain(s)), []) : splitChain(chain);
  return stages.map(parseStage);
}

function sameYears(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((y, i) => y === b[i]);
}

/** Does this member of staff hold the role (for one of these years, if any)? */
export function holdsRole(member: StaffMember, ref: { role: string; years: number[] }): boolean {
  const entry = roleEntry(ref.role);
  const wanted = entry && entry.members ? [ref.role].concat(entry.members) : [ref.role];
  for (const cell of member.roles) {
    for (const held of canonicalRoles(cell)) {
      if (wanted.indexOf(held.role) < 0) continue;
      if (ref.years.length === 0) return true;
      // The year comes from the Staff tab's Year column, or from the role text ("HoY 10").
      const years = held.years.length ? held.years : member.year !== null && member.year !== undefined ? [member.year] : [];
      if (years.some((y) => ref.years.indexOf(y) >= 0)) return true;
    }
  }
  return false;
}

export function describeRole(ref: { role: string; years: number[] }): string {
  if (ref.years.length === 0) return `"${ref.role}"`;
  if (ref.years.length === 1) return `"${ref.role}" for year ${ref.years[0]}`;
  return `"${ref.role}" for years ${ref.years.slice(0, -1).join(', ')} and ${ref.years[ref.years.length - 1]}`;
}

export interface ResolveContext {
  /** Where the chain came from, for messages: "QA Calendar, 11/01/2024 Coding review". */
  where: string;
  /** Year groups the task is about ("Year 10 Tier Letters"): narrows a chain's plain "HOY". */
  years?: number[];
}

/**
 * The staff who hold each stage of a chain, with a message for every role no one holds and every
 * part of the chain that names no role we know.
 */
export function resolveChain(chain: string | string[], staff: StaffMember[], ctx: ResolveContext): { stages: ResolvedStage[]; problems: string[] } {
  const problems: string[] = [];
  const stages = parseChain(chain).map((stage) => {
    const people: StaffMember[] = [];
    for (const ref of stage.roles) {
      const years = ref.years.length === 0 && entryTakesYear(ref.role) && ctx.years && ctx.years.length ? ctx.years : ref.years;
      const holders = staff.filter((m) => holdsRole(m, { role: ref.role, years }));
      if (holders.length === 0) problems.push(`No one on the Staff tab holds ${describeRole({ role: ref.role, years })} (${ctx.where})`);
      for (const h of holders) if (!people.some((p) => sameEmail(p.email, h.email))) people.push(h);
    }
    for (const u of stage.unknown) problems.push(`"${u}" in the owner chain "${stage.raw}" is not a role the tracker knows (${ctx.where})`);
    if (stage.roles.length === 0 && stage.unknown.length === 0) problems.push(`The owner chain stage "${stage.raw}" names no one (${ctx.where})`);
    return { raw: stage.raw, roles: stage.roles, unknown: stage.unknown, people };
  });
  return { stages, problems };
}

function entryTakesYear(role: string): boolean {
  const e = roleEntry(role);
  return !!(e && e.takesYear);
}

export function sameEmail(a: string, b: string): boolean {
  return String(a || '').trim().toLowerCase() === String(b || '').trim().toLowerCase();
}
