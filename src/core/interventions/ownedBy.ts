/**
 * Whose Interventions row is it (issue 20, "a filter view per owner")? The Owner cell is one line
 * of text, written by the add-on as "Role: Name" (core/homework/owners.ts ownerLabel), just "Role"
 * when nobody on the Staff tab held the post, "Mentor: Name", "SLT and mentor: Name", "Subject
 * teacher (Maths)" — or typed by staff ("Ms Smith", "HoY; Mr Jones"). The rule (docs/RULES.md
 * "Interventions: my open items"):
 * - a person NAMED in the cell owns it: their Staff-tab name (case, accents, full stops ignored)
 *   or their e-mail, after "Role:" or alone; several names may be split by , / & or "and";
 * - a role written WITHOUT a name is everyone's who holds it (Role on the Staff tab, aliases as
 *   access uses them), narrowed where the role has a place: Head of Year → the pupil's year,
 *   Form tutor → the pupil's reg group, a subject role with "(Subject)" → that department;
 * - a role WITH a name belongs to that person only: "Head of Year: Mr Brown" is not Ms Smith's
 *   though she is a Head of Year too. In "SLT and mentor: Mr Khan" the name goes with the role
 *   next to it (mentor), so SLT is bare and every SLT member sees it.
 * An item is open while its Status is Open (or blank, as the add-on's closing rules read it).
 */
import { IsoDate, toUk } from '../dates';
import { Intervention, Pupil, StaffMember } from '../types';
import { canonicalRole, hasRole, teachesSubject } from '../homework/owners';
import { listName, normUpn, sortKey, bySurname } from '../pupils/names';
import { normText } from '../text';
import { isOpenStatus } from './closing';

/** Where the pupil is, for roles tied to a year or a reg group (null: not on the Students tab). */
export interface PupilPlace {
  year: number | null;
  regGroup: string;
}

const sameName = (a: string, b: string) => sortKey(a) !== '' && sortKey(a) === sortKey(b);

function isMe(name: string, me: StaffMember): boolean {
  const n = name.trim();
  if (!n) return false;
  if (n.indexOf('@') >= 0) return normText(n) === normText(me.email);
  return sameName(n, me.name);
}

/** A role written without a name: does `me` hold it, in this pupil's place? */
function holdsBareRole(written: string, me: StaffMember, place: PupilPlace | null): boolean {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(written); // "Subject teacher (Maths)"
  const role = (m ? m[1] : written).trim();
  const subject = m ? m[2].trim() : '';
  if (!role) return false;
  const canon = canonicalRole(role);
  if (!hasRole(me, canon)) return false;
  if (canon === 'head of year') return !!place && place.year !== null && me.year === place.year;
  if (canon === 'form tutor') return !!place && normText(place.regGroup) !== '' && normText(me.regGroup) === normText(place.regGroup);
  if (subject) return teachesSubject(me, subject);
  return true;
}

const NAMES = /\s*(?:,|\/|&|\band\b)\s*/i;

/** Pure: does the Owner cell `owner` make this row `me`'s? */
export function ownsItem(owner: string, me: StaffMember, place: PupilPlace | null): boolean {
  for (const entry of String(owner || '').split(/[;\n]+/)) {
    const text = entry.trim();
    if (!text) continue;
    const colon = text.indexOf(':');
    if (colon < 0) {
      // Alone: a name ("Ms Smith") or a bare role ("Head of Year", "SLT and mentor" split below).
      if (isMe(text, me) || text.split(NAMES).some((n) => isMe(n, me))) return true;
      if (holdsBareRole(text, me, place) || text.split(NAMES).some((r) => holdsBareRole(r, me, place))) return true;
      continue;
    }
    const roles = text.slice(0, colon).split(NAMES).filter((r) => r.trim());
    const names = text.slice(colon + 1).split(NAMES);
    if (names.some((n) => isMe(n, me))) return true;
    // The name goes with the last role; any role before it is bare.
    if (roles.slice(0, -1).some((r) => holdsBareRole(r, me, place))) return true;
  }
  return false;
}

/** Who the list is for, as the sidebar says it: "Ms Smith (Head of Year 9)". */
export function describeMe(me: StaffMember): string {
  const roles = me.roles.filter((r) => r.trim()).map((r) => {
    const canon = canonicalRole(r);
    if (canon === 'head of year' && me.year !== null) return `${r} ${me.year}`;
    if (canon === 'form tutor' && me.regGroup) return `${r} ${me.regGroup}`;
    return r;
  });
  const name = me.name.trim() || me.email;
  return roles.length ? `${name} (${roles.join(', ')})` : name;
}

export interface MyItem {
  key: string;
  upn: string;
  /** "Surname, Forename" from the Students tab; the UPN when the pupil is not on it. */
  pupil: string;
  year: number | null;
  regGroup: string;
  area: string;
  action: string;
  due: IsoDate | '';
  dueUk: string;
}

export interface MyItemGroup {
  title: string;
  overdue: boolean;
  items: MyItem[];
}

export interface MyItems {
  who: string;
  asOf: IsoDate;
  count: number;
  overdue: number;
  groups: MyItemGroup[];
}

/**
 * Pure: `me`'s open items as of `asOf`, grouped by when they are due: Overdue first (due before
 * today, oldest first), then one group per due date, then those with no due date. Within a group:
 * due date, then the pupil in surname order, then the action.
 */
export function myOpenItems(rows: Intervention[], pupils: Pupil[], me: StaffMember, asOf: IsoDate): MyItems {
  const roll = new Map<string, Pupil>();
  for (const p of pupils) roll.set(normUpn(p.upn), p);
  const items: Array<MyItem & { p: Pupil | null }> = [];
  for (const r of rows) {
    if (!String(r.key || '').trim() || !isOpenStatus(r.status)) continue;
    const p = roll.get(normUpn(r.upn)) || null;
    if (!ownsItem(r.owner, me, p ? { year: p.year, regGroup: p.regGroup } : null)) continue;
    items.push({
      key: String(r.key).trim(), upn: r.upn, pupil: p ? listName(p) : r.upn, year: p ? p.year : null, regGroup: p ? p.regGroup : '',
      area: r.area, action: r.action, due: r.due || '', dueUk: r.due ? toUk(r.due) : '', p,
    });
  }
  const byPupil = (a: { p: Pupil | null; upn: string }, b: { p: Pupil | null; upn: string }) =>
    a.p && b.p ? bySurname(a.p, b.p) : a.p ? -1 : b.p ? 1 : a.upn < b.upn ? -1 : a.upn > b.upn ? 1 : 0;
  items.sort((a, b) => {
    const da = a.due || '9999-99-99';
    const db = b.due || '9999-99-99';
    if (da !== db) return da < db ? -1 : 1;
    return byPupil(a, b) || (a.action < b.action ? -1 : a.action > b.action ? 1 : 0);
  });
  const groups: MyItemGroup[] = [];
  const add = (title: string, overdue: boolean, item: MyItem) => {
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.items.push(item);
    else groups.push({ title, overdue, items: [item] });
  };
  let overdue = 0;
  for (const { p: _p, ...item } of items) {
    if (item.due && item.due < asOf) {
      overdue++;
      add('Overdue', true, item);
    } else if (item.due) add(item.due === asOf ? `Due today, ${item.dueUk}` : `Due ${item.dueUk}`, false, item);
    else add('No due date', false, item);
  }
  return { who: describeMe(me), asOf, count: items.length, overdue, groups };
}
