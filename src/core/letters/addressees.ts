/**
 * Who a pupil's letter goes to (SPEC §5 "Every parent"): each contact with parental
 * responsibility on the Contacts tab; contacts at one address share ONE letter addressed to them
 * all, a contact at another address gets a copy addressed to them. Without Contacts rows for the
 * pupil, the Students tab's Parent Name and Address, as before.
 *
 * Rules chosen where the spec is silent (docs/letters.md, docs/RULES.md):
 * - Parental Responsibility "Yes" → written to; "No" → not. Where the export does not say for
 *   anyone (no PR column, or blank), the highest-priority contact is written to, as the Students
 *   tab's one parent was.
 * - Correspondence "No" ("no correspondence") → never written to, whatever else holds.
 * - A contact with no address who lives with the pupil (or does not say) is at the pupil's address
 *   (Students tab). One who does not live with the pupil and has no address cannot be posted to:
 *   reported, not written to.
 * - Addresses are compared without case, spaces or punctuation ("12 Acacia Ave, Town" and
 *   "12 acacia ave\nTOWN" are one household).
 */
import { Pupil } from '../types';
import { PersonName, joinAddressees, joinSalutations, parseNames, personId } from './names';
import { proseName } from '../pupils/names';

/** A Contacts tab row, as the letters need it (the Contacts tab's record, core/records). */
export interface ContactLike {
  upn: string;
  name: string;
  forename?: string;
  surname?: string;
  title?: string;
  relationship?: string;
  parentalResponsibility: boolean | null;
  priority: number | null;
  address: string;
  email?: string;
  livesWithPupil: boolean | null;
  salutation?: string;
  correspondence?: boolean | null;
}

/** One letter's recipients: everyone at one address. */
export interface Addressee {
  /** For the Letters Log key: the people's ids, sorted, joined with "+" ("kate-smith+lee-jones"). */
  id: string;
  /** "Mr J Jones and Ms K Smith" — the envelope line. */
  addressee: string;
  /** "Dear Mr Jones and Ms Smith" / "Dear Parent/Carer". */
  salutation: string;
  /** The names as recorded, for {{ParentName}} ("Mr Lee Jones and Ms Kate Smith"; "Parent/Carer"). */
  parentName: string;
  /** One line per line. */
  address: string;
  /** The people's own e-mail addresses on file (Contacts Email, or the Students tab's Parent Email). */
  emails: string[];
  /** The address compared without case or punctuation: letters to one household file together. */
  household: string;
  /** Ids of each person (the key's parts). */
  people: string[];
  /** Each person's name and any salutation the export gave, to narrow the letter (narrowAddressee). */
  names: Array<{ id: string; person: PersonName; salutation: string }>;
  source: 'contacts' | 'students';
}

export interface AddresseeResult {
  addressees: Addressee[];
  /** Contacts not written to and why, for the preview ("Mr P Jones: no correspondence"). */
  notes: string[];
}

const NO_NAME_ID = 'parent-carer';

export function householdKey(address: string): string {
  return String(address || '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The Students tab's one parent: the fallback when the pupil has no Contacts rows. */
export function studentsTabAddressee(pupil: Pupil): Addressee {
  const people = parseNames(pupil.parentName || '');
  const emails = String(pupil.parentEmail || '').split(/[;,\s]+/).map((e) => e.trim()).filter((e) => e !== '');
  return make(people, [], addressLines(pupil.address), emails, pupil, 'students', (pupil.parentName || '').trim());
}

/**
 * The letters for one pupil: one per household of contacts written to, in the order of their best
 * priority (the main contact's household first). `contacts` are this pupil's rows (any order).
 */
export function addresseesFor(pupil: Pupil, contacts: ContactLike[]): AddresseeResult {
  if (!contacts.length) return { addressees: [studentsTabAddressee(pupil)], notes: [] };
  const notes: string[] = [];
  const rows = contacts.slice().sort((a, b) => prio(a) - prio(b));
  const named = (c: ContactLike) => c.name.trim() || [c.forename || '', c.surname || ''].join(' ').trim() || 'A contact with no name';
  const anyPrStated = rows.some((c) => c.parentalResponsibility === true);
  const chosen: ContactLike[] = [];
  for (const c of rows) {
    if (c.correspondence === false) {
      notes.push(`${named(c)}: marked "no correspondence" on the Contacts tab, so not written to.`);
      continue;
    }
    if (c.parentalResponsibility === false) continue; // not a parent for letters: no note needed
    if (c.parentalResponsibility === null && anyPrStated) continue;
    if (c.parentalResponsibility === null && chosen.length) continue; // PR unknown: the main contact only
    chosen.push(c);
  }
  if (!chosen.length) {
    if (!notes.length) notes.push('No contact on the Contacts tab has parental responsibility, so there is nobody to write to.');
    return { addressees: [], notes };
  }
  const byHousehold = new Map<string, ContactLike[]>();
  const order: string[] = [];
  for (const c of chosen) {
    let address = addressLines(c.address);
    if (!address && c.livesWithPupil !== false) address = addressLines(pupil.address);
    if (!address && c.livesWithPupil === false) {
      notes.push(`${named(c)}: no postal address on the Contacts tab, so not written to.`);
      continue;
    }
    const k = householdKey(address) || `no-address-${order.length}`;
    if (!byHousehold.has(k)) {
      byHousehold.set(k, []);
      order.push(k);
    }
    (byHousehold.get(k) as ContactLike[]).push({ ...c, address });
  }
  const addressees: Addressee[] = [];
  for (const k of order) {
    const group = byHousehold.get(k) as ContactLike[];
    const people: PersonName[] = [];
    const given: string[] = [];
    for (const c of group) {
      const names = parseNames(c.name, { title: c.title, forename: c.forename, surname: c.surname });
      for (const n of names) {
        people.push(n);
        given.push(names.length === 1 ? c.salutation || '' : '');
      }
    }
    const emails = group.map((c) => String(c.email || '').trim()).filter((e) => e !== '');
    const recorded = group.map((c) => named(c)).join(' and ');
    addressees.push(make(people, given, group[0].address, emails, pupil, 'contacts', recorded));
  }
  return { addressees, notes };
}

/**
 * The same letter addressed only to the people in `keep` (the others already had it: a contact
 * added after the letter went). Null when nobody is left.
 */
export function narrowAddressee(a: Addressee, keep: string[], pupil: Pupil): Addressee | null {
  // Nobody named ("Dear Parent/Carer"): the letter is the family's as a whole.
  if (!a.names.length) return a.people.some((p) => keep.indexOf(p) >= 0) ? a : null;
  const names = a.names.filter((n) => keep.indexOf(n.id) >= 0);
  if (!names.length) return null;
  if (names.length === a.names.length) return a;
  const recorded = names.map((n) => [n.person.title, ...n.person.forenames, n.person.surname].filter((x) => x !== '').join(' ')).join(' and ');
  return make(names.map((n) => n.person), names.map((n) => n.salutation), a.address, a.emails, pupil, a.source, recorded);
}

function make(people: PersonName[], given: string[], address: string, emails: string[], pupil: Pupil, source: Addressee['source'], recorded: string): Addressee {
  const ids = people.map(personId).filter((id) => id !== '');
  const pupilName = proseName(pupil);
  const sortedIds = ids.slice().sort();
  return {
    id: sortedIds.length ? unique(sortedIds).join('+') : NO_NAME_ID,
    addressee: people.length ? joinAddressees(people) : `The Parent/Carer of ${pupilName}`,
    salutation: joinSalutations(people, given),
    parentName: people.length ? recorded : 'Parent/Carer',
    address,
    emails: unique(emails),
    household: householdKey(address),
    people: ids.length ? unique(ids) : [NO_NAME_ID],
    names: people.map((person, i) => ({ id: personId(person), person, salutation: given[i] || '' })),
    source,
  };
}

function prio(c: ContactLike): number {
  return typeof c.priority === 'number' && isFinite(c.priority) ? c.priority : 99;
}

function unique(xs: string[]): string[] {
  const out: string[] = [];
  for (const x of xs) if (out.indexOf(x) < 0) out.push(x);
  return out;
}

/**
 * Address cells arrive as lines (CR/LF, blank lines) or, from many MIS exports, as one line with
 * commas; letters want one clean line each. Commas split only when there are no line breaks.
 */
export function addressLines(s: string): string {
  const text = s || '';
  return text
    .split(/[\r\n]/.test(text) ? /\r\n|\r|\n/ : /,/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}
